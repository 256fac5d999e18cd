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
  /** An IPC channel, over which the server reports that it is ready (src/server.ts). */
  ipc?: boolean
  logFile: string
  script: string
}): ChildScript => {
  const log = fs.openSync(options.logFile, 'a')
  const child = spawn(process.execPath, ['--import', 'tsx', options.script], {
    cwd: rootDir,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', log, log, 'ipc'] : ['ignore', log, log],
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
 * and waits for its "ready" message over IPC, then checks `GET /readyz`. Starts it again when it stalls at start-up (exit
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
      ipc: true,
      logFile: options.logFile,
      script: 'src/server.ts',
    })
    // The server sends { ready } once it listens; an exit first is a failed (or stalled) start.
    let deadline: NodeJS.Timeout | undefined
    const outcome = await Promise.race([
      new Promise<{ exited: null }>((resolve) =>
        script.child.on('message', (message: { ready?: string }) => {
          if (message?.ready) resolve({ exited: null })
        }),
      ),
      script.exited.then((status) => ({ exited: status })),
      new Promise<never>((_, reject) => {
        deadline = setTimeout(
          () => reject(new Error(`the server at ${url} was not ready after ${readyTimeoutMs} ms`)),
          readyTimeoutMs,
        )
      }),
    ]).catch(async (error: unknown) => {
      script.child.kill('SIGKILL')
      await script.exited
      throw new Error(`${String(error)}\n${logTail(options.logFile)}`)
    })
    clearTimeout(deadline)
    if (outcome.exited === '13') return { stalled: true }
    if (outcome.exited !== null) {
      throw new Error(
        `the server exited (${outcome.exited}) before it was ready:\n${logTail(options.logFile)}`,
      )
    }
    const ready = await fetch(`${url}/readyz`)
    if (ready.status !== 200) {
      script.child.kill('SIGKILL')
      await script.exited
      throw new Error(`the server said it was ready, but /readyz answered ${ready.status}`)
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
