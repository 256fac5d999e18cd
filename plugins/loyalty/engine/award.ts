import type {
  ActivePromotion,
  AwardDecision,
  AwardInput,
  AwardLabels,
  AwardStep,
  CapPeriod,
} from './types'

import { addDaysUTC, startOfDayUTC } from './calendar'
import { formatNumber } from './format'
import { clamp, cleanDecimal, roundHalfUp } from './numbers'

const capLabels: Record<CapPeriod, string> = {
  day: 'Daily',
  month: 'Monthly',
  total: 'Lifetime',
  week: 'Weekly',
}

const assertFinite = (value: number, what: string): void => {
  if (!Number.isFinite(value))
    throw new RangeError(`${what} must be a finite number (got ${value}).`)
}

/** The promotion with the highest multiplier above 1 (the first one on a tie), or null. */
const bestPromotion = (promotions: ActivePromotion[]): ActivePromotion | null => {
  let best: ActivePromotion | null = null
  for (const promotion of promotions) {
    assertFinite(promotion.multiplier, `The multiplier of "${promotion.name}"`)
    if (promotion.multiplier > 1 && (best === null || promotion.multiplier > best.multiplier)) {
      best = promotion
    }
  }
  return best
}

/**
 * Points one earning event gives a member and their organisation, with the steps that explain
 * them. The order is fixed:
 *
 * 1. base: the rule's points for the member's job role if the rule overrides it, else its points
 * 2. promotions: only the single highest multiplier applies (promotions never stack; a multiplier
 *    of 1 or less is ignored)
 * 3. × the tier multiplier
 * 4. round half up to whole points, once, after all multiplying
 * 5. caps: for each cap, remaining = max(0, maxPoints − points already awarded in its period); the
 *    award is the smallest of itself and every remaining allowance (`capped` when that reduced it)
 * 6. organisation points = round(member points × share / 100); 0 when the rule shares nothing
 *
 * `steps` starts with the base and then lists each step that changed the running total. Member
 * points are never negative; the share is limited to 0–100 %. `labels.tierName` names the tier in
 * the tier step ("Gold tier ×1.25").
 */
export const computeAward = (input: AwardInput, labels: AwardLabels = {}): AwardDecision => {
  const { rule } = input
  const steps: AwardStep[] = []

  const override = rule.roleOverrides.find((candidate) => candidate.jobRole === input.jobRole)
  const base = override ? override.points : rule.points
  assertFinite(base, `The points of "${rule.name}"`)
  let value = Math.max(0, base)
  steps.push({ detail: override ? `${rule.name} (${input.jobRole})` : rule.name, points: value })

  const promotion = bestPromotion(input.promotions)
  if (promotion) {
    value = cleanDecimal(value * promotion.multiplier)
    steps.push({
      detail: `${promotion.name} ×${formatNumber(promotion.multiplier)}`,
      points: value,
    })
  }

  assertFinite(input.tierMultiplier, 'The tier multiplier')
  if (input.tierMultiplier !== 1) {
    value = cleanDecimal(Math.max(0, value * input.tierMultiplier))
    const name = labels.tierName ? `${labels.tierName} tier` : 'Tier bonus'
    steps.push({ detail: `${name} ×${formatNumber(input.tierMultiplier)}`, points: value })
  }

  let memberPoints = roundHalfUp(value)
  if (memberPoints !== value)
    steps.push({ detail: 'Rounded to whole points', points: memberPoints })

  let capped = false
  for (const cap of rule.caps) {
    const already = input.alreadyAwarded[cap.period] ?? 0
    const remaining = Math.max(0, Math.floor(cap.maxPoints - already))
    if (remaining < memberPoints) {
      memberPoints = remaining
      capped = true
      steps.push({
        detail: `${capLabels[cap.period]} cap of ${formatNumber(cap.maxPoints)} reached`,
        points: memberPoints,
      })
    }
  }

  const share = rule.organisationSharePercent
  const organisationPoints =
    share === null ? 0 : roundHalfUp((memberPoints * clamp(share, 0, 100)) / 100)

  return { capped, memberPoints, organisationPoints, promotion, steps }
}

/**
 * Start (UTC) of the cap period that contains `now`: midnight of the day, Monday midnight of the
 * ISO week, midnight of the first of the month; null for 'total', which has no start.
 */
export const capPeriodStart = (period: CapPeriod, now: Date): Date | null => {
  const day = startOfDayUTC(now)
  switch (period) {
    case 'day':
      return day
    case 'week':
      return addDaysUTC(day, -((day.getUTCDay() + 6) % 7))
    case 'month':
      day.setUTCDate(1)
      return day
    case 'total':
      return null
    default: {
      const unknownPeriod: never = period
      throw new RangeError(`Unknown cap period: ${String(unknownPeriod)}.`)
    }
  }
}
