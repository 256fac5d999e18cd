import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let memberA: Client
let colleagueA: Client
let memberB: Client
let marketer: Client
let admin: Client
let earnEntryId: number

const ledgerSum = async (memberId: number) => {
  const { docs } = await payload.find({
    collection: 'loyalty-ledger',
    limit: 0,
    pagination: false,
    where: { and: [{ account: { equals: 'member' } }, { member: { equals: memberId } }] },
  })
  return { count: docs.length, spendable: docs.reduce((sum, doc) => sum + doc.amount, 0) }
}

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      name: 'Lesson completed',
      organisationSharePercent: 50,
      points: 40,
      verb: 'lesson.completed',
    },
  })
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  admin = await signIn(server.url, 'users', f.admin.email, password)
  // One earned entry for memberA, through the real award path.
  const lessonId = String(f.openCourse.lessons?.[0]?.id)
  await payload.update({
    collection: 'courses',
    data: { lessons: [{ ...f.openCourse.lessons![0], minimumSeconds: 0 }] },
    id: f.openCourse.id,
  })
  await memberA.request('POST', `/api/courses/${f.openCourse.id}/lessons/${lessonId}/start`)
  const done = await memberA.request(
    'POST',
    `/api/courses/${f.openCourse.id}/lessons/${lessonId}/complete`,
  )
  earnEntryId = done.body.award.entryId
})

afterAll(async () => {
  await server?.close()
})

describe('GET /api/loyalty/me', () => {
  it('is for members only', async () => {
    expect((await client(server.url).request('GET', '/api/loyalty/me')).status).toBe(401)
    const staff = await marketer.request('GET', '/api/loyalty/me')
    expect(staff.status).toBe(403)
    expect(staff.body.errors[0].message).toMatch(/staff/)
  })

  it('shows balances, tier, the next tier and what is missing, and the company', async () => {
    const { body, status } = await memberA.request('GET', '/api/loyalty/me')
    expect(status).toBe(200)
    expect(body.balances).toEqual({ lifetime: 40, qualifying: 40, spendable: 40 })
    expect(body.tier.name).toBe('Bronze')
    expect(body.nextTier).toMatchObject({ name: 'Gold', pointsNeeded: 1460, threshold: 1500 })
    expect(body.organisation).toMatchObject({ name: 'Alpha Installations', spendable: 20 })
    expect(body.expiring).toEqual({ within30Days: 0, within90Days: 0 })
  })

  it('tells which points expire soon (first in, first out)', async () => {
    await payload.db.updateOne({
      collection: 'loyalty-ledger',
      data: { expiresAt: new Date(Date.now() + 10 * 86_400_000).toISOString() },
      id: earnEntryId,
      returning: false,
    })
    const { body } = await memberA.request('GET', '/api/loyalty/me')
    expect(body.expiring).toEqual({ within30Days: 40, within90Days: 40 })
  })
})

describe('next best actions', () => {
  it('lists what would earn the most, with the points it would give', async () => {
    await payload.create({
      collection: 'loyalty-earning-rules',
      data: { name: 'Attended an event', points: 80, verb: 'event.attended' },
    })
    await payload.create({
      collection: 'loyalty-earning-rules',
      data: { name: 'Course completed', points: 150, verb: 'course.completed' },
    })
    const { body } = await memberA.request('GET', '/api/loyalty/me')
    // The Gold masterclass is locked for this Bronze member, so it is not suggested.
    expect(body.nextActions).toEqual([
      expect.objectContaining({ kind: 'course.completed', points: 150, title: 'Heat pump basics' }),
      expect.objectContaining({ kind: 'event.attended', points: 80, title: 'Webinar' }),
    ])
  })
})

describe('admin corrections', () => {
  it('refuses anyone but admins', async () => {
    const body = { member: f.memberA.id, points: 100, reason: 'Trade show bonus' }
    expect(
      (await client(server.url).request('POST', '/api/loyalty/adjustments', body)).status,
    ).toBe(401)
    expect((await memberA.request('POST', '/api/loyalty/adjustments', body)).status).toBe(403)
    expect((await marketer.request('POST', '/api/loyalty/adjustments', body)).status).toBe(403)
    expect(
      (
        await memberA.request('POST', `/api/loyalty/ledger/${earnEntryId}/reverse`, {
          reason: 'Mine now',
        })
      ).status,
    ).toBe(403)
    expect(await ledgerSum(f.memberA.id)).toEqual({ count: 1, spendable: 40 })
  })

  it('rejects bad input with a message, writing nothing', async () => {
    for (const [input, message] of [
      [
        { member: f.memberA.id, points: 0, reason: 'Trade show bonus' },
        /whole number other than 0/,
      ],
      [{ member: f.memberA.id, points: 1.5, reason: 'Trade show bonus' }, /whole number/],
      [{ member: f.memberA.id, points: '100', reason: 'Trade show bonus' }, /whole number/],
      [{ member: f.memberA.id, points: 100, reason: 'x' }, /reason/],
      [{ member: f.memberA.id, points: 100 }, /reason/],
      [{ member: { id: 1 }, points: 100, reason: 'Trade show bonus' }, /member/],
    ] as const) {
      const { body, status } = await admin.request('POST', '/api/loyalty/adjustments', input)
      expect(status).toBe(400)
      expect(body.errors[0].message).toMatch(message)
    }
    const unknown = await admin.request('POST', '/api/loyalty/adjustments', {
      member: 987654,
      points: 5,
      reason: 'Trade show bonus',
    })
    expect(unknown.status).toBe(404)
    const overdraw = await admin.request('POST', '/api/loyalty/adjustments', {
      member: f.memberA.id,
      points: -41,
      reason: 'Correction of a mistake',
    })
    expect(overdraw.status).toBe(409)
    expect(overdraw.body.errors[0].message).toMatch(/only 40 spendable/)
    expect(await ledgerSum(f.memberA.id)).toEqual({ count: 1, spendable: 40 })
  })

  it('adds an adjustment once per idempotency key, and upgrades the tier at once', async () => {
    const response = await fetch(`${server.url}/api/loyalty/adjustments`, {
      body: JSON.stringify({ member: f.memberA.id, points: 1500, reason: 'Trade show bonus' }),
      headers: {
        authorization: `JWT ${admin.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'tradeshow-2026-a',
      },
      method: 'POST',
    })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { tierUpgrade: { reason: string } }
    expect(body.tierUpgrade.reason).toMatch(/Gold/)
    const retry = await fetch(`${server.url}/api/loyalty/adjustments`, {
      body: JSON.stringify({ member: f.memberA.id, points: 1500, reason: 'Trade show bonus' }),
      headers: {
        authorization: `JWT ${admin.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'tradeshow-2026-a',
      },
      method: 'POST',
    })
    expect(retry.status).toBe(200)
    expect(((await retry.json()) as { duplicate: boolean }).duplicate).toBe(true)
    expect(await ledgerSum(f.memberA.id)).toEqual({ count: 2, spendable: 1540 })
    const me = await memberA.request('GET', '/api/loyalty/me')
    expect(me.body.tier.name).toBe('Gold')
    expect(me.body.nextTier).toBeNull()
    const changes = await payload.find({
      collection: 'loyalty-tier-changes',
      where: { member: { equals: f.memberA.id } },
    })
    expect(changes.docs.map((change) => change.change)).toEqual(['upgrade'])
  })

  it('reverses an earned entry once, pointing at it; adjustments cannot be reversed', async () => {
    const reversed = await admin.request('POST', `/api/loyalty/ledger/${earnEntryId}/reverse`, {
      reason: 'Lesson skipped',
    })
    expect(reversed.status).toBe(201)
    expect(reversed.body.entry).toMatchObject({
      amount: -40,
      kind: 'reverse',
      qualifyingAmount: -40,
      reverses: earnEntryId,
    })
    const again = await admin.request('POST', `/api/loyalty/ledger/${earnEntryId}/reverse`, {
      reason: 'Lesson skipped',
    })
    expect(again.status).toBe(409)
    const adjustment = await payload.find({
      collection: 'loyalty-ledger',
      where: { kind: { equals: 'adjust' } },
    })
    const notEarn = await admin.request(
      'POST',
      `/api/loyalty/ledger/${adjustment.docs[0].id}/reverse`,
      { reason: 'Not allowed' },
    )
    expect(notEarn.status).toBe(409)
    const member = await payload.findByID({ collection: 'members', id: f.memberA.id })
    expect(member.loyalty?.spendable).toBe(1500)
    expect(await ledgerSum(f.memberA.id)).toEqual({ count: 3, spendable: 1500 })
  })
})

describe('GET /api/loyalty/statement', () => {
  it('lists the member’s own lines, newest first, with reasons, sources and a running balance', async () => {
    const { body, status } = await memberA.request('GET', '/api/loyalty/statement?limit=2')
    expect(status).toBe(200)
    expect(body.totalLines).toBe(3)
    expect(body.lines.map((line: { kind: string }) => line.kind)).toEqual(['reverse', 'adjust'])
    expect(body.lines[0]).toMatchObject({ amount: -40, balanceAfter: 1500 })
    expect(body.lines[1]).toMatchObject({
      amount: 1500,
      balanceAfter: 1540,
      reason: 'Trade show bonus',
    })
    const page2 = await memberA.request('GET', '/api/loyalty/statement?limit=2&page=2')
    expect(page2.body.lines[0]).toMatchObject({ amount: 40, balanceAfter: 40, kind: 'earn' })
    expect(page2.body.lines[0].source).toMatchObject({
      collection: 'courses',
      title: 'Heat pump basics',
    })
    const earned = await memberA.request('GET', '/api/loyalty/statement?kind=earn')
    expect(earned.body.lines).toHaveLength(1)
  })

  it('shows nobody else’s lines and rejects bad paging', async () => {
    expect((await colleagueA.request('GET', '/api/loyalty/statement')).body.totalLines).toBe(0)
    expect(
      (await memberB.request('GET', `/api/loyalty/statement?member=${f.memberA.id}`)).body
        .totalLines,
    ).toBe(0)
    for (const query of ['limit=0', 'limit=1000', 'page=-1', 'page=abc', 'kind=steal']) {
      const { body, status } = await memberA.request('GET', `/api/loyalty/statement?${query}`)
      expect(status).toBe(400)
      expect(body.errors[0].message.length).toBeGreaterThan(5)
    }
  })
})

describe('GET /api/loyalty/leaderboard', () => {
  it('ranks members by points this period, with first names and company only', async () => {
    const { body, status } = await memberB.request(
      'GET',
      '/api/loyalty/leaderboard?scope=members&period=month',
    )
    expect(status).toBe(200)
    expect(body.entries[0]).toEqual({
      company: 'Alpha Installations',
      name: 'a.member',
      points: 1500,
      rank: 1,
    })
    const staff = await admin.request(
      'GET',
      '/api/loyalty/leaderboard?scope=organisations&period=year',
    )
    // The organisation's share of the lesson (50 % of 40); adjustments are the member's own.
    expect(staff.body.entries).toEqual([{ name: 'Alpha Installations', points: 20, rank: 1 }])
    const staffMembers = await admin.request(
      'GET',
      '/api/loyalty/leaderboard?scope=members&period=all',
    )
    expect(staffMembers.body.entries[0].name).toBe('a.member')
  })

  it('rejects unknown scopes and periods, and anonymous visitors', async () => {
    expect((await memberA.request('GET', '/api/loyalty/leaderboard?scope=everyone')).status).toBe(
      400,
    )
    expect((await memberA.request('GET', '/api/loyalty/leaderboard?period=decade')).status).toBe(
      400,
    )
    expect((await client(server.url).request('GET', '/api/loyalty/leaderboard')).status).toBe(401)
  })
})

describe('GET /api/loyalty/organisation', () => {
  it('shows a partner manager their company: balance, members with points and tier', async () => {
    const managerA = await signIn(server.url, 'members', f.managerA.email, password)
    const { body, status } = await managerA.request('GET', '/api/loyalty/organisation')
    expect(status).toBe(200)
    expect(body.organisation).toMatchObject({ name: 'Alpha Installations', spendable: 20 })
    const names = body.members.map((member: { name: string }) => member.name).sort()
    expect(names).toEqual(['a.blocked', 'a.colleague', 'a.manager', 'a.member'])
    const a = body.members.find((member: { name: string }) => member.name === 'a.member')
    expect(a).toMatchObject({ spendable: 1500, tier: 'Gold' })
    expect(JSON.stringify(body)).not.toContain(f.memberB.email)
  })

  it('counts each member’s completed courses, and only this company’s', async () => {
    const completed = (member: { id: number }, course: { id: number }) =>
      payload.create({
        collection: 'loyalty-progress',
        data: {
          collection: 'courses',
          completedAt: new Date().toISOString(),
          documentId: String(course.id),
          item: 'course',
          key: `${member.id}:courses:${course.id}:course`,
          member: member.id,
          startedAt: new Date().toISOString(),
        },
      })
    await completed(f.colleagueA, f.openCourse)
    await completed(f.colleagueA, f.goldCourse)
    await completed(f.memberB, f.openCourse)
    const managerA = await signIn(server.url, 'members', f.managerA.email, password)
    const { body } = await managerA.request('GET', '/api/loyalty/organisation')
    const count = (name: string) =>
      body.members.find((member: { name: string }) => member.name === name).coursesCompleted
    expect(count('a.colleague')).toBe(2)
    expect(count('a.manager')).toBe(0)
  })

  it('is refused to members who are not managers, and to staff', async () => {
    expect((await memberA.request('GET', '/api/loyalty/organisation')).status).toBe(403)
    expect((await memberB.request('GET', '/api/loyalty/organisation')).status).toBe(403)
    expect((await admin.request('GET', '/api/loyalty/organisation')).status).toBe(403)
  })
})
