/**
 * Seeds the bench programme through the Local API, in a process of its own, and writes what it
 * made (ids, emails) as JSON to BENCH_SEED_OUTPUT.
 *
 * Why a process of its own: loading the Payload config under tsx now and then deadlocks on a
 * top-level await (see the README), and the process then exits silently with code 13. In a child
 * that is harmless: run.ts sees that the child never reached its first line of work and starts it
 * again. In the bench process it would leave the server running and the database behind.
 *
 * Environment: DATABASE_URI, PAYLOAD_SECRET, BENCH_SEED_OUTPUT, BENCH_SEED_OPTIONS (JSON:
 * { lessons, members, membersVia }).
 */
import fs from 'node:fs'

// The config first, as src/seed/run.ts does.
const { default: config } = await import('../../payload.config')
const { getPayload } = await import('payload')
const { seedProgramme } = await import('./seedProgramme')
const { closeDatabase } = await import('../../src/server/readiness')

const output = process.env.BENCH_SEED_OUTPUT
if (!output) throw new Error('BENCH_SEED_OUTPUT is not set')
// Modules loaded: from here on a failure is real, not the start-up deadlock.
fs.writeFileSync(output, '')
process.stderr.write('seed: modules loaded\n')

const options = JSON.parse(process.env.BENCH_SEED_OPTIONS ?? '{}') as {
  lessons: number
  members: number
  membersVia: 'api' | 'sql'
}
const payload = await getPayload({ config })
const seeded = await seedProgramme(payload, {
  ...options,
  log: (message) => process.stderr.write(`seed: ${message}\n`),
})
await closeDatabase(payload)
fs.writeFileSync(output, JSON.stringify(seeded))
process.exit(0)
