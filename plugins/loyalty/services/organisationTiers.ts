import type { Payload, PayloadRequest } from 'payload'

import type { Tier } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'

import { evaluateTier } from '../engine/tiers'
import { loyaltySlugs } from '../types'
import { relationId } from '../utilities/ids'
import { recordTierChange } from './tierChanges'

type ID = number | string

type Requirement = {
  certificateCourse?: ID | null | { id: ID }
  jobRole?: null | string
  minimumCertifiedMembers?: null | number
}

/**
 * For each tier with an organisation requirement (the tier's `organisationRequirement` group:
 * `minimumCertifiedMembers`, `certificateCourse`, optional `jobRole`), whether the organisation
 * meets it: enough of its current members hold that course's certificate. Pass `req` to read
 * inside its transaction (a move counts the people after it).
 */
export const organisationRequirementsMet = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  organisationId: ID,
  req?: PayloadRequest,
): Promise<Record<string, boolean>> => {
  const { docs: tiers } = await payload.find({
    collection: options.tiers,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  const met: Record<string, boolean> = {}
  for (const tier of tiers as unknown as { id: ID; organisationRequirement?: Requirement }[]) {
    const requirement = tier.organisationRequirement
    const needed = requirement?.minimumCertifiedMembers ?? 0
    const course = relationId(requirement?.certificateCourse)
    if (!needed || course === null || !options.courses) continue
    const { docs: people } = await payload.find({
      collection: options.members,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { [options.jobRoleField]: true },
      where: {
        and: [
          { [options.organisationField]: { equals: organisationId } },
          ...(requirement?.jobRole
            ? [{ [options.jobRoleField]: { equals: requirement.jobRole } }]
            : []),
        ],
      },
    })
    if (people.length < needed) {
      met[String(tier.id)] = false
      continue
    }
    const { totalDocs } = await payload.count({
      collection: loyaltySlugs.progress,
      overrideAccess: true,
      req,
      where: {
        and: [
          { collection: { equals: options.courses } },
          { documentId: { equals: String(course) } },
          { item: { equals: 'course' } },
          { certificateCode: { exists: true } },
          { member: { in: people.map((person) => person.id) } },
        ],
      },
    })
    met[String(tier.id)] = totalDocs >= needed
  }
  return met
}

/**
 * Upgrades an organisation at once when its qualifying points and the tier's organisation
 * requirement allow a higher tier; records the change with its reason.
 */
export const applyOrganisationTierUpgrade = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  organisationId: ID,
  tiers: Tier[],
  now: Date,
): Promise<null | { reason: string; tierId: ID }> => {
  const doc = (await payload.findByID({
    collection: options.organisations,
    depth: 0,
    disableErrors: true,
    id: organisationId,
    overrideAccess: true,
    select: { loyalty: true },
  })) as null | { loyalty?: { qualifying?: number; tier?: ID | null; tierSince?: null | string } }
  if (!doc) return null
  const currentTierId = relationId(doc.loyalty?.tier)
  const decision = evaluateTier({
    currentTierId,
    graceDays: options.downgradeGraceDays,
    now,
    organisationRequirementMet: await organisationRequirementsMet(payload, options, organisationId),
    qualifying: doc.loyalty?.qualifying ?? 0,
    tierSince: doc.loyalty?.tierSince ? new Date(doc.loyalty.tierSince) : null,
    tiers,
  })
  if (decision.change !== 'upgrade' || decision.tierId === null) return null
  await payload.db.updateOne({
    collection: options.organisations,
    data: {
      loyalty: { tier: decision.tierId, tierSince: (decision.tierSince ?? now).toISOString() },
    },
    id: organisationId,
    returning: false,
  })
  await recordTierChange(
    payload,
    {
      account: 'organisation',
      change: 'upgrade',
      fromTier: currentTierId,
      holder: organisationId,
      reason: decision.reason,
      toTier: decision.tierId,
    },
    tiers,
    now,
  )
  return { reason: decision.reason, tierId: decision.tierId }
}
