import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

// Many member actions from a few sessions: no per-session rate limit here.
process.env.ACTION_RATE_LIMIT = '0'

let server: RunningServer
let payload: Payload
let f: Fixtures
let anonymous: Client
let memberA: Client
let memberB: Client
let colleagueA: Client
let managerA: Client
let marketer: Client
let admin: Client
let counter = 0
const next = () => ++counter

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? ''

/** A published course with one lesson that has no minimum time, and no quiz. */
const quickCourse = async (title: string) => {
  const body = f.openCourse.lessons?.[0]?.body
  const course = await payload.create({
    collection: 'courses',
    data: {
      _status: 'published',
      estimatedMinutes: 5,
      lessons: [{ body, minimumSeconds: 0, title: `${title}: the lesson` }],
      level: 'foundation',
      slug: `referral-course-${next()}`,
      summary: title,
      title,
    },
  })
  return { id: course.id, lesson: String(course.lessons?.[0]?.id) }
}

const ledgerByKey = async (key: string) =>
  (
    await payload.find({
      collection: 'loyalty-ledger',
      depth: 0,
      limit: 0,
      pagination: false,
      where: { idempotencyKey: { equals: key } },
    })
  ).docs

const ledgerOfSource = async (collection: string, id: number | string) =>
  (
    await payload.find({
      collection: 'loyalty-ledger',
      depth: 0,
      limit: 0,
      pagination: false,
      where: {
        and: [{ sourceCollection: { equals: collection } }, { sourceId: { equals: String(id) } }],
      },
    })
  ).docs

const spendableOf = async (id: number | string) =>
  (await payload.findByID({ collection: 'members', depth: 0, id })).loyalty?.spendable ?? 0

const invitationCount = async () =>
  (await payload.count({ collection: 'loyalty-invitations' })).totalDocs
const memberCount = async () => (await payload.count({ collection: 'members' })).totalDocs

/** Sends an invitation as `who` and returns the answer. */
const invite = (who: Client, email: string, extra: Record<string, unknown> = {}) =>
  who.request('POST', '/api/loyalty/invitations', { email, name: 'Jana Novak', ...extra })

/** An invitation that must succeed: its id and token. */
const invited = async (who: Client, email: string, extra: Record<string, unknown> = {}) => {
  const answer = await invite(who, email, extra)
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return { id: answer.body.invitation.id as number, token: tokenOf(answer.body.link) }
}

/** Accepts an invitation and signs the new member in. */
const joined = async (token: string, email: string) => {
  const answer = await anonymous.request('POST', '/api/loyalty/invitations/accept', {
    password: 'joined-password-1',
    token,
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return {
    client: await signIn(server.url, 'members', email, 'joined-password-1'),
    id: answer.body.member.id as number,
  }
}

/** Starts and completes the course's lesson (no minimum time, no quiz: the course completes). */
const completeCourse = async (who: Client, course: { id: number; lesson: string }) => {
  const path = `/api/courses/${course.id}/lessons/${course.lesson}`
  expect((await who.request('POST', `${path}/start`)).status).toBe(200)
  return who.request('POST', `${path}/complete`)
}

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  for (const [verb, points, name] of [
    ['referral.accepted', 100, 'Colleague joined'],
    ['referral.joined', 50, 'Joined through a colleague'],
    ['referral.lead-converted', 500, 'Recommended company became a partner'],
  ] as const) {
    await payload.create({
      collection: 'loyalty-earning-rules',
      data: { creditsOrganisation: false, name, points, verb },
    })
  }
  anonymous = client(server.url)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  managerA = await signIn(server.url, 'members', f.managerA.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  admin = await signIn(server.url, 'users', f.admin.email, password)
})

afterAll(async () => {
  await server?.close()
})

describe('sending invitations', () => {
  it('invites a colleague: 201 with the link, listed as open; the token is never stored or read back', async () => {
    const answer = await invite(memberA, '  Jana.Novak@Alpha.example ')
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.body.link).toMatch(/\/accept-invitation\?token=[\w-]{40,}$/)
    expect(answer.body.emailed).toBe(true)
    expect(answer.body.invitation).toMatchObject({
      email: 'jana.novak@alpha.example',
      jobRole: 'engineer',
      name: 'Jana Novak',
      state: 'open',
    })
    const days = (new Date(answer.body.invitation.expiresAt).getTime() - Date.now()) / 86_400_000
    expect(Math.round(days)).toBe(14)
    const listed = await memberA.request('GET', '/api/loyalty/invitations')
    expect(listed.body.invitations.map((one: { email: string }) => one.email)).toContain(
      'jana.novak@alpha.example',
    )
    const read = await memberA.request(
      'GET',
      `/api/loyalty-invitations/${answer.body.invitation.id}`,
    )
    expect(read.status).toBe(200)
    expect(read.body.tokenHash).toBeUndefined()
    expect(read.body.openKey).toBeUndefined()
    const stored = await payload.find({
      collection: 'loyalty-invitations',
      showHiddenFields: true,
      where: { id: { equals: answer.body.invitation.id } },
    })
    expect(JSON.stringify(stored.docs[0])).not.toContain(tokenOf(answer.body.link))
  })

  it('refuses an existing member, oneself, an open address, a bad address or role; writes nothing', async () => {
    const before = await invitationCount()
    const cases: [string, Record<string, unknown>, number, RegExp][] = [
      [f.colleagueA.email, {}, 409, /already a member/],
      [f.memberB.email.toUpperCase(), {}, 409, /already a member/],
      [f.memberA.email, {}, 400, /cannot invite yourself/],
      ['jana.novak@alpha.example', {}, 409, /already open/],
      ['not-an-address', {}, 400, /e-mail address/],
      ['ok@alpha.example', { jobRole: 'astronaut' }, 400, /job role must be one of/],
      ['ok@alpha.example', { name: 'x'.repeat(201) }, 400, /at most 200/],
    ]
    for (const [email, extra, status, message] of cases) {
      const answer = await invite(memberA, email, extra)
      expect(answer.status, email).toBe(status)
      expect(answer.body.errors[0].message).toMatch(message)
    }
    // The same address is refused for another member too while the invitation is open.
    expect((await invite(memberB, 'jana.novak@alpha.example')).status).toBe(409)
    expect(await invitationCount()).toBe(before)
  })

  it('sends one invitation when the same address is invited several times at once', async () => {
    const email = `race.${next()}@alpha.example`
    const answers = await Promise.all(Array.from({ length: 5 }, () => invite(colleagueA, email)))
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409])
    const stored = await payload.find({
      collection: 'loyalty-invitations',
      where: { email: { equals: email } },
    })
    expect(stored.totalDocs).toBe(1)
  })

  it('caps invitations per member per month (10), revoked ones included; last month does not count', async () => {
    const first = await invited(memberB, `cap.${next()}@beta.example`)
    expect(
      (await memberB.request('POST', `/api/loyalty/invitations/${first.id}/revoke`)).status,
    ).toBe(200)
    for (let sent = 1; sent < 10; sent += 1) await invited(memberB, `cap.${next()}@beta.example`)
    const refused = await invite(memberB, `cap.${next()}@beta.example`)
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].message).toMatch(/10 invitations this month/)
    // Another member's limit is their own.
    await invited(colleagueA, `cap.${next()}@alpha.example`)
    // An invitation from last month no longer counts.
    const lastMonth = new Date()
    lastMonth.setUTCDate(0)
    await payload.update({
      collection: 'loyalty-invitations',
      data: { createdAt: lastMonth.toISOString() },
      id: first.id,
    })
    await invited(memberB, `cap.${next()}@beta.example`)
    expect((await invite(memberB, `cap.${next()}@beta.example`)).status).toBe(429)
  })
})

describe('revoking and expiry', () => {
  it('the inviter revokes an open invitation; its link is refused; the address may be invited again', async () => {
    const email = `revoked.${next()}@alpha.example`
    const { id, token } = await invited(memberA, email)
    // Nobody else revokes it: another member gets 404, the link's colleague 401.
    expect((await memberB.request('POST', `/api/loyalty/invitations/${id}/revoke`)).status).toBe(
      404,
    )
    expect((await colleagueA.request('POST', `/api/loyalty/invitations/${id}/revoke`)).status).toBe(
      404,
    )
    expect((await anonymous.request('POST', `/api/loyalty/invitations/${id}/revoke`)).status).toBe(
      401,
    )
    const revoked = await memberA.request('POST', `/api/loyalty/invitations/${id}/revoke`)
    expect(revoked.status).toBe(200)
    expect(revoked.body.invitation.state).toBe('revoked')
    const again = await memberA.request('POST', `/api/loyalty/invitations/${id}/revoke`)
    expect(again.status).toBe(409)
    const before = await memberCount()
    const accept = await anonymous.request('POST', '/api/loyalty/invitations/accept', {
      password: 'joined-password-1',
      token,
    })
    expect(accept.status).toBe(410)
    expect(accept.body.errors[0].message).toMatch(/withdrawn/)
    expect(await memberCount()).toBe(before)
    await invited(memberA, email)
  })

  it('an invitation past its expiry shows as expired, cannot be accepted or revoked, and frees the address', async () => {
    const email = `expired.${next()}@alpha.example`
    const { id, token } = await invited(memberA, email)
    await payload.update({
      collection: 'loyalty-invitations',
      data: { expiresAt: new Date(Date.now() - 60_000).toISOString() },
      id,
    })
    const listed = await memberA.request('GET', '/api/loyalty/invitations')
    const mine = listed.body.invitations.find((one: { id: number }) => one.id === id)
    expect(mine.state).toBe('expired')
    const preview = await anonymous.request(
      'GET',
      `/api/loyalty/invitations/preview?token=${token}`,
    )
    expect(preview.body.state).toBe('expired')
    const before = await memberCount()
    const accept = await anonymous.request('POST', '/api/loyalty/invitations/accept', {
      password: 'joined-password-1',
      token,
    })
    expect(accept.status).toBe(410)
    expect(accept.body.errors[0].message).toMatch(/expired/)
    expect(await memberCount()).toBe(before)
    expect((await memberA.request('POST', `/api/loyalty/invitations/${id}/revoke`)).status).toBe(
      409,
    )
    await invited(memberA, email)
  })
})

describe('accepting an invitation', () => {
  it('refuses a malformed or unknown token and a weak password, and creates nobody', async () => {
    const { token } = await invited(managerA, `weak.${next()}@alpha.example`)
    const before = await memberCount()
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ password: 'joined-password-1' }, 400, /not valid/],
      [{ password: 'joined-password-1', token: 'short' }, 400, /not valid/],
      [{ password: 'joined-password-1', token: 'x'.repeat(43) }, 404, /not valid/],
      [{ password: 'short', token }, 400, /8 to 128 characters/],
      [{ password: 'joined-password-1', token, name: 42 }, 400, /at most 200/],
    ]
    for (const [body, status, message] of cases) {
      const answer = await anonymous.request('POST', '/api/loyalty/invitations/accept', body)
      expect(answer.status, JSON.stringify(body)).toBe(status)
      expect(answer.body.errors[0].message).toMatch(message)
    }
    expect(
      (await anonymous.request('GET', '/api/loyalty/invitations/preview?token=' + 'y'.repeat(43)))
        .status,
    ).toBe(404)
    expect(await memberCount()).toBe(before)
  })

  it('shows the acceptance page who invited them (first name) and to which company', async () => {
    await payload.update({ collection: 'members', data: { name: 'Anna Alpha' }, id: f.memberA.id })
    const { token } = await invited(memberA, `preview.${next()}@alpha.example`)
    const preview = await anonymous.request(
      'GET',
      `/api/loyalty/invitations/preview?token=${token}`,
    )
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({
      inviter: 'Anna',
      name: 'Jana Novak',
      organisation: 'Alpha Installations',
      state: 'open',
    })
  })

  it("creates the colleague's account in the inviter's company, active, once: concurrent acceptances give one account", async () => {
    const email = `joiner.${next()}@alpha.example`
    const { id, token } = await invited(memberA, email, { jobRole: 'sales', name: 'Joe Joiner' })
    const before = await memberCount()
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        anonymous.request('POST', '/api/loyalty/invitations/accept', {
          password: 'joined-password-1',
          token,
        }),
      ),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409])
    expect(await memberCount()).toBe(before + 1)
    const { docs } = await payload.find({
      collection: 'members',
      depth: 0,
      where: { email: { equals: email } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      jobRole: 'sales',
      name: 'Joe Joiner',
      partner: f.partnerA.id,
      partnerManager: false,
      status: 'active',
    })
    const invitation = await payload.findByID({ collection: 'loyalty-invitations', depth: 0, id })
    expect(invitation.status).toBe('accepted')
    expect(invitation.acceptedMember).toBe(docs[0].id)
    // The new member signs in; the link is spent.
    await signIn(server.url, 'members', email, 'joined-password-1')
    const again = await anonymous.request('POST', '/api/loyalty/invitations/accept', {
      password: 'joined-password-1',
      token,
    })
    expect(again.status).toBe(409)
    expect((await memberA.request('POST', `/api/loyalty/invitations/${id}/revoke`)).status).toBe(
      409,
    )
  })

  it('refuses an invitation whose address became a member in the meantime', async () => {
    const email = `meantime.${next()}@alpha.example`
    const { token } = await invited(managerA, email)
    await payload.create({
      collection: 'members',
      data: { email, jobRole: 'engineer', name: 'Made by admin', partner: f.partnerA.id, password },
    })
    const answer = await anonymous.request('POST', '/api/loyalty/invitations/accept', {
      password: 'joined-password-1',
      token,
    })
    expect(answer.status).toBe(409)
    expect(answer.body.errors[0].message).toMatch(/already an account/)
  })
})

describe('referral points', () => {
  it('nothing at joining; at the first completed course both sides earn once, traceable to the invitation', async () => {
    const email = `referred.${next()}@alpha.example`
    const { id, token } = await invited(colleagueA, email)
    const inviterBefore = await spendableOf(f.colleagueA.id)
    const newcomer = await joined(token, email)
    const keys = {
      invitee: `referral.joined:invitation:${id}:invitee`,
      inviter: `referral.accepted:invitation:${id}:inviter`,
    }
    expect(await ledgerByKey(keys.inviter)).toHaveLength(0)
    expect(await ledgerByKey(keys.invitee)).toHaveLength(0)

    const first = await quickCourse(`First course ${next()}`)
    expect((await completeCourse(newcomer.client, first)).status).toBe(200)
    const [inviterEntry] = await ledgerByKey(keys.inviter)
    const [inviteeEntry] = await ledgerByKey(keys.invitee)
    expect(inviterEntry).toMatchObject({
      account: 'member',
      amount: 100,
      kind: 'earn',
      member: f.colleagueA.id,
      reason: 'Colleague joined: Jana Novak',
      sourceCollection: 'loyalty-invitations',
      sourceId: String(id),
    })
    expect(inviteeEntry).toMatchObject({
      amount: 50,
      member: newcomer.id,
      sourceCollection: 'loyalty-invitations',
      sourceId: String(id),
    })
    expect(await spendableOf(f.colleagueA.id)).toBe(inviterBefore + 100)
    expect(await spendableOf(newcomer.id)).toBe(50)
    const invitation = await payload.findByID({ collection: 'loyalty-invitations', id })
    expect(invitation.rewardedAt).toBeTruthy()

    // A second course earns no more referral points.
    await completeCourse(newcomer.client, await quickCourse(`Second course ${next()}`))
    expect(await ledgerOfSource('loyalty-invitations', id)).toHaveLength(2)
    expect(await spendableOf(f.colleagueA.id)).toBe(inviterBefore + 100)
  })

  it('awards exactly once when first courses are completed concurrently', async () => {
    const email = `concurrent.${next()}@alpha.example`
    const { id, token } = await invited(memberA, email)
    const inviterBefore = await spendableOf(f.memberA.id)
    const newcomer = await joined(token, email)
    // Made one after another: Payload's own creates are not what this test races.
    const courses: { id: number; lesson: string }[] = []
    for (let index = 0; index < 4; index += 1) {
      courses.push(await quickCourse(`Parallel ${index} ${next()}`))
    }
    for (const course of courses) {
      const path = `/api/courses/${course.id}/lessons/${course.lesson}/start`
      expect((await newcomer.client.request('POST', path)).status).toBe(200)
    }
    const answers = await Promise.all([
      ...courses.map((course) =>
        newcomer.client.request(
          'POST',
          `/api/courses/${course.id}/lessons/${course.lesson}/complete`,
        ),
      ),
      // The same lesson twice more at the same moment.
      newcomer.client.request(
        'POST',
        `/api/courses/${courses[0].id}/lessons/${courses[0].lesson}/complete`,
      ),
      newcomer.client.request(
        'POST',
        `/api/courses/${courses[1].id}/lessons/${courses[1].lesson}/complete`,
      ),
    ])
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    const entries = await ledgerOfSource('loyalty-invitations', id)
    expect(entries.map((entry) => entry.idempotencyKey).sort()).toEqual([
      `referral.accepted:invitation:${id}:inviter`,
      `referral.joined:invitation:${id}:invitee`,
    ])
    expect(await spendableOf(f.memberA.id)).toBe(inviterBefore + 100)
    expect(await spendableOf(newcomer.id)).toBe(50)
  })

  it('a member who joined without an invitation earns no referral points', async () => {
    await completeCourse(memberB, await quickCourse(`Uninvited ${next()}`))
    const { docs } = await payload.find({
      collection: 'loyalty-ledger',
      where: { member: { equals: f.memberB.id } },
    })
    expect(docs.filter((entry) => String(entry.idempotencyKey).startsWith('referral.'))).toEqual([])
  })
})

describe('who sees invitations', () => {
  it('a member lists and reads only their own invitations; staff read all; nobody writes them over REST', async () => {
    const { id } = await invited(managerA, `private.${next()}@alpha.example`)
    const listedByB = await memberB.request('GET', '/api/loyalty-invitations?limit=100&depth=0')
    expect(listedByB.status).toBe(200)
    for (const doc of listedByB.body.docs) expect(doc.inviter).toBe(f.memberB.id)
    expect((await memberB.request('GET', `/api/loyalty-invitations/${id}`)).status).toBe(404)
    // A colleague in the same company does not see it either.
    expect((await memberA.request('GET', `/api/loyalty-invitations/${id}`)).status).toBe(404)
    const ownList = await memberB.request('GET', '/api/loyalty/invitations')
    expect(ownList.body.invitations.map((one: { id: number }) => one.id)).not.toContain(id)
    expect((await marketer.request('GET', `/api/loyalty-invitations/${id}`)).status).toBe(200)
    expect((await anonymous.request('GET', '/api/loyalty/invitations')).status).toBe(401)
    expect(
      (await admin.request('POST', '/api/loyalty/invitations', { email: 'x@y.example' })).status,
    ).toBe(403)
    for (const who of [managerA, admin]) {
      expect(
        (await who.request('PATCH', `/api/loyalty-invitations/${id}`, { status: 'accepted' }))
          .status,
      ).toBe(403)
      expect((await who.request('DELETE', `/api/loyalty-invitations/${id}`)).status).toBe(403)
    }
  })
})

describe('recommending a company (leads)', () => {
  const lead = () => ({
    company: `Gamma Heating ${next()}`,
    contactEmail: 'lee@gamma.example',
    contactName: 'Lee Park',
    note: 'Looking for a heat pump supplier.',
  })
  const leadCount = async () => (await payload.count({ collection: 'loyalty-leads' })).totalDocs

  it('a member submits a lead; its status starts as new whatever they send; bad forms are 400', async () => {
    const answer = await memberA.request('POST', '/api/loyalty/leads', {
      ...lead(),
      status: 'converted',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.body.lead.status).toBe('new')
    const before = await leadCount()
    for (const [body, message] of [
      [{}, /company name is required/],
      [{ ...lead(), contactEmail: 'nope' }, /valid e-mail/],
      [{ ...lead(), note: 'x'.repeat(2001) }, /at most 2000/],
    ] as const) {
      const refused = await memberA.request('POST', '/api/loyalty/leads', body)
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].message).toMatch(message)
    }
    expect(await leadCount()).toBe(before)
    expect((await anonymous.request('POST', '/api/loyalty/leads', lead())).status).toBe(401)
    expect((await marketer.request('POST', '/api/loyalty/leads', lead())).status).toBe(403)
  })

  it("members cannot change a lead's status or see others' leads", async () => {
    const { body } = await memberA.request('POST', '/api/loyalty/leads', lead())
    const id = body.lead.id
    expect(
      (await memberA.request('POST', `/api/loyalty/leads/${id}/status`, { status: 'converted' }))
        .status,
    ).toBe(403)
    expect(
      (await memberA.request('PATCH', `/api/loyalty-leads/${id}`, { status: 'converted' })).status,
    ).toBe(403)
    expect((await memberA.request('POST', '/api/loyalty-leads', lead())).status).toBe(403)
    // Staff edit notes over REST, but the status changes only through the endpoint.
    const patched = await admin.request('PATCH', `/api/loyalty-leads/${id}`, {
      staffNotes: 'Called them.',
      status: 'converted',
    })
    expect(patched.status).toBe(200)
    const stored = await payload.findByID({ collection: 'loyalty-leads', id })
    expect(stored.status).toBe('new')
    expect(stored.staffNotes).toBe('Called them.')
    expect(
      (await memberA.request('GET', `/api/loyalty-leads/${id}`)).body.staffNotes,
    ).toBeUndefined()
    expect((await memberB.request('GET', `/api/loyalty-leads/${id}`)).status).toBe(404)
    const listedByB = await memberB.request('GET', '/api/loyalty/leads')
    expect(listedByB.body.leads.map((one: { id: number }) => one.id)).not.toContain(id)
    const listedByA = await memberA.request('GET', '/api/loyalty/leads')
    expect(listedByA.body.leads.map((one: { id: number }) => one.id)).toContain(id)
    expect(await ledgerByKey(`referral.lead-converted:lead:${id}`)).toHaveLength(0)
  })

  it('staff qualify then convert: the referrer earns once, even with concurrent conversions', async () => {
    const { body } = await memberA.request('POST', '/api/loyalty/leads', lead())
    const id = body.lead.id
    const before = await spendableOf(f.memberA.id)
    const qualified = await marketer.request('POST', `/api/loyalty/leads/${id}/status`, {
      status: 'qualified',
    })
    expect(qualified.status).toBe(200)
    expect(qualified.body.lead.status).toBe('qualified')
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        (index % 2 ? admin : marketer).request('POST', `/api/loyalty/leads/${id}/status`, {
          status: 'converted',
        }),
      ),
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses).toContain(200)
    for (const status of statuses) expect([200, 409]).toContain(status)
    const entries = await ledgerByKey(`referral.lead-converted:lead:${id}`)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      amount: 500,
      kind: 'earn',
      member: f.memberA.id,
      sourceCollection: 'loyalty-leads',
      sourceId: String(id),
    })
    expect(String(entries[0].reason)).toMatch(
      /^Recommended company became a partner: Gamma Heating/,
    )
    expect(await spendableOf(f.memberA.id)).toBe(before + 500)
    const again = await admin.request('POST', `/api/loyalty/leads/${id}/status`, {
      status: 'converted',
    })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toBe('This lead is already converted.')
    expect(await ledgerOfSource('loyalty-leads', id)).toHaveLength(1)
    const mine = await memberA.request('GET', '/api/loyalty/leads')
    expect(mine.body.leads.find((one: { id: number }) => one.id === id).status).toBe('converted')
  })

  it('a rejected lead cannot be converted; bad status requests are refused clearly', async () => {
    const { body } = await memberA.request('POST', '/api/loyalty/leads', lead())
    const id = body.lead.id
    expect(
      (await admin.request('POST', `/api/loyalty/leads/${id}/status`, { status: 'new' })).status,
    ).toBe(400)
    expect(
      (await admin.request('POST', `/api/loyalty/leads/999999/status`, { status: 'qualified' }))
        .status,
    ).toBe(404)
    expect(
      (await admin.request('POST', `/api/loyalty/leads/${id}/status`, { status: 'rejected' }))
        .status,
    ).toBe(200)
    const converted = await admin.request('POST', `/api/loyalty/leads/${id}/status`, {
      status: 'converted',
    })
    expect(converted.status).toBe(409)
    expect(await ledgerByKey(`referral.lead-converted:lead:${id}`)).toHaveLength(0)
  })
})
