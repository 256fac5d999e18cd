import type { FieldAccess, PayloadRequest } from 'payload'

import { isStaffUser, memberUser, relationId } from './roles'

type TierRanks = Map<string, number>

/** Ranks of all club tiers by id, loaded once per request (there are only a handful of tiers). */
const tierRanks = async (req: PayloadRequest): Promise<TierRanks> => {
  const cached = req.context.tierRanks as TierRanks | undefined
  if (cached) return cached
  const { docs } = await req.payload.find({
    collection: 'club-tiers',
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    select: { rank: true },
  })
  const ranks: TierRanks = new Map(docs.map((tier) => [String(tier.id), tier.rank]))
  req.context.tierRanks = ranks
  return ranks
}

type TierRef = null | number | string | undefined | { id: number | string }

/**
 * Whether the signed-in user may see content that requires `requiredTier`.
 * Staff always may; a member may when their current tier ranks at least as high.
 */
export const canSeeTier = async (req: PayloadRequest, requiredTier: TierRef): Promise<boolean> => {
  if (isStaffUser(req.user)) return true
  const member = memberUser(req.user)
  if (!member || member.status !== 'active') return false
  const requiredId = relationId(requiredTier)
  if (requiredId === null) return true
  const ranks = await tierRanks(req)
  const required = ranks.get(String(requiredId))
  if (required === undefined) return false
  const ownId = relationId(member.loyalty?.tier)
  const own = ownId === null ? undefined : ranks.get(String(ownId))
  return own !== undefined && own >= required
}

/**
 * Field-level read access for tier-gated content: the catalogue entry stays visible (so the
 * portal can show it locked, with the tier needed) but the gated fields are withheld.
 *
 * Without a document (Payload asks once per query when it validates `where` and `sort` paths)
 * the tier is unknown, so only staff may filter or sort on gated fields: otherwise a member
 * below the tier could find out what a locked lesson or quiz says by querying for it.
 */
export const tierGatedField: FieldAccess = ({ doc, req }) => {
  if (!doc) return isStaffUser(req.user)
  return canSeeTier(req, (doc as { requiredTier?: TierRef }).requiredTier)
}
