/**
 * A throwaway PostgreSQL cluster of the test's own (initdb into a temporary folder, pg_ctl on a
 * free loopback port), which a test may stop and start again, whatever database the suite runs
 * on. When this process runs as root (as CI does), PostgreSQL's programs run as the `postgres`
 * user, who then owns the folder, through `su postgres -s /bin/sh -c …` as .ci/run does.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { freePort } from './serverProcess'

const run = promisify(execFile)

/** The newest PostgreSQL's programs folder (/usr/lib/postgresql/<version>/bin), or null. */
export const postgresBinaries = (): null | string => {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return null
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b))
  return versions.length > 0 ? path.join(root, versions[versions.length - 1], 'bin') : null
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`

/** The uid and gid of the `postgres` user, from /etc/passwd. */
const postgresUser = (): { gid: number; uid: number } => {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'))
  if (!line) throw new Error('there is no postgres user to run PostgreSQL as (we run as root)')
  const [, , uid, gid] = line.split(':')
  return { gid: Number(gid), uid: Number(uid) }
}

export type Cluster = {
  /** Starts the server and waits until it accepts connections. */
  start: () => Promise<void>
  /** Stops the server; `immediate` ends every session at once, as a crash would. */
  stop: (mode: 'fast' | 'immediate') => Promise<void>
  /** Stops the server if it runs and deletes the cluster's folder. */
  remove: () => Promise<void>
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  uri: string
}

/** Makes a cluster in a new temporary folder and starts it. */
export const createCluster = async (binaries: string): Promise<Cluster> => {
  const asRoot = process.getuid?.() === 0
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-club-pg-'))
  const data = path.join(base, 'data')
  const logFile = path.join(base, 'postgres.log')
  if (asRoot) {
    const { gid, uid } = postgresUser()
    fs.chownSync(base, uid, gid)
  }
  const port = await freePort()
  const shell = async (command: string) => {
    const [file, args] = asRoot
      ? ['su', ['postgres', '-s', '/bin/sh', '-c', command]]
      : ['/bin/sh', ['-c', command]]
    try {
      await run(file, args, { timeout: 60_000 })
    } catch (error) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : ''
      throw new Error(`${command} failed: ${String(error)}\n${log}`)
    }
  }
  const pgCtl = `${quote(path.join(binaries, 'pg_ctl'))} -D ${quote(data)} -w -t 60`
  await shell(
    `${quote(path.join(binaries, 'initdb'))} -D ${quote(data)} -A trust -U postgres --no-sync >/dev/null`,
  )
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off`
  const start = () => shell(`${pgCtl} -l ${quote(logFile)} -o ${quote(options)} start >/dev/null`)
  let running = false
  await start()
  running = true
  return {
    remove: async () => {
      if (running) await shell(`${pgCtl} -m immediate stop >/dev/null`).catch(() => undefined)
      running = false
      fs.rmSync(base, { force: true, recursive: true })
    },
    start: async () => {
      await start()
      running = true
    },
    stop: async (mode) => {
      await shell(`${pgCtl} -m ${mode} stop >/dev/null`)
      running = false
    },
    uri: `postgres://postgres@127.0.0.1:${port}/postgres`,
  }
}
