import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let anonymous: Client
let memberA: Client
let managerA: Client
let goldMemberB: Client
let marketer: Client
let admin: Client

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  anonymous = client(server.url)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  managerA = await signIn(server.url, 'members', f.managerA.email, password)
  goldMemberB = await signIn(server.url, 'members', f.goldMemberB.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  admin = await signIn(server.url, 'users', f.admin.email, password)
})

afterAll(async () => {
  await server?.close()
})

const ids = (body: { docs?: { id: number | string }[] }) =>
  (body.docs ?? []).map((doc) => doc.id).sort()

describe('anonymous visitors', () => {
  it.each(['courses', 'case-studies', 'events', 'club-tiers', 'partners', 'members', 'users'])(
    'cannot list %s',
    async (collection) => {
      const { body, status } = await anonymous.request('GET', `/api/${collection}`)
      expect(status).toBe(403)
      expect(body.errors[0].message).toMatch(/not allowed/i)
    },
  )

  it('cannot create content', async () => {
    const { status } = await anonymous.request('POST', '/api/courses', { title: 'Spam' })
    expect(status).toBe(403)
    expect(
      await payload.count({ collection: 'courses', where: { title: { equals: 'Spam' } } }),
    ).toEqual({
      totalDocs: 0,
    })
  })

  it('can see media (marketing images) but not change them', async () => {
    expect((await anonymous.request('GET', '/api/media')).status).toBe(200)
    expect((await anonymous.request('DELETE', '/api/media?where[id][exists]=true')).status).toBe(
      403,
    )
  })
})

describe('a partner member', () => {
  it('never gets into the admin panel', async () => {
    const { body } = await memberA.request('GET', '/api/access')
    // Payload omits the flag when it is false; the staff check below shows it is present when true.
    expect(body.canAccessAdmin ?? false).toBe(false)
    const staffAccess = await marketer.request('GET', '/api/access')
    expect(staffAccess.body.canAccessAdmin).toBe(true)
  })

  it('cannot sign in as a staff user with member credentials', async () => {
    const { status } = await anonymous.request('POST', '/api/users/login', {
      email: f.memberA.email,
      password,
    })
    expect(status).toBe(401)
  })

  it('reads only their own member record', async () => {
    const { body, status } = await memberA.request('GET', '/api/members')
    expect(status).toBe(200)
    expect(ids(body)).toEqual([f.memberA.id])
    const other = await memberA.request('GET', `/api/members/${f.memberB.id}`)
    expect(other.status).toBe(404)
    const colleague = await memberA.request('GET', `/api/members/${f.colleagueA.id}`)
    expect(colleague.status).toBe(404)
  })

  it('reads only their own partner company', async () => {
    const { body } = await memberA.request('GET', '/api/partners')
    expect(ids(body)).toEqual([f.partnerA.id])
    expect((await memberA.request('GET', `/api/partners/${f.partnerB.id}`)).status).toBe(404)
  })

  it('sees published content only, never drafts', async () => {
    const { body } = await memberA.request('GET', '/api/courses?draft=true&limit=50')
    expect(ids(body)).toEqual([f.openCourse.id, f.goldCourse.id].sort())
    expect(
      (await memberA.request('GET', `/api/courses/${f.draftCourse.id}?draft=true`)).status,
    ).toBe(404)
    const versions = await memberA.request('GET', '/api/courses/versions')
    expect(versions.status).toBe(403)
  })

  it('sees a course above their tier as locked: listed, without lessons or quiz', async () => {
    const { body } = await memberA.request('GET', `/api/courses/${f.goldCourse.id}`)
    expect(body.title).toBe('Masterclass')
    expect(body.requiredTier).toBeTruthy()
    expect(body.lessons ?? []).toEqual([])
    expect(body.quiz?.questions ?? []).toEqual([])
    expect(JSON.stringify(body)).not.toContain('flow temperature')
    const open = await memberA.request('GET', `/api/courses/${f.openCourse.id}`)
    expect(open.body.lessons).toHaveLength(1)
  })

  it('reads a course at their tier, but never the correct quiz answers', async () => {
    const { body } = await goldMemberB.request('GET', `/api/courses/${f.goldCourse.id}`)
    expect(body.lessons).toHaveLength(1)
    const options = body.quiz.questions[0].options as Record<string, unknown>[]
    expect(options.map((option) => option.label)).toEqual(['It rises', 'It falls'])
    for (const option of options) expect(option).not.toHaveProperty('correct')
    expect(body.quiz.questions[0]).not.toHaveProperty('explanation')
  })

  it('never sees an event attendance code', async () => {
    const { body } = await memberA.request('GET', `/api/events/${f.event.id}`)
    expect(body.title).toBe('Webinar')
    expect(body).not.toHaveProperty('attendanceCode')
    const staffView = await marketer.request('GET', `/api/events/${f.event.id}`)
    expect(staffView.body.attendanceCode).toBe('SECRET1')
  })

  it('can change their own name but not their company, role, status, tier or balances', async () => {
    const { status } = await memberA.request('PATCH', `/api/members/${f.memberA.id}`, {
      jobRole: 'management',
      loyalty: { lifetime: 99999, spendable: 99999, tier: f.gold.id },
      name: 'Renamed Member',
      partner: f.partnerB.id,
      partnerManager: true,
      status: 'active',
    })
    expect(status).toBe(200)
    const stored = await payload.findByID({ collection: 'members', depth: 0, id: f.memberA.id })
    expect(stored.name).toBe('Renamed Member')
    expect(stored.partner).toBe(f.partnerA.id)
    expect(stored.jobRole).toBe('engineer')
    expect(stored.partnerManager).toBe(false)
    expect(stored.loyalty?.spendable ?? 0).toBe(0)
    expect(stored.loyalty?.tier).toBe(f.bronze.id)
  })

  it('cannot edit another member, a tier, a partner or content', async () => {
    expect(
      (await memberA.request('PATCH', `/api/members/${f.memberB.id}`, { name: 'x' })).status,
    ).toBe(403)
    expect(
      (await memberA.request('PATCH', `/api/club-tiers/${f.bronze.id}`, { threshold: 1 })).status,
    ).toBe(403)
    expect(
      (await memberA.request('POST', '/api/club-tiers', { name: 'Mine', rank: 9, threshold: 0 }))
        .status,
    ).toBe(403)
    expect(
      (await memberA.request('PATCH', `/api/partners/${f.partnerA.id}`, { name: 'x' })).status,
    ).toBe(403)
    expect(
      (await memberA.request('PATCH', `/api/courses/${f.openCourse.id}`, { title: 'x' })).status,
    ).toBe(403)
    expect((await memberA.request('GET', '/api/users')).status).toBe(403)
    const tier = await payload.findByID({ collection: 'club-tiers', id: f.bronze.id })
    expect(tier.threshold).toBe(0)
  })

  it('is refused at sign-in when blocked', async () => {
    const { body, status } = await anonymous.request('POST', '/api/members/login', {
      email: f.blockedA.email,
      password,
    })
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/blocked/i)
  })

  it('gets the same answers through GraphQL', async () => {
    const query =
      '{ Courses(draft: true, limit: 50) { docs { title } } Members { docs { email } } }'
    const { body } = await memberA.request('POST', '/api/graphql', { query })
    expect(body.data.Courses.docs.map((doc: { title: string }) => doc.title).sort()).toEqual([
      'Heat pump basics',
      'Masterclass',
    ])
    expect(body.data.Members.docs).toEqual([{ email: f.memberA.email }])
  })
})

describe('a partner manager', () => {
  it("reads their own company's members and nobody else's", async () => {
    const { body } = await managerA.request('GET', '/api/members?limit=50')
    expect(ids(body)).toEqual([f.memberA.id, f.colleagueA.id, f.managerA.id, f.blockedA.id].sort())
    expect((await managerA.request('GET', `/api/members/${f.memberB.id}`)).status).toBe(404)
  })

  it('cannot change their colleagues', async () => {
    const { status } = await managerA.request('PATCH', `/api/members/${f.colleagueA.id}`, {
      name: 'x',
    })
    expect(status).toBe(403)
    const stored = await payload.findByID({ collection: 'members', id: f.colleagueA.id })
    expect(stored.name).toBe('a.colleague')
  })
})

describe('a marketer', () => {
  it('edits content, including drafts', async () => {
    const { body } = await marketer.request('GET', '/api/courses?draft=true&limit=50')
    expect(body.totalDocs).toBe(3)
    const created = await marketer.request('POST', '/api/courses?draft=true', {
      estimatedMinutes: 15,
      level: 'foundation',
      summary: 'Refrigerant handling',
      title: 'R290 safety',
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.slug).toBe('r290-safety')
  })

  it('cannot manage tiers, partners, members or staff', async () => {
    expect(
      (
        await marketer.request('POST', '/api/club-tiers', {
          name: 'Platinum',
          rank: 4,
          threshold: 5000,
        })
      ).status,
    ).toBe(403)
    expect(
      (await marketer.request('PATCH', `/api/club-tiers/${f.gold.id}`, { threshold: 1 })).status,
    ).toBe(403)
    expect(
      (
        await marketer.request('POST', '/api/partners', {
          name: 'New',
          region: 'dach',
          type: 'installer',
        })
      ).status,
    ).toBe(403)
    expect(
      (await marketer.request('PATCH', `/api/members/${f.memberA.id}`, { status: 'blocked' }))
        .status,
    ).toBe(403)
    expect(
      (
        await marketer.request('POST', '/api/users', {
          email: 'x@test.example',
          name: 'X',
          password,
        })
      ).status,
    ).toBe(403)
    const gold = await payload.findByID({ collection: 'club-tiers', id: f.gold.id })
    expect(gold.threshold).toBe(1500)
  })

  it('cannot make themselves an admin', async () => {
    const { status } = await marketer.request('PATCH', `/api/users/${f.marketer.id}`, {
      roles: ['admin'],
    })
    expect(status).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: f.marketer.id })
    expect(stored.roles).toEqual(['marketer'])
  })

  it('reads members and partners for analytics', async () => {
    expect((await marketer.request('GET', '/api/members')).body.totalDocs).toBe(6)
    expect((await marketer.request('GET', '/api/partners')).body.totalDocs).toBe(2)
  })
})

describe('an admin', () => {
  it('manages tiers, partners, members and staff', async () => {
    const tier = await admin.request('POST', '/api/club-tiers', {
      name: 'Silver',
      rank: 2,
      threshold: 500,
    })
    expect(tier.status).toBe(201)
    const partner = await admin.request('POST', '/api/partners', {
      name: 'Gamma',
      region: 'nordics',
      type: 'reseller',
    })
    expect(partner.status).toBe(201)
    const member = await admin.request('POST', '/api/members', {
      email: 'new.member@test.example',
      jobRole: 'sales',
      name: 'New Member',
      partner: partner.body.doc.id,
      password,
    })
    expect(member.status).toBe(201)
    const blocked = await admin.request('PATCH', `/api/members/${member.body.doc.id}`, {
      status: 'blocked',
    })
    expect(blocked.body.doc.status).toBe('blocked')
    const user = await admin.request('POST', '/api/users', {
      email: 'second.marketer@test.example',
      name: 'Second',
      password,
      roles: ['marketer'],
    })
    expect(user.status).toBe(201)
  })

  it('still cannot write cached balances through the API', async () => {
    await admin.request('PATCH', `/api/members/${f.memberB.id}`, { loyalty: { spendable: 500 } })
    const stored = await payload.findByID({ collection: 'members', id: f.memberB.id })
    expect(stored.loyalty?.spendable ?? 0).toBe(0)
  })
})

describe('the Local API with a user', () => {
  it('applies the same rules as REST', async () => {
    const asMember = await payload.find({
      collection: 'members',
      overrideAccess: false,
      user: { ...f.managerA, collection: 'members' },
    })
    expect(
      asMember.docs.every(
        (doc) => doc.partner && typeof doc.partner === 'object' && doc.partner.id === f.partnerA.id,
      ),
    ).toBe(true)
    await expect(
      payload.create({
        collection: 'club-tiers',
        data: { multiplier: 1, name: 'Hacked', qualifyingMonths: 12, rank: 7, threshold: 0 },
        overrideAccess: false,
        user: { ...f.marketer, collection: 'users' },
      }),
    ).rejects.toThrow(/not allowed/i)
  })
})
