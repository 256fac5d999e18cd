import type { RedemptionCheck, RedemptionMember, RewardTerms } from './types'

import { formatNumber, pluralise } from './format'

/**
 * Whether a member may redeem a reward now. Checks, in this order, and answers with the first
 * that fails (messages are shown to the member as they are):
 *
 * 1. outside the active window (activeFrom and activeUntil both inclusive) → conflict
 * 2. tier below the minimum tier rank, or no tier → forbidden
 * 3. the member's redemption limit reached → conflict
 * 4. no stock left → conflict
 * 5. not enough spendable points → conflict, saying how many are missing
 */
export const checkRedemption = (
  terms: RewardTerms,
  member: RedemptionMember,
  now: Date,
): RedemptionCheck => {
  const time = now.getTime()
  const notYet = terms.activeFrom != null && time < terms.activeFrom.getTime()
  const over = terms.activeUntil != null && time > terms.activeUntil.getTime()
  if (notYet || over) {
    return { code: 'conflict', message: 'This reward is not available at the moment.', ok: false }
  }
  if (
    terms.minimumTierRank !== null &&
    (member.tierRank === null || member.tierRank < terms.minimumTierRank)
  ) {
    return { code: 'forbidden', message: 'This reward needs a higher club tier.', ok: false }
  }
  if (terms.perMemberLimit !== null && member.redeemedCount >= terms.perMemberLimit) {
    return {
      code: 'conflict',
      message: `You have already redeemed this reward the maximum number of times (${formatNumber(terms.perMemberLimit)}).`,
      ok: false,
    }
  }
  if (terms.stock !== null && terms.stock <= 0) {
    return { code: 'conflict', message: 'This reward is out of stock.', ok: false }
  }
  if (member.spendable < terms.cost) {
    const missing = pluralise(terms.cost - member.spendable, 'more point')
    return { code: 'conflict', message: `You need ${missing} for this reward.`, ok: false }
  }
  return { ok: true }
}
