/**
 * The server under test as a separate child process, and what we sample from it while the
 * load runs: resident memory (VmRSS) and CPU time, read from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

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

export type ServerProcess = {
  child: ChildProcess
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<string>
  pid: number
  url: string
}

/**
 * Starts `node --import tsx src/server.ts` with the given environment, writes its output to
 * `logFile`, and waits until `GET /readyz` answers 200 (or the process dies, or the timeout).
 */
export const startServerProcess = async (options: {
  cwd: string
  env: Record<string, string>
  logFile: string
  port: number
  readyTimeoutMs: number
}): Promise<ServerProcess> => {
  const log = fs.openSync(options.logFile, 'w')
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  if (!child.pid) throw new Error('the server process did not start')
  let exitedEarly: null | string = null
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedEarly = signal ?? String(code)
      resolve(exitedEarly)
    })
  })
  const url = `http://127.0.0.1:${options.port}`
  const deadline = Date.now() + options.readyTimeoutMs
  for (;;) {
    if (exitedEarly !== null) {
      const tail = fs.readFileSync(options.logFile, 'utf8').split('\n').slice(-30).join('\n')
      throw new Error(`the server exited (${exitedEarly}) before it was ready:\n${tail}`)
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`the server was not ready within ${options.readyTimeoutMs} ms`)
    }
    await sleep(250)
  }
  return { child, exited, pid: child.pid, url }
}

/** SIGTERM, then SIGKILL if the server has not ended after `graceMs`. */
export const stopServerProcess = async (server: ServerProcess, graceMs = 20_000) => {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  server.child.kill('SIGTERM')
  const stopped = await Promise.race([
    server.exited.then(() => true),
    sleep(graceMs).then(() => false),
  ])
  if (!stopped) {
    server.child.kill('SIGKILL')
    await server.exited
  }
}

const clockTicks = 100 // USER_HZ on Linux

/** Resident set size of a process in bytes (0 when it cannot be read). */
export const rssBytes = (pid: number): number => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status)
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** CPU seconds (user + system) a process has used so far. */
export const cpuSeconds = (pid: number): number => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / clockTicks
  } catch {
    return 0
  }
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
const machineTicks = (): { busy: number; total: number } => {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]
  const values = line.trim().split(/\s+/).slice(1).map(Number)
  const total = values.reduce((sum, value) => sum + value, 0)
  const idle = (values[3] ?? 0) + (values[4] ?? 0)
  return { busy: total - idle, total }
}

export type Samples = {
  /** Share of the whole machine's CPU that was busy (all processes), in percent. */
  machineCpuPercent: number
  /** Largest server RSS seen, in MiB. */
  rssMaxMiB: number
  /** Server CPU time over wall time, in percent of one core. */
  serverCpuPercent: number
}

/** Samples the server's RSS every `intervalMs` and its CPU use until `stop()`. */
export const sampleServer = (pid: number, intervalMs = 500) => {
  let max = rssBytes(pid)
  const timer = setInterval(() => {
    max = Math.max(max, rssBytes(pid))
  }, intervalMs)
  const startedAt = performance.now()
  const cpuAtStart = cpuSeconds(pid)
  const machineAtStart = machineTicks()
  return {
    stop: (): Samples => {
      clearInterval(timer)
      max = Math.max(max, rssBytes(pid))
      const wall = (performance.now() - startedAt) / 1000
      const machine = machineTicks()
      const total = machine.total - machineAtStart.total
      return {
        machineCpuPercent: total > 0 ? (100 * (machine.busy - machineAtStart.busy)) / total : 0,
        rssMaxMiB: max / 1024 / 1024,
        serverCpuPercent: wall > 0 ? (100 * (cpuSeconds(pid) - cpuAtStart)) / wall : 0,
      }
    },
  }
}

/**
 * Waits until the server has finished the requests still running after a measurement (the
 * load generator stops at its deadline; the server completes what it had started): until its
 * CPU use over 250 ms falls below 15 % of a core, at most `maxMs`.
 */
export const settle = async (pid: number, maxMs = 40_000) => {
  const deadline = Date.now() + maxMs
  await sleep(250)
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid)
    await sleep(250)
    if ((cpuSeconds(pid) - before) / 0.25 < 0.15) return
  }
}

/**
 * Runs `node --import tsx <script>` to its end, with a time limit; resolves with the exit code
 * (or the signal) and the last lines of its standard error, which it also passes through.
 */
export const runScript = (options: {
  cwd: string
  env: Record<string, string>
  script: string
  timeoutMs: number
}): Promise<{ code: string; stderrTail: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', options.script], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code: signal ?? String(code), stderrTail: stderr })
    })
  })
