import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import {
  CaseStudies,
  ClubTiers,
  Courses,
  Events,
  Media,
  Members,
  Partners,
  Users,
} from './collections'
import { loyaltyPlugin } from './plugins/loyalty'
import { isAdminUser } from './src/access'
import { restrictPayloadInternals } from './src/access/payloadInternals'
import { benchBaselinePlugin } from './src/config/benchBaseline'
import { databaseAdapter, sqliteBusyTimeoutMs } from './src/db/adapter'
import { reportFailedCommits } from './src/db/reportFailedCommits'
import { guardSqliteWrites } from './src/db/sqliteWrites'
import { watchConnections } from './src/db/watchConnections'
import { CapturedEmails, emailAdapter } from './src/config/email'
import { databaseURI, payloadSecret, rootDir, serverURL } from './src/config/env'
import { jobsCron } from './src/config/jobsCron'
import { databaseOutageAfterError } from './src/server/databaseOutage'
import { eventTimezones } from './src/config/timezones'

export default buildConfig({
  admin: {
    // No Gravatar: the admin must not call third-party hosts.
    avatar: 'default',
    components: {
      graphics: {
        Icon: '/src/components/admin/Logo#Icon',
        Logo: '/src/components/admin/Logo#Logo',
      },
    },
    importMap: {
      baseDir: rootDir,
      importMapFile: path.join(rootDir, 'src/app/(payload)/admin/importMap.js'),
    },
    meta: {
      titleSuffix: ' · Partner Club',
    },
    timezones: {
      defaultTimezone: 'Europe/Berlin',
      supportedTimezones: eventTimezones,
    },
    user: Users.slug,
  },
  collections: [
    Courses,
    CaseStudies,
    Events,
    Media,
    ClubTiers,
    Partners,
    Members,
    Users,
    CapturedEmails,
  ],
  db: databaseAdapter(databaseURI()),
  editor: lexicalEditor(),
  // SMTP when SMTP_HOST is set; otherwise mails are kept in `captured-emails` (src/config/email.ts).
  email: emailAdapter(),
  onInit: (payload) => {
    watchConnections(payload)
    reportFailedCommits(payload)
    guardSqliteWrites(payload, sqliteBusyTimeoutMs)
  },
  graphQL: {
    disablePlaygroundInProduction: true,
  },
  hooks: {
    // A database that cannot be reached: 503 and a sentence, in every REST route.
    afterError: [databaseOutageAfterError],
  },
  jobs: {
    // GET /api/payload-jobs/run and /handle-schedules: Payload lets any signed-in user (here
    // every partner member) start the job runner. The cron below and the CLI do not use them.
    access: { run: ({ req }) => isAdminUser(req.user) },
    // The server process (getPayload with cron) runs queued and scheduled jobs of the
    // `loyalty` queue (expiry, tier review, mails, webhook deliveries) every minute, so a mail
    // or a webhook leaves within a minute of what caused it; an empty queue costs one query.
    // Set JOBS_AUTORUN=false to leave that to a separate worker
    // (`npm run payload -- jobs:run --queue loyalty`). A server started with `cron: false` runs
    // no cron at all (src/config/jobsCron.ts).
    autoRun: jobsCron([{ cron: '* * * * *', queue: 'loyalty' }]),
    shouldAutoRun: () => process.env.JOBS_AUTORUN !== 'false',
  },
  logger: {
    options: { level: process.env.LOG_LEVEL || 'info' },
  },
  // Refusals are part of normal operation: log them quietly, keep `error` for real faults.
  loggingLevels: {
    AuthenticationError: 'info',
    Forbidden: 'info',
    LockedAuth: 'warn',
    NotFound: 'info',
    ValidationError: 'info',
  },
  plugins: [
    loyaltyPlugin({
      // Seconds an analytics answer is reused (ANALYTICS_CACHE_SECONDS; 60 by default).
      analytics: process.env.ANALYTICS_CACHE_SECONDS
        ? { cacheSeconds: Number(process.env.ANALYTICS_CACHE_SECONDS) }
        : undefined,
      members: 'members',
      // Links in mails point at the public URL of the portal.
      notifications: { portalURL: serverURL() },
      organisationField: 'partner',
      organisations: 'partners',
      staleJobMinutes: process.env.JOBS_STALE_AFTER_MINUTES
        ? Number(process.env.JOBS_STALE_AFTER_MINUTES)
        : undefined,
      tiers: 'club-tiers',
      webhooks: {
        // Receivers on localhost or a private network: for development and tests only.
        allowPrivateAddresses: process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === 'true',
      },
    }),
    benchBaselinePlugin(process.env.BENCH_BASELINE_COLLECTION === 'true'),
  ],
  secret: payloadSecret(),
  serverURL: process.env.PUBLIC_URL || '',
  sharp,
  telemetry: false,
  typescript: {
    outputFile: path.join(rootDir, 'src/payload-types.ts'),
  },
}).then(restrictPayloadInternals)
