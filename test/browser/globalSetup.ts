import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { rootDir } from '../../src/config/env'
import { needsBuild } from '../../src/server/buildState'

/**
 * Browser tests run against the `next build` output. Builds it first when there is none or a
 * source file is newer than it (about a minute here); otherwise does nothing.
 */
export default function buildPagesWhenStale(): void {
  const reason = needsBuild()
  if (!reason) return
  console.log(`Browser tests: building the pages first (${reason})…`)
  const started = Date.now()
  const build = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: rootDir,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  if (build.status !== 0)
    throw new Error(`next build failed (exit ${build.status}); see the output above.`)
  console.log(`Browser tests: pages built in ${Math.round((Date.now() - started) / 1000)} s.`)
}
