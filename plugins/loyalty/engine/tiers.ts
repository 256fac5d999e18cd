import type { Tier, TierDecision, TierInput, TierProgress } from './types'

import { addDaysUTC, addMonthsUTC } from './calendar'
import { formatDate, formatNumber, pluralise } from './format'
import { clamp, cleanDecimal } from './numbers'

/** Tiers from the lowest rank to the highest, without changing the input. */
const byRank = (tiers: Tier[]): Tier[] => [...tiers].sort((a, b) => a.rank - b.rank)

/** The tier with this id (ids compare as text, so 3 and '3' match), or null. */
const findTier = (tiers: Tier[], id: null | number | string): null | Tier =>
  id === null ? null : (tiers.find((tier) => String(tier.id) === String(id)) ?? null)

/**
 * Decides whether a member or organisation moves up, moves down or stays.
 *
 * A tier is eligible when the qualifying points reach its threshold and its organisation
 * requirement is not known to be unmet; the target is the highest-ranked eligible tier.
 * - Upgrades are immediate: a new qualifying period starts now.
 * - Downgrades wait: the current tier is kept until its qualifying period (tierSince plus the
 *   tier's qualifyingMonths) has ended and `graceDays` more days have passed; then the member
 *   moves to the target (or to no tier) and a new period starts now.
 * - When the period and the grace have passed and the target is the current tier, the tier is
 *   confirmed and a new period starts now (change 'none').
 * - Without a recorded tierSince nothing is downgraded.
 * The reason is a sentence for the member, with en-GB numbers and dates in UTC.
 */
export const evaluateTier = (input: TierInput): TierDecision => {
  const tiers = byRank(input.tiers)
  const { now, qualifying } = input
  const points = formatNumber(qualifying)
  const eligible = (tier: Tier): boolean =>
    qualifying >= tier.threshold && input.organisationRequirementMet?.[String(tier.id)] !== false
  const target = tiers.filter(eligible).at(-1) ?? null
  const current = findTier(tiers, input.currentTierId)

  if (current === null) {
    if (target !== null) {
      return {
        change: 'upgrade',
        reason: `Reached ${target.name} with ${points} qualifying points.`,
        tierId: target.id,
        tierSince: now,
      }
    }
    if (input.currentTierId !== null) {
      return {
        change: 'downgrade',
        reason: 'Your tier is no longer offered by the club.',
        tierId: null,
        tierSince: now,
      }
    }
    const lowest = tiers[0]
    return {
      change: 'none',
      reason: lowest
        ? `No tier yet: ${lowest.name} needs ${formatNumber(lowest.threshold)} qualifying points; you have ${points}.`
        : 'The club has no tiers.',
      tierId: null,
      tierSince: input.tierSince,
    }
  }

  if (target !== null && target.rank > current.rank) {
    return {
      change: 'upgrade',
      reason: `Reached ${target.name} with ${points} qualifying points.`,
      tierId: target.id,
      tierSince: now,
    }
  }

  const keep = (reason: string, tierSince: Date | null = input.tierSince): TierDecision => ({
    change: 'none',
    reason,
    tierId: current.id,
    tierSince,
  })
  const stays = target !== null && target.rank === current.rank

  if (input.tierSince === null) {
    return keep(
      stays
        ? `${current.name} with ${points} qualifying points.`
        : `${current.name} is kept: no start of its qualifying period is recorded.`,
    )
  }

  const periodEnd = addMonthsUTC(input.tierSince, current.qualifyingMonths)
  const decisionDate = addDaysUTC(periodEnd, input.graceDays)
  const periodOver = now.getTime() >= decisionDate.getTime()
  const months = pluralise(current.qualifyingMonths, 'month')

  if (stays) {
    return periodOver
      ? keep(`${current.name} confirmed for another ${months}.`, now)
      : keep(`${current.name} with ${points} qualifying points.`)
  }

  const shortfall =
    qualifying >= current.threshold
      ? `the organisation requirement for ${current.name} is not met`
      : `${current.name} needs ${formatNumber(current.threshold)}`
  if (!periodOver) {
    return keep(
      `You keep ${current.name} until ${formatDate(decisionDate)}: ${points} qualifying points so far; ${shortfall}.`,
    )
  }
  return {
    change: 'downgrade',
    reason: `${target?.name ?? 'No tier'} from ${formatDate(now)}: ${points} qualifying points in the last ${months}; ${shortfall}.`,
    tierId: target?.id ?? null,
    tierSince: now,
  }
}

/**
 * How far a member is from the next tier. The next tier is the lowest one ranked above the
 * current tier; without a current tier, above the highest tier whose threshold the qualifying
 * points reach (or the lowest tier when they reach none). `percent` is whole-number progress,
 * rounded down, from the threshold of that starting tier (0 when there is none) to the next
 * threshold. At the top: no next tier, 0 points needed, 100 %.
 */
export const progressToNextTier = (
  tiers: Tier[],
  currentTierId: null | number | string,
  qualifying: number,
): TierProgress => {
  const sorted = byRank(tiers)
  const from =
    findTier(sorted, currentTierId) ??
    sorted.filter((tier) => tier.threshold <= qualifying).at(-1) ??
    null
  const nextTier =
    from === null ? (sorted[0] ?? null) : (sorted.find((t) => t.rank > from.rank) ?? null)
  if (nextTier === null) return { nextTier: null, percent: 100, pointsNeeded: 0 }

  const pointsNeeded = Math.max(0, nextTier.threshold - qualifying)
  if (pointsNeeded === 0) return { nextTier, percent: 100, pointsNeeded }
  const start = from?.threshold ?? 0
  const span = nextTier.threshold - start
  const percent =
    span <= 0 ? 0 : clamp(Math.floor(cleanDecimal((100 * (qualifying - start)) / span)), 0, 99)
  return { nextTier, percent, pointsNeeded }
}
