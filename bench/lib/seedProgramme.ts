/**
 * The bench programme, created through the Local API as the tests do: an admin, a tier, a
 * partner, the earning rule for `lesson.completed`, a long course, and the first member (or all
 * of them). Runs in its own process (seedChild.ts), never in the bench process: see there.
 */
import type { Payload } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'

import { type Seeded, benchPassword, inParallel } from './seed'

export const seedProgramme = async (
  payload: Payload,
  options: {
    lessons: number
    log?: (message: string) => void
    members: number
    /** `api`: every member through the Local API; `sql`: the first one, the others copied. */
    membersVia: 'api' | 'sql'
  },
): Promise<Seeded> => {
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const body = convertMarkdownToLexical({
    editorConfig,
    markdown: 'Why **flow temperature** matters: every degree lower raises the COP by about 2.5 %.',
  })
  const adminEmail = 'bench.admin@bench.example'
  await payload.create({
    collection: 'users',
    data: { email: adminEmail, name: 'Bench admin', password: benchPassword, roles: ['admin'] },
  })
  const tier = await payload.create({
    collection: 'club-tiers',
    data: { multiplier: 1, name: 'Bronze', qualifyingMonths: 12, rank: 1, threshold: 0 },
  })
  const partner = await payload.create({
    collection: 'partners',
    data: { name: 'Bench Installations', region: 'dach', type: 'installer' },
  })
  const rule = await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: true,
      name: 'Lesson completed',
      organisationSharePercent: 50,
      points: 10,
      verb: 'lesson.completed',
    },
  })
  const course = await payload.create({
    collection: 'courses',
    data: {
      _status: 'published',
      estimatedMinutes: 600,
      lessons: Array.from({ length: options.lessons }, (_, index) => ({
        body,
        minimumSeconds: 0,
        title: `Lesson ${index + 1}`,
      })),
      level: 'foundation',
      slug: 'bench-course',
      summary: 'A long course for the benchmark',
      title: 'Heat pumps, lesson by lesson',
    },
  })
  const lessonIds = (course.lessons ?? []).map((lesson) => String(lesson.id))
  if (lessonIds.length !== options.lessons) {
    throw new Error(`the course has ${lessonIds.length} lessons, expected ${options.lessons}`)
  }
  const createMember = async (email: string) => {
    const doc = await payload.create({
      collection: 'members',
      data: {
        email,
        jobRole: 'engineer',
        loyalty: { tier: tier.id },
        name: email.split('@')[0],
        partner: partner.id,
        password: benchPassword,
      },
    })
    return { email, id: doc.id }
  }
  // Password hashing (pbkdf2) runs on the libuv pool: a few at a time keeps both cores busy.
  const memberEmail = (index: number) => `member${index + 1}@bench.example`
  let members: { email: string; id: number }[]
  if (options.membersVia === 'api') {
    options.log?.(`creating ${options.members} members through the Local API`)
    // Password hashing (pbkdf2) runs on the libuv pool: several at a time keeps both cores busy.
    members = await inParallel(
      Array.from({ length: options.members }, (_, index) => memberEmail(index)),
      8,
      createMember,
    )
  } else {
    members = [await createMember(memberEmail(0))]
  }
  const ledgerMember = await createMember('long.ledger@bench.example')
  return {
    adminEmail,
    courseId: course.id,
    ledgerMember,
    lessonIds,
    members,
    partnerId: partner.id,
    ruleId: rule.id,
    tierId: tier.id,
  }
}
