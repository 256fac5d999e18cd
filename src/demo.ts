/**
 * `npm run demo`: the product on the embedded SQLite database with demo content.
 * Builds the pages when there is no current build, starts the server in production mode,
 * seeds the demo programme (once; later runs find it there), and prints where to sign in.
 */
// Started through scripts/launch.mjs (npm run demo), which restarts it if loading stalls.
import { main } from './server'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getPayload } from 'payload'

import config from '../payload.config'

import { rootDir } from './config/env'
import { allowJobsCron } from './config/jobsCron'
import { needsBuild } from './server/buildState'
import { members } from './seed/content'
import { seed } from './seed/index'
import { sendDemoMails } from './seed/mails'
import { demoLogins } from './seed/logins'

Object.assign(process.env, { NODE_ENV: 'production' })
const dataDir = path.join(rootDir, 'data')
fs.mkdirSync(dataDir, { recursive: true })

// A per-checkout secret, made once, so sign-ins survive restarts without a .env file.
if (!process.env.PAYLOAD_SECRET) {
  const secretFile = path.join(dataDir, '.payload-secret')
  if (!fs.existsSync(secretFile))
    fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  process.env.PAYLOAD_SECRET = fs.readFileSync(secretFile, 'utf8').trim()
}

const reason = process.argv.includes('--rebuild') ? 'asked to rebuild' : needsBuild()
if (reason) {
  console.log(`Building the admin panel and portal (${reason}); this takes about a minute…`)
  const build = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: rootDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--no-deprecation' },
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) {
    console.error('The build failed; see the output above.')
    process.exit(build.status ?? 1)
  }
}

// The jobs queue's cron (every minute) starts only once the seed is written, so that scheduled
// jobs see the whole demo programme.
const running = await main({ cron: false })
const summary = await seed(running.payload)
// The first time: the notification jobs run once, so the admin shows mails they sent.
const mails = Object.keys(summary.created).length > 0 ? await sendDemoMails(running.payload) : null
allowJobsCron(true)
// Through getPayload, which records that the cron runs, so that no request starts a second one;
// directly when a request during the seed already had Payload record it (with no crons then).
await getPayload({ config, cron: true })
if (running.payload.crons.length === 0) await running.payload._initializeCrons()
const created = Object.values(summary.created).reduce((sum, value) => sum + value, 0)
const [manager, engineer] = members

const lines = [
  '',
  '  Partner Club demo is running.',
  '',
  `  Portal       ${running.url}/`,
  `  Admin        ${running.url}/admin`,
  `  API          ${running.url}/api   GraphQL ${running.url}/api/graphql`,
  `  Database     ${process.env.DATABASE_URI || 'data/partner-club.db (embedded SQLite)'}`,
  `  Demo content ${created > 0 ? `seeded (${created} documents)` : 'already present, left as it was'}`,
  process.env.SMTP_HOST
    ? `  Mail         sent through ${process.env.SMTP_HOST}`
    : `  Mail         kept in the admin under "Sent mail (local capture)"${mails === null ? '' : ` (${mails} sent by the notification jobs)`}`,
  running.payload.crons.length > 0
    ? '  Jobs         the "loyalty" queue runs every minute'
    : '  Jobs         not started: run them with npm run payload -- jobs:run --queue loyalty',
  '',
  '  Sign in (demo only):',
  `    admin       ${demoLogins.admin.email} / ${demoLogins.admin.password}`,
  `    marketer    ${demoLogins.marketer.email} / ${demoLogins.marketer.password}`,
  `    member      ${manager.email} / ${demoLogins.memberPassword}  (partner manager)`,
  `    member      ${engineer.email} / ${demoLogins.memberPassword}  (engineer)`,
  '',
  '  Stop with Ctrl+C.',
  '',
]
console.log(lines.join('\n'))
