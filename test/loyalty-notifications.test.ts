import type { Payload, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { resolveOptions } from '../plugins/loyalty/types'
import { capturedEmailsStored } from '../src/config/email'
import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let anonymous: Client
let admin: Client
let marketer: Client
let memberA: Client
let colleagueA: Client
let memberB: Client
const hour = 3_600_000
const events: Record<'done' | 'later' | 'soon', { id: number; title: string }> = {} as never

type Mail = {
  headers: Record<string, string>
  html: string
  id: number
  subject: string
  text: string
  to: string
}

/** Mails in the local capture to an address, oldest first (after pending writes are stored). */
const mailsTo = async (to: string, subject?: RegExp): Promise<Mail[]> => {
  await capturedEmailsStored()
  const { docs } = await payload.find({
    collection: 'captured-emails',
    limit: 0,
    pagination: false,
    sort: 'id',
    where: { to: { equals: to } },
  })
  const mails = docs as unknown as Mail[]
  return subject ? mails.filter((mail) => subject.test(mail.subject)) : mails
}

/** Queues a task and runs the `loyalty` queue until nothing more is ready to run. */
type ScanTask = 'loyaltyQueueDigests' | 'loyaltyQueueExpiryWarnings' | 'loyaltyQueueReminders'

const runTask = async (task: ScanTask) => {
  await payload.jobs.queue({ input: {}, queue: 'loyalty', task })
  await runQueue()
}

const runQueue = async (where?: Where) => {
  for (let round = 0; round < 10; round += 1) {
    const result = await payload.jobs.run({ limit: 100, queue: 'loyalty', sequential: true, where })
    if (result.noJobsRemaining) return
  }
  throw new Error('the loyalty queue did not settle in 10 rounds')
}

const notifications = async (member: number, category: string) =>
  (
    await payload.find({
      collection: 'loyalty-notifications',
      limit: 0,
      pagination: false,
      where: { and: [{ member: { equals: member } }, { category: { equals: category } }] },
    })
  ).docs

const preferencesOf = async (member: number) =>
  (await payload.findByID({ collection: 'members', id: member })).notificationPreferences

/** The unsubscribe link of a mail's plain text, as a path on the server under test. */
const unsubscribePath = (mail: Mail) => {
  const match = /Unsubscribe from [^:]+: (\S+)/.exec(mail.text)
  if (!match) throw new Error(`no unsubscribe link in: ${mail.text}`)
  const url = new URL(match[1])
  return `${url.pathname}${url.search}`
}

const raw = (method: string, path: string, body?: string) =>
  fetch(`${server.url}${path}`, {
    body,
    headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    method,
    redirect: 'manual',
  })

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  anonymous = client(server.url)
  admin = await signIn(server.url, 'users', f.admin.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: false,
      name: 'Registration',
      points: 20,
      verb: 'event.registered',
    },
  })
  const description = f.openCourse.lessons?.[0]?.body
  if (!description) throw new Error('the fixture course has no lesson body')
  const event = async (
    title: string,
    startsInHours: number,
    extra: Record<string, unknown> = {},
  ) => {
    const startsAt = new Date(Date.now() + startsInHours * hour)
    const created = await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        description,
        endsAt: new Date(startsAt.getTime() + hour).toISOString(),
        endsAt_tz: 'Europe/Berlin',
        format: 'online',
        onlineUrl: 'https://meet.example/join',
        slug: title.toLowerCase().replace(/\W+/g, '-'),
        startsAt: startsAt.toISOString(),
        startsAt_tz: 'Europe/Berlin',
        summary: title,
        title,
        type: 'webinar',
        ...extra,
      } as never,
    })
    return { id: created.id, title }
  }
  events.soon = await event('Heat pumps <live>', 20)
  events.later = await event('Refrigerants update', 72)
  events.done = await event('Commissioning clinic', -3, {
    recordingUrl: 'https://video.example/commissioning',
  })
})

afterAll(async () => {
  await server?.close()
})

describe('the points digest', () => {
  it('sends one digest with the sum of the new points, a tip and an unsubscribe link', async () => {
    // Points earned over HTTP, twice: registering for two events (20 points each).
    for (const event of [events.soon, events.later]) {
      const registered = await memberA.request('POST', `/api/events/${event.id}/register`)
      expect(registered.status).toBe(200)
    }
    // A colleague switched the digest off before earning.
    const off = await colleagueA.request('PATCH', '/api/loyalty/notifications/preferences', {
      preferences: { digest: false },
    })
    expect(off.status).toBe(200)
    expect(
      (await colleagueA.request('POST', `/api/events/${events.later.id}/register`)).status,
    ).toBe(200)
    // Nothing is sent inside the requests.
    expect(await mailsTo(f.memberA.email)).toHaveLength(0)

    await runTask('loyaltyQueueDigests')
    const mails = await mailsTo(f.memberA.email)
    expect(mails).toHaveLength(1)
    const [digest] = mails
    expect(digest.subject).toBe('You earned 40 points in Partner Club')
    expect(digest.text).toContain('you earned 40 new points in 2 activities')
    expect(digest.html).toContain('You earned 40 points')
    // The tip: the one published course the Bronze member may take (the Gold-only
    // masterclass and the draft are never suggested).
    expect(digest.text).toContain(`Did you know? Course: ${f.openCourse.title}`)
    expect(digest.html).toContain(`/courses/${f.openCourse.id}"`)
    expect(digest.text).not.toContain(`/courses/${f.goldCourse.id}`)
    // The unsubscribe link and the one-click headers.
    expect(unsubscribePath(digest)).toMatch(
      new RegExp(`^/api/loyalty/notifications/unsubscribe\\?c=digest&m=${f.memberA.id}&t=`),
    )
    expect(digest.headers['List-Unsubscribe']).toMatch(
      /^<http.+\/api\/loyalty\/notifications\/unsubscribe\?c=digest&m=\d+&t=[\w-]+>$/,
    )
    expect(digest.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    // The member who opted out gets nothing; the log says what went out.
    expect(await mailsTo(f.colleagueA.email, /^You earned/)).toHaveLength(0)
    expect(await notifications(f.colleagueA.id, 'digest')).toHaveLength(0)
    const [logged] = await notifications(f.memberA.id, 'digest')
    expect(logged).toMatchObject({ status: 'sent', subject: digest.subject })
    expect(logged.sentAt).toBeTruthy()
  })

  it('running again sends nothing new; new points make the next digest, with only those', async () => {
    await runTask('loyaltyQueueDigests')
    expect(await mailsTo(f.memberA.email)).toHaveLength(1)
    // A course read later: only the new points are in the next digest.
    await writeLedger(payload, resolveOptions(), [
      {
        account: 'member',
        amount: 15,
        idempotencyKey: 'notifications:extra',
        kind: 'earn',
        member: f.memberA.id,
        organisation: f.partnerA.id,
        qualifyingAmount: 15,
        reason: 'Read: A customer story',
      },
    ])
    await runTask('loyaltyQueueDigests')
    const mails = await mailsTo(f.memberA.email, /^You earned/)
    expect(mails.map((mail) => mail.subject)).toEqual([
      'You earned 40 points in Partner Club',
      'You earned 15 points in Partner Club',
    ])
    expect(mails[1].text).toContain('- Read: A customer story: +15')
  })

  it('skips a queued digest when the member opts out before it is sent', async () => {
    await writeLedger(payload, resolveOptions(), [
      {
        account: 'member',
        amount: 10,
        idempotencyKey: 'notifications:b',
        kind: 'earn',
        member: f.memberB.id,
        organisation: f.partnerB.id,
        qualifyingAmount: 10,
        reason: 'Read: Something',
      },
    ])
    await payload.jobs.queue({ input: {}, queue: 'loyalty', task: 'loyaltyQueueDigests' })
    // Only the scanner runs: the digest is queued, not yet sent.
    await payload.jobs.run({
      queue: 'loyalty',
      where: { taskSlug: { equals: 'loyaltyQueueDigests' } },
    })
    expect(await notifications(f.memberB.id, 'digest')).toMatchObject([{ status: 'queued' }])
    const off = await memberB.request('PATCH', '/api/loyalty/notifications/preferences', {
      preferences: { digest: false },
    })
    expect(off.status).toBe(200)
    await runQueue()
    expect(await mailsTo(f.memberB.email)).toHaveLength(0)
    expect(await notifications(f.memberB.id, 'digest')).toMatchObject([{ status: 'skipped' }])
    await memberB.request('PATCH', '/api/loyalty/notifications/preferences', {
      preferences: { digest: true },
    })
  })
})

describe('unsubscribing without signing in', () => {
  it('GET checks the link and shows the portal page, changing nothing; POST unsubscribes', async () => {
    const [digest] = await mailsTo(f.memberA.email)
    const path = unsubscribePath(digest)
    const shown = await raw('GET', path)
    expect(shown.status).toBe(303)
    const location = new URL(String(shown.headers.get('location')))
    expect(location.pathname).toBe('/unsubscribe')
    expect(location.searchParams.get('m')).toBe(String(f.memberA.id))
    expect(location.searchParams.get('c')).toBe('digest')
    expect((await preferencesOf(f.memberA.id))?.digest).toBe(true)

    const done = await raw('POST', path, 'List-Unsubscribe=One-Click')
    expect(done.status).toBe(200)
    expect(await done.json()).toMatchObject({ category: 'digest', unsubscribed: true })
    expect(await preferencesOf(f.memberA.id)).toMatchObject({ digest: false, tierUpgrade: true })
    // Idempotent.
    expect((await raw('POST', path)).status).toBe(200)
  })

  it('refuses forged, altered and cut-off links with a 400 and changes nothing', async () => {
    const [digest] = await mailsTo(f.memberA.email)
    const url = new URL(`${server.url}${unsubscribePath(digest)}`)
    const token = String(url.searchParams.get('t'))
    const variants = [
      // Another member with memberA's token.
      `m=${f.memberB.id}&c=digest&t=${token}`,
      // Another category with the digest's token.
      `m=${f.memberA.id}&c=tierUpgrade&t=${token}`,
      // A made-up token, a cut-off token, none.
      `m=${f.memberA.id}&c=tierUpgrade&t=${'A'.repeat(43)}`,
      `m=${f.memberA.id}&c=tierUpgrade&t=${token.slice(0, 20)}`,
      `m=${f.memberA.id}&c=tierUpgrade`,
      `m=abc&c=digest&t=${token}`,
      `c=nonsense&m=${f.memberA.id}&t=${token}`,
    ]
    for (const query of variants) {
      for (const method of ['GET', 'POST']) {
        const response = await raw(method, `/api/loyalty/notifications/unsubscribe?${query}`)
        expect(response.status, `${method} ${query}`).toBe(400)
        const body = (await response.json()) as { errors: { message: string }[] }
        expect(body.errors[0].message).toMatch(/This unsubscribe link is not valid/)
      }
    }
    expect(await preferencesOf(f.memberB.id)).toMatchObject({ digest: true })
    expect(await preferencesOf(f.memberA.id)).toMatchObject({ tierUpgrade: true })
  })
})

describe('the preferences endpoint', () => {
  it('is for the signed-in member only: anonymous 401, staff 403', async () => {
    for (const method of ['GET', 'PATCH']) {
      const body = method === 'PATCH' ? { preferences: { digest: true } } : undefined
      expect(
        (await anonymous.request(method, '/api/loyalty/notifications/preferences', body)).status,
      ).toBe(401)
      for (const staff of [admin, marketer]) {
        expect(
          (await staff.request(method, '/api/loyalty/notifications/preferences', body)).status,
        ).toBe(403)
      }
    }
  })

  it('reads and changes the member’s own choices only, refusing bad input', async () => {
    const read = await memberA.request('GET', '/api/loyalty/notifications/preferences')
    expect(read.status).toBe(200)
    expect(read.body.preferences).toMatchObject({ digest: false, eventReminder: true })
    expect(read.body.categories).toHaveLength(6)
    expect(read.body.categories[0]).toMatchObject({
      category: 'digest',
      enabled: false,
      label: 'Points digest',
    })
    const changed = await memberA.request('PATCH', '/api/loyalty/notifications/preferences', {
      preferences: { digest: true, expiring: false },
    })
    expect(changed.status).toBe(200)
    expect(changed.body.preferences).toMatchObject({ digest: true, expiring: false })
    expect(await preferencesOf(f.memberA.id)).toMatchObject({ digest: true, expiring: false })
    // memberB's change leaves memberA's alone.
    await memberB.request('PATCH', '/api/loyalty/notifications/preferences', {
      preferences: { expiring: true, redemption: false },
    })
    expect(await preferencesOf(f.memberA.id)).toMatchObject({ expiring: false, redemption: true })
    await memberB.request('PATCH', '/api/loyalty/notifications/preferences', {
      preferences: { redemption: true },
    })
    for (const body of [
      {},
      { preferences: {} },
      { preferences: { digest: 'yes' } },
      { preferences: { everything: false } },
      { preferences: [true] },
    ]) {
      const refused = await memberA.request('PATCH', '/api/loyalty/notifications/preferences', body)
      expect(refused.status, JSON.stringify(body)).toBe(400)
      expect(refused.body.errors[0].message).toBeTruthy()
    }
    expect(await preferencesOf(f.memberA.id)).toMatchObject({ digest: true, expiring: false })
    await memberA.request('PATCH', '/api/loyalty/notifications/preferences', {
      preferences: { expiring: true },
    })
  })
})

describe('other notifications', () => {
  it('tells a member about a tier upgrade', async () => {
    const credited = await admin.request('POST', '/api/loyalty/adjustments', {
      member: f.memberB.id,
      points: 1600,
      reason: 'Trade fair bonus',
    })
    expect(credited.status).toBe(201)
    expect(await mailsTo(f.memberB.email)).toHaveLength(0)
    await runQueue()
    const [mail, ...more] = await mailsTo(f.memberB.email, /Gold/)
    expect(more).toHaveLength(0)
    expect(mail.subject).toBe('You are now Gold in Partner Club')
    expect(mail.text).toContain('You have reached the Gold tier of Partner Club.')
    expect(unsubscribePath(mail)).toContain('c=tierUpgrade')
  })

  it('does not call the entry tier given with the first points an upgrade', async () => {
    const newcomer = await payload.create({
      collection: 'members',
      data: {
        email: 'newcomer@test.example',
        jobRole: 'engineer',
        name: 'Newcomer',
        partner: f.partnerA.id,
        password,
      },
    })
    const credited = await admin.request('POST', '/api/loyalty/adjustments', {
      member: newcomer.id,
      points: 10,
      reason: 'Welcome bonus',
    })
    expect(credited.status).toBe(201)
    await runQueue()
    const placed = await payload.findByID({ collection: 'members', id: newcomer.id })
    expect(placed.loyalty?.tier).toMatchObject({ name: 'Bronze' })
    expect(await notifications(newcomer.id, 'tierUpgrade')).toHaveLength(0)
    expect(await mailsTo(newcomer.email, /You are now/)).toHaveLength(0)
  })

  it('tells a member when their redemption is approved and sent', async () => {
    const reward = await payload.create({
      collection: 'loyalty-rewards',
      data: { cost: 100, requiresManagerApproval: true, title: 'Thermos flask' } as never,
    })
    const redeemed = await memberB.request('POST', `/api/loyalty-rewards/${reward.id}/redeem`)
    expect(redeemed.status).toBe(201)
    const id = redeemed.body.redemption.id
    await runQueue()
    expect(await mailsTo(f.memberB.email, /Thermos/)).toHaveLength(0)
    for (const decision of ['approve', 'fulfil']) {
      const decided = await admin.request('POST', `/api/loyalty-redemptions/${id}/decide`, {
        decision,
      })
      expect(decided.status).toBe(200)
    }
    await runQueue()
    expect((await mailsTo(f.memberB.email, /Thermos/)).map((mail) => mail.subject)).toEqual([
      'Your reward is approved: Thermos flask',
      'Your reward is on its way: Thermos flask',
    ])
  })

  it('reminds registered members of an event 20 hours ahead, once, and not of one 3 days ahead', async () => {
    await runTask('loyaltyQueueReminders')
    await runTask('loyaltyQueueReminders')
    const reminders = await mailsTo(f.memberA.email, /^Reminder/)
    expect(reminders.map((mail) => mail.subject)).toEqual([
      'Reminder: Heat pumps <live> starts soon',
    ])
    expect(reminders[0].html).toContain('Reminder: Heat pumps &#60;live&#62;')
    expect(reminders[0].text).toContain('Join online: https://meet.example/join')
    // colleagueA registered only for the event three days ahead.
    expect(await mailsTo(f.colleagueA.email, /^Reminder/)).toHaveLength(0)
  })

  it('sends the recording after the event to those who attended, once', async () => {
    const marked = await admin.request('POST', `/api/events/${events.done.id}/attendance`, {
      members: [f.colleagueA.id],
    })
    expect(marked.status).toBe(200)
    await runTask('loyaltyQueueReminders')
    await runTask('loyaltyQueueReminders')
    const recordings = await mailsTo(f.colleagueA.email, /^Recording/)
    expect(recordings.map((mail) => mail.subject)).toEqual(['Recording: Commissioning clinic'])
    expect(recordings[0].html).toContain('href="https://video.example/commissioning"')
    expect(await mailsTo(f.memberA.email, /^Recording/)).toHaveLength(0)
  })

  it('warns about points expiring within 30 days, once per lot', async () => {
    await writeLedger(payload, resolveOptions(), [
      {
        account: 'member',
        amount: 50,
        expiresAt: new Date(Date.now() + 10 * 24 * hour).toISOString(),
        idempotencyKey: 'notifications:expiring',
        kind: 'earn',
        member: f.memberA.id,
        organisation: f.partnerA.id,
        qualifyingAmount: 50,
        reason: 'An old award',
      },
    ])
    await runTask('loyaltyQueueExpiryWarnings')
    await runTask('loyaltyQueueExpiryWarnings')
    const warnings = await mailsTo(f.memberA.email, /expire/)
    expect(warnings).toHaveLength(1)
    expect(warnings[0].subject).toMatch(/^50 points expire by \d{1,2} \w+ \d{4}$/)
    expect(unsubscribePath(warnings[0])).toContain('c=expiring')
  })
})

describe('the local capture', () => {
  it('keeps password-reset mails too, readable by admins only', async () => {
    const asked = await anonymous.request('POST', '/api/members/forgot-password', {
      email: f.memberB.email,
    })
    expect(asked.status).toBe(200)
    const [reset] = await mailsTo(f.memberB.email, /Reset your Partner Club password/)
    expect(reset.html).toContain('/reset-password?token=')
    expect((await admin.request('GET', '/api/captured-emails')).body.totalDocs).toBeGreaterThan(0)
    expect((await marketer.request('GET', '/api/captured-emails')).status).toBe(403)
    expect((await memberB.request('GET', '/api/captured-emails')).status).toBe(403)
    expect((await anonymous.request('GET', '/api/captured-emails')).status).toBe(403)
  })
})
