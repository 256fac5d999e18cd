import type { CollectionSlug, Payload, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { auditLedger } from './helpers/ledgerAudit'
import { type Client, type JsonBody, bootServer, client, signIn } from './helpers/server'

// Many uploads from a few sessions: no per-session rate limit here.
process.env.ACTION_RATE_LIMIT = '0'

let server: RunningServer
let payload: Payload
let f: Fixtures
let admin: Client
let marketer: Client
let memberA: Client
let colleagueA: Client
/** A webinar on 12 June 2025, 10:00–11:00 Berlin time (08:00–09:00 UTC), minimum 30 minutes. */
let webinar: number
/** A 90-minute webinar without a minimum of its own (the default: 60 % = 54 minutes). */
let longWebinar: number
/** A webinar on now, with an attendance code, minimum 10 minutes. */
let liveWebinar: number
/** A webinar next month. */
let futureWebinar: number

const POINTS = 50

/** Sends a CSV file: as the body (`text/csv`) or as the `file` field of a form. */
const upload = async (
  who: Client | null,
  path: string,
  text: string,
  how: { filename?: string; form?: boolean; type?: string } = {},
): Promise<{ body: JsonBody; status: number }> => {
  const headers: Record<string, string> = who?.token ? { authorization: `JWT ${who.token}` } : {}
  let body: BodyInit
  if (how.form) {
    const form = new FormData()
    form.append('file', new Blob([text], { type: 'text/csv' }), how.filename ?? 'report.csv')
    body = form
  } else {
    headers['content-type'] = how.type ?? 'text/csv'
    body = text
  }
  const query = how.filename && !how.form ? `?filename=${encodeURIComponent(how.filename)}` : ''
  const response = await fetch(`${server.url}${path}${query}`, { body, headers, method: 'POST' })
  const raw = await response.text()
  let parsed: JsonBody = {}
  try {
    parsed = raw ? (JSON.parse(raw) as JsonBody) : {}
  } catch {
    parsed = { text: raw }
  }
  return { body: parsed, status: response.status }
}

const attendancePath = (event: number, step: 'apply' | 'preview') =>
  `/api/loyalty/imports/attendance/${event}/${step}`

const count = async (collection: 'loyalty-imports' | 'loyalty-ledger' | 'loyalty-registrations') =>
  (await payload.count({ collection: collection as CollectionSlug, overrideAccess: true }))
    .totalDocs

const ledger = async (where: Where) =>
  (
    await payload.find({
      collection: 'loyalty-ledger',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      where,
    })
  ).docs

const attendedEntries = (event: number, member: number) =>
  ledger({ idempotencyKey: { equals: `event.attended:${member}:${event}` } })

const registration = async (event: number, member: number) =>
  (
    await payload.find({
      collection: 'loyalty-registrations',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      where: { key: { equals: `${member}:${event}` } },
    })
  ).docs[0] ?? null

const spendable = async (member: number) =>
  (await payload.findByID({ collection: 'members', depth: 0, id: member })).loyalty?.spendable ?? 0

/** Everything an import could change, to show that a refusal or a preview changed nothing. */
const state = async () => {
  const members = await payload.find({
    collection: 'members',
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'id',
  })
  return {
    balances: members.docs.map((doc) => `${doc.id}:${doc.loyalty?.spendable ?? 0}`),
    imports: await count('loyalty-imports'),
    ledger: await count('loyalty-ledger'),
    registrations: await count('loyalty-registrations'),
  }
}

const emails = (people: JsonBody[]) => people.map((person) => person.email)

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000)

/**
 * Zoom's participant export for the webinar: a summary, then one row per join and leave.
 * - memberA rejoined: 20 + 15 minutes = 35 → attends
 * - A's colleague on two devices at the same time: 25 minutes, not 40 → below the minimum
 * - A's manager exactly 30:00 (in Berlin time, Zoom's format) → attends
 * - B's member 29:59 → below
 * - an address of no member, a guest without an address, a line with a broken time
 */
const zoomReport = () =>
  [
    'Meeting ID,Topic,Start Time,End Time,Participants',
    '812 3456 7890,Heat pumps in old buildings,06/12/2025 10:00:00 AM,06/12/2025 11:00:00 AM,6',
    '',
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
    `Anna,${f.memberA.email},2025-06-12T08:00:00Z,2025-06-12T08:20:00Z,20,No`,
    `Colin,${f.colleagueA.email},2025-06-12T08:00:00Z,2025-06-12T08:25:00Z,25,No`,
    `Colin (phone),${f.colleagueA.email.toUpperCase()},2025-06-12T08:05:00Z,2025-06-12T08:20:00Z,15,No`,
    `Anna,${f.memberA.email},2025-06-12T08:40:00Z,2025-06-12T08:55:00Z,15,No`,
    `Max,${f.managerA.email},06/12/2025 10:10:00 AM,06/12/2025 10:40:00 AM,30,No`,
    `Berta,${f.memberB.email},2025-06-12T08:00:00Z,2025-06-12T08:29:59Z,29,No`,
    'Visitor,visitor@elsewhere.example,2025-06-12T08:00:00Z,2025-06-12T09:00:00Z,60,Yes',
    'Guest,,2025-06-12T08:00:00Z,2025-06-12T09:00:00Z,60,Yes',
    `Anna,${f.memberA.email},tomorrow,2025-06-12T09:00:00Z,0,No`,
  ].join('\r\n')

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  admin = await signIn(server.url, 'users', f.admin.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: { name: 'Webinar attended', points: POINTS, verb: 'event.attended' },
  })
  const event = async (title: string, data: Record<string, unknown>) =>
    (
      await payload.create({
        collection: 'events',
        data: {
          _status: 'published',
          description: f.event.description,
          endsAt_tz: 'Europe/Berlin',
          format: 'online',
          slug: title.toLowerCase().replace(/\W+/g, '-'),
          startsAt_tz: 'Europe/Berlin',
          summary: title,
          title,
          type: 'webinar',
          ...data,
        } as never,
      })
    ).id as number
  webinar = await event('Heat pumps in old buildings', {
    attendanceMinimumMinutes: 30,
    endsAt: '2025-06-12T09:00:00.000Z',
    startsAt: '2025-06-12T08:00:00.000Z',
  })
  longWebinar = await event('Hydraulic balancing', {
    endsAt: '2025-06-19T09:30:00.000Z',
    startsAt: '2025-06-19T08:00:00.000Z',
  })
  liveWebinar = await event('Live Q&A', {
    attendanceCode: 'LIVE1',
    attendanceMinimumMinutes: 10,
    endsAt: inMinutes(120).toISOString(),
    registrationDeadline: inMinutes(60).toISOString(),
    startsAt: inMinutes(-5).toISOString(),
  })
  futureWebinar = await event('Next month', {
    endsAt: inMinutes(31 * 24 * 60 + 60).toISOString(),
    startsAt: inMinutes(31 * 24 * 60).toISOString(),
  })
})

afterAll(async () => {
  await server?.close()
})

describe('webinar attendance import', () => {
  it('previews matched, below-threshold, unmatched and invalid rows, and writes nothing', async () => {
    const before = await state()
    const { body, status } = await upload(
      marketer,
      attendancePath(webinar, 'preview'),
      zoomReport(),
      {
        filename: 'zoom-participants.csv',
      },
    )
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.minimum).toEqual({ from: 'event', minutes: 30 })
    expect(body.columns).toMatchObject({
      email: 'User Email',
      headerLine: 4,
      join: 'Join Time',
      leave: 'Leave Time',
    })
    expect(body.counts).toEqual({
      alreadyAttended: 0,
      attends: 2,
      belowThreshold: 2,
      invalid: 2,
      people: 5,
      rows: 9,
      unmatched: 1,
    })
    expect(body.attends).toEqual([
      {
        email: f.memberA.email,
        lines: [5, 8],
        memberId: f.memberA.id,
        minutes: 35,
        name: f.memberA.name,
        sessions: 2,
      },
      {
        email: f.managerA.email,
        lines: [9],
        memberId: f.managerA.id,
        minutes: 30,
        name: f.managerA.name,
        sessions: 1,
      },
    ])
    // Two devices at once count once: 25 minutes, not 40.
    expect(body.belowThreshold.map((one: JsonBody) => [one.email, one.minutes])).toEqual([
      [f.colleagueA.email, 25],
      [f.memberB.email, 29],
    ])
    expect(emails(body.unmatched)).toEqual(['visitor@elsewhere.example'])
    expect(body.invalid).toEqual([
      { line: 12, message: 'Line 12: no email address (a guest?).' },
      {
        line: 13,
        message: expect.stringMatching(/^Line 13: the join time "tomorrow" is not a time like /),
      },
    ])
    expect(body.file).toMatchObject({ name: 'zoom-participants.csv' })
    expect(body.file.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await state()).toEqual(before)
  })

  it('applies: marks attended (registering walk-ins) and awards once through the attendance path', async () => {
    expect(await registration(webinar, f.memberA.id)).toBeNull()
    const before = { a: await spendable(f.memberA.id), manager: await spendable(f.managerA.id) }
    const { body, status } = await upload(
      marketer,
      attendancePath(webinar, 'apply'),
      zoomReport(),
      {
        form: true,
        filename: 'zoom-participants.csv',
      },
    )
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.applied).toMatchObject({ attended: 2, points: 2 * POINTS })
    expect(body.attends.map((one: JsonBody) => [one.email, one.points])).toEqual([
      [f.memberA.email, POINTS],
      [f.managerA.email, POINTS],
    ])
    for (const member of [f.memberA.id, f.managerA.id]) {
      const record = await registration(webinar, member)
      expect(record).toMatchObject({ registeredAt: null, status: 'attended' })
      const entries = await attendedEntries(webinar, member)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ amount: POINTS, kind: 'earn' })
    }
    expect(await spendable(f.memberA.id)).toBe(before.a + POINTS)
    expect(await spendable(f.managerA.id)).toBe(before.manager + POINTS)
    // Below the minimum, unmatched and invalid: nothing for them.
    expect(await registration(webinar, f.colleagueA.id)).toBeNull()
    expect(await attendedEntries(webinar, f.memberB.id)).toHaveLength(0)
    const record = await payload.findByID({
      collection: 'loyalty-imports' as CollectionSlug,
      depth: 0,
      id: body.applied.import,
    })
    expect(record).toMatchObject({
      actor: f.marketer.id,
      alreadyAttended: 0,
      applied: 2,
      belowThreshold: 2,
      event: webinar,
      fileName: 'zoom-participants.csv',
      invalid: 2,
      kind: 'attendance',
      minimumMinutes: 30,
      points: 2 * POINTS,
      rows: 9,
      unmatched: 1,
    })
    expect(await auditLedger(payload)).toEqual([])
  })

  it('re-importing the same file awards nothing and reports them as already attended', async () => {
    const ledgerBefore = await count('loyalty-ledger')
    const { body, status } = await upload(admin, attendancePath(webinar, 'apply'), zoomReport())
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.attends).toEqual([])
    expect(emails(body.alreadyAttended)).toEqual([f.memberA.email, f.managerA.email])
    expect(body.applied).toMatchObject({ attended: 0, points: 0 })
    expect(await count('loyalty-ledger')).toBe(ledgerBefore)
    expect(await attendedEntries(webinar, f.memberA.id)).toHaveLength(1)
  })

  it('a member who checked in and is in the file is awarded once, either way round', async () => {
    // memberA registers and checks in with the code; A's colleague does not.
    expect((await memberA.request('POST', `/api/events/${liveWebinar}/register`)).status).toBe(200)
    const checkIn = await memberA.request('POST', `/api/events/${liveWebinar}/check-in`, {
      code: 'LIVE1',
    })
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(200)
    expect(checkIn.body.award.points).toBe(POINTS)
    const start = inMinutes(-5)
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString()
    const file = [
      'email,join,leave',
      `${f.memberA.email},${at(0)},${at(30)}`,
      `${f.colleagueA.email},${at(0)},${at(12)}`,
    ].join('\n')
    const preview = await upload(admin, attendancePath(liveWebinar, 'preview'), file)
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(emails(preview.body.alreadyAttended)).toEqual([f.memberA.email])
    expect(emails(preview.body.attends)).toEqual([f.colleagueA.email])
    const applied = await upload(admin, attendancePath(liveWebinar, 'apply'), file)
    expect(applied.status).toBe(201)
    expect(applied.body.applied).toMatchObject({ attended: 1, points: POINTS })
    expect(await attendedEntries(liveWebinar, f.memberA.id)).toHaveLength(1)
    // The colleague, now marked attended by the import, checks in too: the same award, once.
    const late = await colleagueA.request('POST', `/api/events/${liveWebinar}/check-in`, {
      code: 'LIVE1',
    })
    expect(late.status, JSON.stringify(late.body)).toBe(200)
    expect(late.body.award).toMatchObject({ duplicate: true, points: POINTS })
    expect(await attendedEntries(liveWebinar, f.colleagueA.id)).toHaveLength(1)
  })

  it('without a minimum of its own, an event needs 60 % of its length, to the second', async () => {
    const file = [
      'Email Address,Join Time,Leave Time',
      `${f.memberA.email},2025-06-19T08:00:00Z,2025-06-19T08:54:00Z`,
      `${f.colleagueA.email},2025-06-19T08:00:00Z,2025-06-19T08:30:00Z`,
      `${f.colleagueA.email},2025-06-19T08:40:00Z,2025-06-19T09:03:59Z`,
    ].join('\n')
    const { body, status } = await upload(admin, attendancePath(longWebinar, 'preview'), file)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.minimum).toEqual({ from: 'default', minutes: 54 })
    expect(body.attends.map((one: JsonBody) => [one.email, one.minutes])).toEqual([
      [f.memberA.email, 54],
    ])
    // Rejoined: 30 + 23:59 = 53:59, one second short.
    expect(body.belowThreshold.map((one: JsonBody) => [one.email, one.minutes])).toEqual([
      [f.colleagueA.email, 53],
    ])
  })

  it('refuses a file without the expected headers, naming them, and writes nothing', async () => {
    const before = await state()
    const { body, status } = await upload(
      admin,
      attendancePath(webinar, 'apply'),
      'name,minutes\nAnna,40\n',
    )
    expect(status).toBe(400)
    expect(body.errors[0].message).toBe(
      'No header row found. The file needs the columns email, join and leave (Zoom: "User Email", "Join Time", "Leave Time"; Teams: "Email", "Join time", "Leave time"; GoToWebinar: "Email Address", "Join Time", "Leave Time"). The first line has: "name", "minutes".',
    )
    expect(await state()).toEqual(before)
  })

  it('refuses events that have not happened or do not exist', async () => {
    const file = `email,join,leave\n${f.memberA.email},2025-06-12T08:00:00Z,2025-06-12T09:00:00Z`
    const future = await upload(admin, attendancePath(futureWebinar, 'apply'), file)
    expect(future.status).toBe(409)
    expect(future.body.errors[0].message).toBe(
      'This event has not started yet; import its attendance after it has taken place.',
    )
    const missing = await upload(admin, attendancePath(999_999, 'preview'), file)
    expect(missing.status).toBe(404)
    const wrongDay = await upload(admin, attendancePath(longWebinar, 'apply'), file)
    expect(wrongDay.status).toBe(400)
    expect(wrongDay.body.errors[0].message).toBe(
      'No line of the file could be used. Line 2: 2025-06-12 is not the day of this event (2025-06-19); is this the file of another event?',
    )
  })
})

describe('bulk point adjustments', () => {
  const path = (step: 'apply' | 'preview') => `/api/loyalty/imports/adjustments/${step}`

  it('previews every line against the members and writes nothing', async () => {
    const before = await state()
    const file = [
      'email,points,reason',
      `${f.memberB.email},120,"Trade show bonus, Hall 3"`,
      `${f.colleagueA.email},+30,Trade show bonus`,
    ].join('\n')
    const { body, status } = await upload(marketer, path('preview'), file)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({
      alreadyApplied: null,
      errors: [],
      rows: 2,
      totals: { added: 150, lines: 2, removed: 0 },
      valid: true,
    })
    expect(body.lines[0]).toEqual({
      email: f.memberB.email,
      line: 2,
      memberId: f.memberB.id,
      name: f.memberB.name,
      points: 120,
      reason: 'Trade show bonus, Hall 3',
      spendableAfter: 120,
      spendableBefore: 0,
    })
    expect(await state()).toEqual(before)
  })

  it('applies all lines in one go as adjustments by the staff user; the same file again is refused', async () => {
    const file = [
      'Email,Points,Reason',
      `${f.memberB.email},120,"Trade show bonus, Hall 3"`,
      `${f.colleagueA.email},+30,Trade show bonus`,
    ].join('\n')
    const before = { b: await spendable(f.memberB.id), colleague: await spendable(f.colleagueA.id) }
    const { body, status } = await upload(marketer, path('apply'), file, {
      filename: 'trade-show.csv',
    })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.applied.entries).toBe(2)
    const entries = await ledger({ idempotencyKey: { contains: `import:${body.file.hash}:` } })
    expect(
      entries.map((entry) => [entry.member, entry.amount, entry.kind, entry.reason]).sort(),
    ).toEqual(
      [
        [f.colleagueA.id, 30, 'adjust', 'Trade show bonus'],
        [f.memberB.id, 120, 'adjust', 'Trade show bonus, Hall 3'],
      ].sort(),
    )
    const withActor = await payload.findByID({
      collection: 'loyalty-ledger',
      depth: 0,
      id: entries[0].id,
    })
    expect(withActor.actor).toMatchObject({ relationTo: 'users', value: f.marketer.id })
    expect(await spendable(f.memberB.id)).toBe(before.b + 120)
    expect(await spendable(f.colleagueA.id)).toBe(before.colleague + 30)
    const record = await payload.findByID({
      collection: 'loyalty-imports' as CollectionSlug,
      depth: 0,
      id: body.applied.import,
    })
    expect(record).toMatchObject({
      actor: f.marketer.id,
      applied: 2,
      fileName: 'trade-show.csv',
      kind: 'adjustments',
      points: 150,
      rows: 2,
    })

    // The same file (whatever its name) again: refused, nothing written.
    const again = await state()
    const repeat = await upload(admin, path('apply'), file, { form: true, filename: 'copy.csv' })
    expect(repeat.status).toBe(409)
    expect(repeat.body.errors[0].message).toMatch(
      /^This file was already applied on \d{4}-\d{2}-\d{2}; nothing was written\./,
    )
    expect(await state()).toEqual(again)
    const preview = await upload(admin, path('preview'), file)
    expect(preview.body.alreadyApplied).toMatchObject({ import: body.applied.import })
    expect(await auditLedger(payload)).toEqual([])
  })

  it('refuses the whole file when any line fails, naming every line, and writes nothing', async () => {
    const balance = await spendable(f.memberB.id)
    const file = [
      'email,points,reason',
      `${f.memberA.email},25,Webinar host bonus`,
      `${f.memberB.email},-${balance + 1},Returned goods`,
      'nobody@elsewhere.example,10,Trade show bonus',
      `${f.colleagueA.email},ten,Trade show bonus`,
      `${f.managerA.email},10,`,
      `${f.memberA.email.toUpperCase()},5,Second line for A`,
    ].join('\n')
    const before = await state()
    const preview = await upload(admin, path('preview'), file)
    expect(preview.status).toBe(200)
    expect(preview.body.valid).toBe(false)
    const expected = [
      {
        line: 3,
        message: `Line 3: ${f.memberB.email} has only ${balance} spendable points, so ${balance + 1} cannot be removed (a balance never goes below 0).`,
      },
      { line: 4, message: 'Line 4: no member has the address nobody@elsewhere.example.' },
      {
        line: 5,
        message: 'Line 5: points must be a whole number such as 50 or -20 (got "ten").',
      },
      { line: 6, message: 'Line 6: no reason; the member sees it on their statement.' },
      {
        line: 7,
        message: `Line 7: ${f.memberA.email} is also on line 2; put one line per member (add up the points) so nobody is given points twice by mistake.`,
      },
    ]
    expect(preview.body.errors).toEqual(expected)
    const applied = await upload(admin, path('apply'), file)
    expect(applied.status).toBe(400)
    expect(applied.body.errors[0].message).toBe(
      `5 lines have errors; nothing was applied. ${expected[0].message}`,
    )
    expect(applied.body.lineErrors).toEqual(expected)
    expect(await state()).toEqual(before)
  })

  it('removes points down to exactly zero, never below', async () => {
    const balance = await spendable(f.memberB.id)
    expect(balance).toBeGreaterThan(0)
    const below = await upload(
      admin,
      path('apply'),
      `email,points,reason\n${f.memberB.email},-${balance + 1},Returned goods`,
    )
    expect(below.status).toBe(400)
    expect(await spendable(f.memberB.id)).toBe(balance)
    const exact = await upload(
      admin,
      path('apply'),
      `email,points,reason\n${f.memberB.email},-${balance},Returned goods`,
    )
    expect(exact.status, JSON.stringify(exact.body)).toBe(201)
    expect(await spendable(f.memberB.id)).toBe(0)
    expect(await auditLedger(payload)).toEqual([])
  })
})

describe('who may import, and what is refused', () => {
  const file = 'email,points,reason\na.member@test.example,5,Bonus for you'
  const paths = () => [
    attendancePath(webinar, 'preview'),
    attendancePath(webinar, 'apply'),
    '/api/loyalty/imports/adjustments/preview',
    '/api/loyalty/imports/adjustments/apply',
  ]

  it('anonymous → 401, members → 403, and nothing is written', async () => {
    const before = await state()
    for (const target of paths()) {
      const anonymous = await upload(client(server.url), target, file)
      expect(anonymous.status, target).toBe(401)
      expect(anonymous.body.errors[0].message).toBe('Sign in as staff to import files.')
      const member = await upload(memberA, target, file)
      expect(member.status, target).toBe(403)
      expect(member.body.errors[0].message).toBe('Only staff can import files.')
    }
    expect(await state()).toEqual(before)
  })

  it('a file over 2 MB → 413 (whether its size is declared or not); other bodies → 400 or 415', async () => {
    const big = `email,points,reason\n${'x'.repeat(2_000_001)}`
    const declared = await upload(admin, '/api/loyalty/imports/adjustments/preview', big)
    expect(declared.status).toBe(413)
    expect(declared.body.errors[0].message).toBe(
      'The file is larger than 2 MB; split it into smaller files.',
    )
    // Streamed without a length (chunked): refused while reading.
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let part = 0; part < 5; part++) controller.enqueue(encoder.encode('x'.repeat(500_000)))
        controller.close()
      },
    })
    const chunked = await fetch(`${server.url}/api/loyalty/imports/adjustments/preview`, {
      body: stream,
      duplex: 'half',
      headers: { authorization: `JWT ${admin.token}`, 'content-type': 'text/csv' },
      method: 'POST',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    const inForm = await upload(admin, '/api/loyalty/imports/adjustments/preview', big, {
      form: true,
    })
    expect(inForm.status).toBe(413)

    const json = await admin.request('POST', '/api/loyalty/imports/adjustments/preview', {
      file: 'x',
    })
    expect(json.status).toBe(415)
    const empty = await upload(admin, '/api/loyalty/imports/adjustments/preview', '')
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0].message).toBe('The file is empty.')
    const latin1 = await fetch(`${server.url}/api/loyalty/imports/adjustments/preview`, {
      body: new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe9, 0x0a]),
      headers: { authorization: `JWT ${admin.token}`, 'content-type': 'text/csv' },
      method: 'POST',
    })
    expect(latin1.status).toBe(400)
    const form = new FormData()
    form.append('other', 'x')
    const noFile = await fetch(`${server.url}/api/loyalty/imports/adjustments/preview`, {
      body: form,
      headers: { authorization: `JWT ${admin.token}` },
      method: 'POST',
    })
    expect(noFile.status).toBe(400)
    expect(((await noFile.json()) as JsonBody).errors[0].message).toBe(
      'Choose a CSV file: the form has no file in a field named "file".',
    )
    const badId = await upload(admin, '/api/loyalty/imports/attendance/abc/preview', file)
    expect(badId.status).toBe(400)
  })

  it('the history is for staff to read; nobody writes it through the API', async () => {
    const staffList = await marketer.request('GET', '/api/loyalty-imports?depth=0')
    expect(staffList.status).toBe(200)
    expect(staffList.body.totalDocs).toBe(await count('loyalty-imports'))
    expect((await memberA.request('GET', '/api/loyalty-imports')).status).toBe(403)
    const created = await admin.request('POST', '/api/loyalty-imports', {
      fileHash: 'x',
      fileName: 'forged.csv',
      key: 'forged',
      kind: 'adjustments',
    })
    expect(created.status).toBe(403)
    const id = staffList.body.docs[0].id
    expect((await admin.request('DELETE', `/api/loyalty-imports/${id}`)).status).toBe(403)
    expect((await admin.request('PATCH', `/api/loyalty-imports/${id}`, { points: 1 })).status).toBe(
      403,
    )
  })
})
