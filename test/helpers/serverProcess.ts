/**
 * The real server (or another TypeScript entry point) as a child process: started with
 * `node --import tsx`, on loopback, its output written to a log file. Used by the fault tests,
 * which kill it, and by the benchmark.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { waitFor } from './waitFor'

/** The repository root. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A free TCP port on the loopback interface. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })

export type ChildScript = {
  child: ChildProcess
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<string>
  /** The exit code or signal once it has ended, else null. */
  exitStatus: () => null | string
  pid: number
}

const running = new Set<ChildProcess>()
// Never leave a child behind when the test process ends, however it ends.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts `node --import tsx <script>` with `env` added to this process's environment. */
export const spawnScript = (options: {
  env: Record<string, string>
  logFile: string
  script: string
}): ChildScript => {
  const log = fs.openSync(options.logFile, 'a')
  const child = spawn(process.execPath, ['--import', 'tsx', options.script], {
    cwd: rootDir,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  if (!child.pid) throw new Error(`${options.script} did not start`)
  running.add(child)
  let status: null | string = null
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child)
      status = signal ?? String(code)
      resolve(status)
    })
  })
  return { child, exited, exitStatus: () => status, pid: child.pid }
}

/** The last lines of a log file, for error messages. */
export const logTail = (logFile: string, lines = 30): string =>
  fs.existsSync(logFile)
    ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n')
    : ''

/**
 * Node 20 now and then exits silently with code 13 while tsx loads Payload's lexical editor (an
 * unsettled top-level await; see scripts/launch.mjs), before the program has done anything.
 * Runs `start` again when that happens, up to `attempts` times; any other outcome is final.
 */
export const retryingStall = async <T>(
  attempts: number,
  start: (attempt: number) => Promise<{ stalled: true } | { stalled: false; value: T }>,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    const outcome = await start(attempt)
    if (!outcome.stalled) return outcome.value
    if (attempt >= attempts) throw new Error(`the process stalled at start-up ${attempts} times`)
  }
}

export type ServerProcess = ChildScript & { logFile: string; url: string }

/**
 * Starts `node --import tsx src/server.ts` with the given environment (DATABASE_URI, PORT, …)
 * and waits until `GET /readyz` answers 200. Starts it again when it stalls at start-up (exit
 * 13); fails with the end of its log when it exits otherwise or is not ready in time.
 */
export const startServerProcess = async (options: {
  attempts?: number
  env: Record<string, string>
  logFile: string
  port: number
  readyTimeoutMs?: number
}): Promise<ServerProcess> => {
  const url = `http://127.0.0.1:${options.port}`
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000
  return retryingStall<ServerProcess>(options.attempts ?? 5, async () => {
    const script = spawnScript({
      env: options.env,
      logFile: options.logFile,
      script: 'src/server.ts',
    })
    const outcome = await waitFor(
      `the server at ${url} to be ready`,
      async () => {
        const status = script.exitStatus()
        if (status !== null) return { exited: status }
        try {
          const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })
          await response.body?.cancel()
          return response.status === 200 ? { exited: null } : null
        } catch {
          return null // not listening yet
        }
      },
      { intervalMs: 200, timeoutMs: readyTimeoutMs },
    ).catch(async (error: unknown) => {
      script.child.kill('SIGKILL')
      await script.exited
      throw new Error(`${String(error)}\n${logTail(options.logFile)}`)
    })
    if (outcome.exited === '13') return { stalled: true }
    if (outcome.exited !== null) {
      throw new Error(
        `the server exited (${outcome.exited}) before it was ready:\n${logTail(options.logFile)}`,
      )
    }
    return { stalled: false, value: { ...script, logFile: options.logFile, url } }
  })
}

/** Ends a child at once (SIGKILL: no clean-up of any kind) and waits until it is gone. */
export const killProcess = async (script: ChildScript): Promise<string> => {
  if (script.exitStatus() === null) script.child.kill('SIGKILL')
  return script.exited
}

/** SIGTERM, then SIGKILL if the process has not ended after `graceMs`. */
export const stopServerProcess = async (script: ChildScript, graceMs = 20_000): Promise<void> => {
  if (script.exitStatus() !== null) return
  script.child.kill('SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const stopped = await Promise.race([
    script.exited.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs)
    }),
  ])
  clearTimeout(timer)
  if (!stopped) await killProcess(script)
}

/**
 * The environment of a test server: the given database and port on loopback, API only, no
 * rate limits (the tests are one address with many sessions), no jobs cron, and no schema
 * push (the test process has pushed it already when it seeded the database).
 */
export const testServerEnv = (databaseURI: string, port: number): Record<string, string> => ({
  ACTION_RATE_LIMIT: '0',
  DATABASE_URI: databaseURI,
  HOST: '127.0.0.1',
  JOBS_AUTORUN: 'false',
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '0',
  NEXT_MODE: 'off',
  NODE_ENV: 'test',
  PAYLOAD_MIGRATING: 'true',
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'partner-club-test-secret',
  PORT: String(port),
})
