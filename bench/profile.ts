/**
 * Where the time of one award goes: runs the server in this process against a fresh
 * PostgreSQL database, counts and times every SQL statement, and sends requests one at a
 * time (no concurrency), so that each statement belongs to the request in flight.
 *
 *   node --import tsx bench/profile.ts
 *
 * Environment: BENCH_DATABASE_URI (as for run.ts), PROFILE_REQUESTS (default 40),
 * BENCH_LESSONS (default 200). The database is dropped at the end.
 */
import { createRequire } from 'node:module'
import pg from 'pg'

import {
  cloneMembers,
  inParallel,
  longLedger,
  preStartLessons,
  seedProgramme,
  signIn,
} from './lib/seed'

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
  sql
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '?')
    .replace(/"/g, '')
    .slice(0, 110)

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

const main = async () => {
  const name = `bench_profile_${Date.now()}`
  const admin = new pg.Client({ connectionString: baseUri })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(baseUri)
  url.pathname = `/${name}`
  const uri = url.toString()
  let close: (() => Promise<void>) | undefined
  let db: pg.Client | undefined
  try {
    Object.assign(process.env, {
      DATABASE_URI: uri,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      PAYLOAD_SECRET: 'bench',
    })
    instrument()
    const { default: config } = await import('../payload.config')
    const { startServer } = await import('../src/server/app')
    const running = await startServer({ config, host: '127.0.0.1', nextMode: 'off', port: 0 })
    close = running.close
    const seeded = await seedProgramme(running.payload, { lessons, members: 20, membersVia: 'sql' })
    db = new pg.Client({ connectionString: uri })
    await db.connect()
    await cloneMembers(db, seeded, 20)
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
        body: JSON.stringify({ name: `Profile partner ${index}`, region: 'dach', type: 'installer' }),
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
    process.stderr.write(`profile failed: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  },
)
