import type { Payload, RequiredDataFromCollectionSlug, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

type EventData = RequiredDataFromCollectionSlug<'events'>

let server: RunningServer
let payload: Payload
let f: Fixtures
let memberA: Client
let colleagueA: Client
let managerA: Client
let memberB: Client
let goldB: Client
let marketer: Client
let events: Record<
  'deadlinePassed' | 'draft' | 'ended' | 'lastSeat' | 'live' | 'seminar' | 'soon' | 'tiered',
  { id: number }
>

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

/** Ledger entries, straight from the database. */
const ledger = async (where: Where) =>
  (
    await payload.find({
      collection: 'loyalty-ledger',
      depth: 0,
      limit: 0,
      pagination: false,
      where,
    })
  ).docs

const byKey = async (idempotencyKey: string) =>
  ledger({ idempotencyKey: { equals: idempotencyKey } })

/** The cached balances of an account equal the sums over its ledger. */
const expectBalanceEqualsLedger = async (account: 'member' | 'organisation', id: number) => {
  const entries = await ledger({
    and: [{ account: { equals: account } }, { [account]: { equals: id } }],
  })
  const doc = await payload.findByID({
    collection: account === 'member' ? 'members' : 'partners',
    depth: 0,
    id,
  })
  expect({
    qualifying: doc.loyalty?.qualifying ?? 0,
    spendable: doc.loyalty?.spendable ?? 0,
  }).toEqual({
    qualifying: entries.reduce((sum, entry) => sum + entry.qualifyingAmount, 0),
    spendable: entries.reduce((sum, entry) => sum + entry.amount, 0),
  })
}

const registration = async (member: number, event: number) =>
  (
    await payload.find({
      collection: 'loyalty-registrations',
      depth: 0,
      where: { key: { equals: `${member}:${event}` } },
    })
  ).docs[0]

const activityCount = async (member: number, verb: string, event: number) =>
  (
    await payload.find({
      collection: 'loyalty-activities',
      limit: 0,
      pagination: false,
      where: {
        and: [
          { member: { equals: member } },
          { verb: { equals: verb } },
          { objectId: { equals: String(event) } },
        ],
      },
    })
  ).docs.length

const register = (who: Client, event: { id: number }) =>
  who.request('POST', `/api/events/${event.id}/register`)
const cancel = (who: Client, event: { id: number }) =>
  who.request('DELETE', `/api/events/${event.id}/register`)
const checkIn = (who: Client, event: { id: number }, code?: unknown) =>
  who.request('POST', `/api/events/${event.id}/check-in`, code === undefined ? {} : { code })
const attendance = (who: Client, event: { id: number }, body: unknown) =>
  who.request('POST', `/api/events/${event.id}/attendance`, body)

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: true,
      name: 'Event registration',
      organisationSharePercent: 50,
      points: 20,
      verb: 'event.registered',
    },
  })
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: false,
      name: 'Event attended',
      points: 100,
      verb: 'event.attended',
    },
  })
  const silver = await payload.create({
    collection: 'club-tiers',
    data: { multiplier: 1.1, name: 'Silver', qualifyingMonths: 12, rank: 2, threshold: 500 },
  })
  const description = f.openCourse.lessons?.[0]?.body as EventData['description'] | undefined
  if (!description) throw new Error('the fixture course has no lesson body')
  const event = async (title: string, slug: string, extra: Partial<EventData> = {}) => {
    const created = await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        attendanceCode: 'Nordwind-42',
        description,
        endsAt: inMinutes(2 * 24 * 60 + 120),
        endsAt_tz: 'Europe/Berlin',
        format: 'online',
        onlineUrl: 'https://meet.example/event',
        slug,
        startsAt: inMinutes(2 * 24 * 60),
        startsAt_tz: 'Europe/Berlin',
        summary: `About ${title}`,
        title,
        type: 'webinar',
        ...extra,
      },
    })
    return { id: created.id }
  }
  events = {
    deadlinePassed: await event('Deadline passed', 'deadline-passed', {
      registrationDeadline: inMinutes(-60),
    }),
    draft: {
      id: (
        await payload.create({
          collection: 'events',
          data: { slug: 'draft-event', title: 'Draft event' },
          draft: true,
        })
      ).id,
    },
    ended: await event('Ended', 'ended', {
      endsAt: inMinutes(25 * 60),
      startsAt: inMinutes(24 * 60),
    }),
    lastSeat: await event('Last seat', 'last-seat', { capacity: 1 }),
    live: await event('Live now', 'live-now', {
      endsAt: inMinutes(50),
      registrationDeadline: inMinutes(40),
      startsAt: inMinutes(-10),
    }),
    seminar: await event('Seminar', 'seminar', { capacity: 2, type: 'training' }),
    soon: await event('Soon', 'soon', { endsAt: inMinutes(180), startsAt: inMinutes(120) }),
    tiered: await event('Club evening', 'club-evening', {
      eligibleTiers: [f.gold.id, silver.id],
      type: 'club-event',
    }),
  }
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  managerA = await signIn(server.url, 'members', f.managerA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  goldB = await signIn(server.url, 'members', f.goldMemberB.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
})

afterAll(async () => {
  await server?.close()
})

describe('who may register', () => {
  it('anonymous 401, staff 403, bad id 400, draft and missing 404', async () => {
    const anonymous = await register(client(server.url), events.seminar)
    expect(anonymous.status).toBe(401)
    const staff = await register(marketer, events.seminar)
    expect(staff.status).toBe(403)
    expect(staff.body.errors[0].message).toMatch(/staff accounts do not earn/i)
    expect((await memberA.request('POST', '/api/events/abc/register')).status).toBe(400)
    for (const event of [events.draft, { id: 999999 }]) {
      const missing = await register(memberA, event)
      expect(missing.status).toBe(404)
      expect(missing.body.errors[0].message).toBe('This event does not exist.')
    }
    expect((await cancel(client(server.url), events.seminar)).status).toBe(401)
    expect((await cancel(memberA, events.seminar)).status).toBe(404)
    expect((await checkIn(client(server.url), events.live, 'x')).status).toBe(401)
  })

  it('closes registration at the deadline (the start when there is none: see check-in)', async () => {
    const closed = await register(memberA, events.deadlinePassed)
    expect(closed.status).toBe(409)
    expect(closed.body.errors[0].message).toBe('Registration for this event has closed.')
    expect(await registration(f.memberA.id, events.deadlinePassed.id)).toBeUndefined()
  })

  it('refuses members outside the eligible tiers, naming them, and registers a Gold member', async () => {
    for (const who of [memberA, memberB]) {
      const refused = await register(who, events.tiered)
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toBe('This event is for Silver and Gold members.')
    }
    const gold = await register(goldB, events.tiered)
    expect(gold.status).toBe(200)
    // 20 × Gold 1.25
    expect(gold.body).toMatchObject({ status: 'registered', waitlistPosition: null })
    expect(gold.body.award).toMatchObject({ duplicate: false, points: 25 })
  })
})

describe('capacity, waitlist and cancellation', () => {
  it('fills the seats, then waitlists in order; registering again answers the current state', async () => {
    const first = await register(memberA, events.seminar)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ status: 'registered', waitlistPosition: null })
    expect(first.body.award).toMatchObject({ duplicate: false, organisationPoints: 10, points: 20 })
    expect(first.body.award.reason).toBe('Event registration: Seminar')
    expect((await register(colleagueA, events.seminar)).body.status).toBe('registered')

    const third = await register(managerA, events.seminar)
    expect(third.status).toBe(200)
    expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    const fourth = await register(memberB, events.seminar)
    expect(fourth.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })

    const again = await register(managerA, events.seminar)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect(again.body.award).toMatchObject({ duplicate: true, points: 20 })
    expect(await byKey(`event.registered:${f.managerA.id}:${events.seminar.id}`)).toHaveLength(1)
    expect(await activityCount(f.managerA.id, 'event.registered', events.seminar.id)).toBe(1)

    const waitlisted = await checkIn(managerA, events.seminar, 'Nordwind-42')
    expect(waitlisted.status).toBe(409)
    expect(waitlisted.body.errors[0].message).toBe('Register for the event before checking in.')
  })

  it('a cancellation reverses the registration points and promotes the first on the waitlist', async () => {
    const key = `event.registered:${f.memberA.id}:${events.seminar.id}`
    const [earned] = await byKey(key)
    const [organisationEarned] = await byKey(`${key}:organisation`)
    expect(earned.amount).toBe(20)
    expect(organisationEarned.amount).toBe(10)

    const cancelled = await cancel(memberA, events.seminar)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toEqual({ reversedPoints: 20, status: 'cancelled' })

    const [reversal] = await byKey(
      `event.cancelled:${f.memberA.id}:${events.seminar.id}:${earned.id}`,
    )
    expect(reversal).toMatchObject({
      account: 'member',
      amount: -20,
      kind: 'reverse',
      qualifyingAmount: -20,
      reverses: earned.id,
    })
    expect(reversal.reason).toBe('Registration cancelled: Seminar')
    const [organisationReversal] = await byKey(
      `event.cancelled:${f.memberA.id}:${events.seminar.id}:${organisationEarned.id}`,
    )
    expect(organisationReversal).toMatchObject({
      account: 'organisation',
      amount: -10,
      kind: 'reverse',
      organisation: f.partnerA.id,
      qualifyingAmount: -10,
      reverses: organisationEarned.id,
    })
    await expectBalanceEqualsLedger('member', f.memberA.id)
    await expectBalanceEqualsLedger('organisation', f.partnerA.id)
    expect(await activityCount(f.memberA.id, 'event.cancelled', events.seminar.id)).toBe(1)
    expect((await registration(f.memberA.id, events.seminar.id)).status).toBe('cancelled')

    // The first on the waitlist got the seat; the second moved up.
    expect((await registration(f.managerA.id, events.seminar.id)).status).toBe('registered')
    expect((await register(managerA, events.seminar)).body).toMatchObject({
      status: 'registered',
      waitlistPosition: null,
    })
    expect((await register(memberB, events.seminar)).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    })
  })

  it('cancelling twice is a 404; registering again joins the back of the queue without new points', async () => {
    const twice = await cancel(memberA, events.seminar)
    expect(twice.status).toBe(404)
    expect(twice.body.errors[0].message).toBe('You are not registered for this event.')
    const before = await ledger({ member: { equals: f.memberA.id } })

    const back = await register(memberA, events.seminar)
    expect(back.status).toBe(200)
    expect(back.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    expect(back.body.award).toMatchObject({ duplicate: true })
    const record = await registration(f.memberA.id, events.seminar.id)
    expect(record.key).toBe(`${f.memberA.id}:${events.seminar.id}`)

    const again = await cancel(memberA, events.seminar)
    expect(again.body).toEqual({ reversedPoints: 0, status: 'cancelled' })
    expect(await ledger({ member: { equals: f.memberA.id } })).toHaveLength(before.length)
    // A waitlisted member leaving frees no seat.
    expect((await registration(f.memberB.id, events.seminar.id)).status).toBe('waitlisted')
    await expectBalanceEqualsLedger('member', f.memberA.id)
  })

  it('three members racing for the last seat: one gets it, two are waitlisted in order', async () => {
    const responses = await Promise.all(
      [memberB, colleagueA, managerA].map((who) => register(who, events.lastSeat)),
    )
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200])
    const statuses = responses.map((response) => response.body.status).sort()
    expect(statuses).toEqual(['registered', 'waitlisted', 'waitlisted'])
    const positions = responses
      .map((response) => response.body.waitlistPosition)
      .filter((position) => position !== null)
      .sort()
    expect(positions).toEqual([1, 2])
    // The positions answered are the positions held: asking again gives the same ones.
    const members = [memberB, colleagueA, managerA]
    const again = await Promise.all(members.map((who) => register(who, events.lastSeat)))
    expect(again.map((response) => response.body.waitlistPosition)).toEqual(
      responses.map((response) => response.body.waitlistPosition),
    )
  })
})

describe('check-in', () => {
  it('needs a registration, the right code and the check-in window', async () => {
    const unregistered = await checkIn(memberB, events.live, 'Nordwind-42')
    expect(unregistered.status).toBe(409)
    expect(unregistered.body.errors[0].message).toBe('Register for the event before checking in.')

    expect((await register(memberA, events.live)).body.status).toBe('registered')
    const wrong = await checkIn(memberA, events.live, 'Nordwind-41')
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].message).toBe('That attendance code is not right.')
    expect((await checkIn(memberA, events.live)).status).toBe(400)
    expect((await checkIn(memberA, events.live, 42)).status).toBe(400)

    expect((await register(memberA, events.soon)).body.status).toBe('registered')
    const early = await checkIn(memberA, events.soon, 'Nordwind-42')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toBe('Check-in opens 15 minutes before the event starts.')

    expect((await register(memberA, events.ended)).body.status).toBe('registered')
    await payload.update({
      collection: 'events',
      data: { endsAt: inMinutes(-120), startsAt: inMinutes(-180) },
      id: events.ended.id,
    })
    const late = await checkIn(memberA, events.ended, 'Nordwind-42')
    expect(late.status).toBe(409)
    expect(late.body.errors[0].message).toBe('This event has ended.')
    const closed = await register(memberB, events.ended)
    expect(closed.status).toBe(409)
    expect(closed.body.errors[0].message).toBe('Registration for this event has closed.')

    expect(await byKey(`event.attended:${f.memberA.id}:${events.live.id}`)).toHaveLength(0)
  })

  it('checks in with the code in any case and spacing, awards once, and then cannot cancel', async () => {
    const done = await checkIn(memberA, events.live, '  nordWIND-42 ')
    expect(done.status).toBe(200)
    expect(done.body.status).toBe('attended')
    expect(done.body.award).toMatchObject({ duplicate: false, points: 100 })
    const record = await registration(f.memberA.id, events.live.id)
    expect(record.status).toBe('attended')
    expect(record.attendedAt).toBeTruthy()

    const again = await checkIn(memberA, events.live, 'Nordwind-42')
    expect(again.status).toBe(200)
    expect(again.body.award).toMatchObject({
      duplicate: true,
      entryId: done.body.award.entryId,
      points: 100,
    })
    expect(await byKey(`event.attended:${f.memberA.id}:${events.live.id}`)).toHaveLength(1)
    expect(await activityCount(f.memberA.id, 'event.attended', events.live.id)).toBe(1)

    const cancelled = await cancel(memberA, events.live)
    expect(cancelled.status).toBe(409)
    expect((await register(memberA, events.live)).body.status).toBe('attended')
    await expectBalanceEqualsLedger('member', f.memberA.id)
  })

  it('50 concurrent identical check-ins book exactly one ledger entry', async () => {
    expect((await register(colleagueA, events.live)).body.status).toBe('registered')
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => checkIn(colleagueA, events.live, 'NORDWIND-42')),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200))
    expect(responses.filter((response) => response.body.award.duplicate === false)).toHaveLength(1)
    expect(new Set(responses.map((response) => response.body.award.entryId)).size).toBe(1)
    expect(await byKey(`event.attended:${f.colleagueA.id}:${events.live.id}`)).toHaveLength(1)
    expect(await activityCount(f.colleagueA.id, 'event.attended', events.live.id)).toBe(1)
    await expectBalanceEqualsLedger('member', f.colleagueA.id)
  })
})

describe('attendance recorded by staff', () => {
  it('anonymous 401, members 403, malformed lists 400', async () => {
    const body = { members: [f.memberB.id] }
    const anonymous = await attendance(client(server.url), events.live, body)
    expect(anonymous.status).toBe(401)
    const member = await attendance(memberA, events.live, body)
    expect(member.status).toBe(403)
    expect(member.body.errors[0].message).toBe('Only staff can record attendance.')
    for (const bad of [
      {},
      { members: [] },
      { members: 'all' },
      { members: [null] },
      { members: [{ id: 1 }] },
      { members: Array.from({ length: 501 }, (_, index) => index + 1) },
    ]) {
      const refused = await attendance(marketer, events.live, bad)
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].message).toMatch(/1 to 500 member ids/)
    }
    expect((await attendance(marketer, { id: 999999 }, body)).status).toBe(404)
    expect(await byKey(`event.attended:${f.memberB.id}:${events.live.id}`)).toHaveLength(0)
  })

  it('marks a list as attended, creating registrations, and reports unknown ids', async () => {
    const { body, status } = await attendance(marketer, events.live, {
      members: [f.memberA.id, f.memberB.id, String(f.managerA.id), 999999, 'nobody', f.blockedA.id],
    })
    expect(status).toBe(200)
    expect(body.results).toEqual([
      { duplicate: true, member: f.memberA.id, points: 100, status: 'attended' },
      { duplicate: false, member: f.memberB.id, points: 100, status: 'attended' },
      { duplicate: false, member: f.managerA.id, points: 100, status: 'attended' },
      { duplicate: false, member: 999999, points: 0, status: 'unknown' },
      { duplicate: false, member: 'nobody', points: 0, status: 'unknown' },
      { duplicate: false, member: f.blockedA.id, points: 0, status: 'attended' },
    ])
    const [entry] = await byKey(`event.attended:${f.memberB.id}:${events.live.id}`)
    expect(entry.actor).toEqual({ relationTo: 'users', value: f.marketer.id })
    const created = await registration(f.memberB.id, events.live.id)
    expect(created).toMatchObject({ member: f.memberB.id, status: 'attended' })
    expect(created.registeredAt ?? null).toBeNull()
    expect(await activityCount(f.memberB.id, 'event.attended', events.live.id)).toBe(1)

    // Marking again books nothing new; the member's own check-in is a no-op too.
    const again = await attendance(marketer, events.live, { members: [f.memberB.id] })
    expect(again.body.results).toEqual([
      { duplicate: true, member: f.memberB.id, points: 100, status: 'attended' },
    ])
    expect((await checkIn(memberB, events.live, 'Nordwind-42')).body.award.duplicate).toBe(true)
    expect(await byKey(`event.attended:${f.memberB.id}:${events.live.id}`)).toHaveLength(1)
  })

  it('every balance still equals its ledger', async () => {
    for (const member of [f.memberA, f.colleagueA, f.managerA, f.memberB, f.goldMemberB]) {
      await expectBalanceEqualsLedger('member', member.id)
    }
    await expectBalanceEqualsLedger('organisation', f.partnerA.id)
    await expectBalanceEqualsLedger('organisation', f.partnerB.id)
  })
})
