import type { Payload } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { addMonthsUTC } from '../engine/calendar'
import { evaluateTier } from '../engine/tiers'
import { loadTiers } from './context'
import { organisationRequirementsMet } from './organisationTiers'
import { recomputeQualifying } from './sums'
import { recordTierChange } from './tierChanges'

type ID = number | string

export type TierReviewResult = { confirmed: number; downgraded: number; reviewed: number }

/**
 * The periodic tier review. For every member and organisation holding a tier: the cached
 * qualifying points are recomputed over the tier's window (points leave the window as they age),
 * then the tier is evaluated; a downgrade applies only once the qualifying period and the grace
 * period are over, and every change is recorded with its reason.
 */
export const reviewTiers = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  now: Date,
): Promise<TierReviewResult> => {
  const tiers = await loadTiers(payload, options)
  const result: TierReviewResult = { confirmed: 0, downgraded: 0, reviewed: 0 }
  for (const [account, collection] of [
    ['member', options.members],
    ['organisation', options.organisations],
  ] as const) {
    let page = 1
    for (;;) {
      const { docs, hasNextPage } = await payload.find({
        collection,
        depth: 0,
        limit: 500,
        overrideAccess: true,
        page,
        where: { 'loyalty.tier': { exists: true } },
      })
      for (const doc of docs as unknown as {
        id: ID
        loyalty?: { tier?: ID | null; tierSince?: null | string }
      }[]) {
        const tierId = doc.loyalty?.tier ?? null
        const tier = tiers.find((candidate) => String(candidate.id) === String(tierId))
        if (!tier) continue
        result.reviewed += 1
        const qualifying = await recomputeQualifying(
          payload,
          collection,
          account,
          doc.id,
          addMonthsUTC(now, -tier.qualifyingMonths),
        )
        const decision = evaluateTier({
          currentTierId: tierId,
          graceDays: options.downgradeGraceDays,
          now,
          organisationRequirementMet:
            account === 'organisation'
              ? await organisationRequirementsMet(payload, options, doc.id)
              : undefined,
          qualifying,
          tierSince: doc.loyalty?.tierSince ? new Date(doc.loyalty.tierSince) : null,
          tiers,
        })
        const since = decision.tierSince?.toISOString() ?? null
        if (decision.change === 'none' && since === (doc.loyalty?.tierSince ?? null)) continue
        await payload.db.updateOne({
          collection,
          data: { loyalty: { tier: decision.tierId, tierSince: since } },
          id: doc.id,
          returning: false,
        })
        await recordTierChange(
          payload,
          {
            account,
            change: decision.change,
            fromTier: tierId,
            holder: doc.id,
            reason: decision.reason,
            toTier: decision.tierId,
          },
          tiers,
          now,
        )
        if (decision.change === 'downgrade') result.downgraded += 1
        else result.confirmed += 1
      }
      if (!hasNextPage) break
      page += 1
    }
  }
  return result
}
