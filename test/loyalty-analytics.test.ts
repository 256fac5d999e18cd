import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { loyaltyOptionsOf } from '../plugins/loyalty/local'
import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { sqlAccess } from '../plugins/loyalty/services/sqlDatabase'
import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, type JsonBody, bootServer, client, signIn } from './helpers/server'

// Every request computes its figures afresh: the data changes between some of them.
process.env.ANALYTICS_CACHE_SECONDS = '0'

let server: RunningServer
let payload: Payload
let f: Fixtures
let admin: Client
let marketer: Client
let member: Client
let ruleId: number | string
let promotionId: number | string
let pastEventId: number | string

type ID = number | string
const DAY = 86_400_000

/** Rows written straight into the plugin's tables, with the times a test needs (the past). */
const insert = async (slug: string, rows: Record<string, unknown>[]) => {
  const sql = sqlAccess(payload)
  if (!sql) throw new Error('these tests need a SQL database')
  await sql.db.insert(sql.table(slug)).values(rows)
}

let keySequence = 0
const entry = (
  memberId: ID,
  organisation: ID,
  createdAt: string,
  amount: number,
  extra: Record<string, unknown> = {},
) => ({
  account: 'member',
  amount,
  createdAt,
  idempotencyKey: `analytics-test:${++keySequence}`,
  kind: amount >= 0 ? 'earn' : 'redeem',
  member: memberId,
  organisation,
  qualifyingAmount: amount >= 0 ? amount : 0,
  reason: 'Test history',
  updatedAt: createdAt,
  ...extra,
})

const signInActivity = (memberId: ID, createdAt: string) => ({
  createdAt,
  details: {},
  member: memberId,
  objectCollection: 'members',
  objectId: String(memberId),
  updatedAt: createdAt,
  verb: 'member.signed-in',
})

const activity = (memberId: ID, verb: string, objectId: ID, createdAt: string) => ({
  createdAt,
  details: {},
  member: memberId,
  objectCollection: 'courses',
  objectId: String(objectId),
  updatedAt: createdAt,
  verb,
})

const progress = (
  memberId: ID,
  course: ID,
  item: string,
  startedAt: null | string,
  completedAt: null | string,
  certificateCode: null | string = null,
) => ({
  certificateCode,
  collection: 'courses',
  completedAt,
  createdAt: startedAt ?? completedAt,
  documentId: String(course),
  item,
  key: `${memberId}:courses:${course}:${item}`,
  member: memberId,
  startedAt,
  updatedAt: completedAt ?? startedAt,
})

const registration = (
  memberId: ID,
  event: ID,
  status: string,
  attendedAt: null | string = null,
) => ({
  attendedAt,
  createdAt: '2025-10-01T09:00:00.000Z',
  eventId: String(event),
  key: `${memberId}:${event}`,
  member: memberId,
  registeredAt: '2025-10-01T09:00:00.000Z',
  status,
  updatedAt: '2025-10-01T09:00:00.000Z',
})

const october = '/api/loyalty/analytics?from=2025-10-01&to=2025-10-31'

/** The analytics as `who` sees them (expects a 200). */
const analytics = async (who: Client, path: string): Promise<JsonBody> => {
  const { body, status } = await who.request('GET', path)
  expect(status, JSON.stringify(body)).toBe(200)
  return body
}

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  const options = loyaltyOptionsOf(payload)
  admin = await signIn(server.url, 'users', f.admin.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  const rule = await payload.create({
    collection: 'loyalty-earning-rules',
    data: { name: 'Course completed', points: 60, verb: 'course.completed' },
  })
  ruleId = rule.id
  const promotion = await payload.create({
    collection: 'loyalty-promotions',
    data: {
      endsAt: '2025-10-31T00:00:00.000Z',
      multiplier: 2,
      name: 'Double October',
      startsAt: '2025-10-01T00:00:00.000Z',
      target: 'all',
    },
  })
  promotionId = promotion.id
  const pastEvent = await payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      attendanceCode: 'PAST1',
      description: f.event.description,
      endsAt: '2025-10-20T12:00:00.000Z',
      endsAt_tz: 'Europe/Berlin',
      format: 'online',
      onlineUrl: 'https://meet.example/past',
      slug: 'past-webinar',
      startsAt: '2025-10-20T10:00:00.000Z',
      startsAt_tz: 'Europe/Berlin',
      summary: 'A past webinar',
      title: 'Past webinar',
      type: 'webinar',
    },
  })
  pastEventId = pastEvent.id

  const { memberA, colleagueA, managerA, memberB, goldMemberB, partnerA, partnerB } = f
  // October 2025 and the September before it (the previous period of the same length).
  await insert('loyalty-ledger', [
    entry(memberB.id, partnerB.id, '2025-09-15T10:00:00.000Z', 100),
    entry(memberA.id, partnerA.id, '2025-09-20T10:00:00.000Z', 190),
    entry(memberA.id, partnerA.id, '2025-09-30T23:59:59.999Z', 10),
    entry(memberA.id, partnerA.id, '2025-10-05T10:00:00.000Z', 60, {
      promotion: promotionId,
      rule: ruleId,
      sourceCollection: 'courses',
      sourceId: String(f.openCourse.id),
      sourceTitle: f.openCourse.title,
    }),
    entry(memberA.id, partnerA.id, '2025-10-05T10:00:00.000Z', 6, {
      account: 'organisation',
      rule: ruleId,
      sourceCollection: 'courses',
      sourceId: String(f.openCourse.id),
    }),
    entry(goldMemberB.id, partnerB.id, '2025-10-10T10:00:00.000Z', -20),
    entry(colleagueA.id, partnerA.id, '2025-10-31T23:59:59.999Z', 5),
    // The first moment after October: not in it.
    entry(memberB.id, partnerB.id, '2025-11-01T00:00:00.000Z', 1000),
  ])
  await insert('loyalty-activities', [
    signInActivity(memberB.id, '2025-10-02T08:00:00.000Z'),
    signInActivity(managerA.id, '2025-10-15T08:00:00.000Z'),
    signInActivity(colleagueA.id, '2025-10-31T23:00:00.000Z'),
    signInActivity(managerA.id, '2025-11-01T00:00:00.000Z'),
    signInActivity(memberA.id, '2025-09-30T23:59:00.000Z'),
    activity(memberA.id, 'quiz.failed', f.openCourse.id, '2025-10-04T10:00:00.000Z'),
    activity(memberA.id, 'quiz.passed', f.openCourse.id, '2025-10-05T09:00:00.000Z'),
  ])
  await insert('loyalty-progress', [
    progress(
      memberA.id,
      f.openCourse.id,
      'lesson:l1',
      '2025-10-03T10:00:00.000Z',
      '2025-10-03T10:10:00.000Z',
    ),
    progress(colleagueA.id, f.openCourse.id, 'lesson:l1', '2025-10-04T10:00:00.000Z', null),
    progress(memberB.id, f.openCourse.id, 'lesson:l1', '2025-09-20T10:00:00.000Z', null),
    progress(
      memberA.id,
      f.openCourse.id,
      'quiz',
      '2025-10-04T10:00:00.000Z',
      '2025-10-05T09:00:00.000Z',
    ),
    progress(
      memberA.id,
      f.openCourse.id,
      'course',
      '2025-10-03T10:00:00.000Z',
      '2025-10-05T10:00:00.000Z',
      'PC-1',
    ),
  ])
  await insert('loyalty-registrations', [
    registration(memberA.id, pastEventId, 'attended', '2025-10-20T10:05:00.000Z'),
    registration(colleagueA.id, pastEventId, 'registered'),
    registration(managerA.id, pastEventId, 'waitlisted'),
    registration(memberB.id, pastEventId, 'cancelled'),
  ])
  await insert('loyalty-tier-changes', [
    {
      account: 'member',
      change: 'upgrade',
      createdAt: '2025-10-05T10:00:00.000Z',
      member: memberA.id,
      reason: 'Test',
      toTier: f.bronze.id,
    },
    {
      account: 'member',
      change: 'downgrade',
      createdAt: '2025-10-12T10:00:00.000Z',
      member: goldMemberB.id,
      reason: 'Test',
      toTier: f.bronze.id,
    },
    {
      account: 'organisation',
      change: 'upgrade',
      createdAt: '2025-10-06T10:00:00.000Z',
      organisation: partnerA.id,
      reason: 'Test',
      toTier: f.gold.id,
    },
    {
      account: 'member',
      change: 'none',
      createdAt: '2025-10-07T10:00:00.000Z',
      member: colleagueA.id,
      reason: 'Test',
    },
  ])
  const feedback = (memberId: ID, recommend: number) => ({
    collection: 'events',
    createdAt: '2025-10-21T10:00:00.000Z',
    documentId: String(pastEventId),
    key: `${memberId}:events:${pastEventId}`,
    member: memberId,
    qualifiedAt: '2025-10-20T10:05:00.000Z',
    rating: 4,
    recommend,
    title: 'Past webinar',
    updatedAt: '2025-10-21T10:00:00.000Z',
  })
  await insert('loyalty-feedback', [
    feedback(memberA.id, 10),
    feedback(memberB.id, 3),
    // In September (the period before October), A's member was a detractor: A's NPS trend.
    {
      ...feedback(memberA.id, 2),
      collection: 'courses',
      createdAt: '2025-09-20T10:00:00.000Z',
      documentId: String(f.openCourse.id),
      key: `${memberA.id}:courses:${f.openCourse.id}`,
      title: 'Heat pump basics',
      updatedAt: '2025-09-20T10:00:00.000Z',
    },
  ])

  // Now, through the real paths: sign-ins over REST, an adjustment by an admin, and points
  // booked by the ledger writer (30 of them expire within 90 days, 25 later).
  member = await signIn(server.url, 'members', memberA.email, password)
  await signIn(server.url, 'members', memberA.email, password)
  await signIn(server.url, 'members', memberB.email, password)
  await signIn(server.url, 'members', managerA.email, password)
  const adjusted = await admin.request('POST', '/api/loyalty/adjustments', {
    member: memberA.id,
    points: 40,
    reason: 'Welcome bonus',
  })
  expect(adjusted.status).toBe(201)
  const soon = new Date(Date.now() + 10 * DAY).toISOString()
  const later = new Date(Date.now() + 200 * DAY).toISOString()
  await writeLedger(payload, options, [
    {
      account: 'member',
      amount: 30,
      expiresAt: soon,
      idempotencyKey: 'analytics-test:soon',
      kind: 'earn',
      member: memberB.id,
      organisation: partnerB.id,
      qualifyingAmount: 30,
      reason: 'Expires soon',
    },
  ])
  await writeLedger(payload, options, [
    {
      account: 'member',
      amount: 25,
      expiresAt: later,
      idempotencyKey: 'analytics-test:later',
      kind: 'earn',
      member: memberB.id,
      organisation: partnerB.id,
      qualifyingAmount: 25,
      reason: 'Expires later',
    },
  ])
})

afterAll(async () => {
  await server?.close()
})

describe('GET /api/loyalty/analytics', () => {
  it('is for staff only: 401 anonymous, 403 for members, 200 for marketers and admins', async () => {
    const anonymous = await client(server.url).request('GET', '/api/loyalty/analytics')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toBe(
      'Sign in as staff to see the programme analytics.',
    )
    const asMember = await member.request('GET', '/api/loyalty/analytics')
    expect(asMember.status).toBe(403)
    expect(asMember.body.errors[0].message).toBe('Only staff can see the programme analytics.')
    const choices = await member.request('GET', '/api/loyalty/analytics/choices')
    expect(choices.status).toBe(403)
    expect((await marketer.request('GET', '/api/loyalty/analytics')).status).toBe(200)
    expect((await admin.request('GET', '/api/loyalty/analytics')).status).toBe(200)
  })

  it('refuses bad input with a 400 that says why, and writes nothing', async () => {
    const before = await payload.count({ collection: 'loyalty-activities' })
    const cases: [string, string][] = [
      ['from=yesterday', 'from must be a day like 2026-11-01 (got "yesterday").'],
      ['to=2025-02-30', 'to is not a real date (got "2025-02-30").'],
      ['from=2025-10-31&to=2025-10-01', 'from must be on or before to.'],
      ['from=2020-01-01&to=2025-01-01', 'The period is 1828 days long; choose at most 731 days.'],
      ['partner=abc', 'partner must be the id of a partner company (got "abc").'],
      ['partner=999999', 'There is no partner with the id 999999.'],
      ['tier=999999', 'There is no tier with the id 999999.'],
      [
        'jobRole=ceo',
        'Unknown job role "ceo": use management, sales, engineer, purchasing, technician.',
      ],
      [
        'region=mars',
        'Unknown region "mars": use dach, benelux, nordics, uk-ie, france, south, cee.',
      ],
      ['partnr=1', 'Unknown parameter "partnr": use from, to, partner, region, jobRole, tier.'],
      ['partner=1&partner=2', 'Give partner only once.'],
    ]
    for (const [search, message] of cases) {
      const { body, status } = await admin.request('GET', `/api/loyalty/analytics?${search}`)
      expect(status, search).toBe(400)
      expect(body.errors[0].message, search).toBe(message)
    }
    expect(await payload.count({ collection: 'loyalty-activities' })).toEqual(before)
  })

  it('defaults to the last 30 days and counts reach from today’s sign-ins and points', async () => {
    const body = await analytics(marketer, '/api/loyalty/analytics')
    const today = new Date().toISOString().slice(0, 10)
    expect(body.period).toMatchObject({ bucket: 'day', days: 30, to: today })
    expect(body.period.from).toBe(new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10))
    // 6 members; signed in today: memberA, memberB, managerA; earned: memberA (adjustment)
    // and memberB (ledger writer).
    expect(body.reach.total).toEqual({
      earned: 2,
      earnedShare: 33.3,
      members: 6,
      reached: 3,
      reachedShare: 50,
      signedIn: 3,
      signedInShare: 50,
    })
    expect(body.points.issued).toBe(95)
    expect(body.points.series.points).toHaveLength(30)
  })

  it('reports liability now: spendable points and those expiring within 90 days', async () => {
    const body = await analytics(admin, '/api/loyalty/analytics')
    expect(body.points.liability).toEqual({
      expiringDays: 90,
      members: { expiring: 30, spendable: 95 },
      organisations: { expiring: 0, spendable: 0 },
      total: { expiring: 30, spendable: 95 },
    })
    const companyA = await analytics(admin, `/api/loyalty/analytics?partner=${f.partnerA.id}`)
    expect(companyA.points.liability.members).toEqual({ expiring: 0, spendable: 40 })
  })

  it('counts reach per partner in a past period, least reached first, with NPS beside it', async () => {
    const body = await analytics(marketer, october)
    expect(body.period).toEqual({
      bucket: 'day',
      days: 31,
      from: '2025-10-01',
      previousFrom: '2025-08-31',
      to: '2025-10-31',
    })
    expect(body.reach.total).toEqual({
      earned: 2,
      earnedShare: 33.3,
      members: 6,
      reached: 4,
      reachedShare: 66.7,
      signedIn: 3,
      signedInShare: 50,
    })
    expect(
      body.reach.byOrganisation.map((row: JsonBody) => [
        row.organisation.name,
        row.members,
        row.signedIn,
        row.earned,
        row.reached,
        row.reachedShare,
        row.nps.score,
        row.nps.previous.score,
      ]),
    ).toEqual([
      ['Beta Distribution', 2, 1, 0, 1, 50, -100, null],
      ['Alpha Installations', 4, 2, 2, 3, 75, 100, -100],
    ])
    expect(body.feedback.nps).toEqual({
      detractors: 1,
      passives: 0,
      previous: { responses: 1, score: -100 },
      promoters: 1,
      responses: 2,
      score: 0,
    })
  })

  it('sums points by kind, rule, promotion and day, inside the period’s bounds only', async () => {
    const body = await analytics(admin, october)
    expect(body.points.byKind).toEqual([
      { entries: 3, kind: 'earn', points: 71 },
      { entries: 1, kind: 'redeem', points: -20 },
    ])
    expect(body.points.issued).toBe(71)
    expect(body.points.byRule).toEqual([
      { entries: 2, points: 66, rule: { id: String(ruleId), name: 'Course completed' } },
      { entries: 1, points: 5, rule: null },
    ])
    expect(body.points.byPromotion).toEqual([
      { entries: 1, points: 60, promotion: { id: String(promotionId), name: 'Double October' } },
    ])
    expect(body.points.series.kinds).toEqual(['earn', 'redeem'])
    const points = body.points.series.points as { bucket: string; values: JsonBody }[]
    expect(points).toHaveLength(31)
    expect(points[0]).toEqual({ bucket: '2025-10-01', values: { earn: 0, redeem: 0 } })
    const nonZero = points.filter((point) => point.values.earn !== 0 || point.values.redeem !== 0)
    expect(nonZero).toEqual([
      { bucket: '2025-10-05', values: { earn: 66, redeem: 0 } },
      { bucket: '2025-10-10', values: { earn: 0, redeem: -20 } },
      { bucket: '2025-10-31', values: { earn: 5, redeem: 0 } },
    ])
  })

  it('buckets by week and month for longer periods', async () => {
    const quarter = await analytics(admin, '/api/loyalty/analytics?from=2025-08-01&to=2025-10-31')
    expect(quarter.period.bucket).toBe('week')
    const weeks = quarter.points.series.points as { bucket: string; values: JsonBody }[]
    // Weeks start on Monday: 2025-09-15 is a Monday; 15 and 20 September fall in one week.
    expect(weeks.find((week) => week.bucket === '2025-09-15')?.values.earn).toBe(290)
    // 30 September (Tuesday) and 5 October (Sunday) share the week of Monday 29 September.
    expect(weeks.find((week) => week.bucket === '2025-09-29')?.values.earn).toBe(10 + 66)
    const year = await analytics(admin, '/api/loyalty/analytics?from=2024-11-15&to=2025-12-31')
    expect(year.period.bucket).toBe('month')
    const months = year.points.series.points as { bucket: string; values: JsonBody }[]
    expect(months[0].bucket).toBe('2024-11-01')
    expect(months).toHaveLength(14)
    expect(months.find((month) => month.bucket === '2025-09-01')?.values.earn).toBe(300)
    expect(months.find((month) => month.bucket === '2025-10-01')?.values).toEqual({
      earn: 71,
      redeem: -20,
    })
    expect(months.find((month) => month.bucket === '2025-11-01')?.values.earn).toBe(1000)
  })

  it('shows the course funnel, events and top content of the period', async () => {
    const body = await analytics(marketer, october)
    expect(body.courses).toEqual([
      {
        certified: 1,
        completed: 1,
        completionRate: 50,
        course: { id: String(f.openCourse.id), name: 'Heat pump basics' },
        lessonsCompleted: 1,
        passed: 1,
        quizAttempts: 2,
        started: 2,
      },
    ])
    expect(body.events).toEqual([
      {
        attendanceRate: 50,
        attended: 1,
        cancelled: 1,
        ended: true,
        endsAt: '2025-10-20T12:00:00.000Z',
        event: { id: String(pastEventId), name: 'Past webinar' },
        noShows: 1,
        registered: 1,
        seats: 2,
        startsAt: '2025-10-20T10:00:00.000Z',
        waitlisted: 1,
      },
    ])
    expect(body.topContent.byPoints).toEqual([
      {
        collection: 'courses',
        count: 60,
        document: { id: String(f.openCourse.id), name: 'Heat pump basics' },
      },
    ])
    expect(
      body.topContent.byCompletions
        .map((row: JsonBody) => `${row.collection}:${row.document.name}:${row.count}`)
        .sort(),
    ).toEqual(['courses:Heat pump basics:1', 'events:Past webinar:1'])
  })

  it('shows tier distribution and movements', async () => {
    const body = await analytics(marketer, october)
    expect(
      body.tiers.members.map((row: JsonBody) => [row.tier?.name ?? null, row.count, row.share]),
    ).toEqual([
      [null, 4, 66.7],
      ['Bronze', 1, 16.7],
      ['Gold', 1, 16.7],
    ])
    expect(body.tiers.organisations.map((row: JsonBody) => [row.tier, row.count])).toEqual([
      [null, 2],
    ])
    expect(body.tiers.movements.totals).toEqual({ downgrades: 1, upgrades: 2 })
    const moves = (body.tiers.movements.points as { bucket: string; values: JsonBody }[]).filter(
      (point) => Object.values(point.values).some((value) => value !== 0),
    )
    expect(moves).toEqual([
      {
        bucket: '2025-10-05',
        values: {
          memberDowngrades: 0,
          memberUpgrades: 1,
          organisationDowngrades: 0,
          organisationUpgrades: 0,
        },
      },
      {
        bucket: '2025-10-06',
        values: {
          memberDowngrades: 0,
          memberUpgrades: 0,
          organisationDowngrades: 0,
          organisationUpgrades: 1,
        },
      },
      {
        bucket: '2025-10-12',
        values: {
          memberDowngrades: 1,
          memberUpgrades: 0,
          organisationDowngrades: 0,
          organisationUpgrades: 0,
        },
      },
    ])
  })

  it('flags partners whose activity dropped against the previous period', async () => {
    const body = await analytics(marketer, october)
    expect(body.atRisk.dropPercent).toBe(50)
    expect(body.atRisk.partners).toEqual([
      {
        activeMembers: 0,
        dropPercent: 100,
        id: String(f.partnerB.id),
        name: 'Beta Distribution',
        nps: { previous: { responses: 0, score: null }, responses: 1, score: -100 },
        points: 0,
        previousActiveMembers: 1,
        previousPoints: 100,
        reason: 'stopped',
        region: 'benelux',
      },
      {
        activeMembers: 2,
        dropPercent: 68,
        id: String(f.partnerA.id),
        name: 'Alpha Installations',
        // NPS from -100 in September to 100 in October: the trend beside the engagement.
        nps: { previous: { responses: 1, score: -100 }, responses: 1, score: 100 },
        points: 65,
        previousActiveMembers: 1,
        previousPoints: 200,
        reason: 'dropped',
        region: 'dach',
      },
    ])
    // In November 2025 partner B earned 1,000 after nothing in October: not at risk.
    const november = await analytics(
      marketer,
      '/api/loyalty/analytics?from=2025-11-01&to=2025-12-01',
    )
    expect(november.atRisk.partners.map((row: JsonBody) => row.name)).toEqual([
      'Alpha Installations',
    ])
  })

  it('narrows every section by partner, region, job role and tier', async () => {
    const companyB = await analytics(admin, `${october}&partner=${f.partnerB.id}`)
    expect(companyB.reach.total).toMatchObject({ members: 2, reached: 1, signedIn: 1 })
    expect(companyB.reach.byOrganisation.map((row: JsonBody) => row.organisation.name)).toEqual([
      'Beta Distribution',
    ])
    expect(companyB.points.byKind).toEqual([{ entries: 1, kind: 'redeem', points: -20 }])
    expect(companyB.courses).toEqual([])
    expect(companyB.events[0]).toMatchObject({ attended: 0, cancelled: 1, registered: 0 })
    expect(companyB.atRisk.partners.map((row: JsonBody) => row.name)).toEqual(['Beta Distribution'])
    expect(companyB.feedback.nps).toMatchObject({ responses: 1, score: -100 })

    const benelux = await analytics(admin, `${october}&region=benelux`)
    expect(benelux.reach.total).toEqual(companyB.reach.total)
    expect(benelux.tiers.organisations).toEqual([{ count: 1, share: 100, tier: null }])

    const managers = await analytics(admin, `${october}&jobRole=management`)
    expect(managers.reach.total).toMatchObject({ earned: 0, members: 1, signedIn: 1 })
    expect(managers.events[0]).toMatchObject({ attended: 0, registered: 0, waitlisted: 1 })
    expect(managers.tiers.organisations).toBeNull()
    expect(managers.points.liability.organisations).toBeNull()

    const gold = await analytics(admin, `${october}&tier=${f.gold.id}`)
    expect(gold.reach.total).toMatchObject({ members: 1, reached: 0 })
    expect(gold.points.byKind).toEqual([{ entries: 1, kind: 'redeem', points: -20 }])
    expect(gold.tiers.movements.totals).toEqual({ downgrades: 1, upgrades: 0 })
  })

  it('offers the filter choices', async () => {
    const body = await analytics(marketer, '/api/loyalty/analytics/choices')
    expect(body.partners).toEqual([
      { id: String(f.partnerA.id), name: 'Alpha Installations' },
      { id: String(f.partnerB.id), name: 'Beta Distribution' },
    ])
    expect(body.regions.map((choice: JsonBody) => choice.value)).toContain('benelux')
    expect(body.jobRoles.map((choice: JsonBody) => choice.value)).toContain('engineer')
    expect(body.tiers.map((tier: JsonBody) => tier.name)).toEqual(['Bronze', 'Gold'])
  })
})

describe('sign-ins', () => {
  it('records the last sign-in and one activity per member and day, without touching updatedAt', async () => {
    const signIns = async (who: ID) =>
      (
        await payload.find({
          collection: 'loyalty-activities',
          where: { and: [{ verb: { equals: 'member.signed-in' } }, { member: { equals: who } }] },
        })
      ).docs
    // memberA signed in twice today: one activity, beside the one seeded on 30 September 2025.
    expect(await signIns(f.memberA.id)).toHaveLength(2)
    expect(await signIns(f.colleagueA.id)).toHaveLength(1)
    const before = await payload.findByID({ collection: 'members', id: f.colleagueA.id })
    expect(before.loyalty?.lastSignInAt ?? null).toBeNull()
    const startedAt = new Date()
    await signIn(server.url, 'members', f.colleagueA.email, password)
    const first = await payload.findByID({ collection: 'members', id: f.colleagueA.id })
    expect(new Date(String(first.loyalty?.lastSignInAt)).getTime()).toBeGreaterThanOrEqual(
      startedAt.getTime(),
    )
    expect(await signIns(f.colleagueA.id)).toHaveLength(2)
    await signIn(server.url, 'members', f.colleagueA.email, password)
    const second = await payload.findByID({ collection: 'members', id: f.colleagueA.id })
    expect(await signIns(f.colleagueA.id)).toHaveLength(2)
    expect(new Date(String(second.loyalty?.lastSignInAt)).getTime()).toBeGreaterThanOrEqual(
      new Date(String(first.loyalty?.lastSignInAt)).getTime(),
    )
    expect(second.updatedAt).toBe(before.updatedAt)
  })
})
