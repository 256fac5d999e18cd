import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { addDaysUTC, addMonthsUTC } from '../plugins/loyalty/engine/calendar'
import { formatDate } from '../plugins/loyalty/engine/format'
import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { resolveOptions } from '../plugins/loyalty/types'
import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

/**
 * Issue 7, people who change companies: admins move a member with
 * `POST /api/loyalty/members/:id/move`. The person keeps points, tier and certificates; the old
 * company keeps what they contributed; the organisation share of later awards goes to the new
 * company; both companies' tiers are re-evaluated with the usual downgrade rules.
 */

process.env.ACTION_RATE_LIMIT = '0'

type ID = number | string

let server: RunningServer
let payload: Payload
let f: Fixtures
let admin: Client
let marketer: Client
let memberA: Client
let colleagueA: Client
let managerA: Client
let memberB: Client
let managerB: Client
let certificateCourse: { id: number; lesson: string }
const courses: { id: number; lesson: string }[] = []

const balancesOf = async (collection: 'members' | 'partners', id: ID) => {
  const doc = await payload.findByID({ collection, depth: 0, id })
  const loyalty = doc.loyalty ?? {}
  return {
    lifetime: loyalty.lifetime ?? 0,
    qualifying: loyalty.qualifying ?? 0,
    spendable: loyalty.spendable ?? 0,
  }
}

const tierOf = async (partner: ID) =>
  (await payload.findByID({ collection: 'partners', depth: 0, id: partner })).loyalty?.tier ?? null

const partnerOf = async (member: ID) =>
  (await payload.findByID({ collection: 'members', depth: 0, id: member })).partner

const complete = async (member: Client, course: { id: ID; lesson: string }) => {
  await member.request('POST', `/api/courses/${course.id}/lessons/${course.lesson}/start`)
  const answer = await member.request(
    'POST',
    `/api/courses/${course.id}/lessons/${course.lesson}/complete`,
  )
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body
}

const newCourse = async (title: string, issuesCertificate = false) => {
  const body = f.openCourse.lessons?.[0]?.body
  if (!body) throw new Error('the fixture course has no lesson body')
  const created = await payload.create({
    collection: 'courses',
    data: {
      _status: 'published',
      estimatedMinutes: 10,
      issuesCertificate,
      lessons: [{ body, minimumSeconds: 0, title }],
      level: 'advanced',
      slug: title.toLowerCase().replace(/\W+/g, '-'),
      summary: title,
      title,
    },
  })
  return { id: created.id, lesson: String(created.lessons?.[0]?.id) }
}

const move = (as: Client, member: ID, body: unknown) =>
  as.request('POST', `/api/loyalty/members/${member}/move`, body)

/** Everything a refused move must leave as it was. */
const state = async () => {
  const count = async (collection: 'loyalty-ledger' | 'loyalty-moves' | 'loyalty-tier-changes') =>
    (await payload.count({ collection })).totalDocs
  const members = await payload.find({ collection: 'members', depth: 0, pagination: false })
  const partners = await payload.find({ collection: 'partners', depth: 0, pagination: false })
  return JSON.stringify([
    await count('loyalty-ledger'),
    await count('loyalty-moves'),
    await count('loyalty-tier-changes'),
    members.docs.map((doc) => [doc.id, doc.partner, doc.loyalty?.spendable]),
    partners.docs.map((doc) => [doc.id, doc.loyalty?.spendable, doc.loyalty?.tier]),
  ])
}

const organisationEntries = async (partner: ID) =>
  (
    await payload.find({
      collection: 'loyalty-ledger',
      depth: 0,
      pagination: false,
      sort: 'createdAt',
      where: {
        and: [{ account: { equals: 'organisation' } }, { organisation: { equals: partner } }],
      },
    })
  ).docs.map((doc) => ({ amount: doc.amount, id: doc.id, member: doc.member }))

const tierChangesOf = async (partner: ID) =>
  (
    await payload.find({
      collection: 'loyalty-tier-changes',
      depth: 0,
      pagination: false,
      sort: 'createdAt',
      where: { organisation: { equals: partner } },
    })
  ).docs

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  certificateCourse = await newCourse('Heat Pumps 201', true)
  for (const title of ['Controls 101', 'Controls 102', 'Controls 103']) {
    courses.push(await newCourse(title))
  }
  // Gold for a company needs 1,500 points and two engineers certified in Heat Pumps 201.
  await payload.update({
    collection: 'club-tiers',
    data: {
      organisationRequirement: {
        certificateCourse: certificateCourse.id,
        jobRole: 'engineer',
        minimumCertifiedMembers: 2,
      },
    },
    id: f.gold.id,
  })
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: true,
      name: 'Course completed',
      organisationSharePercent: 50,
      points: 100,
      verb: 'course.completed',
    },
  })
  await payload.create({
    collection: 'loyalty-rewards',
    data: { cost: 60, stock: 10, title: 'Thermos' },
  })
  // Both companies' earlier activity.
  for (const [partner, points] of [
    [f.partnerA.id, 1450],
    [f.partnerB.id, 1600],
  ] as const) {
    await writeLedger(payload, resolveOptions(), [
      {
        account: 'organisation',
        amount: points,
        idempotencyKey: `history:${partner}`,
        kind: 'earn',
        member: null,
        organisation: partner,
        qualifyingAmount: points,
        reason: 'Earlier activity',
      },
    ])
  }
  await payload.create({
    collection: 'members',
    data: {
      email: 'b.manager@test.example',
      jobRole: 'management',
      name: 'b.manager',
      partner: f.partnerB.id,
      partnerManager: true,
      password,
    },
  })
  admin = await signIn(server.url, 'users', f.admin.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  managerA = await signIn(server.url, 'members', f.managerA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  managerB = await signIn(server.url, 'members', 'b.manager@test.example', password)
})

afterAll(async () => {
  await server?.close()
})

describe('a member moves from company A to company B', () => {
  let aGoldSince: Date

  it('before the move: awards credit A, and A’s manager (not B’s) sees the member', async () => {
    await complete(memberA, certificateCourse)
    expect(await tierOf(f.partnerA.id)).toBe(f.bronze.id)
    const body = await complete(colleagueA, certificateCourse)
    expect(body.certificateCode).toMatch(/^PC-/)
    // The second certified engineer lifts A to Gold (1,450 + 50 + 50 = 1,550 points).
    expect(await tierOf(f.partnerA.id)).toBe(f.gold.id)
    aGoldSince = new Date(
      String(
        (await payload.findByID({ collection: 'partners', id: f.partnerA.id })).loyalty?.tierSince,
      ),
    )
    // B: 1,600 + 50, but only one certified engineer: Bronze.
    await complete(memberB, certificateCourse)
    expect(await tierOf(f.partnerB.id)).toBe(f.bronze.id)

    expect(await balancesOf('members', f.colleagueA.id)).toEqual({
      lifetime: 100,
      qualifying: 100,
      spendable: 100,
    })
    expect(await balancesOf('partners', f.partnerA.id)).toEqual({
      lifetime: 1550,
      qualifying: 1550,
      spendable: 1550,
    })
    expect(await balancesOf('partners', f.partnerB.id)).toEqual({
      lifetime: 1650,
      qualifying: 1650,
      spendable: 1650,
    })

    expect((await managerA.request('GET', `/api/members/${f.colleagueA.id}`)).status).toBe(200)
    expect((await managerB.request('GET', `/api/members/${f.colleagueA.id}`)).status).toBe(404)
    const people = async (manager: Client) =>
      (await manager.request('GET', '/api/loyalty/organisation')).body.members.map(
        (person: { id: ID }) => String(person.id),
      )
    expect(await people(managerA)).toContain(String(f.colleagueA.id))
    expect(await people(managerB)).not.toContain(String(f.colleagueA.id))
  })

  it('moves: balances unchanged, A keeps Gold until its period and grace are over, B reaches Gold', async () => {
    const entriesOfA = await organisationEntries(f.partnerA.id)
    const answer = await move(admin, f.colleagueA.id, {
      partner: f.partnerB.id,
      reason: 'Joined Beta as lead engineer',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(String(answer.body.move.from)).toBe(String(f.partnerA.id))
    expect(String(answer.body.move.to)).toBe(String(f.partnerB.id))
    expect(String(await partnerOf(f.colleagueA.id))).toBe(String(f.partnerB.id))

    // The person keeps everything; neither company's points change.
    expect(await balancesOf('members', f.colleagueA.id)).toEqual({
      lifetime: 100,
      qualifying: 100,
      spendable: 100,
    })
    expect(await balancesOf('partners', f.partnerA.id)).toMatchObject({ spendable: 1550 })
    expect(await balancesOf('partners', f.partnerB.id)).toMatchObject({ spendable: 1650 })
    // A's entries stay A's: none moved, none reversed.
    expect(await organisationEntries(f.partnerA.id)).toEqual(entriesOfA)
    // The certificate stays with the person.
    const certificates = await payload.find({
      collection: 'loyalty-progress',
      where: {
        and: [{ member: { equals: f.colleagueA.id } }, { certificateCode: { exists: true } }],
      },
    })
    expect(certificates.totalDocs).toBe(1)

    // The move is recorded, with who and why.
    const moves = await payload.find({
      collection: 'loyalty-moves',
      depth: 0,
      where: { member: { equals: f.colleagueA.id } },
    })
    expect(moves.docs).toHaveLength(1)
    expect(moves.docs[0]).toMatchObject({
      actor: f.admin.id,
      from: f.partnerA.id,
      reason: 'Joined Beta as lead engineer',
      to: f.partnerB.id,
    })

    // A lost its second certified engineer: Gold is kept until the end of the qualifying period
    // plus the grace, and the tier changes say so.
    expect(await tierOf(f.partnerA.id)).toBe(f.gold.id)
    const until = formatDate(addDaysUTC(addMonthsUTC(aGoldSince, 12), 30))
    const ofA = (await tierChangesOf(f.partnerA.id)).at(-1)
    expect(ofA).toMatchObject({ change: 'none', fromTier: f.gold.id, toTier: f.gold.id })
    expect(ofA?.reason).toBe(
      `You keep Gold until ${until}: 1,550 qualifying points so far; the organisation requirement for Gold is not met. Re-evaluated when a.colleague moved from Alpha Installations to Beta Distribution.`,
    )
    // B now has two certified engineers: Gold at once.
    expect(await tierOf(f.partnerB.id)).toBe(f.gold.id)
    const ofB = (await tierChangesOf(f.partnerB.id)).at(-1)
    expect(ofB).toMatchObject({ change: 'upgrade', fromTier: f.bronze.id, toTier: f.gold.id })
    expect(ofB?.reason).toBe(
      'Reached Gold with 1,650 qualifying points. Re-evaluated when a.colleague moved from Alpha Installations to Beta Distribution.',
    )
    expect(
      answer.body.organisationTiers.map((outcome: { change: string }) => outcome.change),
    ).toEqual(['none', 'upgrade'])
  })

  it('after the move: B’s manager sees the member, A’s does not', async () => {
    expect((await managerA.request('GET', `/api/members/${f.colleagueA.id}`)).status).toBe(404)
    expect((await managerB.request('GET', `/api/members/${f.colleagueA.id}`)).status).toBe(200)
    const people = async (manager: Client) =>
      (await manager.request('GET', '/api/loyalty/organisation')).body.members.map(
        (person: { id: ID }) => String(person.id),
      )
    expect(await people(managerA)).not.toContain(String(f.colleagueA.id))
    expect(await people(managerB)).toContain(String(f.colleagueA.id))
    // The member sees their new company.
    const me = await colleagueA.request('GET', '/api/loyalty/me')
    expect(String(me.body.organisation.id)).toBe(String(f.partnerB.id))
  })

  it('the statement shows the move as a line without points', async () => {
    const { body, status } = await colleagueA.request('GET', '/api/loyalty/statement')
    expect(status).toBe(200)
    expect(body.lines[0]).toMatchObject({
      amount: 0,
      balanceAfter: 100,
      kind: 'move',
      qualifyingAmount: 0,
      reason: 'Moved from Alpha Installations to Beta Distribution',
    })
    expect(body.lines[1]).toMatchObject({ amount: 100, balanceAfter: 100, kind: 'earn' })
    const moves = await colleagueA.request('GET', '/api/loyalty/statement?kind=move')
    expect(moves.body.lines).toHaveLength(1)
    // The member reads their own move, but not the staff's reason for it.
    const own = await colleagueA.request('GET', '/api/loyalty-moves')
    expect(own.body.docs).toHaveLength(1)
    expect(own.body.docs[0].reason).toBeUndefined()
    expect((await managerB.request('GET', '/api/loyalty-moves')).body.docs).toEqual([])
  })

  it('an award after the move credits B; A’s balance stays as it was', async () => {
    await complete(colleagueA, courses[0])
    expect(await balancesOf('members', f.colleagueA.id)).toEqual({
      lifetime: 200,
      qualifying: 200,
      spendable: 200,
    })
    expect(await balancesOf('partners', f.partnerA.id)).toEqual({
      lifetime: 1550,
      qualifying: 1550,
      spendable: 1550,
    })
    expect(await balancesOf('partners', f.partnerB.id)).toEqual({
      lifetime: 1700,
      qualifying: 1700,
      spendable: 1700,
    })
    const latest = (await organisationEntries(f.partnerB.id)).at(-1)
    expect(latest).toMatchObject({ amount: 50, member: f.colleagueA.id })
  })

  it('a move back after B’s Gold period and grace are over downgrades B at once, with the reason', async () => {
    // B reached Gold 14 months ago (12 months' period + 30 days' grace are over).
    const since = addMonthsUTC(new Date(), -14)
    await payload.db.updateOne({
      collection: 'partners',
      data: { loyalty: { tierSince: since.toISOString() } },
      id: f.partnerB.id,
      returning: false,
    })
    const changesOfA = (await tierChangesOf(f.partnerA.id)).length
    const answer = await move(admin, f.colleagueA.id, {
      partner: f.partnerA.id,
      reason: 'Back to Alpha',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(await tierOf(f.partnerB.id)).toBe(f.bronze.id)
    const ofB = (await tierChangesOf(f.partnerB.id)).at(-1)
    expect(ofB).toMatchObject({ change: 'downgrade', fromTier: f.gold.id, toTier: f.bronze.id })
    expect(ofB?.reason).toBe(
      `Bronze from ${formatDate(new Date())}: 1,700 qualifying points in the last 12 months; the organisation requirement for Gold is not met. Re-evaluated when a.colleague moved from Beta Distribution to Alpha Installations.`,
    )
    // A has its two certified engineers again and still holds Gold: nothing to record.
    expect(await tierOf(f.partnerA.id)).toBe(f.gold.id)
    expect(await tierChangesOf(f.partnerA.id)).toHaveLength(changesOfA)
    const statement = await colleagueA.request('GET', '/api/loyalty/statement?kind=move')
    expect(statement.body.lines.map((line: { reason: string }) => line.reason)).toEqual([
      'Moved from Beta Distribution to Alpha Installations',
      'Moved from Alpha Installations to Beta Distribution',
    ])
  })
})

describe('two admins moving the same member at once', () => {
  it('makes exactly one move; the other is told to check', async () => {
    const person = (
      await payload.create({
        collection: 'members',
        data: {
          email: 'twice@test.example',
          jobRole: 'sales',
          name: 'twice',
          partner: f.partnerA.id,
          password,
        },
      })
    ).id
    const answers = await Promise.all(
      [1, 2].map(() => move(admin, person, { partner: f.partnerB.id, reason: 'Changed jobs' })),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    const moves = await payload.count({
      collection: 'loyalty-moves',
      where: { member: { equals: person } },
    })
    expect(moves.totalDocs).toBe(1)
    const lines = await payload.count({
      collection: 'loyalty-ledger',
      where: { and: [{ member: { equals: person } }, { kind: { equals: 'move' } }] },
    })
    expect(lines.totalDocs).toBe(1)
    expect(String(await partnerOf(person))).toBe(String(f.partnerB.id))
  })
})

describe('refused moves write nothing', () => {
  let inactive: ID

  beforeAll(async () => {
    inactive = (
      await payload.create({
        collection: 'partners',
        data: { name: 'Gamma Closed', region: 'dach', status: 'inactive', type: 'installer' },
      })
    ).id
  })

  const cases: {
    title: string
    as: () => Client
    member: () => ID
    body: () => unknown
    status: number
    message: RegExp
  }[] = [
    {
      title: 'an unknown company',
      as: () => admin,
      member: () => f.memberA.id,
      body: () => ({ partner: 999_999, reason: 'Moving on' }),
      status: 400,
      message: /no such company/,
    },
    {
      title: 'the company the member is in',
      as: () => admin,
      member: () => f.memberA.id,
      body: () => ({ partner: f.partnerA.id, reason: 'Moving on' }),
      status: 409,
      message: /already belongs to Alpha Installations/,
    },
    {
      title: 'an inactive company',
      as: () => admin,
      member: () => f.memberA.id,
      body: () => ({ partner: inactive, reason: 'Moving on' }),
      status: 409,
      message: /Gamma Closed is inactive/,
    },
    {
      title: 'an unknown member',
      as: () => admin,
      member: () => 999_999,
      body: () => ({ partner: f.partnerB.id, reason: 'Moving on' }),
      status: 404,
      message: /no such member/,
    },
    {
      title: 'no reason',
      as: () => admin,
      member: () => f.memberA.id,
      body: () => ({ partner: f.partnerB.id }),
      status: 400,
      message: /reason of at least 5 characters/,
    },
    {
      title: 'a company that is not an id',
      as: () => admin,
      member: () => f.memberA.id,
      body: () => ({ partner: { equals: f.partnerB.id }, reason: 'Moving on' }),
      status: 400,
      message: /partner must be the id/,
    },
    {
      title: 'a marketer',
      as: () => marketer,
      member: () => f.memberA.id,
      body: () => ({ partner: f.partnerB.id, reason: 'Moving on' }),
      status: 403,
      message: /Only admins/,
    },
    {
      title: 'the member themselves',
      as: () => memberA,
      member: () => f.memberA.id,
      body: () => ({ partner: f.partnerB.id, reason: 'Moving on' }),
      status: 403,
      message: /Only admins/,
    },
    {
      title: 'the new company’s manager',
      as: () => managerB,
      member: () => f.memberA.id,
      body: () => ({ partner: f.partnerB.id, reason: 'Moving on' }),
      status: 403,
      message: /Only admins/,
    },
    {
      title: 'nobody signed in',
      as: () => client(server.url),
      member: () => f.memberA.id,
      body: () => ({ partner: f.partnerB.id, reason: 'Moving on' }),
      status: 401,
      message: /Sign in/,
    },
  ]

  for (const refused of cases) {
    it(`${refused.title} → ${refused.status}`, async () => {
      const before = await state()
      const answer = await move(refused.as(), refused.member(), refused.body())
      expect(answer.status, JSON.stringify(answer.body)).toBe(refused.status)
      expect(answer.body.errors[0].message).toMatch(refused.message)
      expect(await state()).toBe(before)
    })
  }

  it('changing the company with a plain update is refused, pointing to the move', async () => {
    const before = await state()
    const answer = await admin.request('PATCH', `/api/members/${f.memberA.id}`, {
      partner: f.partnerB.id,
    })
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toMatch(/loyalty\/members\/:id\/move/)
    expect(await state()).toBe(before)
    // Other fields still save, and the same company is not a change.
    const same = await admin.request('PATCH', `/api/members/${f.memberA.id}`, {
      locale: 'de',
      partner: f.partnerA.id,
    })
    expect(same.status, JSON.stringify(same.body)).toBe(200)
  })
})

describe('a member whose company is deactivated', () => {
  let delta: ID
  let dee: Client
  let deeId: ID

  beforeAll(async () => {
    delta = (
      await payload.create({
        collection: 'partners',
        data: { name: 'Delta Heating', region: 'dach', type: 'installer' },
      })
    ).id
    deeId = (
      await payload.create({
        collection: 'members',
        data: {
          email: 'd.member@test.example',
          jobRole: 'sales',
          name: 'd.member',
          partner: delta,
          password,
        },
      })
    ).id
    dee = await signIn(server.url, 'members', 'd.member@test.example', password)
    await complete(dee, courses[0])
    expect(await balancesOf('partners', delta)).toMatchObject({ spendable: 50 })
    const off = await admin.request('PATCH', `/api/partners/${delta}`, { status: 'inactive' })
    expect(off.status).toBe(200)
  })

  it('still earns for themselves, and the company gets nothing', async () => {
    const entries = await organisationEntries(delta)
    await complete(dee, courses[1])
    expect(await balancesOf('members', deeId)).toEqual({
      lifetime: 200,
      qualifying: 200,
      spendable: 200,
    })
    expect(await balancesOf('partners', delta)).toEqual({
      lifetime: 50,
      qualifying: 50,
      spendable: 50,
    })
    expect(await organisationEntries(delta)).toEqual(entries)
  })

  it('keeps their points and can still redeem', async () => {
    const { docs } = await payload.find({
      collection: 'loyalty-rewards',
      where: { title: { equals: 'Thermos' } },
    })
    const answer = await dee.request('POST', `/api/loyalty-rewards/${docs[0].id}/redeem`)
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(await balancesOf('members', deeId)).toMatchObject({ spendable: 140 })
  })

  it('earns for a company again once moved to an active one', async () => {
    const answer = await move(admin, deeId, { partner: f.partnerA.id, reason: 'Delta closed' })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const before = await balancesOf('partners', f.partnerA.id)
    await complete(dee, courses[2])
    expect(await balancesOf('members', deeId)).toMatchObject({ spendable: 240 })
    expect(await balancesOf('partners', f.partnerA.id)).toMatchObject({
      spendable: before.spendable + 50,
    })
    expect(await balancesOf('partners', delta)).toMatchObject({ spendable: 50 })
  })
})
