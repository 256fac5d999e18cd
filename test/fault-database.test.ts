/**
 * The database stopped under load: the real server (a child process) runs against a PostgreSQL
 * cluster of this test's own, members earn points and read their account, and the cluster is
 * stopped at once (`pg_ctl stop -m immediate`). Every request must then fail quickly with 503
 * and a sentence, /readyz must say the database is down, and nothing may be half-written. When
 * the cluster is back, the same server process serves again without a restart.
 */
import type { Payload } from 'payload'

import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createLocalReq, getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeDatabase } from '../src/server/readiness'
import { type Answer, type MemberClient, acknowledged, call } from './helpers/faultLoad'
import { type FaultProgramme, faultPassword, seedFaultProgramme } from './helpers/faultProgramme'
import { auditLedger, ledgerEntries } from './helpers/ledgerAudit'
import { type Cluster, createCluster, postgresBinaries } from './helpers/pgCluster'
import { signIn } from './helpers/server'
import {
  type ServerProcess,
  freePort,
  logTail,
  startServerProcess,
  stopServerProcess,
  testServerEnv,
} from './helpers/serverProcess'
import { condition } from './helpers/condition'

const unavailable = 'The database is unavailable; try again shortly.'
const clientCount = 8
const membersCount = 4
/** Requests that take longer than this count as hanging. */
const requestTimeoutMs = 10_000

let cluster: Cluster | undefined
let payload: Payload
let programme: FaultProgramme
let server: ServerProcess
let clients: MemberClient[]
/** The lessons client `index` completes (its member has others done by its other client). */
const lessonsOf = (index: number) =>
  programme.lessonIds.filter((_, lesson) => lesson % clientCount === index)
const logFile = path.join(os.tmpdir(), `fault-database-${process.pid}.log`)

beforeAll(async () => {
  const binaries = postgresBinaries()
  if (!binaries) {
    throw new Error(
      'This test needs PostgreSQL’s programs (initdb, pg_ctl) under /usr/lib/postgresql/*/bin, to run a cluster it can stop: install the "postgresql" package (.ci/run does).',
    )
  }
  cluster = await createCluster(binaries)
  process.env.DATABASE_URI = cluster.uri
  const { default: config } = await import('../payload.config')
  payload = await getPayload({ config })
  programme = await seedFaultProgramme(payload, {
    lessons: 80,
    members: membersCount,
    reward: { cost: 30, stock: 10 },
  })
  const port = await freePort()
  server = await startServerProcess({
    env: { ...testServerEnv(cluster.uri, port), DATABASE_CONNECT_TIMEOUT_MS: '2000' },
    logFile,
    port,
  })
  const tokens = await Promise.all(
    programme.members.map(
      async (member) =>
        (await signIn(server.url, 'members', member.email, faultPassword)).token as string,
    ),
  )
  clients = Array.from({ length: clientCount }, (_, index) => ({
    baseURL: () => server.url,
    courseId: programme.courseId,
    rewardId: programme.reward.id,
    token: tokens[index % membersCount],
  }))
  // Every client's lessons are started first: under load, each attempt is then the award.
  await Promise.all(
    clients.map(async (client, index) => {
      for (const lessonId of lessonsOf(index)) {
        const lesson = `/api/courses/${programme.courseId}/lessons/${lessonId}`
        const started = await call(client, 'POST', `${lesson}/start`)
        if (!acknowledged(started)) throw new Error(`start failed: ${JSON.stringify(started)}`)
      }
    }),
  )
})

afterAll(async () => {
  if (server) await stopServerProcess(server)
  if (payload) await closeDatabase(payload)
  await cluster?.remove()
})

/** Where the outage stood when a request was sent and when its answer came. */
type Phase = 'down' | 'recovered' | 'starting' | 'stopping' | 'up'

type Sent = {
  answer: Answer
  answeredIn: Phase
  client: number
  kind: 'complete' | 'me'
  lessonId: null | string
  sentIn: Phase
}

let phase: Phase = 'up'
let stopLoad = false
const sent: Sent[] = []
const readiness: { body: Record<string, unknown>; phase: Phase; status: number }[] = []
/** Payload's own REST routes, asked once while the database is down. */
const payloadRoutes: { answer: Answer; retryAfter: null | string; route: string }[] = []

const askPayloadRoutes = async () => {
  const member = programme.members[0]
  const routes: [string, 'GET' | 'POST', string, Record<string, string>, string?][] = [
    ['list of courses (signed in)', 'GET', '/api/courses?limit=1', {}],
    ['own account (signed in)', 'GET', '/api/members/me', {}],
    ['rewards (signed in)', 'GET', '/api/loyalty-rewards', {}],
    [
      'sign-in',
      'POST',
      '/api/members/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ email: member.email, password: faultPassword }),
    ],
  ]
  for (const [route, method, url, headers, body] of routes) {
    const signedIn: Record<string, string> = route.endsWith('(signed in)')
      ? { authorization: `JWT ${clients[0].token}` }
      : {}
    try {
      const response = await fetch(`${server.url}${url}`, {
        body,
        headers: { ...headers, ...signedIn },
        method,
        signal: AbortSignal.timeout(requestTimeoutMs),
      })
      const text = await response.text()
      payloadRoutes.push({
        answer: { body: text ? JSON.parse(text) : {}, status: response.status },
        retryAfter: response.headers.get('retry-after'),
        route,
      })
    } catch (error) {
      payloadRoutes.push({ answer: { error: String(error) }, retryAfter: null, route })
    }
  }
}

const send = async (
  client: number,
  kind: Sent['kind'],
  lessonId: null | string,
): Promise<Answer> => {
  const sentIn = phase
  const path =
    kind === 'me'
      ? '/api/loyalty/me'
      : `/api/courses/${programme.courseId}/lessons/${lessonId}/complete`
  const answer = await call(
    clients[client],
    kind === 'me' ? 'GET' : 'POST',
    path,
    {},
    requestTimeoutMs,
  )
  sent.push({ answer, answeredIn: phase, client, kind, lessonId, sentIn })
  answers.changed()
  return answer
}

/**
 * One member's client: completes its (started) lessons one after the other, reading its account
 * after each attempt; a lesson that was not acknowledged is tried again (the same award key).
 */
const runClient = async (client: number) => {
  const lessons = lessonsOf(client)
  for (let next = 0; !stopLoad && next < lessons.length;) {
    if (acknowledged(await send(client, 'complete', lessons[next]))) next += 1
    await send(client, 'me', null)
  }
}

const ready = async () => {
  const response = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(5000) })
  const entry = {
    body: (await response.json()) as Record<string, unknown>,
    phase,
    status: response.status,
  }
  readiness.push(entry)
  return entry
}

/** Fired on every recorded answer: the test waits for the answers it needs, not for time. */
const answers = condition()
const count = (predicate: (entry: Sent) => boolean) => sent.filter(predicate).length
const eachClient = (predicate: (entry: Sent) => boolean, atLeast: number) =>
  clients.every(
    (_, client) => count((entry) => entry.client === client && predicate(entry)) >= atLeast,
  )

describe('the database stopped under load', () => {
  it('fails fast with 503 while it is down and serves again once it is back', async () => {
    const load = Promise.all(clients.map((_, client) => runClient(client)))
    await answers.until(
      '20 acknowledged awards',
      () => count((entry) => entry.kind === 'complete' && acknowledged(entry.answer)) >= 20,
    )
    phase = 'stopping'
    await cluster?.stop('immediate')
    phase = 'down'
    await answers.until('every client to be answered three times while the database is down', () =>
      eachClient((entry) => entry.sentIn === 'down' && 'status' in entry.answer, 3),
    )
    await askPayloadRoutes()
    expect((await ready()).status).toBe(503)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)

    phase = 'starting'
    await cluster?.start()
    // pg_ctl start -w returns once the server accepts connections: the same process must be
    // ready at once (the pool replaces the connections the stop cut).
    expect((await ready()).status).toBe(200)
    phase = 'recovered'
    await answers.until('every client to be awarded twice after the database is back', () =>
      eachClient(
        (entry) =>
          entry.sentIn === 'recovered' && entry.kind === 'complete' && acknowledged(entry.answer),
        2,
      ),
    )
    stopLoad = true
    await load
    expect(server.exitStatus(), logTail(logFile)).toBeNull()
  }, 120_000)

  it('never left a request unanswered or timed out', () => {
    expect(sent.filter((entry) => 'error' in entry.answer)).toEqual([])
  })

  it('answered every request sent while the database was down with 503 and a sentence', () => {
    const down = sent.filter((entry) => entry.sentIn === 'down' && entry.answeredIn === 'down')
    expect(down.length).toBeGreaterThanOrEqual(3 * clientCount)
    const kinds = new Set(down.map((entry) => entry.kind))
    expect(kinds).toEqual(new Set(['complete', 'me']))
    const wrong = down.filter(
      (entry) =>
        !('status' in entry.answer) ||
        entry.answer.status !== 503 ||
        entry.answer.body.errors?.[0]?.message !== unavailable ||
        JSON.stringify(entry.answer.body).includes('stack'),
    )
    expect(wrong.slice(0, 5)).toEqual([])
  })

  it('answered Payload’s own routes with 503, the sentence and a time to retry after', () => {
    expect(payloadRoutes.length).toBe(4)
    expect(payloadRoutes).toEqual(
      payloadRoutes.map(({ route }) => ({
        answer: { body: { errors: [{ message: unavailable }] }, status: 503 },
        retryAfter: '5',
        route,
      })),
    )
  })

  it('answered nothing but successes and 503 while the database stopped and started', () => {
    const wrong = sent.filter(
      (entry) =>
        'status' in entry.answer &&
        entry.answer.status !== 503 &&
        (entry.answer.status < 200 || entry.answer.status >= 300),
    )
    expect(wrong.slice(0, 5)).toEqual([])
    const steady = sent.filter(
      (entry) =>
        entry.sentIn === entry.answeredIn &&
        (entry.sentIn === 'up' || entry.sentIn === 'recovered'),
    )
    expect(steady.filter((entry) => !acknowledged(entry.answer)).slice(0, 5)).toEqual([])
  })

  it('reported the database as down on /readyz, and ready again once it was back', () => {
    const down = readiness.find((entry) => entry.phase === 'down')
    expect(down?.status).toBe(503)
    expect(down?.body.status).toBe('unavailable')
    expect(String(down?.body.reason)).toMatch(/database is not reachable/)
    expect(readiness.at(-1)).toMatchObject({ phase: 'starting', status: 200 })
  })

  it('wrote nothing by halves: every acknowledged award is booked once, balances equal the ledger', async () => {
    const entries = await ledgerEntries(payload)
    const awarded = new Set(
      sent
        .filter((entry) => entry.kind === 'complete' && acknowledged(entry.answer))
        .map(
          (entry) =>
            `lesson.completed:${programme.members[entry.client % membersCount].id}:courses:${programme.courseId}:${entry.lessonId}`,
        ),
    )
    const booked = entries
      .filter((entry) => entry.kind === 'earn' && entry.account === 'member')
      .map((entry) => entry.idempotencyKey)
    expect(booked.sort()).toEqual([...awarded].sort())
    expect(await auditLedger(payload)).toEqual([])
  })

  it('a transaction whose connection is cut reports its commit as failed, and nothing crashes', async () => {
    const transactionID = await payload.db.beginTransaction()
    if (transactionID === null) throw new Error('no transaction')
    const req = await createLocalReq({}, payload)
    req.transactionID = transactionID
    await payload.create({
      collection: 'partners',
      data: { name: 'Never committed', region: 'dach', type: 'installer' },
      req,
    })
    // The database ends the one session that is idle in a transaction: this one. The client is
    // checked out of the pool, so its error event has no pool listener.
    const admin = new pg.Client({ connectionString: cluster?.uri })
    await admin.connect()
    try {
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE state = 'idle in transaction' AND pid <> pg_backend_pid()`,
      )
      expect(rows).toEqual([{ ended: true }])
      await expect(payload.db.commitTransaction(transactionID)).rejects.toThrow(/not committed/)
      const { rows: written } = await admin.query(
        `SELECT count(*)::int AS count FROM partners WHERE name = 'Never committed'`,
      )
      expect(written).toEqual([{ count: 0 }])
    } finally {
      await admin.end()
    }
    // The cut connection was discarded: the next statements run on a fresh one.
    expect((await payload.count({ collection: 'partners' })).totalDocs).toBe(2)
  })
})
