import type { ActivePromotion } from './types'

/** What an action is about: the content document and its tags. */
export type ActionObject = {
  collection: string
  id: number | string
  tags: string[]
}

/** An earning rule's filter, as stored. */
export type RuleCandidate = {
  activeFrom?: Date | null | string
  activeUntil?: Date | null | string
  enabled?: boolean | null
  filter?: null | { collection?: null | string; documentId?: null | string; tag?: null | string }
  id: number | string
}

/** A promotion as stored. */
export type PromotionCandidate = {
  collection?: null | string
  documentId?: null | string
  enabled?: boolean | null
  endsAt: Date | string
  id: number | string
  jobRole?: null | string
  multiplier: number
  name: string
  startsAt: Date | string
  tag?: null | string
  target: 'all' | 'document' | 'jobRole' | 'tag'
}

const within = (
  now: Date,
  from: Date | null | string | undefined,
  until: Date | null | string | undefined,
): boolean =>
  (!from || new Date(from).getTime() <= now.getTime()) &&
  (!until || new Date(until).getTime() >= now.getTime())

/**
 * How specifically a rule matches an object: 3 for the document itself, 2 for one of its tags,
 * 1 for its collection, 0 for a rule without a filter; -1 when it does not match at all.
 */
export const ruleSpecificity = (rule: RuleCandidate, object: ActionObject): number => {
  const filter = rule.filter ?? {}
  if (filter.collection && filter.collection !== object.collection) return -1
  if (filter.documentId) return filter.documentId === String(object.id) ? 3 : -1
  if (filter.tag) return object.tags.includes(filter.tag) ? 2 : -1
  return filter.collection ? 1 : 0
}

/**
 * The rule that applies to an action: among enabled rules active at `now` that match the
 * object, the most specific one (document > tag > collection > any); ties go to the lowest id,
 * so the choice is stable. Null when no rule applies (the action earns nothing).
 */
export const selectRule = <T extends RuleCandidate>(
  rules: T[],
  object: ActionObject,
  now: Date,
): null | T => {
  let best: null | T = null
  let bestScore = -1
  for (const rule of rules) {
    if (rule.enabled === false || !within(now, rule.activeFrom, rule.activeUntil)) continue
    const score = ruleSpecificity(rule, object)
    if (score < 0) continue
    if (
      score > bestScore ||
      (score === bestScore && best !== null && String(rule.id) < String(best.id))
    ) {
      best = rule
      bestScore = score
    }
  }
  return best
}

/** The promotions that apply to an action by a member with `jobRole` at `now`. */
export const matchingPromotions = (
  promotions: PromotionCandidate[],
  object: ActionObject,
  jobRole: string,
  now: Date,
): ActivePromotion[] =>
  promotions
    .filter(
      (promotion) =>
        promotion.enabled !== false && within(now, promotion.startsAt, promotion.endsAt),
    )
    .filter((promotion) => {
      switch (promotion.target) {
        case 'all':
          return true
        case 'document':
          return (
            (!promotion.collection || promotion.collection === object.collection) &&
            promotion.documentId === String(object.id)
          )
        case 'jobRole':
          return promotion.jobRole === jobRole
        case 'tag':
          return Boolean(promotion.tag && object.tags.includes(promotion.tag))
      }
    })
    .map((promotion) => ({ multiplier: promotion.multiplier, name: promotion.name }))
