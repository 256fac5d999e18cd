import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let memberA: Client
let memberB: Client
let goldB: Client
let marketer: Client
let short: { id: number }
let long: { id: number }
let gated: { id: number }
let draft: { id: number }

type Lexical = RequiredDataFromCollectionSlug<'case-studies'>['challenge']

/** Sums of a member's (or organisation's) ledger, straight from the database. */
const ledgerSums = async (account: 'member' | 'organisation', id: number) => {
  const { docs } = await payload.find({
    collection: 'loyalty-ledger',
    limit: 0,
    pagination: false,
    where: { and: [{ account: { equals: account } }, { [account]: { equals: id } }] },
  })
  return {
    count: docs.length,
    qualifying: docs.reduce((sum, doc) => sum + doc.qualifyingAmount, 0),
    spendable: docs.reduce((sum, doc) => sum + doc.amount, 0),
  }
}

const balances = async (id: number) => {
  const doc = await payload.findByID({ collection: 'members', depth: 0, id })
  return { qualifying: doc.loyalty?.qualifying ?? 0, spendable: doc.loyalty?.spendable ?? 0 }
}

const activities = async (member: number, verb: 'case-study.opened' | 'case-study.read') =>
  (
    await payload.find({
      collection: 'loyalty-activities',
      limit: 0,
      pagination: false,
      where: { and: [{ member: { equals: member } }, { verb: { equals: verb } }] },
    })
  ).docs

/** Moves the member's reading start back in time (test set-up instead of waiting). */
const openedSecondsAgo = async (member: number, caseStudy: number, seconds: number) => {
  const { docs } = await payload.find({
    collection: 'loyalty-progress',
    limit: 1,
    where: { key: { equals: `${member}:case-studies:${caseStudy}:read` } },
  })
  expect(docs).toHaveLength(1)
  await payload.update({
    collection: 'loyalty-progress',
    data: { startedAt: new Date(Date.now() - seconds * 1000).toISOString() },
    id: docs[0].id,
    overrideAccess: true,
  })
}

const words = (count: number, word = 'heat') => Array.from({ length: count }, () => word).join(' ')

const path = (id: number | string, action: 'open' | 'read') => `/api/case-studies/${id}/${action}`

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: false,
      name: 'Case study read',
      points: 30,
      verb: 'case-study.read',
    },
  })
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const text = (markdown: string) => convertMarkdownToLexical({ editorConfig, markdown }) as Lexical
  const body = f.openCourse.lessons?.[0]?.body as Lexical | undefined
  if (!body) throw new Error('the fixture course has no lesson body')
  const caseStudy = (
    title: string,
    slug: string,
    extra: Partial<RequiredDataFromCollectionSlug<'case-studies'>> = {},
  ) =>
    payload.create({
      collection: 'case-studies',
      data: {
        _status: 'published',
        challenge: body,
        customer: 'Hotel Seeblick',
        industry: 'commercial',
        region: 'dach',
        results: body,
        slug,
        solution: body,
        summary: `About ${title}`,
        title,
        ...extra,
      },
    })
  short = await caseStudy('A short story', 'short-story')
  // 1,000 words over paragraphs, a list, a heading, bold text and a link:
  // round(1000 / 230 × 60 × 0.5) = 130 s.
  long = await caseStudy('A long story', 'long-story', {
    challenge: text(`${words(300)}\n\n${words(99)} **${words(1, 'bold')}**`),
    results: text(`## ${words(50)}\n\n${words(249)} [${words(1, 'link')}](https://example.com)`),
    solution: text(Array.from({ length: 30 }, () => `- ${words(10)}`).join('\n')),
  })
  gated = await caseStudy('Gold story', 'gold-story', { requiredTier: f.gold.id })
  draft = await payload.create({
    collection: 'case-studies',
    data: { challenge: body, slug: 'draft-story', title: 'Draft story' },
    draft: true,
  })
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  goldB = await signIn(server.url, 'members', f.goldMemberB.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
})

afterAll(async () => {
  await server?.close()
})

describe('who may open and read a case study', () => {
  it('anonymous 401, staff 403, bad id 400, draft and missing 404', async () => {
    const anonymous = await client(server.url).request('POST', path(short.id, 'open'))
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toMatch(/sign in/i)
    const staff = await marketer.request('POST', path(short.id, 'open'))
    expect(staff.status).toBe(403)
    expect(staff.body.errors[0].message).toMatch(/staff accounts do not earn/i)
    expect((await marketer.request('POST', path(short.id, 'read'))).status).toBe(403)
    expect((await memberA.request('POST', path('abc', 'open'))).status).toBe(400)
    for (const id of [draft.id, 999999]) {
      const missing = await memberA.request('POST', path(id, 'open'))
      expect(missing.status).toBe(404)
      expect(missing.body.errors[0].message).toBe('This case study does not exist.')
      expect((await memberA.request('POST', path(id, 'read'))).status).toBe(404)
    }
  })

  it('refuses a story above the member’s tier, naming the tier, and opens it for Gold', async () => {
    const locked = await memberA.request('POST', path(gated.id, 'open'))
    expect(locked.status).toBe(403)
    expect(locked.body.errors[0].message).toBe('This case study is for Gold members and above.')
    expect((await memberA.request('POST', path(gated.id, 'read'))).status).toBe(403)
    const noTier = await memberB.request('POST', path(gated.id, 'open'))
    expect(noTier.status).toBe(403)
    const gold = await goldB.request('POST', path(gated.id, 'open'))
    expect(gold.status).toBe(200)
    expect(gold.body.read).toBe(false)
  })
})

describe('proof of reading', () => {
  it('refuses reading before the story was opened', async () => {
    const { body, status } = await memberA.request('POST', path(long.id, 'read'))
    expect(status).toBe(409)
    expect(body.errors[0].message).toBe('Open the case study first.')
  })

  it('sets the minimum time from the words of all reading fields (at least 15 s)', async () => {
    const opened = await memberA.request('POST', path(long.id, 'open'))
    expect(opened.status).toBe(200)
    expect(opened.body).toMatchObject({ minimumSeconds: 130, read: false })
    expect(opened.body.secondsRemaining).toBeGreaterThan(120)
    expect(opened.body.secondsRemaining).toBeLessThanOrEqual(130)
    expect(new Date(opened.body.openedAt).getTime()).toBeLessThanOrEqual(Date.now())
    const shortOpened = await memberA.request('POST', path(short.id, 'open'))
    expect(shortOpened.body.minimumSeconds).toBe(15)
  })

  it('keeps the first opening time and records the opening once', async () => {
    const first = await memberB.request('POST', path(short.id, 'open'))
    const again = await memberB.request('POST', path(short.id, 'open'))
    expect(again.body.openedAt).toBe(first.body.openedAt)
    expect(await activities(f.memberB.id, 'case-study.opened')).toHaveLength(1)
  })

  it('refuses reading too early, saying how long is left, and books nothing', async () => {
    const { body, status } = await memberA.request('POST', path(long.id, 'read'))
    expect(status).toBe(409)
    expect(body.secondsRemaining).toBeGreaterThan(100)
    expect(body.errors[0].message).toBe(`Keep reading: ${body.secondsRemaining} s to go.`)
    expect((await ledgerSums('member', f.memberA.id)).count).toBe(0)
    expect(await activities(f.memberA.id, 'case-study.read')).toHaveLength(0)
  })

  it('awards a read once the minimum time has passed, and only once', async () => {
    await openedSecondsAgo(f.memberA.id, long.id, 131)
    const read = await memberA.request('POST', path(long.id, 'read'))
    expect(read.status).toBe(200)
    expect(read.body.read).toBe(true)
    expect(read.body.award).toMatchObject({ duplicate: false, points: 30 })
    expect(read.body.award.reason).toBe('Case study read: A long story')

    const again = await memberA.request('POST', path(long.id, 'read'))
    expect(again.status).toBe(200)
    expect(again.body.award).toMatchObject({
      duplicate: true,
      entryId: read.body.award.entryId,
      points: 30,
    })
    const reopened = await memberA.request('POST', path(long.id, 'open'))
    expect(reopened.body).toMatchObject({ read: true, secondsRemaining: 0 })

    const sums = await ledgerSums('member', f.memberA.id)
    expect(sums).toEqual({ count: 1, qualifying: 30, spendable: 30 })
    expect(await balances(f.memberA.id)).toEqual({ qualifying: 30, spendable: 30 })
    expect(await activities(f.memberA.id, 'case-study.read')).toHaveLength(1)
    expect(await activities(f.memberA.id, 'case-study.opened')).toHaveLength(2)
  })
})

describe('under concurrency', () => {
  it('20 identical read requests award exactly once and record one read', async () => {
    await memberB.request('POST', path(long.id, 'open'))
    await openedSecondsAgo(f.memberB.id, long.id, 200)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => memberB.request('POST', path(long.id, 'read'))),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
    expect(responses.filter((response) => response.body.award.duplicate === false)).toHaveLength(1)
    expect(new Set(responses.map((response) => response.body.award.entryId)).size).toBe(1)
    expect(await ledgerSums('member', f.memberB.id)).toEqual({
      count: 1,
      qualifying: 30,
      spendable: 30,
    })
    expect(await balances(f.memberB.id)).toEqual({ qualifying: 30, spendable: 30 })
    expect(await activities(f.memberB.id, 'case-study.read')).toHaveLength(1)
  })
})
