/**
 * Partner Club at scale: the award paths (lesson completion and event check-in), the member's
 * reads (/me, statement, leaderboard) and the portal pages, measured on PostgreSQL holding the
 * `npm run seed:scale` data, side by side in the same run with (a) a bare Payload REST create of a
 * ledger-shaped document and (b) the raw SQL of the same write on the same tables. The award and
 * /me measurements are repeated as the programme grows (1k, 10k, 100k members by default).
 * See docs/benchmarks.md.
 *
 *   npm run bench:scale
 *
 * Environment (all optional):
 *   BENCH_DATABASE_URI    PostgreSQL server where the user may CREATE DATABASE
 *                         (default postgres://postgres@127.0.0.1:54329/postgres)
 *   BENCH_SCALE_SIZES     member counts to grow through (default 1000,10000,100000); the full
 *                         set of measurements runs at the last one
 *   BENCH_LEDGER_PER_MEMBER  ledger rows per member (default 10: 1,000,000 at 100,000 members)
 *   BENCH_SECONDS         duration of each measurement (default 10)
 *   BENCH_CONNECTIONS     concurrency levels at the last size (default 8,32,128)
 *   BENCH_GROWTH_CONNECTIONS  concurrency of the award measurement at every size (default 32)
 *   BENCH_CLIENTS         members who sign in and act (default 300)
 *   BENCH_PAGES           `1`: also measure the portal's pages (needs `npm run build` first)
 *   BENCH_KEEP_DATABASE   `1`: keep the database at the end (its name is printed)
 *
 * The server runs as a child process, restarted for every size after the seed has grown the
 * data; the seed runs as a child too (`npm run seed:scale`, resumable, so each size only adds
 * members). This process never imports Payload. Everything stays on 127.0.0.1.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { type HttpFigures, type SqlFigures, httpFigures, runLoad } from './lib/measure'
import {
  type Samples,
  type ServerProcess,
  freePort,
  sampleServer,
  settle,
  startServerProcess,
  stopServerProcess,
} from './lib/proc'
import { fixed, ratio, table } from './lib/report'
import { inParallel } from './lib/seed'
import { runRawLedger } from './lib/rawLedger'
import { timeToFirstByte } from './lib/ttfb'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const resultsDir = path.join(rootDir, 'bench', 'results')

const list = (raw: string | undefined, fallback: string) =>
  (raw || fallback)
    .split(',')
    .map((value) => Number(value.trim()))
    .filter((value) => Number.isInteger(value) && value > 0)

const settings = {
  baseUri: process.env.BENCH_DATABASE_URI || 'postgres://postgres@127.0.0.1:54329/postgres',
  clients: Number(process.env.BENCH_CLIENTS || 300),
  connections: list(process.env.BENCH_CONNECTIONS, '8,32,128'),
  growthConnections: Number(process.env.BENCH_GROWTH_CONNECTIONS || 32),
  keep: process.env.BENCH_KEEP_DATABASE === '1',
  ledgerPerMember: Number(process.env.BENCH_LEDGER_PER_MEMBER || 10),
  pages: process.env.BENCH_PAGES === '1',
  seconds: Number(process.env.BENCH_SECONDS || 10),
  sizes: list(process.env.BENCH_SCALE_SIZES, '1000,10000,100000'),
}
if (settings.sizes.length === 0) throw new Error('BENCH_SCALE_SIZES names no size')
if (!/^postgres(ql)?:\/\//.test(settings.baseUri)) {
  throw new Error('BENCH_DATABASE_URI must be a postgres:// URL')
}

const t0 = performance.now()
const log = (message: string) =>
  process.stderr.write(
    `[scale ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)}s] ${message}\n`,
  )

const demoPassword = 'demo-member-2026'
const adminLogin = { email: 'admin@partnerclub.example', password: 'demo-admin-2026' }

const cleanups: (() => Promise<void>)[] = []
const cleanup = async () => {
  for (const step of cleanups.reverse())
    await step().catch((error) => log(`cleanup: ${String(error)}`))
  cleanups.length = 0
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`)
    void cleanup().finally(() => process.exit(130))
  })
}

/** Runs `npm run seed:scale` (through scripts/launch.mjs) to `members`; returns its seconds. */
const seedTo = (env: Record<string, string>, members: number, logFile: string) =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now()
    const out = fs.openSync(logFile, 'a')
    const child = spawn(
      process.execPath,
      [
        'scripts/launch.mjs',
        'src/seed/scale/cli.ts',
        '--members',
        String(members),
        '--ledger',
        String(members * settings.ledgerPerMember),
      ],
      { cwd: rootDir, env: { ...process.env, ...env }, stdio: ['ignore', out, out] },
    )
    child.once('exit', (code) => {
      fs.closeSync(out)
      if (code === 0) resolve((performance.now() - started) / 1000)
      else reject(new Error(`seed:scale ended with ${code}; see ${logFile}`))
    })
  })

const signIn = async (
  url: string,
  collection: 'members' | 'users',
  email: string,
  password: string,
) => {
  const response = await fetch(`${url}/api/${collection}/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  const body = (await response.json().catch(() => ({}))) as { token?: string }
  if (!body.token) throw new Error(`sign-in as ${email} failed: ${response.status}`)
  return body.token
}

type Pair = { path: string; token: string; body?: string }

type Measured = {
  figures: HttpFigures
  samples: Samples
  statusCodes: Record<string, number>
  wrong: number
}

/** One autocannon run over a queue of distinct requests (each used once). */
const measurePairs = async (
  server: ServerProcess,
  nextPair: () => Pair,
  connections: number,
  seconds: number,
  check: (status: number, body: string) => boolean,
): Promise<Measured> => {
  const statusCodes: Record<string, number> = {}
  let wrong = 0
  const sampler = sampleServer(server.pid)
  const result = await runLoad({
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        onResponse: (status: number, body: string) => {
          statusCodes[status] = (statusCodes[status] ?? 0) + 1
          if (!check(status, body)) wrong++
        },
        setupRequest: (request) => {
          const pair = nextPair()
          request.path = pair.path
          request.headers = {
            ...request.headers,
            authorization: `JWT ${pair.token}`,
            'content-type': 'application/json',
          }
          if (pair.body) request.body = pair.body
          return request
        },
      },
    ],
    url: server.url,
  })
  const samples = sampler.stop()
  await settle(server.pid)
  return { figures: httpFigures(result, statusCodes), samples, statusCodes, wrong }
}

const measureGet = async (
  server: ServerProcess,
  token: string,
  urlPath: string,
  connections: number,
) => {
  const statusCodes: Record<string, number> = {}
  const sampler = sampleServer(server.pid)
  const result = await runLoad({
    connections,
    duration: settings.seconds,
    headers: { authorization: `JWT ${token}` },
    requests: [
      {
        method: 'GET',
        onResponse: (status: number) => (statusCodes[status] = (statusCodes[status] ?? 0) + 1),
        path: urlPath,
      },
    ],
    url: server.url,
  })
  const samples = sampler.stop()
  await settle(server.pid)
  return { figures: httpFigures(result, statusCodes), samples, statusCodes }
}

const awardCheck = (status: number, body: string) => {
  if (status !== 200) return false
  try {
    const parsed = JSON.parse(body) as { award?: { duplicate?: boolean; points?: number } }
    return parsed.award?.duplicate === false && (parsed.award.points ?? 0) > 0
  } catch {
    return false
  }
}

const main = async (): Promise<number> => {
  fs.mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const databaseName = `bench_scale_${stamp}`
  const uri = Object.assign(new URL(settings.baseUri), { pathname: `/${databaseName}` }).toString()
  const admin = new pg.Client({ connectionString: settings.baseUri })
  await admin.connect()
  cleanups.push(() => admin.end())
  if (!settings.keep) {
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
      log(`dropped ${databaseName}`)
    })
  }
  await admin.query(`CREATE DATABASE ${databaseName}`)
  log(`database ${databaseName}`)
  const postgresVersion = (await admin.query<{ version: string }>('SELECT version()')).rows[0]
    .version

  const port = await freePort()
  const env: Record<string, string> = {
    ACTION_RATE_LIMIT: '0',
    BENCH_BASELINE_COLLECTION: 'true',
    DATABASE_URI: uri,
    HOST: '127.0.0.1',
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '0',
    NEXT_MODE: settings.pages ? 'build' : 'off',
    NODE_ENV: 'test',
    PAYLOAD_SECRET: 'bench-scale',
    PORT: String(port),
  }
  const db = new pg.Client({ connectionString: uri })
  let server: ServerProcess | undefined
  cleanups.push(async () => {
    if (server) await stopServerProcess(server)
  })

  const growth: {
    award: Measured
    ledgerRows: number
    me: Awaited<ReturnType<typeof measureGet>>
    members: number
    seedSeconds: number
  }[] = []
  let full: Record<string, unknown> = {}
  let memberTokens: { id: number; token: string }[] = []
  let adminToken = ''
  let heavy = { id: 0, token: '' }

  for (const [index, size] of settings.sizes.entries()) {
    const last = index === settings.sizes.length - 1
    if (server) await stopServerProcess(server)
    server = undefined
    log(`seeding to ${size.toLocaleString('en')} members (log: bench/results/seed-scale.log)`)
    const seedSeconds = await seedTo(env, size, path.join(resultsDir, 'seed-scale.log'))
    log(`  ${seedSeconds.toFixed(0)} s`)
    if (index === 0) {
      await db.connect()
      cleanups.push(async () => db.end().catch(() => undefined))
    }

    // Distinct work for every measurement: pre-started lessons of the scale courses for the
    // signed-in members, and (at the last size) live webinars with registrations to check in to.
    const clientIds = (
      await db.query<{ id: number }>(
        `SELECT id FROM members WHERE email LIKE '%.scale.example' AND status = 'active'
          ORDER BY id LIMIT $1`,
        [settings.clients],
      )
    ).rows.map((row) => row.id)
    await db.query(
      `INSERT INTO loyalty_progress (key, member_id, collection, document_id, item, started_at, attempts, created_at, updated_at)
       SELECT m.id || ':courses:' || c.id || ':lesson:' || l.id, m.id, 'courses', c.id::text, 'lesson:' || l.id,
              now() - interval '1 hour', 0, now() - interval '1 hour', now() - interval '1 hour'
         FROM unnest($1::int[]) AS m(id)
         CROSS JOIN courses c JOIN courses_lessons l ON l._parent_id = c.id
        WHERE c.slug LIKE 'scale-course-%'
       ON CONFLICT (key) DO NOTHING`,
      [clientIds],
    )
    if (last) {
      await db.query(
        `UPDATE events SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '6 hours',
                attendance_code = 'BENCH', registration_deadline = NULL
          WHERE slug LIKE 'scale-webinar-%'`,
      )
      await db.query(
        `INSERT INTO loyalty_registrations (key, member_id, event_id, status, registered_at, created_at, updated_at)
         SELECT m.id || ':' || e.id, m.id, e.id::text, 'registered', now(), now(), now()
           FROM unnest($1::int[]) AS m(id) CROSS JOIN events e
          WHERE e.slug LIKE 'scale-webinar-%'
         ON CONFLICT (key) DO NOTHING`,
        [clientIds],
      )
    }
    await db.query('ANALYZE')
    const ledgerRows = Number((await db.query('SELECT count(*) FROM loyalty_ledger')).rows[0].count)

    log('starting the server')
    // startServerProcess retries the start-up stall (exit 13) itself.
    server = await startServerProcess({
      env,
      logFile: path.join(resultsDir, 'server-scale.log'),
      port,
      readyTimeoutMs: 180_000,
    })
    const running = server

    if (memberTokens.length === 0) {
      log(`signing in ${clientIds.length} members and the admin`)
      const emails = (
        await db.query<{ email: string; id: number }>(
          'SELECT id, email FROM members WHERE id = ANY($1::int[]) ORDER BY id',
          [clientIds],
        )
      ).rows
      memberTokens = await inParallel(emails, 4, async (row) => ({
        id: row.id,
        token: await signIn(running.url, 'members', row.email, demoPassword),
      }))
      adminToken = await signIn(running.url, 'users', adminLogin.email, adminLogin.password)
    }
    // The reader: the signed-in member with the longest ledger.
    const { rows: longest } = await db.query<{ member_id: number }>(
      `SELECT member_id FROM loyalty_ledger WHERE account = 'member' AND member_id = ANY($1::int[])
        GROUP BY member_id ORDER BY count(*) DESC LIMIT 1`,
      [memberTokens.map((member) => member.id)],
    )
    heavy = memberTokens.find((member) => member.id === longest[0]?.member_id) ?? memberTokens[0]

    const tokenOf = new Map(memberTokens.map((member) => [member.id, member.token]))
    /** Pairs not completed yet, in a random order; repeats (counted as wrong) if it runs out. */
    const queue = (pairs: Pair[]) => {
      let next = 0
      return () => pairs[next++ % pairs.length]
    }
    const lessonPairs = async () =>
      queue(
        (
          await db.query<{ document_id: string; item: string; member_id: number }>(
            `SELECT member_id, document_id, item FROM loyalty_progress
            WHERE member_id = ANY($1::int[]) AND item LIKE 'lesson:%' AND completed_at IS NULL
              AND started_at < now() - interval '30 minutes'
            ORDER BY md5(key)`,
            [memberTokens.map((member) => member.id)],
          )
        ).rows.map((row) => ({
          path: `/api/courses/${row.document_id}/lessons/${row.item.slice('lesson:'.length)}/complete`,
          token: tokenOf.get(row.member_id)!,
        })),
      )

    // Unrecorded warm-up after each start: the first requests compile code and fill caches.
    await measurePairs(running, await lessonPairs(), 8, 3, () => true)
    log(`award (lesson completion), ${settings.growthConnections} connections`)
    const award = await measurePairs(
      running,
      await lessonPairs(),
      settings.growthConnections,
      settings.seconds,
      awardCheck,
    )
    log(
      `  ${fixed(award.figures.perSecond)}/s p50 ${award.figures.p50} ms p99 ${award.figures.p99} ms`,
    )
    log('GET /api/loyalty/me, 1 connection')
    const me = await measureGet(running, heavy.token, '/api/loyalty/me', 1)
    log(`  p50 ${me.figures.p50} ms p99 ${me.figures.p99} ms`)
    growth.push({ award, ledgerRows, me, members: size, seedSeconds })

    if (!last) continue

    // The full set at the last size.
    const levels = []
    let ledgerSequence = 0
    const checkInPairs: Pair[] = (
      await db.query<{ event_id: string; member_id: number }>(
        `SELECT r.member_id, r.event_id FROM loyalty_registrations r JOIN events e ON e.id::text = r.event_id
          WHERE r.member_id = ANY($1::int[]) AND r.status = 'registered' AND e.slug LIKE 'scale-webinar-%'
          ORDER BY md5(r.key)`,
        [memberTokens.map((member) => member.id)],
      )
    ).rows.map((row) => ({
      body: JSON.stringify({ code: 'bench' }),
      path: `/api/events/${row.event_id}/check-in`,
      token: tokenOf.get(row.member_id)!,
    }))
    let checkInNext = 0
    const memberIds = memberTokens.map((member) => member.id)
    const { rows: partnerRows } = await db.query<{ id: number; partner_id: number }>(
      'SELECT id, partner_id FROM members WHERE id = ANY($1::int[])',
      [memberIds],
    )
    const barePairs = (): Pair => {
      const member = partnerRows[ledgerSequence % partnerRows.length]
      return {
        body: JSON.stringify({
          account: 'member',
          amount: 10,
          idempotencyKey: `bench-bare:${ledgerSequence++}`,
          kind: 'earn',
          member: member.id,
          organisation: member.partner_id,
          qualifyingAmount: 10,
          reason: 'Lesson completed: bench',
          sourceCollection: 'courses',
          sourceId: '1',
          sourceTitle: 'bench',
        }),
        // depth=0: the answer is not populated, as the award path's is not.
        path: '/api/bench-ledger?depth=0',
        token: adminToken,
      }
    }
    // Unrecorded warm-ups of the check-in and the bare create.
    const warmCheckIns = await measurePairs(running, queue(checkInPairs), 8, 3, () => true)
    checkInNext +=
      Object.values(warmCheckIns.statusCodes).reduce((sum, count) => sum + count, 0) + 8
    await measurePairs(running, barePairs, 8, 3, () => true)
    for (const connections of settings.connections) {
      log(`award (lesson completion), ${connections} connections`)
      const completion = await measurePairs(
        running,
        await lessonPairs(),
        connections,
        settings.seconds,
        awardCheck,
      )
      log(
        `  ${fixed(completion.figures.perSecond)}/s p50 ${completion.figures.p50} p99 ${completion.figures.p99}`,
      )
      log(`award (event check-in), ${connections} connections`)
      const remaining = queue(checkInPairs.slice(checkInNext))
      const checkIn = await measurePairs(
        running,
        remaining,
        connections,
        settings.seconds,
        awardCheck,
      )
      checkInNext +=
        Object.values(checkIn.statusCodes).reduce((sum, count) => sum + count, 0) + connections
      log(
        `  ${fixed(checkIn.figures.perSecond)}/s p50 ${checkIn.figures.p50} p99 ${checkIn.figures.p99}`,
      )
      log(
        `bare Payload create on the ledger's collection (bench-ledger), ${connections} connections`,
      )
      const bare = await measurePairs(
        running,
        barePairs,
        connections,
        settings.seconds,
        (status) => status === 201,
      )
      log(`  ${fixed(bare.figures.perSecond)}/s p50 ${bare.figures.p50} p99 ${bare.figures.p99}`)
      log(`raw SQL (the same ledger and balance rows), ${connections} clients`)
      const sampler = sampleServer(running.pid)
      const raw: SqlFigures = await runRawLedger({
        connections,
        label: `c${connections}`,
        members: partnerRows,
        seconds: settings.seconds,
        uri,
      })
      const rawSamples = sampler.stop()
      log(`  ${fixed(raw.perSecond)} tx/s p50 ${raw.p50} p99 ${raw.p99}`)
      levels.push({ bare, checkIn, completion, connections, raw, rawSamples })
    }
    const reads: Record<string, Awaited<ReturnType<typeof measureGet>>[]> = {}
    for (const [name, urlPath] of [
      ['me', '/api/loyalty/me'],
      ['statement', '/api/loyalty/statement'],
      ['leaderboard', '/api/loyalty/leaderboard'],
    ] as const) {
      reads[name] = []
      for (const connections of [1, 8]) {
        log(`GET ${urlPath}, ${connections} connection(s)`)
        const read = await measureGet(running, heavy.token, urlPath, connections)
        log(
          `  p50 ${read.figures.p50} ms p99 ${read.figures.p99} ms (${JSON.stringify(read.statusCodes)})`,
        )
        reads[name].push(read)
      }
    }
    let pages: null | Record<string, Awaited<ReturnType<typeof timeToFirstByte>>> = null
    if (settings.pages) {
      const { rows: course } = await db.query<{ slug: string }>(
        `SELECT slug FROM courses WHERE slug LIKE 'scale-course-%' ORDER BY id LIMIT 1`,
      )
      pages = {}
      for (const [name, urlPath] of [
        ['home', '/'],
        ['course', `/courses/${course[0].slug}`],
      ] as const) {
        log(`portal page ${urlPath}: time to first byte, 50 requests one at a time`)
        pages[name] = await timeToFirstByte(`${running.url}${urlPath}`, heavy.token, 50)
        log(
          `  TTFB p50 ${pages[name].ttfbP50} ms p99 ${pages[name].ttfbP99} ms, whole page p50 ${pages[name].totalP50} ms`,
        )
      }
    }
    full = { levels, pages, reads }
  }
  if (server) await stopServerProcess(server)
  server = undefined

  // Checks: the invariants still hold after all the load.
  const { rows: check } = await db.query<{ accounts: string; mismatched: string }>(
    `WITH sums AS (
       SELECT member_id AS id, sum(amount) AS amount, sum(qualifying_amount) AS lifetime,
              sum(CASE WHEN amount > 0 AND kind IN ('earn', 'adjust') THEN amount ELSE 0 END) AS lots
         FROM loyalty_ledger WHERE account = 'member' GROUP BY member_id)
     SELECT count(*) AS accounts,
            count(*) FILTER (WHERE coalesce(m.loyalty_spendable, 0) <> coalesce(s.amount, 0)
                                OR coalesce(m.loyalty_lifetime, 0) <> coalesce(s.lifetime, 0)
                                OR coalesce(m.loyalty_lots, 0) <> coalesce(s.lots, 0)) AS mismatched
       FROM members m LEFT JOIN sums s ON s.id = m.id`,
  )
  const balancesHold = Number(check[0].mismatched) === 0
  const wrongAwards = growth.reduce((sum, g) => sum + g.award.wrong, 0)

  const cpus = os.cpus()
  const report = {
    checks: {
      balancesHold,
      members: Number(check[0].accounts),
      mismatched: Number(check[0].mismatched),
      wrongAwards,
    },
    finishedAt: new Date().toISOString(),
    full,
    growth,
    machine: {
      cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
      loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      postgres: postgresVersion.split(' on ')[0],
    },
    settings: { ...settings, baseUri: '…' },
  }
  fs.writeFileSync(
    path.join(resultsDir, 'scale-latest.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  )

  const out: string[] = ['', `Partner Club at scale — ${report.finishedAt}`]
  out.push(
    `machine: ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, ${report.machine.postgres}; load ${report.machine.loadAverage.join(' ')}`,
  )
  out.push(
    '',
    'Growth (award = lesson completion at ' +
      settings.growthConnections +
      ' connections; /me at 1 connection for the member with the longest ledger):',
  )
  out.push(
    table(
      [
        'members',
        'ledger rows',
        'seed s',
        'award/s',
        'p50',
        'p99',
        '/me p50',
        '/me p99',
        'award/s ÷ first',
        '/me p50 ÷ first',
      ],
      growth.map((g) => [
        g.members.toLocaleString('en'),
        g.ledgerRows.toLocaleString('en'),
        fixed(g.seedSeconds, 0),
        fixed(g.award.figures.perSecond),
        g.award.figures.p50,
        g.award.figures.p99,
        g.me.figures.p50,
        g.me.figures.p99,
        fixed(ratio(g.award.figures.perSecond, growth[0].award.figures.perSecond), 2),
        fixed(ratio(g.me.figures.p50, growth[0].me.figures.p50), 2),
      ]),
    ),
  )
  const levels = (full.levels ?? []) as {
    bare: Measured
    checkIn: Measured
    completion: Measured
    connections: number
    raw: SqlFigures
    rawSamples: Samples
  }[]
  if (levels.length > 0) {
    out.push('', `At ${settings.sizes.at(-1)?.toLocaleString('en')} members (latencies in ms):`)
    out.push(
      table(
        [
          'conns',
          'complete/s',
          'p50',
          'p99',
          'check-in/s',
          'p50',
          'p99',
          'bare/s',
          'p50',
          'p99',
          'raw tx/s',
          'p50',
          'p99',
          'complete/bare',
          'check-in/bare',
          'complete/raw',
          'RSS max',
        ],
        levels.map((level) => [
          level.connections,
          fixed(level.completion.figures.perSecond),
          level.completion.figures.p50,
          level.completion.figures.p99,
          fixed(level.checkIn.figures.perSecond),
          level.checkIn.figures.p50,
          level.checkIn.figures.p99,
          fixed(level.bare.figures.perSecond),
          level.bare.figures.p50,
          level.bare.figures.p99,
          fixed(level.raw.perSecond),
          fixed(level.raw.p50, 1),
          fixed(level.raw.p99, 1),
          fixed(ratio(level.completion.figures.perSecond, level.bare.figures.perSecond), 2),
          fixed(ratio(level.checkIn.figures.perSecond, level.bare.figures.perSecond), 2),
          fixed(ratio(level.completion.figures.perSecond, level.raw.perSecond), 3),
          `${fixed(Math.max(level.completion.samples.rssMaxMiB, level.checkIn.samples.rssMaxMiB, level.bare.samples.rssMaxMiB), 0)} MiB`,
        ]),
      ),
    )
    const reads = full.reads as Record<string, Awaited<ReturnType<typeof measureGet>>[]>
    out.push('', 'Reads of the member with the longest ledger (1 and 8 connections):')
    out.push(
      table(
        ['endpoint', 'p50 @1', 'p99 @1', 'req/s @8', 'p50 @8', 'p99 @8', 'non-2xx'],
        Object.entries(reads).map(([name, [one, eight]]) => [
          name,
          one.figures.p50,
          one.figures.p99,
          fixed(eight.figures.perSecond),
          eight.figures.p50,
          eight.figures.p99,
          one.figures.non2xx + eight.figures.non2xx,
        ]),
      ),
    )
    const pages = full.pages as null | Record<string, Awaited<ReturnType<typeof timeToFirstByte>>>
    if (pages) {
      out.push('', 'Portal pages, signed in, one request at a time:')
      out.push(
        table(
          ['page', 'TTFB p50', 'TTFB p99', 'whole p50', 'whole p99', 'statuses'],
          Object.entries(pages).map(([name, page]) => [
            name,
            page.ttfbP50,
            page.ttfbP99,
            page.totalP50,
            page.totalP99,
            JSON.stringify(page.statusCodes),
          ]),
        ),
      )
    }
    const wrongFull = levels.reduce(
      (sum, level) => sum + level.completion.wrong + level.checkIn.wrong + level.bare.wrong,
      0,
    )
    report.checks.wrongAwards += wrongFull
  }
  out.push('')
  out.push(
    `${report.checks.wrongAwards === 0 ? 'PASS' : 'FAIL'}  every award answered 200 with new points; every bare create 201 (wrong: ${report.checks.wrongAwards})`,
  )
  out.push(
    `${balancesHold ? 'PASS' : 'FAIL'}  cached balances equal the ledger for all ${report.checks.members.toLocaleString('en')} members (${report.checks.mismatched} differ)`,
  )
  out.push('written: bench/results/scale-latest.json')
  process.stdout.write(`${out.join('\n')}\n`)
  if (settings.keep) log(`kept database ${databaseName}`)
  return report.checks.wrongAwards === 0 && balancesHold ? 0 : 1
}

let exitCode = 1
try {
  exitCode = await main()
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  await cleanup()
}
process.exit(exitCode)
