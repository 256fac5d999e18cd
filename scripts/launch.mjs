#!/usr/bin/env node
/**
 * Runs a TypeScript entry point with tsx, and starts it again if it stalls while loading.
 *
 *   node scripts/launch.mjs src/server.ts [args…]
 *
 * Why: on Node 20, loading Payload's lexical editor through tsx sometimes stalls on a
 * top-level await in lexical's Node builds (`*.node.mjs` pick their dev/prod file with
 * `await import(…)`). Node then exits at once and silently with code 13 ("unsettled top-level
 * await"), before the program has done anything. It happens at random (here, 1 start in 2 to 1
 * in 6). Exit code 13 only ever means that, so trying again is safe; any other exit code is passed
 * through unchanged. Signals are forwarded to the child so graceful shutdown still works.
 */
import { spawn } from 'node:child_process'
import process from 'node:process'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/launch.mjs <entry.ts> [args…]')
  process.exit(2)
}
const attempts = Number(process.env.LAUNCH_ATTEMPTS || 8)

const run = (attempt) => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: 'inherit' })
  const forward = (signal) => child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward)
    process.off('SIGTERM', forward)
    if (code === 13 && attempt < attempts) {
      console.error(
        `[launch] ${entry} stalled while loading modules (exit 13); starting again (${attempt + 1}/${attempts}).`,
      )
      run(attempt + 1)
      return
    }
    if (signal) process.kill(process.pid, signal)
    else process.exit(code ?? 1)
  })
}

run(1)
