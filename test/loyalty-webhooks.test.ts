import type { IncomingHttpHeaders, Server } from 'node:http'
import type { Payload } from 'payload'

import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { loyaltyOptionsOf } from '../plugins/loyalty/local'
import {
  type LoyaltyEvent,
  type LoyaltyEventSubscriber,
  type PublishedLoyaltyEvent,
  publishLoyaltyEvents,
} from '../plugins/loyalty/services/domainEvents'
import { postWebhook } from '../plugins/loyalty/services/webhookSender'
import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

/**
 * Outbound webhooks against a real receiver on 127.0.0.1: real actions over HTTP publish domain
 * events, the `loyalty` queue delivers them (run by the test with `payload.jobs.run`), and the
 * receiver checks each signature with node:crypto on its own.
 */

// The receiver listens on loopback, which production refuses.
process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = 'true'

type Received = { body: string; headers: IncomingHttpHeaders; path: string }
type Answer = 'hold' | number

/** A webhook receiver: records every request and answers as the test tells it to. */
const receiver = {
  answer: (_request: Received): Answer => 200,
  held: [] as ((status: number) => void)[],
  received: [] as Received[],
  server: null as null | Server,
  url: '',
  waiting: [] as ((request: Received) => void)[],
  /** Resolves with the next request the receiver gets. */
  next(): Promise<Received> {
    return new Promise((resolve) => this.waiting.push(resolve))
  },
  /** Answers every held request with `status`. */
  release(status: number) {
    for (const respond of this.held.splice(0)) respond(status)
  },
}

const startReceiver = () =>
  new Promise<void>((resolve) => {
    receiver.server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const request = {
          body: Buffer.concat(chunks).toString('utf8'),
          headers: req.headers,
          path: req.url ?? '',
        }
        receiver.received.push(request)
        const answer = receiver.answer(request)
        const respond = (status: number) => {
          res.statusCode = status
          res.end(status < 300 ? 'thanks' : 'not now')
        }
        if (answer === 'hold') receiver.held.push(respond)
        else respond(answer)
        for (const waiter of receiver.waiting.splice(0)) waiter(request)
      })
    })
    receiver.server.listen(0, '127.0.0.1', () => {
      const address = receiver.server!.address() as { port: number }
      receiver.url = `http://127.0.0.1:${address.port}`
      resolve()
    })
  })

/** Checks `x-partnerclub-signature` the way a receiver would, with node:crypto only. */
const signatureIsValid = (request: Received, secret: string): boolean => {
  const header = String(request.headers['x-partnerclub-signature'] ?? '')
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)
  if (!match) return false
  const timestamp = Number(match[1])
  if (Math.abs(Date.now() / 1000 - timestamp) > 300) return false
  const expected = createHmac('sha256', secret).update(`${match[1]}.${request.body}`).digest()
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'))
}

let server: RunningServer
let payload: Payload
let f: Fixtures
let admin: Client
let marketer: Client
let memberA: Client
let managerA: Client
let all: { id: number; secret: string }
let tiersOnly: { id: number; secret: string }
let webinar: { id: number }

type ID = number | string

const deliveries = async (where: Record<string, unknown> = {}) =>
  (
    await payload.find({
      collection: 'loyalty-webhook-deliveries',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'createdAt',
      where: where as never,
    })
  ).docs

const runQueue = () => payload.jobs.run({ limit: 100, queue: 'loyalty', silent: true })

/** The received requests for one webhook path, as parsed bodies. */
const bodiesAt = (path: string) =>
  receiver.received
    .filter((request) => request.path === path)
    .map(
      (request) =>
        JSON.parse(request.body) as { data: Record<string, any>; id: string; type: string },
    )

/** POST with an Idempotency-Key header (the test client has no custom headers). */
const adjust = async (member: ID, points: number, key: string) => {
  const response = await fetch(`${server.url}/api/loyalty/adjustments`, {
    body: JSON.stringify({ member, points, reason: 'Trade show bonus' }),
    headers: {
      authorization: `JWT ${admin.token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    method: 'POST',
  })
  return { body: (await response.json()) as Record<string, any>, status: response.status }
}

/** The queued delivery job of a delivery. */
const jobOf = async (delivery: ID) => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 0,
    pagination: false,
    where: { taskSlug: { equals: 'loyaltyDeliverWebhook' } },
  })
  const job = docs.find(
    (doc) => String((doc.input as { delivery?: string }).delivery) === String(delivery),
  )
  if (!job) throw new Error(`no job for delivery ${delivery}`)
  return job
}

beforeAll(async () => {
  await startReceiver()
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  for (const [verb, points] of [
    ['event.attended', 50],
    ['course.completed', 100],
  ] as const) {
    await payload.create({
      collection: 'loyalty-earning-rules',
      data: { creditsOrganisation: true, name: verb, organisationSharePercent: 50, points, verb },
    })
  }
  admin = await signIn(server.url, 'users', f.admin.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  managerA = await signIn(server.url, 'members', f.managerA.email, password)
  webinar = f.event
  // colleagueA already has a tier, so that the awards below change no tier.
  await payload.update({
    collection: 'members',
    data: { loyalty: { tier: f.bronze.id } },
    id: f.colleagueA.id,
    overrideAccess: true,
  })
})

afterAll(async () => {
  receiver.release(200)
  await server?.close()
  await new Promise((resolve) => receiver.server?.close(resolve))
})

describe('registering webhooks', () => {
  it('an admin registers webhooks over HTTP; the secret is generated and shown to admins', async () => {
    const created = await admin.request('POST', '/api/loyalty-webhooks', {
      description: 'CRM',
      events: [
        'points.awarded',
        'tier.changed',
        'redemption.requested',
        'redemption.decided',
        'event.attended',
        'course.completed',
      ],
      url: `${receiver.url}/all`,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc.secret).toMatch(/^whsec_[\w-]{43}$/)
    expect(created.body.doc.active).toBe(true)
    all = { id: created.body.doc.id, secret: created.body.doc.secret }

    const own = 'a-secret-the-admin-chose-1234567890'
    const tiers = await admin.request('POST', '/api/loyalty-webhooks', {
      events: ['tier.changed'],
      secret: own,
      url: `${receiver.url}/tiers`,
    })
    expect(tiers.status).toBe(201)
    expect(tiers.body.doc.secret).toBe(own)
    tiersOnly = { id: tiers.body.doc.id, secret: own }

    const read = await admin.request('GET', `/api/loyalty-webhooks/${all.id}`)
    expect(read.body.secret).toBe(all.secret)
    // An update that leaves the secret out keeps it.
    const renamed = await admin.request('PATCH', `/api/loyalty-webhooks/${all.id}`, {
      description: 'CRM (production)',
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.secret).toBe(all.secret)
  })

  it('refuses bad URLs, events and secrets with a sentence, and writes nothing', async () => {
    const before = (await payload.count({ collection: 'loyalty-webhooks' })).totalDocs
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ events: ['points.awarded'], url: 'ftp://example.com/hook' }, /must start with https:\/\//],
      [{ events: ['points.awarded'], url: 'not a url' }, /is not a URL/],
      [{ events: ['points.awarded'], url: 'https://user:pw@example.com/' }, /password/],
      [
        { events: ['points.stolen'], url: 'https://example.com/hook' },
        /invalid selection|Unknown event/,
      ],
      [{ events: [], url: 'https://example.com/hook' }, /at least one event|required/i],
      [
        { events: ['points.awarded'], secret: 'short', url: 'https://example.com/hook' },
        /24 to 200/,
      ],
    ]
    for (const [body, message] of cases) {
      const answer = await admin.request('POST', '/api/loyalty-webhooks', body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      const messages = JSON.stringify(answer.body.errors)
      expect(messages, JSON.stringify(body)).toMatch(message)
    }
    expect((await payload.count({ collection: 'loyalty-webhooks' })).totalDocs).toBe(before)
  })

  it('members and marketers cannot create, read or change webhooks, nor see a secret', async () => {
    const anonymous = client(server.url)
    for (const who of [anonymous, memberA, managerA, marketer]) {
      const created = await who.request('POST', '/api/loyalty-webhooks', {
        events: ['points.awarded'],
        url: 'https://evil.example/hook',
      })
      expect(created.status).toBe(403)
      expect((await who.request('GET', '/api/loyalty-webhooks')).status).toBe(403)
      const one = await who.request('GET', `/api/loyalty-webhooks/${all.id}`)
      expect([403, 404]).toContain(one.status)
      expect(JSON.stringify(one.body)).not.toContain(all.secret)
      const changed = await who.request('PATCH', `/api/loyalty-webhooks/${all.id}`, {
        url: 'https://evil.example/hook',
      })
      expect(changed.status).toBe(403)
      for (const path of [
        `/api/loyalty/webhooks/${all.id}/test`,
        `/api/loyalty/webhook-deliveries/1/redeliver`,
      ]) {
        const answer = await who.request('POST', path)
        expect(answer.status).toBe(who === anonymous ? 401 : 403)
        expect(answer.body.errors[0].message).toMatch(/admin/)
      }
    }
    const stored = await payload.findByID({ collection: 'loyalty-webhooks', id: all.id })
    expect(stored.url).toBe(`${receiver.url}/all`)
    expect((await payload.count({ collection: 'loyalty-webhooks' })).totalDocs).toBe(2)
  })
})

describe('deliveries of real actions', () => {
  it('staff marking attendance: points.awarded and event.attended, once each, signed', async () => {
    receiver.answer = () => 200
    const marked = await marketer.request('POST', `/api/events/${webinar.id}/attendance`, {
      members: [f.memberA.id],
    })
    expect(marked.status).toBe(200)
    expect(marked.body.results[0]).toMatchObject({ duplicate: false, points: 50 })
    // Company A's share lifts it into its first tier (Bronze, from 0 points): tier.changed too,
    // to both webhooks.
    const pending = await deliveries()
    expect(
      pending.map((delivery) => [delivery.webhook, delivery.eventType, delivery.status]).sort(),
    ).toEqual([
      [all.id, 'event.attended', 'pending'],
      [all.id, 'points.awarded', 'pending'],
      [all.id, 'tier.changed', 'pending'],
      [tiersOnly.id, 'tier.changed', 'pending'],
    ])

    await runQueue()
    const requests = receiver.received.filter((request) => request.path === '/all')
    expect(requests).toHaveLength(3)
    for (const request of requests) {
      expect(signatureIsValid(request, all.secret)).toBe(true)
      expect(signatureIsValid(request, tiersOnly.secret)).toBe(false)
      const body = JSON.parse(request.body)
      expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'data'])
      expect(request.headers).toMatchObject({
        'content-type': 'application/json',
        'user-agent': 'PartnerClub-Webhooks/1',
        'x-partnerclub-delivery': body.id,
        'x-partnerclub-event': body.type,
      })
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/)
    }
    const [awarded] = bodiesAt('/all').filter((body) => body.type === 'points.awarded')
    expect(awarded.data).toMatchObject({
      actor: { collection: 'users', id: f.marketer.id },
      kind: 'earn',
      member: f.memberA.id,
      organisation: f.partnerA.id,
      organisationPoints: 25,
      points: 50,
      reason: 'event.attended: Webinar',
      source: { collection: 'events', id: webinar.id, title: 'Webinar' },
    })
    const [attended] = bodiesAt('/all').filter((body) => body.type === 'event.attended')
    expect(attended.data).toMatchObject({
      event: { collection: 'events', id: webinar.id, title: 'Webinar' },
      member: f.memberA.id,
      organisation: f.partnerA.id,
      points: 50,
      recordedBy: { collection: 'users', id: f.marketer.id },
    })
    for (const delivery of await deliveries()) {
      expect(delivery).toMatchObject({ attempts: 1, lastStatus: 200, status: 'delivered' })
      expect(delivery.deliveredAt).toBeTruthy()
      expect(delivery.durationMs).toBeGreaterThanOrEqual(0)
      expect([all.id, tiersOnly.id]).toContain(delivery.webhook)
    }
    expect(bodiesAt('/tiers')).toEqual([
      expect.objectContaining({
        data: {
          account: 'organisation',
          direction: 'up',
          from: null,
          member: null,
          organisation: f.partnerA.id,
          reason: expect.any(String),
          to: { id: f.bronze.id, name: 'Bronze' },
        },
        type: 'tier.changed',
      }),
    ])
    expect(
      signatureIsValid(
        receiver.received.find((r) => r.path === '/tiers')!,
        tiersOnly.secret,
      ),
    ).toBe(true)

    // Marking again changes nothing and publishes nothing.
    const again = await marketer.request('POST', `/api/events/${webinar.id}/attendance`, {
      members: [f.memberA.id],
    })
    expect(again.body.results[0]).toMatchObject({ duplicate: true })
    expect(await deliveries()).toHaveLength(4)
  })

  it('an admin adjustment over Gold: points.awarded and tier.changed; its retry publishes nothing', async () => {
    const before = (await deliveries()).length
    const first = await adjust(f.memberB.id, 1600, 'webhook-adjust-0001')
    expect(first.status).toBe(201)
    expect(first.body.tierUpgrade).toBeTruthy()
    const retried = await adjust(f.memberB.id, 1600, 'webhook-adjust-0001')
    expect(retried.status).toBe(200)
    expect(retried.body.duplicate).toBe(true)
    const added = (await deliveries()).slice(before)
    expect(added.map((delivery) => delivery.eventType).sort()).toEqual([
      'points.awarded',
      'tier.changed',
      'tier.changed',
    ])
    expect(
      added.filter((delivery) => delivery.webhook === tiersOnly.id).map((d) => d.eventType),
    ).toEqual(['tier.changed'])

    await runQueue()
    const [awarded] = bodiesAt('/all').filter(
      (body) => body.type === 'points.awarded' && body.data.member === f.memberB.id,
    )
    expect(awarded.data).toMatchObject({
      actor: { collection: 'users', id: f.admin.id },
      kind: 'adjust',
      points: 1600,
      reason: 'Trade show bonus',
    })
    const tierBodies = bodiesAt('/tiers').filter((body) => body.data.account === 'member')
    expect(tierBodies).toHaveLength(1)
    expect(tierBodies[0]).toMatchObject({
      data: {
        account: 'member',
        direction: 'up',
        member: f.memberB.id,
        organisation: null,
        to: { id: f.gold.id, name: 'Gold' },
      },
      type: 'tier.changed',
    })
    expect(tierBodies[0].data.reason).toEqual(expect.any(String))
    // The same event reached both webhooks under one id.
    const [tierAtAll] = bodiesAt('/all').filter(
      (body) => body.type === 'tier.changed' && body.data.account === 'member',
    )
    expect(tierAtAll.id).toBe(tierBodies[0].id)
  })

  it('redemptions: requested, then approved, fulfilled, rejected and cancelled', async () => {
    const before = receiver.received.length
    await adjust(f.memberA.id, 500, 'webhook-adjust-0002')
    const reward = await payload.create({
      collection: 'loyalty-rewards',
      data: { cost: 100, requiresManagerApproval: true, stock: 10, title: 'Thermos flask' },
    })
    const redeem = async (key: string) => {
      const response = await fetch(`${server.url}/api/loyalty-rewards/${reward.id}/redeem`, {
        headers: { authorization: `JWT ${memberA.token}`, 'idempotency-key': key },
        method: 'POST',
      })
      const body = (await response.json()) as { redemption: { id: number; status: string } }
      expect(response.status).toBe(201)
      expect(body.redemption.status).toBe('requested')
      return body.redemption.id
    }
    const approved = await redeem('webhook-redeem-0001')
    const rejected = await redeem('webhook-redeem-0002')
    const cancelled = await redeem('webhook-redeem-0003')
    const decide = (who: Client, id: number, decision: string) =>
      who.request('POST', `/api/loyalty-redemptions/${id}/decide`, { decision, notes: 'ok' })
    expect((await decide(managerA, approved, 'approve')).status).toBe(200)
    expect((await decide(admin, approved, 'fulfil')).status).toBe(200)
    expect((await decide(managerA, rejected, 'reject')).status).toBe(200)
    const cancel = await memberA.request('POST', `/api/loyalty-redemptions/${cancelled}/cancel`)
    expect(cancel.status).toBe(200)
    // A refused decision (already fulfilled) publishes nothing.
    expect((await decide(admin, approved, 'approve')).status).toBe(409)

    await runQueue()
    const bodies = receiver.received
      .slice(before)
      .filter((request) => request.path === '/all')
      .map((request) => JSON.parse(request.body))
    const requested = bodies.filter((body) => body.type === 'redemption.requested')
    expect(requested.map((body) => body.data.redemption).sort()).toEqual(
      [approved, rejected, cancelled].sort(),
    )
    expect(requested[0].data).toMatchObject({
      member: f.memberA.id,
      organisation: f.partnerA.id,
      points: 100,
      reward: { collection: 'loyalty-rewards', id: reward.id, title: 'Thermos flask' },
      status: 'requested',
    })
    const decided = bodies
      .filter((body) => body.type === 'redemption.decided')
      .map((body) => [body.data.redemption, body.data.previousStatus, body.data.status])
    expect(decided).toEqual(
      expect.arrayContaining([
        [approved, 'requested', 'approved'],
        [approved, 'approved', 'fulfilled'],
        [rejected, 'requested', 'rejected'],
        [cancelled, 'requested', 'cancelled'],
      ]),
    )
    expect(decided).toHaveLength(4)
    const byManager = bodies.find(
      (body) => body.type === 'redemption.decided' && body.data.status === 'rejected',
    )
    expect(byManager.data.decidedBy).toEqual({ collection: 'members', id: f.managerA.id })
  })

  it('a completed course: course.completed and its points, once', async () => {
    const course = await payload.create({
      collection: 'courses',
      data: {
        _status: 'published',
        estimatedMinutes: 5,
        issuesCertificate: true,
        lessons: [{ body: f.openCourse.lessons![0].body, minimumSeconds: 0, title: 'Only' }],
        level: 'foundation',
        slug: 'webhook-course',
        summary: 'Short',
        title: 'Webhook course',
      },
    })
    const lesson = String(course.lessons![0].id)
    const path = (action: string) => `/api/courses/${course.id}/lessons/${lesson}/${action}`
    expect((await memberA.request('POST', path('start'))).status).toBe(200)
    const done = await memberA.request('POST', path('complete'))
    expect(done.status).toBe(200)
    expect(done.body.courseCompleted).toBe(true)
    // Completing again is answered, and publishes nothing.
    expect((await memberA.request('POST', path('complete'))).status).toBeLessThan(500)

    await runQueue()
    const completed = bodiesAt('/all').filter((body) => body.type === 'course.completed')
    expect(completed).toHaveLength(1)
    expect(completed[0].data).toMatchObject({
      course: { collection: 'courses', id: course.id, title: 'Webhook course' },
      member: f.memberA.id,
      organisation: f.partnerA.id,
    })
    expect(completed[0].data.certificateCode).toMatch(/^PC-/)
    const points = bodiesAt('/all').filter(
      (body) => body.type === 'points.awarded' && body.data.source?.id === course.id,
    )
    expect(points.map((body) => body.data.points)).toEqual([100])
  })
})

describe('retries and failures', () => {
  it('a receiver that answers 500 and then 200: retried after a backoff, delivered on attempt 2', async () => {
    let calls = 0
    receiver.answer = () => (++calls === 1 ? 500 : 200)
    const before = receiver.received.length
    expect((await adjust(f.colleagueA.id, 10, 'webhook-adjust-0003')).status).toBe(201)
    await runQueue()
    const [delivery] = await deliveries({ status: { equals: 'retrying' } })
    expect(delivery).toMatchObject({ attempts: 1, lastStatus: 500, status: 'retrying' })
    expect(delivery.lastError).toMatch(/500/)
    expect(delivery.nextAttemptAt).toBeTruthy()
    const job = await jobOf(delivery.id)
    // The queue waits (exponential backoff) before trying again: running it now sends nothing.
    expect(new Date(String(job.waitUntil)).getTime()).toBeGreaterThan(Date.now())
    await runQueue()
    expect(receiver.received.length).toBe(before + 1)

    // Time passes (the job is run by id, as the queue would once the wait is over).
    await payload.jobs.runByID({ id: job.id, silent: true })
    const after = await payload.findByID({
      collection: 'loyalty-webhook-deliveries',
      id: delivery.id,
    })
    expect(after).toMatchObject({ attempts: 2, lastStatus: 200, status: 'delivered' })
    const attempts = receiver.received.slice(before)
    expect(attempts).toHaveLength(2)
    expect(attempts[0].body).toBe(attempts[1].body)
    expect(attempts[0].headers['x-partnerclub-delivery']).toBe(
      attempts[1].headers['x-partnerclub-delivery'],
    )
    for (const attempt of attempts) expect(signatureIsValid(attempt, all.secret)).toBe(true)
    // Payload deletes a job once it completes.
    expect(
      await payload.findByID({ collection: 'payload-jobs', disableErrors: true, id: job.id }),
    ).toBeNull()
  })

  it('a blocked receiver does not hold up awards; one that keeps failing ends failed after the last attempt', async () => {
    receiver.answer = () => 'hold'
    expect((await adjust(f.colleagueA.id, 5, 'webhook-adjust-0004')).status).toBe(201)
    const [stuck] = await deliveries({ status: { equals: 'pending' } })
    const arrived = receiver.next()
    const running = runQueue()
    const held = await arrived
    expect(JSON.parse(held.body).data.points).toBe(5)

    // While the receiver holds the delivery open, an award over HTTP answers with its points.
    const marked = await marketer.request('POST', `/api/events/${webinar.id}/attendance`, {
      members: [f.colleagueA.id],
    })
    expect(marked.status).toBe(200)
    expect(marked.body.results[0]).toMatchObject({ duplicate: false, points: 50 })
    expect(receiver.held).toHaveLength(1)

    receiver.answer = (request) => (request.path === '/all' ? 500 : 200)
    receiver.release(500)
    await running
    const maxAttempts = Number(
      (await payload.findByID({ collection: 'loyalty-webhook-deliveries', id: stuck.id }))
        .maxAttempts,
    )
    expect(maxAttempts).toBe(8)
    const job = await jobOf(stuck.id)
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      const current = await payload.findByID({
        collection: 'loyalty-webhook-deliveries',
        id: stuck.id,
      })
      expect(current).toMatchObject({ attempts: attempt - 1, status: 'retrying' })
      await payload.jobs.runByID({ id: job.id, silent: true })
    }
    const failed = await payload.findByID({
      collection: 'loyalty-webhook-deliveries',
      id: stuck.id,
    })
    expect(failed).toMatchObject({ attempts: maxAttempts, lastStatus: 500, status: 'failed' })
    expect(failed.nextAttemptAt ?? null).toBeNull()
    // The last failure completes the job (Payload then deletes it): nothing is tried again.
    expect(
      await payload.findByID({ collection: 'payload-jobs', disableErrors: true, id: job.id }),
    ).toBeNull()
    const sent = receiver.received.filter(
      (request) => request.headers['x-partnerclub-delivery'] === stuck.eventId,
    )
    expect(sent).toHaveLength(maxAttempts)

    // The attendance's own deliveries go out as usual.
    receiver.answer = () => 200
    await runQueue()
    const attended = bodiesAt('/all').filter(
      (body) => body.type === 'event.attended' && body.data.member === f.colleagueA.id,
    )
    expect(attended).toHaveLength(1)
  })

  it('an admin redelivers a failed delivery (same event id), and cannot redeliver one in progress', async () => {
    const [failed] = await deliveries({ status: { equals: 'failed' } })
    const again = await admin.request(
      'POST',
      `/api/loyalty/webhook-deliveries/${failed.id}/redeliver`,
    )
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.delivery).toMatchObject({ attempts: 1, lastStatus: 200, status: 'delivered' })
    const last = receiver.received.at(-1)!
    expect(last.headers['x-partnerclub-delivery']).toBe(failed.eventId)
    expect(signatureIsValid(last, all.secret)).toBe(true)

    receiver.answer = () => 500
    expect((await adjust(f.colleagueA.id, 5, 'webhook-adjust-0005')).status).toBe(201)
    await runQueue()
    const [retrying] = await deliveries({ status: { equals: 'retrying' } })
    const refused = await admin.request(
      'POST',
      `/api/loyalty/webhook-deliveries/${retrying.id}/redeliver`,
    )
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/still being attempted/)
    const missing = await admin.request('POST', '/api/loyalty/webhook-deliveries/999999/redeliver')
    expect(missing.status).toBe(404)
    receiver.answer = () => 200
  })

  it('"Send test event" sends a signed webhook.test now and answers with the outcome', async () => {
    const sent = await admin.request('POST', `/api/loyalty/webhooks/${tiersOnly.id}/test`)
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expect(sent.body.delivery).toMatchObject({
      attempts: 1,
      eventType: 'webhook.test',
      lastStatus: 200,
      status: 'delivered',
    })
    const last = receiver.received.at(-1)!
    expect(last.path).toBe('/tiers')
    expect(last.headers['x-partnerclub-event']).toBe('webhook.test')
    expect(signatureIsValid(last, tiersOnly.secret)).toBe(true)

    receiver.answer = () => 503
    const failing = await admin.request('POST', `/api/loyalty/webhooks/${tiersOnly.id}/test`)
    expect(failing.body.delivery).toMatchObject({ attempts: 1, lastStatus: 503, status: 'failed' })
    receiver.answer = () => 200
    expect((await admin.request('POST', '/api/loyalty/webhooks/999999/test')).status).toBe(404)
  })

  it('a switched-off webhook gets nothing new', async () => {
    const off = await admin.request('PATCH', `/api/loyalty-webhooks/${all.id}`, { active: false })
    expect(off.status).toBe(200)
    const before = (await deliveries()).length
    expect((await adjust(f.colleagueA.id, 5, 'webhook-adjust-0006')).status).toBe(201)
    expect(await deliveries()).toHaveLength(before)
    const [delivered] = await deliveries({
      and: [{ status: { equals: 'delivered' } }, { webhook: { equals: all.id } }],
    })
    const refused = await admin.request(
      'POST',
      `/api/loyalty/webhook-deliveries/${delivered.id}/redeliver`,
    )
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/switched off/)
    await admin.request('PATCH', `/api/loyalty-webhooks/${all.id}`, { active: true })
  })
})

describe('publishing', () => {
  const event: LoyaltyEvent = {
    data: {
      actor: null,
      entry: 1,
      kind: 'adjust',
      member: 1,
      organisation: null,
      organisationPoints: 0,
      points: 1,
      reason: 'Outbox check',
      source: null,
    },
    type: 'points.awarded',
  }
  const jobCount = async () =>
    (
      await payload.count({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'loyaltyDeliverWebhook' } },
      })
    ).totalDocs

  it('queues in the caller’s transaction: nothing after a rollback, one delivery after a commit', async () => {
    for (const end of ['rollback', 'commit'] as const) {
      const before = { deliveries: (await deliveries()).length, jobs: await jobCount() }
      const transactionID = (await payload.db.beginTransaction()) ?? null
      expect(transactionID).not.toBeNull()
      await publishLoyaltyEvents(payload, [event], { transactionID })
      if (end === 'rollback') await payload.db.rollbackTransaction(transactionID!)
      else await payload.db.commitTransaction(transactionID!)
      const added = end === 'commit' ? 1 : 0
      expect(await deliveries()).toHaveLength(before.deliveries + added)
      expect(await jobCount()).toBe(before.jobs + added)
    }
    await runQueue()
    expect(bodiesAt('/all').filter((body) => body.data.reason === 'Outbox check')).toHaveLength(1)
  })

  it('other subscribers get the events; a failing one is logged, its writes undone, and the request goes on', async () => {
    const seen: PublishedLoyaltyEvent[] = []
    const failing: LoyaltyEventSubscriber = {
      handle: async (instance, events, context) => {
        await instance.db.create({
          collection: 'loyalty-webhook-deliveries',
          data: {
            attempts: 0,
            body: '{}',
            eventId: 'written-by-a-failing-subscriber',
            eventType: 'points.awarded',
            status: 'pending',
          },
          req: await context.req(),
        })
        throw new Error(`failing subscriber (${events.length} events)`)
      },
      name: 'failing',
    }
    const recorder: LoyaltyEventSubscriber = {
      handle: async (_payload, events) => {
        seen.push(...events)
      },
      name: 'recorder',
    }
    const subscribers = loyaltyOptionsOf(payload).eventSubscribers
    subscribers.push(failing, recorder)
    try {
      const reward = await payload.create({
        collection: 'loyalty-rewards',
        data: { cost: 10, title: 'Sticker' },
      })
      const redeemed = await fetch(`${server.url}/api/loyalty-rewards/${reward.id}/redeem`, {
        headers: { authorization: `JWT ${memberA.token}` },
        method: 'POST',
      })
      expect(redeemed.status).toBe(201)
      const { redemption } = (await redeemed.json()) as { redemption: { id: number } }
      expect(seen.map((one) => [one.type, one.data])).toEqual([
        ['redemption.requested', expect.objectContaining({ redemption: redemption.id })],
      ])
      expect(await deliveries({ eventId: { equals: 'written-by-a-failing-subscriber' } })).toEqual(
        [],
      )
      // The webhook's delivery of the same event was kept and goes out.
      const [kept] = await deliveries({ eventId: { equals: seen[0].id } })
      expect(kept).toMatchObject({ eventType: 'redemption.requested', status: 'pending' })
      await runQueue()
      expect(bodiesAt('/all').filter((body) => body.id === seen[0].id)).toHaveLength(1)
    } finally {
      subscribers.splice(subscribers.indexOf(failing), 2)
    }
  })
})

describe('deliveries in the admin', () => {
  it('staff read deliveries (never a secret); members do not', async () => {
    const [one] = await deliveries()
    const read = await marketer.request('GET', `/api/loyalty-webhook-deliveries/${one.id}?depth=2`)
    expect(read.status).toBe(200)
    expect(read.body.eventId).toBe(one.eventId)
    expect(JSON.stringify(read.body)).not.toContain(all.secret)
    const list = await marketer.request('GET', '/api/loyalty-webhook-deliveries?depth=2&limit=100')
    expect(list.status).toBe(200)
    expect(JSON.stringify(list.body)).not.toContain(all.secret)
    expect(JSON.stringify(list.body)).not.toContain(tiersOnly.secret)
    for (const who of [memberA, managerA, client(server.url)]) {
      expect((await who.request('GET', '/api/loyalty-webhook-deliveries')).status).toBe(403)
      expect((await who.request('GET', `/api/loyalty-webhook-deliveries/${one.id}`)).status).toBe(
        403,
      )
    }
    for (const who of [marketer, admin]) {
      const changed = await who.request('PATCH', `/api/loyalty-webhook-deliveries/${one.id}`, {
        status: 'pending',
      })
      expect(changed.status).toBe(403)
    }
  })
})

describe('housekeeping', () => {
  it('the daily task deletes deliveries finished over 30 days ago, and keeps newer and unfinished ones', async () => {
    const collection = 'loyalty-webhook-deliveries'
    /** A delivery whose last change (its last attempt) was `daysAgo` days ago. */
    const delivery = async (status: string, daysAgo: number): Promise<ID> => {
      const doc = await payload.create({
        collection,
        data: {
          attempts: 1,
          body: '{}',
          eventId: `evt_housekeeping_${status}_${daysAgo}`,
          eventType: 'points.awarded',
          status,
          webhook: all.id,
        } as never,
        overrideAccess: true,
      })
      const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString()
      await payload.db.updateOne({ collection, data: { updatedAt: at }, id: doc.id })
      const stored = await payload.findByID({ collection, depth: 0, id: doc.id })
      expect(stored.updatedAt).toBe(at)
      return doc.id
    }
    const deliveredLongAgo = await delivery('delivered', 31)
    const failedLongAgo = await delivery('failed', 45)
    const stillRetrying = await delivery('retrying', 40)
    const deliveredLastMonth = await delivery('delivered', 29)
    const before = new Set<ID>((await deliveries()).map((doc) => doc.id))

    const prune = async () => {
      const job = await payload.jobs.queue({
        input: {},
        queue: 'loyalty',
        task: 'loyaltyPruneWebhookDeliveries',
      })
      await payload.jobs.runByID({ id: job.id, silent: true })
      // A job that completed is deleted (a failed one would stay to be retried).
      const open = await payload.find({
        collection: 'payload-jobs',
        where: { id: { equals: job.id } },
      })
      expect(open.docs.map((doc) => doc.log)).toEqual([])
    }
    await prune()
    const after = new Set<ID>((await deliveries()).map((doc) => doc.id))
    expect(after.has(deliveredLongAgo)).toBe(false)
    expect(after.has(failedLongAgo)).toBe(false)
    expect(after.has(stillRetrying)).toBe(true)
    expect(after.has(deliveredLastMonth)).toBe(true)
    // Everything else the tests above delivered is recent and stays.
    expect(after.size).toBe(before.size - 2)

    // A second run finds nothing more to delete.
    await prune()
    expect((await deliveries()).length).toBe(after.size)
  })
})

describe('the sender', () => {
  it('does not follow redirects, gives up after the timeout, and refuses private addresses unless allowed', async () => {
    receiver.answer = (request) => (request.path === '/moved' ? 302 : 200)
    const before = receiver.received.length
    const moved = await postWebhook(
      `${receiver.url}/moved`,
      '{}',
      {},
      {
        allowPrivateAddresses: true,
        timeoutMs: 5000,
      },
    )
    expect(moved.statusCode).toBe(302)
    expect(receiver.received.length).toBe(before + 1)

    receiver.answer = () => 'hold'
    const slow = await postWebhook(
      `${receiver.url}/slow`,
      '{}',
      {},
      {
        allowPrivateAddresses: true,
        timeoutMs: 200,
      },
    )
    expect(slow.error).toMatch(/No answer within/)
    receiver.release(200)
    receiver.answer = () => 200

    const count = receiver.received.length
    for (const url of [`${receiver.url}/x`, `http://localhost:${new URL(receiver.url).port}/x`]) {
      const refused = await postWebhook(
        url,
        '{}',
        {},
        {
          allowPrivateAddresses: false,
          timeoutMs: 5000,
        },
      )
      expect(refused.statusCode).toBeUndefined()
      expect(refused.error).toMatch(/private address/)
    }
    expect(receiver.received.length).toBe(count)
  })
})
