import type { Payload } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'

export const password = 'fixture-password-1'

/** A small programme of two companies for access tests, created through the Local API. */
export const createFixtures = async (payload: Payload) => {
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const text = (markdown: string) => convertMarkdownToLexical({ editorConfig, markdown })
  const create = payload.create.bind(payload)

  const admin = await create({
    collection: 'users',
    data: { email: 'admin@test.example', name: 'Admin', password, roles: ['admin'] },
  })
  const marketer = await create({
    collection: 'users',
    data: { email: 'marketer@test.example', name: 'Marketer', password, roles: ['marketer'] },
  })
  const bronze = await create({
    collection: 'club-tiers',
    data: { multiplier: 1, name: 'Bronze', qualifyingMonths: 12, rank: 1, threshold: 0 },
  })
  const gold = await create({
    collection: 'club-tiers',
    data: { multiplier: 1.25, name: 'Gold', qualifyingMonths: 12, rank: 3, threshold: 1500 },
  })
  const partnerA = await create({
    collection: 'partners',
    data: { name: 'Alpha Installations', region: 'dach', type: 'installer' },
  })
  const partnerB = await create({
    collection: 'partners',
    data: { name: 'Beta Distribution', region: 'benelux', type: 'distributor' },
  })
  const member = (email: string, partner: number, extra: Record<string, unknown> = {}) =>
    create({
      collection: 'members',
      data: { email, jobRole: 'engineer', name: email.split('@')[0], partner, password, ...extra },
    })
  const memberA = await member('a.member@test.example', partnerA.id, {
    loyalty: { tier: bronze.id },
  })
  const colleagueA = await member('a.colleague@test.example', partnerA.id)
  const managerA = await member('a.manager@test.example', partnerA.id, {
    jobRole: 'management',
    partnerManager: true,
  })
  const memberB = await member('b.member@test.example', partnerB.id)
  const goldMemberB = await member('b.gold@test.example', partnerB.id, {
    loyalty: { tier: gold.id },
  })
  const blockedA = await member('a.blocked@test.example', partnerA.id, { status: 'blocked' })

  const lesson = {
    body: text('Why **flow temperature** matters.'),
    minimumSeconds: 30,
    title: 'Flow temperature',
  }
  const quiz = {
    passMarkPercent: 70,
    questions: [
      {
        explanation: 'Lower flow temperatures raise the COP.',
        options: [
          { correct: true, label: 'It rises' },
          { correct: false, label: 'It falls' },
        ],
        question: 'What happens to COP when the flow temperature drops?',
      },
    ],
  }
  const course = (title: string, slug: string, extra: Record<string, unknown> = {}) =>
    create({
      collection: 'courses',
      data: {
        _status: 'published',
        estimatedMinutes: 30,
        lessons: [lesson],
        level: 'foundation',
        quiz,
        slug,
        summary: `About ${title}`,
        title,
        ...extra,
      },
    })
  const openCourse = await course('Heat pump basics', 'heat-pump-basics')
  const goldCourse = await course('Masterclass', 'masterclass', { requiredTier: gold.id })
  const draftCourse = await create({
    collection: 'courses',
    data: {
      estimatedMinutes: 10,
      level: 'foundation',
      slug: 'draft-course',
      summary: 'Not yet',
      title: 'Draft course',
    },
    draft: true,
  })

  const event = await create({
    collection: 'events',
    data: {
      _status: 'published',
      attendanceCode: 'SECRET1',
      description: text('A webinar.'),
      endsAt: '2030-01-10T11:00:00.000Z',
      endsAt_tz: 'Europe/Berlin',
      format: 'online',
      onlineUrl: 'https://meet.example/webinar',
      slug: 'webinar',
      startsAt: '2030-01-10T10:00:00.000Z',
      startsAt_tz: 'Europe/Berlin',
      summary: 'A webinar',
      title: 'Webinar',
      type: 'webinar',
    },
  })

  return {
    admin,
    blockedA,
    bronze,
    colleagueA,
    draftCourse,
    event,
    gold,
    goldCourse,
    goldMemberB,
    managerA,
    marketer,
    memberA,
    memberB,
    openCourse,
    partnerA,
    partnerB,
  }
}

export type Fixtures = Awaited<ReturnType<typeof createFixtures>>
