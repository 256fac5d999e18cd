import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let goldMember: Client
let bronzeMember: Client
let course: { id: number; lessons: string[] }

const complete = async (member: Client, lessonId: string) => {
  await member.request('POST', `/api/courses/${course.id}/lessons/${lessonId}/start`)
  const { body, status } = await member.request(
    'POST',
    `/api/courses/${course.id}/lessons/${lessonId}/complete`,
  )
  expect(status).toBe(200)
  return body.award as {
    points: number
    reason: string
    steps: { detail: string; points: number }[]
  }
}

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  // 40 per lesson; at most 100 per member per day from this rule.
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      caps: [{ maxPoints: 100, period: 'day' }],
      creditsOrganisation: false,
      name: 'Lesson completed',
      points: 40,
      verb: 'lesson.completed',
    },
  })
  const now = Date.now()
  await payload.create({
    collection: 'loyalty-promotions',
    data: {
      endsAt: new Date(now + 86_400_000).toISOString(),
      multiplier: 2,
      name: 'Double points on AeroTherm',
      startsAt: new Date(now - 86_400_000).toISOString(),
      tag: 'AeroTherm 12',
      target: 'tag',
    },
  })
  await payload.create({
    collection: 'loyalty-promotions',
    data: {
      endsAt: new Date(now + 86_400_000).toISOString(),
      multiplier: 1.5,
      name: 'Engineers week',
      startsAt: new Date(now - 86_400_000).toISOString(),
      jobRole: 'engineer',
      target: 'jobRole',
    },
  })
  const body = f.openCourse.lessons?.[0]?.body
  if (!body) throw new Error('the fixture course has no lesson body')
  const created = await payload.create({
    collection: 'courses',
    data: {
      _status: 'published',
      estimatedMinutes: 20,
      lessons: [1, 2, 3].map((n) => ({ body, minimumSeconds: 0, title: `Part ${n}` })),
      level: 'intermediate',
      productTags: ['AeroTherm 12'],
      slug: 'aerotherm-12-service',
      summary: 'Service',
      title: 'AeroTherm 12 service',
    },
  })
  course = { id: created.id, lessons: (created.lessons ?? []).map((lesson) => String(lesson.id)) }
  goldMember = await signIn(server.url, 'members', f.goldMemberB.email, password)
  bronzeMember = await signIn(server.url, 'members', f.memberA.email, password)
})

afterAll(async () => {
  await server?.close()
})

describe('award order: rule, best promotion, tier multiplier, caps', () => {
  it('applies only the best promotion, then the tier multiplier: 40 × 2 × 1.25 = 100', async () => {
    const award = await complete(goldMember, course.lessons[0])
    expect(award.points).toBe(100)
    expect(award.steps.map((step) => step.points)).toEqual([40, 80, 100])
    expect(award.steps[1].detail).toMatch(/Double points on AeroTherm/)
    expect(award.steps[2].detail).toMatch(/Gold/)
  })

  it('then the daily cap of 100 leaves nothing for the next lesson today', async () => {
    const award = await complete(goldMember, course.lessons[1])
    expect(award.points).toBe(0)
    expect(award.reason).toMatch(/cap reached/)
    const member = await payload.findByID({ collection: 'members', id: f.goldMemberB.id })
    expect(member.loyalty?.spendable).toBe(100)
  })

  it('gives a Bronze engineer 40 × 2 × 1.0 = 80 (the 1.5 engineers promotion does not stack)', async () => {
    const award = await complete(bronzeMember, course.lessons[0])
    expect(award.points).toBe(80)
    const second = await complete(bronzeMember, course.lessons[1])
    expect(second.points).toBe(20)
    const member = await payload.findByID({ collection: 'members', id: f.memberA.id })
    expect(member.loyalty?.spendable).toBe(100)
  })
})
