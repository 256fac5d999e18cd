/**
 * `npm run seed:scale -- --members 100000 --ledger 1000000`: a large programme for benchmarks
 * and analytics, in the database named by DATABASE_URI (SQLite or PostgreSQL). See seedScale.ts.
 * Interrupt with Ctrl-C (the chunk in flight is finished) and run the same command again to
 * resume. Started through `scripts/launch.mjs` (see there why).
 */
import { SingleBar } from 'cli-progress'

import config from '../../../payload.config'
import { getPayload } from 'payload'

import { closeDatabase } from '../../server/readiness'
import { parseScaleArgs, scaleUsage } from './args'
import { seedScale } from './seedScale'
import { verifyInvariants } from './verify'

const parsed = parseScaleArgs(process.argv.slice(2))
if ('help' in parsed) {
  process.stdout.write(scaleUsage)
  process.exit(0)
}
if ('error' in parsed) {
  process.stderr.write(`${parsed.error}\n\n${scaleUsage}`)
  process.exit(2)
}
const options = parsed.options

let stopping = false
process.on('SIGINT', () => {
  if (stopping) process.exit(130)
  stopping = true
  process.stderr.write('\nStopping after the chunk in flight (Ctrl-C again to quit now)…\n')
})

const payload = await getPayload({ config })
if (parsed.verify) {
  const report = await verifyInvariants(payload, new Date(), 'bounded')
  await closeDatabase(payload)
  process.stdout.write(
    `${report.accounts.members} members, ${report.accounts.organisations} organisations, ${report.ledgerRows} ledger rows: ${report.problems.length === 0 ? 'every invariant holds' : `\n  ${report.problems.join('\n  ')}`}\n`,
  )
  process.exit(report.problems.length === 0 ? 0 : 1)
}
const bar = new SingleBar({
  format:
    '{phase} [{bar}] {percentage}% | {value}/{total} | ledger rows {ledgerRows} | ETA {eta_formatted}',
  hideCursor: true,
  noTTYOutput: true,
  notTTYSchedule: 5000,
})
let phase = ''
const result = await seedScale(payload, options, {
  onProgress: (progress) => {
    if (progress.phase === 'content') {
      process.stdout.write('Making the demo programme and two years of content (if missing)…\n')
      return
    }
    if (progress.phase !== phase) {
      if (phase) bar.stop()
      phase = progress.phase
      bar.start(progress.total, progress.done, {
        ledgerRows: progress.ledgerRows,
        phase: phase.padEnd(13),
      })
    }
    bar.update(progress.done, { ledgerRows: progress.ledgerRows })
  },
  shouldStop: () => stopping,
})
bar.stop()
await closeDatabase(payload)
const complete = result.members >= options.members
process.stdout.write(
  [
    '',
    complete ? 'Scale data complete.' : 'Interrupted: run the same command again to resume.',
    `  members        ${result.members.toLocaleString('en')} (${result.membersCreated.toLocaleString('en')} made by this run${result.resumedAt ? `, resumed at ${result.resumedAt.toLocaleString('en')}` : ''})`,
    `  partners       ${result.partners.toLocaleString('en')}`,
    `  ledger rows    ${result.ledgerRows.toLocaleString('en')} (in the whole ledger)`,
    `  content made   ${result.contentCreated}`,
    `  time           ${result.seconds.toFixed(1)} s (content ${result.phases.content.toFixed(1)}, generating ${result.phases.generate.toFixed(1)}, writing ${result.phases.write.toFixed(1)}, organisations ${result.phases.organisations.toFixed(1)})`,
    '  Members sign in with their e-mail and the demo password demo-member-2026.',
    '',
  ].join('\n'),
)
process.exit(complete ? 0 : 130)
