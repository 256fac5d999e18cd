/**
 * A jobs worker for the fault tests: runs the `loyalty` queue once, as one tick of the server's
 * jobs cron does (the `shouldAutoRun` check, then `payload.jobs.run`), and exits with 0.
 *
 *   node --import tsx test/helpers/jobsWorker.ts      (DATABASE_URI, PAYLOAD_SECRET set)
 *
 * It writes "worker: modules loaded" to its output once its modules are loaded: a process that
 * exits with code 13 before that stalled at start-up (see scripts/launch.mjs) and did nothing.
 */
import process from 'node:process'

const { default: config } = await import('../../payload.config')
const { getPayload } = await import('payload')
const { closeDatabase } = await import('../../src/server/readiness')
process.stdout.write('worker: modules loaded\n')

const payload = await getPayload({ config, cron: false })
const shouldAutoRun = payload.config.jobs.shouldAutoRun
if (!shouldAutoRun || (await shouldAutoRun(payload))) {
  const result = await payload.jobs.run({ queue: 'loyalty' })
  process.stdout.write(`worker: ${JSON.stringify(result)}\n`)
}
await closeDatabase(payload)
process.exit(0)
