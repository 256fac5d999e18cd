import type { CollectionSlug, Payload } from 'payload'

import type { Tier } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'

import { cached } from './cache'

type ID = number | string

/** A member as the loyalty services need it. */
export type MemberSnapshot = {
  id: ID
  jobRole: string
  organisation: ID | null
  spendable: number
  qualifying: number
  lifetime: number
  status: string
  tierId: ID | null
  tierSince: Date | null
}

const relationId = (value: unknown): ID | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: ID }).id ?? null) as ID | null
  return value as ID
}

type LoyaltyGroup = {
  lifetime?: null | number
  qualifying?: null | number
  spendable?: null | number
  tier?: unknown
  tierSince?: null | string
}

/** Loads a member's job role, organisation, balances and tier (no access checks). */
export const loadMember = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
): Promise<MemberSnapshot | null> => {
  const doc = (await payload.findByID({
    collection: options.members,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    select: {
      [options.jobRoleField]: true,
      [options.organisationField]: true,
      loyalty: true,
      status: true,
    },
  })) as null | Record<string, unknown>
  if (!doc) return null
  const loyalty = (doc.loyalty ?? {}) as LoyaltyGroup
  return {
    id: doc.id as ID,
    jobRole: String(doc[options.jobRoleField] ?? ''),
    lifetime: loyalty.lifetime ?? 0,
    organisation: relationId(doc[options.organisationField]),
    qualifying: loyalty.qualifying ?? 0,
    spendable: loyalty.spendable ?? 0,
    status: String(doc.status ?? 'active'),
    tierId: relationId(loyalty.tier),
    tierSince: loyalty.tierSince ? new Date(loyalty.tierSince) : null,
  }
}

/** All club tiers, sorted by rank. */
export const loadTiers = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
): Promise<Tier[]> =>
  cached(payload, `tiers:${options.tiers}`, async () => {
    const { docs } = await payload.find({
      collection: options.tiers,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'rank',
    })
    return (docs as unknown as Record<string, unknown>[]).map((doc) => ({
      id: doc.id as ID,
      multiplier: Number(doc.multiplier ?? 1),
      name: String(doc.name ?? ''),
      qualifyingMonths: Number(doc.qualifyingMonths ?? 12),
      rank: Number(doc.rank ?? 0),
      threshold: Number(doc.threshold ?? 0),
    }))
  })

/** Title and tags of a content document, for reasons, rule filters and promotions. */
export const loadObject = async (
  payload: Payload,
  collection: CollectionSlug,
  id: ID,
): Promise<null | { doc: Record<string, unknown>; tags: string[]; title: string }> => {
  // Only what reasons, rule filters and promotions need: never the (large) content itself.
  const doc = (await payload.findByID({
    collection,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    select: { name: true, productTags: true, products: true, tags: true, title: true },
  })) as null | Record<string, unknown>
  if (!doc) return null
  const tags = ['productTags', 'products', 'tags']
    .flatMap((field) => (Array.isArray(doc[field]) ? (doc[field] as unknown[]) : []))
    .map(String)
  return { doc, tags, title: String(doc.title ?? doc.name ?? `#${id}`) }
}
