import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { resolveOptions } from '../plugins/loyalty/types'
import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let memberA: Client
let colleagueA: Client
let course: { id: number; lessonId: string }

const organisationTier = async () => {
  const partner = await payload.findByID({ collection: 'partners', depth: 0, id: f.partnerA.id })
  return partner.loyalty?.tier ?? null
}

const completeCourse = async (member: Client) => {
  await member.request('POST', `/api/courses/${course.id}/lessons/${course.lessonId}/start`)
  const { body } = await member.request(
    'POST',
    `/api/courses/${course.id}/lessons/${course.lessonId}/complete`,
  )
  return body
}

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  const body = f.openCourse.lessons?.[0]?.body
  if (!body) throw new Error('the fixture course has no lesson body')
  const created = await payload.create({
    collection: 'courses',
    data: {
      _status: 'published',
      estimatedMinutes: 30,
      issuesCertificate: true,
      lessons: [{ body, minimumSeconds: 0, title: 'Certification' }],
      level: 'advanced',
      slug: 'heat-pumps-201',
      summary: 'Certification course',
      title: 'Heat Pumps 201',
    },
  })
  course = { id: created.id, lessonId: String(created.lessons?.[0]?.id) }
  // Gold for a company needs 1,500 points and two engineers certified in Heat Pumps 201.
  await payload.update({
    collection: 'club-tiers',
    data: {
      organisationRequirement: {
        certificateCourse: course.id,
        jobRole: 'engineer',
        minimumCertifiedMembers: 2,
      },
    },
    id: f.gold.id,
  })
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      name: 'Course completed',
      organisationSharePercent: 100,
      points: 100,
      verb: 'course.completed',
    },
  })
  await writeLedger(payload, resolveOptions(), [
    {
      account: 'organisation',
      amount: 1450,
      idempotencyKey: 'org-history',
      kind: 'earn',
      member: null,
      organisation: f.partnerA.id,
      qualifyingAmount: 1450,
      reason: 'Earlier activity',
    },
  ])
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
})

afterAll(async () => {
  await server?.close()
})

describe('organisation tiers with a certification requirement', () => {
  it('does not give Gold on points alone', async () => {
    const body = await completeCourse(memberA)
    expect(body.certificateCode).toMatch(/^PC-/)
    const partner = await payload.findByID({ collection: 'partners', id: f.partnerA.id })
    expect(partner.loyalty?.qualifying).toBe(1550)
    expect(await organisationTier()).toBe(f.bronze.id)
  })

  it('gives Gold when the second engineer is certified, and records why', async () => {
    await completeCourse(colleagueA)
    expect(await organisationTier()).toBe(f.gold.id)
    const changes = await payload.find({
      collection: 'loyalty-tier-changes',
      sort: 'createdAt',
      where: { organisation: { equals: f.partnerA.id } },
    })
    expect(changes.docs.map((change) => change.change)).toEqual(['upgrade', 'upgrade'])
    expect(changes.docs[1].reason).toMatch(/Reached Gold with 1,650 qualifying points/)
  })
})
