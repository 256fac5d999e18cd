import type { Payload } from 'payload'

import { writeLedger } from '../../plugins/loyalty/services/ledgerWriter'
import { resolveOptions } from '../../plugins/loyalty/types'
import { members } from './content'

/** Earning rules of the demo programme. */
export const earningRules = [
  {
    name: 'Lesson completed',
    points: 10,
    verb: 'lesson.completed' as const,
    creditsOrganisation: false,
  },
  {
    caps: [],
    creditsOrganisation: true,
    name: 'Course completed',
    organisationSharePercent: 50,
    points: 150,
    roleOverrides: [
      { jobRole: 'engineer' as const, points: 200 },
      { jobRole: 'technician' as const, points: 200 },
    ],
    verb: 'course.completed' as const,
  },
  {
    caps: [{ maxPoints: 100, period: 'week' as const }],
    creditsOrganisation: true,
    name: 'Case study read',
    organisationSharePercent: 50,
    points: 25,
    verb: 'case-study.read' as const,
  },
  {
    name: 'Registered for an event',
    points: 10,
    verb: 'event.registered' as const,
    creditsOrganisation: false,
  },
  {
    creditsOrganisation: true,
    name: 'Attended an event',
    organisationSharePercent: 50,
    points: 80,
    verb: 'event.attended' as const,
  },
  {
    creditsOrganisation: false,
    name: 'Colleague joined the club',
    points: 100,
    verb: 'referral.accepted' as const,
  },
  {
    creditsOrganisation: false,
    name: 'Welcome: joined through a colleague',
    points: 50,
    verb: 'referral.joined' as const,
  },
  {
    creditsOrganisation: false,
    name: 'Recommended company became a partner',
    points: 500,
    verb: 'referral.lead-converted' as const,
  },
  {
    name: 'Feedback given',
    points: 20,
    verb: 'feedback.given' as const,
    creditsOrganisation: false,
  },
]

/** The rewards catalogue of the demo programme. */
export const rewards = [
  {
    cost: 300,
    description: 'A Nordwind thermos mug for the van.',
    stock: 200,
    title: 'Thermos mug',
  },
  {
    cost: 500,
    description: 'A €50 voucher for the Nordwind tool shop.',
    title: 'Tool shop voucher (€50)',
  },
  {
    cost: 800,
    description: 'A warm, water-repellent softshell jacket with the Partner Club badge.',
    perMemberLimit: 1,
    stock: 25,
    title: 'Partner Club softshell jacket',
  },
  {
    cost: 1500,
    description:
      'A seat at a hands-on training day at the Kassel training centre, travel included.',
    requiresManagerApproval: true,
    stock: 12,
    title: 'Hands-on training day',
  },
  {
    cost: 2500,
    description:
      'A guided tour of the GeoCore factory with the engineering team. Gold members only.',
    minimumTierKey: 'gold',
    perMemberLimit: 1,
    stock: 8,
    title: 'Factory tour and engineering day',
  },
]

/** Points each demo member starts with, so their tier matches their balance. */
const openingBalance = { bronze: 120, gold: 1650, silver: 620 } as const

/**
 * Seeds the loyalty side of the demo: earning rules, a promotion for this month, the rewards
 * catalogue and opening balances that match the members' tiers (as ledger entries, so every
 * balance equals its ledger). Idempotent like the rest of the seed.
 */
export const seedProgramme = async (
  payload: Payload,
  tierIds: Map<string, number>,
  now: Date,
  count: (kind: 'created' | 'existing', collection: string) => void,
): Promise<void> => {
  for (const rule of earningRules) {
    const found = await payload.count({
      collection: 'loyalty-earning-rules',
      where: { name: { equals: rule.name } },
    })
    if (found.totalDocs > 0) {
      count('existing', 'loyalty-earning-rules')
      continue
    }
    await payload.create({ collection: 'loyalty-earning-rules', data: rule })
    count('created', 'loyalty-earning-rules')
  }

  const promotionName = 'Double points on AeroTherm training'
  if (
    (
      await payload.count({
        collection: 'loyalty-promotions',
        where: { name: { equals: promotionName } },
      })
    ).totalDocs === 0
  ) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, 23, 59, 59))
    await payload.create({
      collection: 'loyalty-promotions',
      data: {
        endsAt: end.toISOString(),
        multiplier: 2,
        name: promotionName,
        startsAt: start.toISOString(),
        tag: 'AeroTherm 12',
        target: 'tag',
      },
    })
    count('created', 'loyalty-promotions')
  } else count('existing', 'loyalty-promotions')

  for (const reward of rewards) {
    if (
      (
        await payload.count({
          collection: 'loyalty-rewards',
          where: { title: { equals: reward.title } },
        })
      ).totalDocs > 0
    ) {
      count('existing', 'loyalty-rewards')
      continue
    }
    const { minimumTierKey, ...data } = reward as typeof reward & { minimumTierKey?: string }
    await payload.create({
      collection: 'loyalty-rewards',
      data: { ...data, minimumTier: minimumTierKey ? (tierIds.get(minimumTierKey) ?? null) : null },
    })
    count('created', 'loyalty-rewards')
  }

  const options = resolveOptions()
  for (const member of members) {
    const { docs } = await payload.find({
      collection: 'members',
      depth: 0,
      limit: 1,
      where: { email: { equals: member.email } },
    })
    const doc = docs[0]
    if (!doc) continue
    const points = openingBalance[member.tierKey as keyof typeof openingBalance] ?? 0
    const written = await writeLedger(payload, options, [
      {
        account: 'member',
        amount: points,
        idempotencyKey: `seed:opening:${member.email}`,
        kind: 'adjust',
        member: doc.id,
        organisation: typeof doc.partner === 'object' ? doc.partner.id : doc.partner,
        qualifyingAmount: points,
        reason: 'Points carried over from the previous programme',
      },
    ])
    count(written.created ? 'created' : 'existing', 'loyalty-ledger')
  }
}
