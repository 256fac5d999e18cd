import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../config/env'

/** Folders and files whose changes make a Next.js build stale. */
const sources = [
  'src',
  'collections',
  'plugins',
  'payload.config.ts',
  'next.config.ts',
  'package-lock.json',
]

const newestMtime = (entry: string): number => {
  const stat = fs.statSync(entry, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const child of fs.readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, child)))
  return newest
}

/**
 * Why the pages need a build, or null when `.next` holds a build newer than every source.
 */
export const needsBuild = (): null | string => {
  const buildId = path.join(rootDir, '.next', 'BUILD_ID')
  const built = fs.statSync(buildId, { throwIfNoEntry: false })
  if (!built) return 'no build yet'
  const newest = Math.max(...sources.map((source) => newestMtime(path.join(rootDir, source))))
  return newest > built.mtimeMs ? 'sources changed since the last build' : null
}
