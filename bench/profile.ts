/**
 * Where the time of one award goes: runs the server in this process against a fresh
 * PostgreSQL database, counts and times every SQL statement, and sends requests one at a
 * time (no concurrency), so that each statement belongs to the request in flight.
 *
 *   node --import tsx bench/profile.ts
 *
 * Environment: BENCH_DATABASE_URI (as for run.ts), PROFILE_REQUESTS (default 40),
 * BENCH_LESSONS (default 200). The database is dropped at the end. If it ends silently with exit
 * code 13, the Payload config deadlocked while loading (see the README): run it again.
 */
import inspector from 'node:inspector/promises'
import { createRequire } from 'node:module'
import pg from 'pg'

import { cloneMembers, inParallel, longLedger, preStartLessons, signIn } from './lib/seed'

const baseUri = process.env.BENCH_DATABASE_URI || 'postgres://postgres@127.0.0.1:54329/postgres'
const requests = Number(process.env.PROFILE_REQUESTS || 40)
const lessons = Number(process.env.BENCH_LESSONS || 200)

type Statement = { ms: number; sql: string }
let recording: null | Statement[] = null

/** Wraps the query method of the `pg` that @payloadcms/db-postgres uses (its own copy). */
const instrument = () => {
  const require = createRequire(import.meta.url)
  const adapterEntry = require.resolve('@payloadcms/db-postgres')
  const adapterPg = createRequire(adapterEntry)('pg') as typeof pg
  for (const Client of new Set([adapterPg.Client, pg.Client])) {
    const original = Client.prototype.query as (...args: unknown[]) => unknown
    Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string }
      const sql = typeof first === 'string' ? first : (first?.text ?? '?')
      const started = performance.now()
      const target = recording
      const done = () => target?.push({ ms: performance.now() - started, sql })
      // Pool.query calls client.query with a callback; drizzle's sessions use the promise.
      const last = args.length - 1
      if (typeof args[last] === 'function') {
        const callback = args[last] as (...values: unknown[]) => unknown
        args[last] = (...values: unknown[]) => {
          done()
          return callback(...values)
        }
        return original.apply(this, args)
      }
      const result = original.apply(this, args)
      if (target && result && typeof (result as Promise<unknown>).then === 'function') {
        ;(result as Promise<unknown>).then(done, done)
      }
      return result
    } as typeof Client.prototype.query
  }
}

const shape = (sql: string) =>
  sql.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').replace(/"/g, '').slice(0, 110)

const profileRequests = async (
  label: string,
  send: (index: number) => Promise<Response>,
): Promise<void> => {
  const totals: number[] = []
  const perRequest: Statement[][] = []
  for (let index = 0; index < requests; index++) {
    recording = []
    const started = performance.now()
    const response = await send(index)
    await response.text()
    totals.push(performance.now() - started)
    if (response.status >= 300) throw new Error(`${label}: status ${response.status}`)
    perRequest.push(recording)
    recording = null
  }
  // The first few warm caches and JIT: report the rest.
  const skip = Math.min(5, Math.floor(requests / 4))
  const kept = perRequest.slice(skip)
  const keptTotals = totals.slice(skip)
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const statements = mean(kept.map((list) => list.length))
  const sqlMs = mean(kept.map((list) => list.reduce((sum, statement) => sum + statement.ms, 0)))
  const byShape = new Map<string, { count: number; ms: number }>()
  for (const list of kept) {
    for (const statement of list) {
      const key = shape(statement.sql)
      const entry = byShape.get(key) ?? { count: 0, ms: 0 }
      entry.count++
      entry.ms += statement.ms
      byShape.set(key, entry)
    }
  }
  const lines = [
    `${label}: ${keptTotals.length} sequential requests, mean ${mean(keptTotals).toFixed(1)} ms; ` +
      `${statements.toFixed(1)} SQL statements per request taking ${sqlMs.toFixed(1)} ms ` +
      `(${((100 * sqlMs) / mean(keptTotals)).toFixed(0)} % of the request)`,
    '  per request   ms/req  statement',
    ...[...byShape.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 25)
      .map(
        ([key, entry]) =>
          `  ${(entry.count / kept.length).toFixed(1).padStart(11)}  ${(entry.ms / kept.length).toFixed(2).padStart(7)}  ${key}`,
      ),
  ]
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

type ProfileNode = {
  callFrame: { functionName: string; lineNumber: number; url: string }
  hitCount?: number
  id: number
}

/** Where a sampled function lives: a package, the plugin, the app, or Node itself. */
const origin = (url: string): string => {
  if (!url) return '(native / GC / idle)'
  const nodeModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (nodeModules) return nodeModules[1]
  if (url.includes('/plugins/loyalty/')) return 'plugins/loyalty'
  if (url.startsWith('node:')) return 'node internals'
  if (url.includes('/work/')) return 'app'
  return url.split('/').slice(-2).join('/')
}

/**
 * Sends `count` requests, `concurrency` at a time, under the V8 CPU profiler, and prints where
 * the CPU time went: by package and by function (self time).
 */
const cpuProfile = async (
  label: string,
  count: number,
  concurrency: number,
  send: (index: number) => Promise<Response>,
) => {
  const session = new inspector.Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const response = await send(next++)
        await response.text()
      }
    }),
  )
  const wall = performance.now() - started
  const { profile } = (await session.post('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  session.disconnect()
  const selfMs = new Map<number, number>()
  profile.samples.forEach((id, index) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
  })
  const byOrigin = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let busy = 0
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0
    const name = node.callFrame.functionName
    if (name === '(idle)' || name === '(program)') continue
    busy += ms
    const where =
      name === '(garbage collector)' ? '(garbage collector)' : origin(node.callFrame.url)
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + ms)
    const key = `${name || '(anonymous)'}  ${where}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms)
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([key, ms]) =>
          `  ${(ms / count).toFixed(2).padStart(7)} ms/req  ${((100 * ms) / busy).toFixed(0).padStart(3)} %  ${key}`,
      )
  process.stdout.write(
    [
      `${label}: CPU profile of ${count} requests, ${concurrency} at a time: ${(count / (wall / 1000)).toFixed(1)}/s, ` +
        `${(busy / count).toFixed(1)} ms of JavaScript CPU (self time, this process) per request`,
      '  by origin:',
      ...top(byOrigin, 12),
      '  by function:',
      ...top(byFunction, 15),
      '',
      '',
    ].join('\n'),
  )
}

const main = async () => {
  const name = `bench_profile_${Date.now()}`
  const url = new URL(baseUri)
  url.pathname = `/${name}`
  const uri = url.toString()
  Object.assign(process.env, {
    ACTION_RATE_LIMIT: '0',
    DATABASE_URI: uri,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '0',
    NODE_ENV: 'test',
    PAYLOAD_SECRET: 'bench',
  })
  instrument()
  // The config before anything else that imports payload, and before any connection is open:
  // under tsx, loading it now and then deadlocks on a top-level await (see the README). With
  // nothing open the process then ends at once with exit code 13 (run it again); with a
  // connection open it would hang.
  const { default: config } = await import('../payload.config')
  const { startServer } = await import('../src/server/app')
  const { seedProgramme } = await import('./lib/seedProgramme')

  const admin = new pg.Client({ connectionString: baseUri })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  let close: (() => Promise<void>) | undefined
  let db: pg.Client | undefined
  try {
    const running = await startServer({ config, host: '127.0.0.1', nextMode: 'off', port: 0 })
    close = running.close
    const seeded = await seedProgramme(running.payload, { lessons, members: 30, membersVia: 'sql' })
    db = new pg.Client({ connectionString: uri })
    await db.connect()
    await cloneMembers(db, seeded, 30)
    await preStartLessons(db, seeded)
    await longLedger(db, seeded, 10_000)
    await db.query('ANALYZE')
    const tokens = await inParallel(seeded.members, 4, (member) =>
      signIn(running.url, 'members', member.email),
    )
    const adminToken = await signIn(running.url, 'users', seeded.adminEmail)
    const meToken = await signIn(running.url, 'members', seeded.ledgerMember.email)
    process.stdout.write(
      `course of ${lessons} lessons; PostgreSQL at ${url.host}; one request at a time\n\n`,
    )
    await profileRequests('award (POST …/lessons/:lessonId/complete)', (index) =>
      fetch(
        `${running.url}/api/courses/${seeded.courseId}/lessons/${seeded.lessonIds[Math.floor(index / tokens.length)]}/complete`,
        {
          headers: { authorization: `JWT ${tokens[index % tokens.length]}` },
          method: 'POST',
        },
      ),
    )
    await profileRequests('bare create (POST /api/partners)', (index) =>
      fetch(`${running.url}/api/partners`, {
        body: JSON.stringify({
          name: `Profile partner ${index}`,
          region: 'dach',
          type: 'installer',
        }),
        headers: { authorization: `JWT ${adminToken}`, 'content-type': 'application/json' },
        method: 'POST',
      }),
    )
    // CPU: where the JavaScript time of an award goes, under some concurrency.
    const cpuRequests = Number(process.env.PROFILE_CPU_REQUESTS || 200)
    const offset = requests // pairs not used by the statement profile above
    await cpuProfile('award', cpuRequests, 8, (index) => {
      const pair = offset + index
      return fetch(
        `${running.url}/api/courses/${seeded.courseId}/lessons/${seeded.lessonIds[Math.floor(pair / tokens.length)]}/complete`,
        { headers: { authorization: `JWT ${tokens[pair % tokens.length]}` }, method: 'POST' },
      )
    })
    await cpuProfile('bare create', cpuRequests, 8, (index) =>
      fetch(`${running.url}/api/partners`, {
        body: JSON.stringify({ name: `CPU partner ${index}`, region: 'dach', type: 'installer' }),
        headers: { authorization: `JWT ${adminToken}`, 'content-type': 'application/json' },
        method: 'POST',
      }),
    )
    const me = await fetch(`${running.url}/api/loyalty/me`, {
      headers: { authorization: `JWT ${meToken}` },
    })
    if (me.status === 200) {
      await profileRequests('GET /api/loyalty/me (member with 10,000 ledger entries)', () =>
        fetch(`${running.url}/api/loyalty/me`, { headers: { authorization: `JWT ${meToken}` } }),
      )
    }
  } finally {
    await db?.end().catch(() => undefined)
    await close?.().catch(() => undefined)
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined)
    await admin.end()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `profile failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    )
    process.exit(1)
  },
)
