/**
 * Partner Club benchmark: the loyalty award path against a bare Payload REST create and the
 * raw-SQL ceiling of the same PostgreSQL server, in one run. See docs/benchmarks.md.
 *
 *   npm run bench
 *
 * Environment (all optional):
 *   BENCH_DATABASE_URI    PostgreSQL server where the user may CREATE DATABASE
 *                         (default postgres://postgres@127.0.0.1:54329/postgres)
 *   BENCH_SECONDS         duration of each measurement (default 10)
 *   BENCH_CONNECTIONS     concurrency levels (default 8,32,128)
 *   BENCH_MEMBERS         members who complete lessons (default 300)
 *   BENCH_LESSONS         lessons in the bench course (default 200)
 *   BENCH_LEDGER_ENTRIES  ledger entries of the member read by GET /api/loyalty/me (default 10000)
 *   BENCH_WARMUP_SECONDS  unrecorded warm-up before the first measurement (default 3)
 *   BENCH_MEMBERS_VIA     `sql` (default): one member through the Local API, the others copied
 *                         from it in SQL; `api`: every member through the Local API (slow:
 *                         600,000 pbkdf2 rounds per password)
 *
 * A fresh database `bench_<timestamp>` is created and dropped at the end, also on failure or
 * interrupt. The server runs as a child process (`node --import tsx src/server.ts`), and so does
 * the Local API seeding (bench/lib/seedChild.ts); the load generator (autocannon) and the raw-SQL
 * clients run in this process, which never imports Payload. Everything stays on loopback.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import {
  type HttpFigures,
  type SqlFigures,
  createRawTables,
  httpFigures,
  runLoad,
  runRawSql,
} from './lib/measure'
import {
  type Samples,
  type ServerProcess,
  freePort,
  runScript,
  sampleServer,
  settle,
  sleep,
  startServerProcess,
  stopServerProcess,
} from './lib/proc'
import { fixed, ratio, table } from './lib/report'
import {
  type Seeded,
  cloneMembers,
  inParallel,
  longLedger,
  preStartLessons,
  signIn,
} from './lib/seed'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const resultsDir = path.join(rootDir, 'bench', 'results')

const numberEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}

const settings = {
  baseUri: process.env.BENCH_DATABASE_URI || 'postgres://postgres@127.0.0.1:54329/postgres',
  connections: (process.env.BENCH_CONNECTIONS || '8,32,128')
    .split(',')
    .map((value) => Number(value.trim()))
    .filter((value) => Number.isInteger(value) && value > 0),
  ledgerEntries: numberEnv('BENCH_LEDGER_ENTRIES', 10_000),
  lessons: numberEnv('BENCH_LESSONS', 200),
  /**
   * The first level is the one the target (p50 < 15 ms) is judged at: one request at a time,
   * the latency of one read. At 8 the p50 is mostly queueing on the server's one event loop
   * (about connections ÷ throughput), which the output shows next to it.
   */
  meConnections: [1, 8],
  members: numberEnv('BENCH_MEMBERS', 300),
  membersVia: (process.env.BENCH_MEMBERS_VIA === 'api' ? 'api' : 'sql') as 'api' | 'sql',
  seconds: numberEnv('BENCH_SECONDS', 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 3),
}
if (settings.connections.length === 0) throw new Error('BENCH_CONNECTIONS names no concurrency')
if (!/^postgres(ql)?:\/\//.test(settings.baseUri)) {
  throw new Error('BENCH_DATABASE_URI must be a postgres:// URL')
}

const log = (message: string) => {
  const seconds = ((performance.now() - t0) / 1000).toFixed(1).padStart(6)
  process.stderr.write(`[bench ${seconds}s] ${message}\n`)
}
const t0 = performance.now()

// ---------------------------------------------------------------------------------------------
// Cleanup, on success, failure, interrupt and the overall time limit alike.

const cleanups: { name: string; run: () => Promise<void> }[] = []
let cleaning: Promise<void> | undefined
const cleanup = (): Promise<void> =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run()
      } catch (error) {
        process.stderr.write(`[bench] cleanup "${step.name}" failed: ${String(error)}\n`)
      }
    }
  })())

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping and cleaning up`)
    void cleanup().finally(() => process.exit(130))
  })
}

// Phases: warm-up, then award, create and raw SQL per level, then /me; plus set-up and slack.
const budgetSeconds =
  240 +
  settings.connections.length * 3 * (settings.seconds + 20) +
  settings.meConnections.length * (settings.seconds + 20)
const watchdog = setTimeout(() => {
  log(`the benchmark exceeded its time limit of ${budgetSeconds} s; aborting`)
  void cleanup().finally(() => process.exit(2))
}, budgetSeconds * 1000)

// ---------------------------------------------------------------------------------------------

type Level = {
  award: HttpFigures
  bare: HttpFigures
  connections: number
  goalMet: boolean
  ratios: { awardP99PerBareP99: number; awardPerBare: number; awardPerRaw: number }
  raw: SqlFigures
  samples: { award: Samples; bare: Samples; raw: Samples }
}

type AwardTally = {
  duplicates: number
  errorBodies: string[]
  statusCodes: Record<string, number>
  wrongPoints: number
}

const newTally = (): AwardTally => ({
  duplicates: 0,
  errorBodies: [],
  statusCodes: {},
  wrongPoints: 0,
})

const countStatus = (tally: { statusCodes: Record<string, number> }, status: number) => {
  tally.statusCodes[status] = (tally.statusCodes[status] ?? 0) + 1
}

const loadAverageAtStart = os.loadavg()

const main = async (): Promise<number> => {
  fs.mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const databaseName = `bench_${stamp}_${process.pid}`
  const benchUri = (() => {
    const url = new URL(settings.baseUri)
    url.pathname = `/${databaseName}`
    return url.toString()
  })()

  // 1. A fresh database, and the server in its own process.
  const admin = new pg.Client({ connectionString: settings.baseUri })
  await admin.connect()
  cleanups.push({ name: 'close admin connection', run: () => admin.end() })
  const postgresVersion = (await admin.query<{ version: string }>('SELECT version()')).rows[0]
    .version
  const postgresSettings = Object.fromEntries(
    (
      await admin.query<{ name: string; setting: string; unit: null | string }>(
        `SELECT name, setting, unit FROM pg_settings
          WHERE name IN ('max_connections', 'shared_buffers', 'fsync', 'synchronous_commit', 'wal_level')`,
      )
    ).rows.map((row) => [row.name, row.unit ? `${row.setting} ${row.unit}` : row.setting]),
  )
  // Registered before the CREATE, so that an interrupt during it still drops the database.
  cleanups.push({
    name: 'drop bench database',
    run: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
      log(`dropped database ${databaseName}`)
    },
  })
  await admin.query(`CREATE DATABASE ${databaseName}`)
  log(`created database ${databaseName}`)

  const port = await freePort()
  const serverEnv = {
    // The load generator is one client address with a few hundred sessions: no rate limits.
    ACTION_RATE_LIMIT: '0',
    DATABASE_URI: benchUri,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '0',
    NEXT_MODE: 'off',
    NODE_ENV: 'test',
    PAYLOAD_SECRET: 'bench',
    PORT: String(port),
  }
  log(`starting the server on 127.0.0.1:${port} (log: bench/results/server.log)`)
  // startServerProcess starts it again when it stalls at start-up (exit code 13).
  const serverLog = path.join(resultsDir, 'server.log')
  fs.writeFileSync(serverLog, '')
  const server: ServerProcess = await startServerProcess({
    env: serverEnv,
    logFile: serverLog,
    port,
    readyTimeoutMs: 180_000,
  })
  const serverChild = server.child
  // Last resort if this process ends without cleaning up: never leave the server running.
  process.once('exit', () => {
    if (serverChild.exitCode === null && serverChild.signalCode === null)
      serverChild.kill('SIGKILL')
  })
  cleanups.push({
    name: 'stop server',
    run: async () => {
      await stopServerProcess(server)
      log('server stopped')
    },
  })
  log(`server ready (pid ${server.pid})`)

  // 2. Seed through the Local API, in a child process (see bench/lib/seedChild.ts for why).
  log(`seeding: ${settings.members} members, a course of ${settings.lessons} lessons`)
  const seedOutput = path.join(resultsDir, `seed-${process.pid}.json`)
  cleanups.push({
    name: 'remove seed output',
    run: async () => fs.rmSync(seedOutput, { force: true }),
  })
  let seeded: Seeded | undefined
  for (let attempt = 1; !seeded; attempt++) {
    fs.rmSync(seedOutput, { force: true })
    const { code, stderrTail } = await runScript({
      cwd: rootDir,
      env: {
        ...serverEnv,
        BENCH_SEED_OPTIONS: JSON.stringify({
          lessons: settings.lessons,
          members: settings.members,
          membersVia: settings.membersVia,
        }),
        BENCH_SEED_OUTPUT: seedOutput,
        // The server has pushed the schema already; a second push would only diff (slowly).
        PAYLOAD_MIGRATING: 'true',
      },
      script: 'bench/lib/seedChild.ts',
      timeoutMs: 600_000,
    })
    const written = fs.existsSync(seedOutput) ? fs.readFileSync(seedOutput, 'utf8') : null
    if (code === '0' && written) {
      seeded = JSON.parse(written) as Seeded
    } else if (written === null && attempt < 5) {
      log(`the seed process ended (${code}) before it loaded its modules; retrying`)
    } else {
      throw new Error(`seeding failed (exit ${code}):\n${stderrTail}`)
    }
  }

  const db = new pg.Client({ connectionString: benchUri })
  await db.connect()
  cleanups.push({ name: 'close bench connection', run: () => db.end() })
  if (settings.membersVia === 'sql') await cloneMembers(db, seeded, settings.members)
  log(
    `seeded ${seeded.members.length + 1} members (${settings.membersVia === 'sql' ? 'the first through the Local API, the others copied in SQL' : 'all through the Local API'})`,
  )
  const started = await preStartLessons(db, seeded)
  log(`pre-started ${started} (member, lesson) pairs`)
  await longLedger(db, seeded, settings.ledgerEntries)
  log(`gave member ${seeded.ledgerMember.id} ${settings.ledgerEntries} ledger entries`)
  await createRawTables(db, settings.members)
  await db.query('ANALYZE')

  log('signing in over REST')
  const adminToken = await signIn(server.url, 'users', seeded.adminEmail)
  const memberTokens = await inParallel(seeded.members, 8, (member) =>
    signIn(server.url, 'members', member.email),
  )
  const ledgerMemberToken = await signIn(server.url, 'members', seeded.ledgerMember.email)
  log(`signed in ${memberTokens.length + 2} accounts`)

  // 3. The measurements.
  let pairIndex = 0
  let pairsExhausted = 0
  const pairCount = seeded.members.length * seeded.lessonIds.length
  const nextPair = () => {
    const index = pairIndex++
    if (index >= pairCount) pairsExhausted++
    const member = index % seeded.members.length
    const lesson = Math.floor(index / seeded.members.length) % seeded.lessonIds.length
    return { lessonId: seeded.lessonIds[lesson], token: memberTokens[member] }
  }
  const awardTally = newTally()
  let partnerSequence = 0
  const createStatus: Record<string, number> = {}

  const measureAward = async (connections: number, seconds: number) => {
    const statusCodes: Record<string, number> = {}
    const sampler = sampleServer(server.pid)
    const result = await runLoad({
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          onResponse: (status: number, body: string) => {
            countStatus(awardTally, status)
            countStatus({ statusCodes }, status)
            if (status !== 200) {
              if (awardTally.errorBodies.length < 5)
                awardTally.errorBodies.push(`${status} ${body.slice(0, 300)}`)
              return
            }
            try {
              const parsed = JSON.parse(body) as {
                award?: { duplicate?: boolean; points?: number }
              }
              if (parsed.award?.duplicate !== false) awardTally.duplicates++
              if (parsed.award?.points !== 10) awardTally.wrongPoints++
            } catch {
              awardTally.wrongPoints++
            }
          },
          setupRequest: (request) => {
            const pair = nextPair()
            request.path = `/api/courses/${seeded.courseId}/lessons/${pair.lessonId}/complete`
            request.headers = { ...request.headers, authorization: `JWT ${pair.token}` }
            return request
          },
        },
      ],
      url: server.url,
    })
    const samples = sampler.stop()
    await settle(server.pid)
    return { figures: httpFigures(result, statusCodes), samples }
  }

  const measureCreate = async (connections: number, seconds: number) => {
    const statusCodes: Record<string, number> = {}
    const sampler = sampleServer(server.pid)
    const result = await runLoad({
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          onResponse: (status: number) => {
            countStatus({ statusCodes }, status)
            countStatus({ statusCodes: createStatus }, status)
          },
          setupRequest: (request) => {
            partnerSequence++
            request.path = '/api/partners'
            request.headers = {
              ...request.headers,
              authorization: `JWT ${adminToken}`,
              'content-type': 'application/json',
            }
            request.body = JSON.stringify({
              name: `Bench partner ${partnerSequence}`,
              region: 'dach',
              type: 'installer',
            })
            return request
          },
        },
      ],
      url: server.url,
    })
    const samples = sampler.stop()
    await settle(server.pid)
    return { figures: httpFigures(result, statusCodes), samples }
  }

  const maxConnections = Number(
    (await db.query<{ max_connections: string }>('SHOW max_connections')).rows[0].max_connections,
  )
  const measureRaw = async (connections: number, seconds: number, label: string) => {
    const { rows } = await db.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity')
    const available = maxConnections - Number(rows[0].count) - 5
    if (available < connections) {
      throw new Error(
        `PostgreSQL allows ${maxConnections} connections and ${rows[0].count} are in use: not enough for ${connections} raw-SQL clients`,
      )
    }
    const sampler = sampleServer(server.pid)
    const figures = await runRawSql({
      accounts: settings.members,
      connections,
      label,
      seconds,
      uri: benchUri,
    })
    return { figures, samples: sampler.stop() }
  }

  if (settings.warmupSeconds > 0) {
    log(`warm-up: ${settings.warmupSeconds} s of awards and of creates at 8 connections`)
    await measureAward(8, settings.warmupSeconds)
    await measureCreate(8, settings.warmupSeconds)
  }
  const warmupAwards = awardTally.statusCodes['200'] ?? 0

  const levels: Level[] = []
  for (const connections of settings.connections) {
    log(`award path, ${connections} connections, ${settings.seconds} s`)
    const award = await measureAward(connections, settings.seconds)
    log(
      `  ${fixed(award.figures.perSecond)}/s p50 ${award.figures.p50} ms p99 ${award.figures.p99} ms`,
    )
    log(`bare Payload create, ${connections} connections, ${settings.seconds} s`)
    const bare = await measureCreate(connections, settings.seconds)
    log(
      `  ${fixed(bare.figures.perSecond)}/s p50 ${bare.figures.p50} ms p99 ${bare.figures.p99} ms`,
    )
    log(`raw SQL, ${connections} clients, ${settings.seconds} s`)
    const raw = await measureRaw(connections, settings.seconds, `c${connections}`)
    log(
      `  ${fixed(raw.figures.perSecond)} tx/s p50 ${raw.figures.p50} ms p99 ${raw.figures.p99} ms`,
    )
    const awardPerBare = ratio(award.figures.perSecond, bare.figures.perSecond)
    const awardP99PerBareP99 = ratio(award.figures.p99, bare.figures.p99)
    levels.push({
      award: award.figures,
      bare: bare.figures,
      connections,
      goalMet: awardPerBare >= 1 && award.figures.p99 <= bare.figures.p99,
      ratios: {
        awardP99PerBareP99,
        awardPerBare,
        awardPerRaw: ratio(award.figures.perSecond, raw.figures.perSecond),
      },
      raw: raw.figures,
      samples: { award: award.samples, bare: bare.samples, raw: raw.samples },
    })
  }

  // GET /api/loyalty/me for the member with the long ledger, once the endpoint exists.
  const probe = await fetch(`${server.url}/api/loyalty/me`, {
    headers: { authorization: `JWT ${ledgerMemberToken}` },
  })
  const probeBody = await probe.text()
  type MeLevel = { connections: number; figures: HttpFigures; samples: Samples }
  let me:
    | { available: false; reason: string; status: number }
    | { available: true; levels: MeLevel[]; status: number }
  if (probe.status === 404) {
    me = { available: false, reason: 'not available yet (404)', status: 404 }
    log('GET /api/loyalty/me answers 404: not available yet, skipped')
  } else if (probe.status !== 200) {
    me = {
      available: false,
      reason: `answered ${probe.status}: ${probeBody.slice(0, 200)}`,
      status: probe.status,
    }
    log(`GET /api/loyalty/me answered ${probe.status}; skipped`)
  } else {
    const meLevels: MeLevel[] = []
    for (const connections of settings.meConnections) {
      log(`GET /api/loyalty/me, ${connections} connections, ${settings.seconds} s`)
      const statusCodes: Record<string, number> = {}
      const sampler = sampleServer(server.pid)
      const result = await runLoad({
        connections,
        duration: settings.seconds,
        headers: { authorization: `JWT ${ledgerMemberToken}` },
        requests: [
          {
            method: 'GET',
            onResponse: (status: number) => countStatus({ statusCodes }, status),
            path: '/api/loyalty/me',
          },
        ],
        url: server.url,
      })
      const samples = sampler.stop()
      const figures = httpFigures(result, statusCodes)
      meLevels.push({ connections, figures, samples })
      log(`  p50 ${figures.p50} ms p99 ${figures.p99} ms`)
      await settle(server.pid)
    }
    me = { available: true, levels: meLevels, status: 200 }
  }

  // 4. Checks: every award answered 200, no duplicates, balances equal the ledger.
  await settle(server.pid)
  await sleep(500)
  const balanceCheck = async (
    table: 'members' | 'partners',
    account: 'member' | 'organisation',
    column: 'member_id' | 'organisation_id',
  ) => {
    const { rows } = await db.query<{
      accounts: string
      balance_sum: string
      ledger_sum: string
      mismatched: string
    }>(
      `WITH sums AS (
         SELECT ${column} AS id, sum(amount) AS amount, sum(qualifying_amount) AS qualifying,
                coalesce(sum(amount) FILTER (WHERE amount > 0 AND kind IN ('earn', 'adjust')), 0) AS lots
           FROM loyalty_ledger WHERE account = $1 GROUP BY ${column})
       SELECT count(*) AS accounts,
              coalesce(sum(coalesce(t.loyalty_spendable, 0)), 0) AS balance_sum,
              (SELECT coalesce(sum(amount), 0) FROM loyalty_ledger WHERE account = $1) AS ledger_sum,
              count(*) FILTER (WHERE coalesce(t.loyalty_spendable, 0) <> coalesce(s.amount, 0)
                                  OR coalesce(t.loyalty_qualifying, 0) <> coalesce(s.qualifying, 0)
                                  OR coalesce(t.loyalty_lots, 0) <> coalesce(s.lots, 0))
                AS mismatched
         FROM ${table} t LEFT JOIN sums s ON s.id = t.id`,
      [account],
    )
    const row = rows[0]
    return {
      accounts: Number(row.accounts),
      balanceSum: Number(row.balance_sum),
      ledgerSum: Number(row.ledger_sum),
      mismatchedAccounts: Number(row.mismatched),
      pass: Number(row.mismatched) === 0 && Number(row.balance_sum) === Number(row.ledger_sum),
    }
  }
  const memberBalances = await balanceCheck('members', 'member', 'member_id')
  const organisationBalances = await balanceCheck('partners', 'organisation', 'organisation_id')
  const booked = await db.query<{
    awards: string
    completed: string
    raw_balances: string
    raw_ledger: string
  }>(
    `SELECT
       (SELECT count(*) FROM loyalty_ledger WHERE account = 'member' AND idempotency_key LIKE 'lesson.completed:%') AS awards,
       (SELECT count(*) FROM loyalty_progress WHERE completed_at IS NOT NULL) AS completed,
       (SELECT coalesce(sum(spendable), 0) FROM bench_balances) AS raw_balances,
       (SELECT coalesce(sum(amount), 0) FROM bench_ledger) AS raw_ledger`,
  )
  const award200 = awardTally.statusCodes['200'] ?? 0
  const awardNon200 = Object.entries(awardTally.statusCodes)
    .filter(([status]) => status !== '200')
    .reduce((sum, [, count]) => sum + count, 0)
  const awardErrors = levels.reduce(
    (sum, level) => sum + level.award.errors + level.award.timeouts,
    0,
  )
  const checks = {
    allAwards200: awardNon200 === 0 && awardErrors === 0,
    award200Responses: award200,
    awardDuplicates: awardTally.duplicates,
    awardErrorSamples: awardTally.errorBodies,
    awardNon200,
    awardStatusCodes: awardTally.statusCodes,
    awardWrongPoints: awardTally.wrongPoints,
    awardsBookedInLedger: Number(booked.rows[0].awards),
    balancesEqualLedger: memberBalances.pass && organisationBalances.pass,
    createStatusCodes: createStatus,
    lessonsMarkedComplete: Number(booked.rows[0].completed),
    memberBalances,
    organisationBalances,
    pairsExhausted,
    pairsUsed: Math.min(pairIndex, pairCount),
    pairsAvailable: pairCount,
    rawSqlBalancesEqualLedger:
      Number(booked.rows[0].raw_balances) === Number(booked.rows[0].raw_ledger),
    warmupAwards,
  }

  // 5. Report.
  const cpus = os.cpus()
  const machine = {
    cpuCount: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    kernel: `${os.type()} ${os.release()}`,
    /** 1/5/15-minute load averages: other work on the machine skews every figure. */
    loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100),
    loadAverageAtStart: loadAverageAtStart.map((value) => Math.round(value * 100) / 100),
    node: process.version,
    postgres: postgresVersion,
    postgresSettings,
    serverDatabasePoolMax: Number(process.env.DATABASE_POOL_MAX || 20),
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  }
  const report = {
    checks,
    finishedAt: new Date().toISOString(),
    levels,
    machine,
    me: {
      ...me,
      ledgerEntries: settings.ledgerEntries,
      targetConnections: settings.meConnections[0],
      targetP50Ms: 15,
    },
    settings: { ...settings, baseUri: settings.baseUri.replace(/\/\/[^@/]*@/, '//…@') },
  }
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`)

  const out: string[] = []
  out.push('')
  out.push(`Partner Club benchmark — ${report.finishedAt}`)
  out.push(
    `machine: ${machine.cpuModel} × ${machine.cpuCount}, ${machine.totalMemoryGiB} GiB, Node ${machine.node}`,
  )
  out.push(
    `load average (1/5/15 min) at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}`,
  )
  out.push(
    `database: ${postgresVersion.split(' on ')[0]} (fsync ${postgresSettings.fsync}, synchronous_commit ${postgresSettings.synchronous_commit}); server pool ${machine.serverDatabasePoolMax}`,
  )
  out.push(
    `each figure: ${settings.seconds} s; award = POST /api/courses/:id/lessons/:lessonId/complete (new pair each), bare = POST /api/partners, raw = BEGIN; INSERT ledger; UPDATE balance; COMMIT`,
  )
  out.push('')
  out.push(
    table(
      [
        'conns',
        'award/s',
        'p50',
        'p99',
        'non2xx',
        'bare/s',
        'p50',
        'p99',
        'raw tx/s',
        'p50',
        'p99',
        'award/bare',
        'award/raw',
        'p99 a/b',
        'goal',
      ],
      levels.map((level) => [
        level.connections,
        fixed(level.award.perSecond),
        level.award.p50,
        level.award.p99,
        level.award.non2xx + level.award.errors + level.award.timeouts,
        fixed(level.bare.perSecond),
        level.bare.p50,
        level.bare.p99,
        fixed(level.raw.perSecond),
        fixed(level.raw.p50, 1),
        fixed(level.raw.p99, 1),
        fixed(level.ratios.awardPerBare, 2),
        fixed(level.ratios.awardPerRaw, 3),
        fixed(level.ratios.awardP99PerBareP99, 2),
        level.goalMet ? 'MET' : 'NOT MET',
      ]),
    ),
  )
  out.push('(latencies in ms; goal: award/s ≥ bare/s and award p99 ≤ bare p99)')
  out.push('')
  out.push(
    table(
      [
        'conns',
        'RSS max award',
        'RSS max bare',
        'server CPU award',
        'server CPU bare',
        'machine CPU award',
        'machine CPU raw',
      ],
      levels.map((level) => [
        level.connections,
        `${fixed(level.samples.award.rssMaxMiB, 0)} MiB`,
        `${fixed(level.samples.bare.rssMaxMiB, 0)} MiB`,
        `${fixed(level.samples.award.serverCpuPercent, 0)} %`,
        `${fixed(level.samples.bare.serverCpuPercent, 0)} %`,
        `${fixed(level.samples.award.machineCpuPercent, 0)} %`,
        `${fixed(level.samples.raw.machineCpuPercent, 0)} %`,
      ]),
    ),
  )
  out.push(
    '(server CPU in % of one core; machine CPU in % of all cores, load generator and PostgreSQL included)',
  )
  out.push('')
  if (me.available) {
    out.push(`GET /api/loyalty/me for a member with ${settings.ledgerEntries} ledger entries:`)
    for (const level of me.levels) {
      const target =
        level.connections === settings.meConnections[0]
          ? ` — target p50 < 15 ms: ${level.figures.p50 < 15 ? 'MET' : 'NOT MET'}`
          : ` — queueing: ${level.connections} ÷ ${fixed(level.figures.perSecond)}/s ≈ ${fixed((level.connections / level.figures.perSecond) * 1000, 0)} ms`
      out.push(
        `  ${level.connections} conns: ${fixed(level.figures.perSecond)}/s p50 ${level.figures.p50} ms p99 ${level.figures.p99} ms non2xx ${level.figures.non2xx}; RSS max ${fixed(level.samples.rssMaxMiB, 0)} MiB${target}`,
      )
    }
  } else {
    out.push(`GET /api/loyalty/me: ${me.reason}`)
  }
  out.push('')
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL')
  out.push(
    `${verdict(checks.allAwards200)}  every award answered 200 (${checks.award200Responses} responses incl. ${warmupAwards} warm-up; other: ${JSON.stringify(checks.awardStatusCodes)})`,
  )
  out.push(
    `${verdict(checks.awardDuplicates === 0 && checks.awardWrongPoints === 0 && pairsExhausted === 0)}  every award was new and gave 10 points (duplicates ${checks.awardDuplicates}, wrong points ${checks.awardWrongPoints}, pairs used ${checks.pairsUsed}/${pairCount})`,
  )
  out.push(
    `${verdict(checks.balancesEqualLedger)}  cached balances (spendable, qualifying, lots) equal the ledger: members ${memberBalances.balanceSum} = ${memberBalances.ledgerSum} (${memberBalances.mismatchedAccounts} of ${memberBalances.accounts} differ), organisations ${organisationBalances.balanceSum} = ${organisationBalances.ledgerSum} (${organisationBalances.mismatchedAccounts} differ)`,
  )
  out.push(
    `info  awards booked in the ledger ${checks.awardsBookedInLedger}, lessons marked complete ${checks.lessonsMarkedComplete} (≥ 200 responses: requests cut off at a deadline still finish on the server)`,
  )
  out.push('')
  out.push(`written: bench/results/latest.json`)
  process.stdout.write(`${out.join('\n')}\n`)

  const passed =
    checks.allAwards200 &&
    checks.balancesEqualLedger &&
    checks.awardDuplicates === 0 &&
    checks.awardWrongPoints === 0 &&
    pairsExhausted === 0
  return passed ? 0 : 1
}

let exitCode = 1
try {
  exitCode = await main()
} catch (error) {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  exitCode = 1
} finally {
  await cleanup()
  clearTimeout(watchdog)
}
process.exit(exitCode)
