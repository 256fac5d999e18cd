import type { CollectionSlug, Payload } from 'payload'

import { eq } from 'drizzle-orm'

import type { Tier } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'

import { loyaltySlugs } from '../types'
import { cached } from './cache'
import { HttpError } from '../utilities/http'
import { relationId } from '../utilities/ids'
import { sqlAccess } from './sqlDatabase'

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
  return doc ? memberSnapshot(doc, options) : null
}

/**
 * A member document (as read by Payload, at any depth) as the loyalty services need it. The
 * endpoints use it on `req.user`, which Payload's auth has just read from the database.
 */
export const memberSnapshot = (
  doc: Record<string, unknown>,
  options: ResolvedLoyaltyOptions,
): MemberSnapshot => {
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

/** The cache prefix of a content document; the plugin clears it when the document changes. */
export const contentCacheKey = (collection: string, id?: ID) =>
  id === undefined ? `content:${collection}:` : `content:${collection}:${id}:`

/**
 * Title and tags of a content document, for reasons, rule filters and promotions (cached like
 * the reference data, and cleared when the document changes).
 */
export const loadObject = (
  payload: Payload,
  collection: CollectionSlug,
  id: ID,
): Promise<null | { doc: Record<string, unknown>; tags: string[]; title: string }> =>
  cached(payload, `${contentCacheKey(collection, id)}object`, () =>
    readObject(payload, collection, id),
  )

const readObject = async (
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

/**
 * Refuses (403, naming the tier) a member whose tier ranks below the content's required tier;
 * content without a required tier is open to every member.
 */
export const assertTierAccess = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  member: MemberSnapshot,
  requiredTier: unknown,
  what: string,
): Promise<void> => {
  const required = relationId(requiredTier)
  if (required === null) return
  const tiers = await loadTiers(payload, options)
  const find = (id: ID | null) => tiers.find((tier) => String(tier.id) === String(id))
  if ((find(member.tierId)?.rank ?? -Infinity) < (find(required)?.rank ?? -Infinity)) {
    throw new HttpError(
      403,
      `This ${what} is for ${find(required)?.name ?? 'higher-tier'} members and above.`,
    )
  }
}

/** Every enabled earning rule (cached; cleared when a rule changes). */
export const loadEnabledRules = (payload: Payload): Promise<Record<string, unknown>[]> =>
  cached(payload, 'rules:enabled', async () => {
    const { docs } = await payload.find({
      collection: loyaltySlugs.earningRules,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      where: { enabled: { equals: true } },
    })
    return docs as unknown as Record<string, unknown>[]
  })

/**
 * Every enabled promotion not over when loaded (cached; cleared when a promotion changes). The
 * engine checks each promotion's window against the moment of the award.
 */
export const loadOpenPromotions = (payload: Payload): Promise<Record<string, unknown>[]> =>
  cached(payload, 'promotions:open', async () => {
    const { docs } = await payload.find({
      collection: loyaltySlugs.promotions,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      where: {
        and: [
          { enabled: { equals: true } },
          { endsAt: { greater_than_equal: new Date().toISOString() } },
        ],
      },
    })
    return docs as unknown as Record<string, unknown>[]
  })

/** An organisation as the balance page shows it. */
export type OrganisationSummary = {
  id: ID
  name: string
  spendable: number
  tierId: ID | null
}

/** An organisation's name (its `useAsTitle` field), points and tier, in one read. */
export const loadOrganisationSummary = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
): Promise<null | OrganisationSummary> => {
  const titleField = payload.collections[options.organisations]?.config.admin?.useAsTitle ?? 'id'
  const sql = sqlAccess(payload)
  if (sql) {
    const table = sql.table(options.organisations)
    const rows = await sql.db
      .select({
        id: table.id,
        name: table[titleField] ?? table.id,
        spendable: table.loyalty_spendable,
        tierId: table.loyalty_tier,
      })
      .from(table)
      .where(eq(table.id, id))
    const row = rows[0]
    return row
      ? {
          id: row.id as ID,
          name: String(row.name ?? ''),
          spendable: Number(row.spendable ?? 0),
          tierId: (row.tierId as ID | null) ?? null,
        }
      : null
  }
  const doc = (await payload.findByID({
    collection: options.organisations,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    select: { [titleField]: true, loyalty: true },
  })) as null | Record<string, unknown>
  if (!doc) return null
  const loyalty = (doc.loyalty ?? {}) as LoyaltyGroup
  return {
    id: doc.id as ID,
    name: String(doc[titleField] ?? ''),
    spendable: loyalty.spendable ?? 0,
    tierId: relationId(loyalty.tier),
  }
}
