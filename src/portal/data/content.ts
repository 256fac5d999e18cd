import type { Where } from 'payload'

import { cache } from 'react'

import type { ClubTier, Media } from '../../payload-types'

import { requireMember } from './session'

type ID = number | string

/** All club tiers, lowest first (members may read them). */
export const clubTiers = cache(async (): Promise<ClubTier[]> => {
  const { member, payload } = await requireMember()
  const { docs } = await payload.find({
    collection: 'club-tiers',
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    sort: 'rank',
    user: member,
  })
  return docs
})

const idOf = (value: ID | null | undefined | { id: ID }): null | string =>
  value === null || value === undefined ? null : String(typeof value === 'object' ? value.id : value)

/** Tier lookups for content gating: the tier a document needs and whether the member has it. */
export const tierGate = async () => {
  const [{ member }, tiers] = await Promise.all([requireMember(), clubTiers()])
  const ownId = idOf(member.loyalty?.tier)
  const own = tiers.find((tier) => String(tier.id) === ownId) ?? null
  const find = (ref: ClubTier | ID | null | undefined) => tiers.find((tier) => String(tier.id) === idOf(ref)) ?? null
  return {
    /** The tier the member lacks for this document, or null when it is open to them. */
    missingTier: (required: ClubTier | ID | null | undefined): ClubTier | null => {
      const needed = find(required)
      if (!needed) return null
      return own && own.rank >= needed.rank ? null : needed
    },
    own,
    tierName: (ref: ClubTier | ID | null | undefined): null | string => find(ref)?.name ?? null,
  }
}

/** The URL and alt text of an upload that was populated (depth ≥ 1). */
export const mediaOf = (value: Media | number | null | undefined): null | { alt: string; url: string } =>
  value && typeof value === 'object' && value.url ? { alt: value.alt ?? '', url: value.url } : null

/** The member's own progress records on one collection (lessons, quiz, course, reading). */
export const progressOn = async (collection: string, documentId?: ID) => {
  const { member, payload } = await requireMember()
  const where: Where = { and: [{ collection: { equals: collection } }] }
  if (documentId !== undefined) where.and?.push({ documentId: { equals: String(documentId) } })
  const { docs } = await payload.find({
    collection: 'loyalty-progress',
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    user: member,
    where,
  })
  return docs
}
