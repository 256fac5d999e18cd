import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { caseStudies, courses, members, partners, tiers } from '../src/seed/content'
import { seed } from '../src/seed/index'
import { demoLogins } from '../src/seed/logins'
import { bootPayload } from './helpers/payload'

let payload: Payload

beforeAll(async () => {
  ;({ payload } = await bootPayload())
})

afterAll(async () => {
  await payload?.destroy()
})

const counts = async () => ({
  'case-studies': (await payload.count({ collection: 'case-studies' })).totalDocs,
  'club-tiers': (await payload.count({ collection: 'club-tiers' })).totalDocs,
  courses: (await payload.count({ collection: 'courses' })).totalDocs,
  events: (await payload.count({ collection: 'events' })).totalDocs,
  media: (await payload.count({ collection: 'media' })).totalDocs,
  members: (await payload.count({ collection: 'members' })).totalDocs,
  partners: (await payload.count({ collection: 'partners' })).totalDocs,
  users: (await payload.count({ collection: 'users' })).totalDocs,
  rules: (await payload.count({ collection: 'loyalty-earning-rules' })).totalDocs,
  rewards: (await payload.count({ collection: 'loyalty-rewards' })).totalDocs,
  promotions: (await payload.count({ collection: 'loyalty-promotions' })).totalDocs,
  ledger: (await payload.count({ collection: 'loyalty-ledger' })).totalDocs,
})

describe('the demo seed', () => {
  it('creates the whole programme on an empty database', async () => {
    const now = new Date('2026-11-22T10:00:00Z')
    const summary = await seed(payload, now)
    expect(await counts()).toEqual({
      'case-studies': caseStudies.length,
      'club-tiers': 3,
      courses: 4,
      events: 5,
      media: courses.length + caseStudies.length,
      members: members.length,
      ledger: members.length,
      partners: 4,
      promotions: 1,
      rewards: 5,
      rules: 9,
      users: 2,
    })
    expect(summary.existing).toEqual({})
    expect(tiers).toHaveLength(3)
    expect(partners).toHaveLength(4)
    expect(caseStudies).toHaveLength(4)

    // Every partner has 3–6 members in more than one job role, and exactly one manager.
    for (const partner of partners) {
      const own = members.filter((member) => member.partnerKey === partner.key)
      expect(own.length).toBeGreaterThanOrEqual(3)
      expect(own.length).toBeLessThanOrEqual(6)
      expect(new Set(own.map((member) => member.jobRole)).size).toBeGreaterThan(1)
      expect(own.filter((member) => member.partnerManager)).toHaveLength(1)
    }

    // Courses have 3–5 lessons and a quiz; events are both past and upcoming.
    const storedCourses = await payload.find({ collection: 'courses', limit: 10 })
    for (const course of storedCourses.docs) {
      expect(course._status).toBe('published')
      expect(course.lessons?.length).toBeGreaterThanOrEqual(3)
      expect(course.lessons?.length).toBeLessThanOrEqual(5)
      expect(course.quiz?.questions?.length).toBeGreaterThan(0)
    }
    const past = await payload.count({
      collection: 'events',
      where: { endsAt: { less_than: now } },
    })
    const upcoming = await payload.count({
      collection: 'events',
      where: { startsAt: { greater_than: now } },
    })
    expect(past.totalDocs).toBeGreaterThan(0)
    expect(upcoming.totalDocs).toBeGreaterThan(0)
    const types = new Set(
      (await payload.find({ collection: 'events', limit: 10 })).docs.map((e) => e.type),
    )
    expect(types).toContain('webinar')
    expect(types).toContain('club-event')
  })

  it('gives every member an opening balance that matches their tier, booked in the ledger', async () => {
    const tiersByName = new Map(
      (await payload.find({ collection: 'club-tiers', limit: 10 })).docs.map((tier) => [
        tier.id,
        tier,
      ]),
    )
    const all = await payload.find({ collection: 'members', depth: 0, limit: 100 })
    for (const member of all.docs) {
      const tier = tiersByName.get(member.loyalty?.tier as number)
      expect(tier).toBeTruthy()
      expect(member.loyalty?.qualifying ?? 0).toBeGreaterThanOrEqual(tier!.threshold)
      const { docs } = await payload.find({
        collection: 'loyalty-ledger',
        limit: 0,
        pagination: false,
        where: { member: { equals: member.id } },
      })
      expect(docs.reduce((sum, doc) => sum + doc.amount, 0)).toBe(member.loyalty?.spendable)
    }
  })

  it('is idempotent: a second run creates nothing and keeps edits', async () => {
    const before = await counts()
    const course = await payload.find({ collection: 'courses', limit: 1 })
    await payload.update({
      collection: 'courses',
      data: { title: 'Edited in the admin' },
      id: course.docs[0].id,
    })
    const summary = await seed(payload)
    expect(summary.created).toEqual({})
    expect(await counts()).toEqual(before)
    const edited = await payload.findByID({ collection: 'courses', id: course.docs[0].id })
    expect(edited.title).toBe('Edited in the admin')
  })

  it('creates working demo logins for staff and members', async () => {
    for (const [collection, email, password] of [
      ['users', demoLogins.admin.email, demoLogins.admin.password],
      ['users', demoLogins.marketer.email, demoLogins.marketer.password],
      ['members', members[0].email, demoLogins.memberPassword],
      ['members', members[1].email, demoLogins.memberPassword],
    ] as const) {
      const result = await payload.login({ collection, data: { email, password } })
      expect(result.user?.email).toBe(email)
    }
    const admin = await payload.find({
      collection: 'users',
      where: { email: { equals: demoLogins.admin.email } },
    })
    expect(admin.docs[0].roles).toEqual(['admin'])
    const manager = await payload.find({
      collection: 'members',
      where: { email: { equals: members[0].email } },
    })
    expect(manager.docs[0].partnerManager).toBe(true)
  })
})
