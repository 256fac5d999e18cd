/**
 * The server under test as a separate child process (started and stopped by the helpers the
 * fault tests use too), and what we sample from it while the load runs: resident memory (VmRSS)
 * and CPU time, read from /proc.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export {
  type ServerProcess,
  freePort,
  startServerProcess,
  stopServerProcess,
} from '../../test/helpers/serverProcess'

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
