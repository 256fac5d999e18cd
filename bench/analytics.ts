/**
 * The "Programme" analytics at scale: `GET /api/loyalty/analytics` over HTTP against the real
 * server on PostgreSQL holding `npm run seed:scale` data (100,000 members and 1,000,000 ledger
 * rows by default), cold (the first request after the server started) and warm, for several
 * periods and filters, side by side in the same run with two baselines on the same data:
 *
 * - "one SQL aggregate": a single `SUM(amount) … GROUP BY kind` over the period's ledger rows,
 *   straight through `pg` (the floor for any one figure of the view);
 * - "naive Payload find": what a view that loads documents would do — `payload.find` of the
 *   period's ledger entries (kind and amount only, `pagination: false`, at most 100,000) summed
 *   in JavaScript — for the same period, which covers one figure of the view's dozens.
 *
 *   createdb -h 127.0.0.1 -p 54329 -U postgres pc_scale_analytics
 *   DATABASE_URI=postgres://postgres@127.0.0.1:54329/pc_scale_analytics PAYLOAD_SECRET=… \
 *     npm run seed:scale -- --members 100000 --ledger 1000000
 *   npm run bench:analytics
 *
 * Environment (all optional):
 *   BENCH_ANALYTICS_DATABASE_URI  the seeded database
 *                                 (default postgres://postgres@127.0.0.1:54329/pc_scale_analytics)
 *   BENCH_ANALYTICS_REPEAT        warm requests per case (default 5)
 *
 * Answers are not reused between requests here (ANALYTICS_CACHE_SECONDS=0), so every warm
 * request is computed again (in the app, the same question is answered from memory for 60 s).
 */
import os from 'node:os'
import pg from 'pg'

process.env.DATABASE_URI =
  process.env.BENCH_ANALYTICS_DATABASE_URI ||
  'postgres://postgres@127.0.0.1:54329/pc_scale_analytics'
process.env.ANALYTICS_CACHE_SECONDS = '0'
process.env.PAYLOAD_SECRET ||= 'bench-analytics-secret'
process.env.LOG_LEVEL ||= 'warn'
process.env.JOBS_AUTORUN = 'false'

const { percentile, round } = await import('./lib/measure')
const { table } = await import('./lib/report')
const { demoLogins } = await import('../src/seed/logins')
const { startServer } = await import('../src/server/app')
const { default: config } = await import('../payload.config')

const repeat = Number(process.env.BENCH_ANALYTICS_REPEAT || 5)
const databaseURI = process.env.DATABASE_URI
const client = new pg.Pool({ connectionString: databaseURI, max: 4 })
const count = async (table: string) =>
  Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n)
const [members, ledgerRows, partners, activities] = await Promise.all([
  count('members'),
  count('loyalty_ledger'),
  count('partners'),
  count('loyalty_activities'),
])
if (members < 1000) {
  console.error(
    `The database has ${members} members: fill it first with npm run seed:scale (see the top of bench/analytics.ts).`,
  )
  process.exit(2)
}

const server = await startServer({
  config,
  cron: false,
  host: '127.0.0.1',
  nextMode: 'off',
  port: 0,
  shutdownTimeoutMs: 5000,
})
const login = await fetch(`${server.url}/api/users/login`, {
  body: JSON.stringify({ email: demoLogins.admin.email, password: demoLogins.admin.password }),
  headers: { 'content-type': 'application/json' },
  method: 'POST',
})
const { token } = (await login.json()) as { token: string }

const day = (date: Date) => date.toISOString().slice(0, 10)
const today = new Date(`${day(new Date())}T00:00:00Z`)
const daysBack = (days: number) => day(new Date(today.getTime() - (days - 1) * 86_400_000))
const someone = (
  await client.query(
    `select p.id, p.region from partners p join members m on m.partner_id = p.id group by p.id, p.region order by count(*) desc limit 1`,
  )
).rows[0] as { id: number; region: string }
const gold = (await client.query(`select id from club_tiers order by rank desc limit 1`)).rows[0]

// The baselines below block this process's event loop for seconds (the server runs in it too),
// so a kept-alive socket may be closed by the server as the next request goes out: that request
// is sent again on a new connection, and timed from there.
const send = (search: string) =>
  fetch(`${server.url}/api/loyalty/analytics?${search}`, {
    headers: { authorization: `JWT ${token}` },
  })
const isReset = (error: unknown) =>
  error instanceof TypeError &&
  (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNRESET'
const get = async (search: string) => {
  let started = performance.now()
  let response: Response
  try {
    response = await send(search)
  } catch (error) {
    if (!isReset(error)) throw error
    started = performance.now()
    response = await send(search)
  }
  const body = await response.text()
  const ms = performance.now() - started
  if (response.status !== 200)
    throw new Error(`${search}: ${response.status} ${body.slice(0, 300)}`)
  return { bytes: body.length, ms }
}

const cases: { label: string; search: string; days: number }[] = [
  { days: 30, label: 'last 30 days (the default)', search: '' },
  { days: 30, label: '30 days, one partner', search: `partner=${someone.id}` },
  {
    days: 30,
    label: '30 days, region + job role',
    search: `region=${someone.region}&jobRole=engineer`,
  },
  { days: 30, label: '30 days, top tier', search: `tier=${gold.id}` },
  { days: 90, label: 'last 90 days', search: `from=${daysBack(90)}&to=${day(today)}` },
  { days: 365, label: 'last 12 months', search: `from=${daysBack(365)}&to=${day(today)}` },
  {
    days: 731,
    label: 'last 2 years (the longest)',
    search: `from=${daysBack(731)}&to=${day(today)}`,
  },
]

const rows: (number | string)[][] = []
let first = true
for (const item of cases) {
  const cold = await get(item.search)
  const warm: number[] = []
  for (let n = 0; n < repeat; n++) warm.push((await get(item.search)).ms)
  warm.sort((a, b) => a - b)
  const from = new Date(today.getTime() - (item.days - 1) * 86_400_000)
  const to = new Date(today.getTime() + 86_400_000)
  // Baseline 1: one aggregate in SQL over the same rows.
  const sqlStarted = performance.now()
  await client.query(
    `select kind, sum(amount) from loyalty_ledger where created_at >= $1 and created_at < $2 group by kind`,
    [from.toISOString(), to.toISOString()],
  )
  const sqlMs = performance.now() - sqlStarted
  // Baseline 2: the period's entries loaded through Payload and summed here (one figure only).
  const findStarted = performance.now()
  const { docs } = await server.payload.find({
    collection: 'loyalty-ledger',
    depth: 0,
    limit: 100_000,
    overrideAccess: true,
    pagination: false,
    select: { amount: true, kind: true },
    where: {
      and: [
        { createdAt: { greater_than_equal: from.toISOString() } },
        { createdAt: { less_than: to.toISOString() } },
      ],
    },
  })
  const sums: Record<string, number> = {}
  for (const doc of docs) sums[doc.kind] = (sums[doc.kind] ?? 0) + doc.amount
  const findMs = performance.now() - findStarted
  rows.push([
    item.label,
    `${round(cold.ms, 0)}${first ? ' (first after start)' : ''}`,
    round(percentile(warm, 50), 0),
    round(percentile(warm, 95), 0),
    round(cold.bytes / 1024, 0),
    round(sqlMs, 0),
    `${round(findMs, 0)} (${docs.length.toLocaleString('en')} rows)`,
  ])
  first = false
}

await server.close()
await client.end()

const cpus = os.cpus()
console.log(
  [
    '',
    `Programme analytics on PostgreSQL: ${members.toLocaleString('en')} members, ${partners.toLocaleString('en')} partners, ${ledgerRows.toLocaleString('en')} ledger rows, ${activities.toLocaleString('en')} activities.`,
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Times in ms over HTTP on 127.0.0.1; warm = ${repeat} repeated requests (computed again each time).`,
    '',
    table(
      [
        'period / filters',
        'cold ms',
        'warm p50',
        'warm p95',
        'JSON KiB',
        'baseline: one SQL SUM … GROUP BY kind, ms',
        'baseline: Payload find + sum in JS, ms',
      ],
      rows,
    ),
    '',
  ].join('\n'),
)
process.exit(0)
