import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, type JsonBody, bootServer, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let admin: Client

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  admin = await signIn(server.url, 'users', f.admin.email, password)
})

afterAll(async () => {
  await server?.close()
})

/** The field errors Payload reports for a rejected write: [{ path, message }]. */
const fieldErrors = (body: JsonBody): { label?: string; message: string; path: string }[] =>
  (body.errors ?? []).flatMap(
    (error: { data?: { errors?: { message: string; path: string }[] } }) =>
      error.data?.errors ?? [],
  )

/** Posts `data`, expects a 400 naming `path`, and checks that nothing was written. */
const rejects = async (
  collection: CollectionSlug,
  data: Record<string, unknown>,
  path: string,
  message: RegExp,
) => {
  const before = await payload.count({ collection, overrideAccess: true })
  const { body, status } = await admin.request('POST', `/api/${collection}`, data)
  expect(status).toBe(400)
  const errors = fieldErrors(body)
  expect(errors.map((error) => error.path)).toContain(path)
  expect(errors.find((error) => error.path === path)?.message).toMatch(message)
  // The summary names the field as a person sees it in the admin (its label, else its name).
  const label = errors.find((error) => error.path === path)?.label ?? path
  expect(body.errors[0].message.toLowerCase()).toContain(label.toLowerCase())
  expect(await payload.count({ collection, overrideAccess: true })).toEqual(before)
}

const webinar = () => ({
  _status: 'published',
  description: f.event.description,
  endsAt: '2031-03-01T11:00:00.000Z',
  format: 'online',
  onlineUrl: 'https://meet.example/x',
  startsAt: '2031-03-01T10:00:00.000Z',
  summary: 'A webinar',
  title: 'Spring webinar',
  type: 'webinar',
})

const course = () => ({
  _status: 'published',
  estimatedMinutes: 20,
  lessons: [{ body: f.openCourse.lessons?.[0]?.body, minimumSeconds: 30, title: 'One' }],
  level: 'foundation',
  summary: 'A course',
  title: 'Valid course',
})

describe('bad input is a 400 naming the field, and nothing is written', () => {
  it('a course without a title', async () => {
    await rejects('courses', { ...course(), title: undefined }, 'title', /required/i)
  })

  it('a published course without lessons', async () => {
    await rejects('courses', { ...course(), lessons: [] }, 'lessons', /requires at least 1/i)
  })

  it('a duplicate slug', async () => {
    await rejects('courses', { ...course(), slug: f.openCourse.slug }, 'slug', /unique/i)
  })

  it('a lesson with a negative minimum time', async () => {
    const data = course()
    data.lessons[0].minimumSeconds = -5
    await rejects('courses', data, 'lessons.0.minimumSeconds', /less than the min/i)
  })

  it('a quiz question with no correct option', async () => {
    const quiz = {
      questions: [{ options: [{ label: 'A' }, { label: 'B' }], question: 'Which?' }],
    }
    await rejects(
      'courses',
      { ...course(), quiz },
      'quiz.questions',
      /needs at least one correct option/,
    )
  })

  it('an unknown tier', async () => {
    await rejects('courses', { ...course(), requiredTier: 987654 }, 'requiredTier', /invalid/i)
  })

  it('an event that ends before it starts', async () => {
    await rejects(
      'events',
      { ...webinar(), endsAt: '2031-03-01T09:00:00.000Z' },
      'endsAt',
      /must end after it starts/,
    )
  })

  it('an event with negative capacity', async () => {
    await rejects('events', { ...webinar(), capacity: -1 }, 'capacity', /less than the min/i)
  })

  it('an event whose registration closes after it ends', async () => {
    await rejects(
      'events',
      { ...webinar(), registrationDeadline: '2031-03-02T10:00:00.000Z' },
      'endsAt',
      /registration deadline/,
    )
  })

  it('an event link that is not a web address', async () => {
    await rejects('events', { ...webinar(), onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', /http/)
  })

  it('an event for an unknown tier', async () => {
    await rejects('events', { ...webinar(), eligibleTiers: [987654] }, 'eligibleTiers', /invalid/i)
  })

  it('a tier with a rank already taken', async () => {
    await rejects('club-tiers', { name: 'Copper', rank: 1, threshold: 0 }, 'rank', /unique/i)
  })

  it('a tier with a negative threshold and a bad colour', async () => {
    await rejects(
      'club-tiers',
      { colour: 'gold', name: 'Odd', rank: 9, threshold: -10 },
      'threshold',
      /less than the min/i,
    )
  })

  it('a member of an unknown partner or with an unknown job role', async () => {
    const member = {
      email: 'x.member@test.example',
      jobRole: 'engineer',
      name: 'X',
      partner: 987654,
      password,
    }
    await rejects('members', member, 'partner', /invalid/i)
    await rejects(
      'members',
      { ...member, jobRole: 'astronaut', partner: f.partnerA.id },
      'jobRole',
      /invalid/i,
    )
  })

  it('a second member with the same email', async () => {
    const member = {
      email: f.memberA.email,
      jobRole: 'engineer',
      name: 'Twin',
      partner: f.partnerA.id,
      password,
    }
    const before = await payload.count({ collection: 'members' })
    const { body, status } = await admin.request('POST', '/api/members', member)
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/email/i)
    expect(await payload.count({ collection: 'members' })).toEqual(before)
  })

  it('an update with bad data leaves the document as it was', async () => {
    const { status } = await admin.request('PATCH', `/api/events/${f.event.id}`, {
      endsAt: '2020-01-01T00:00:00.000Z',
      title: 'Renamed',
    })
    expect(status).toBe(400)
    const stored = await payload.findByID({ collection: 'events', id: f.event.id })
    expect(stored.title).toBe('Webinar')
    expect(stored.endsAt).toBe(f.event.endsAt)
  })

  it('valid input is accepted (the same helpers pass with good data)', async () => {
    const created = await admin.request('POST', '/api/events', { ...webinar(), capacity: 0 })
    expect(created.status).toBe(201)
    const tier = await admin.request('POST', '/api/club-tiers', {
      colour: '#c0922b',
      name: 'Platinum',
      rank: 5,
      threshold: 3000,
    })
    expect(tier.status).toBe(201)
  })
})
