import type { Payload } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'

export const faultPassword = 'fault-password-1'

export type FaultProgramme = {
  courseId: number
  lessonIds: string[]
  members: { email: string; id: number; partner: number }[]
  partners: number[]
  reward: { cost: number; id: number; perMemberLimit: number; stock: number }
  ruleId: number
}

/**
 * A small programme for the fault tests, through the Local API: a tier, two companies, the
 * earning rule for `lesson.completed` (10 points, half again for the company), a course of
 * `lessons` lessons without a minimum time, members split between the companies, and a reward
 * with limited stock and a per-member limit.
 */
export const seedFaultProgramme = async (
  payload: Payload,
  options: { lessons: number; members: number; reward: { cost: number; stock: number } },
): Promise<FaultProgramme> => {
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const body = convertMarkdownToLexical({ editorConfig, markdown: 'Why **flow** matters.' })
  const tier = await payload.create({
    collection: 'club-tiers',
    data: { multiplier: 1, name: 'Bronze', qualifyingMonths: 12, rank: 1, threshold: 0 },
  })
  const partners = [
    await payload.create({
      collection: 'partners',
      data: { name: 'Fault Installations', region: 'dach', type: 'installer' },
    }),
    await payload.create({
      collection: 'partners',
      data: { name: 'Fault Distribution', region: 'benelux', type: 'distributor' },
    }),
  ].map((partner) => partner.id)
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
      estimatedMinutes: 60,
      lessons: Array.from({ length: options.lessons }, (_, index) => ({
        body,
        minimumSeconds: 0,
        title: `Lesson ${index + 1}`,
      })),
      level: 'foundation',
      slug: 'fault-course',
      summary: 'A course for the fault tests',
      title: 'Faults, lesson by lesson',
    },
  })
  const perMemberLimit = 3
  const reward = await payload.create({
    collection: 'loyalty-rewards',
    data: {
      cost: options.reward.cost,
      perMemberLimit,
      stock: options.reward.stock,
      title: 'Tool voucher',
    },
  })
  // Password hashing (pbkdf2, 600,000 rounds) runs on the libuv pool: all at once keeps both
  // cores busy. Without a transaction each: on SQLite, write transactions of one process take
  // turns (src/db/sqliteWrites.ts), so the hashes inside them would run one after another.
  const members = await Promise.all(
    Array.from({ length: options.members }, async (_, index) => {
      const email = `member${index + 1}@faults.example`
      const partner = partners[index % partners.length]
      const doc = await payload.create({
        collection: 'members',
        disableTransaction: true,
        data: {
          email,
          jobRole: 'engineer',
          loyalty: { tier: tier.id },
          name: `Member ${index + 1}`,
          partner,
          password: faultPassword,
        },
      })
      return { email, id: doc.id, partner }
    }),
  )
  return {
    courseId: course.id,
    lessonIds: (course.lessons ?? []).map((lesson) => String(lesson.id)),
    members,
    partners,
    reward: { ...options.reward, id: reward.id, perMemberLimit },
    ruleId: rule.id,
  }
}
