import type { CollectionSlug, Payload, Where } from 'payload'

import type { Tier } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'
import { type MemberSnapshot, loadEnabledRules, loadOpenPromotions } from './context'

import { type PromotionCandidate, matchingPromotions, selectRule } from '../engine/matching'
import { nextBestActions } from '../engine/nextActions'
import { loyaltySlugs } from '../types'

type ID = number | string

export type NextAction = {
  collection: string
  id: string
  kind: string
  points: number
  title: string
}

type RuleDoc = {
  id: ID
  points: number
  roleOverrides?: null | { jobRole: string; points: number }[]
}

/**
 * What the member could do next that earns the most: courses not yet completed (that their tier
 * opens), case studies not yet read and upcoming events not yet attended, each with the points the
 * rule, the best promotion and the tier multiplier would give (caps are not predicted).
 */
export const nextBestActionsFor = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  member: MemberSnapshot,
  tiers: Tier[],
  now: Date,
  limit: number,
): Promise<NextAction[]> => {
  const sources: { collection: CollectionSlug | false; doneItem: string; verb: string }[] = [
    { collection: options.courses, doneItem: 'course', verb: 'course.completed' },
    { collection: options.caseStudies, doneItem: 'read', verb: 'case-study.read' },
    { collection: options.events, doneItem: 'attended', verb: 'event.attended' },
  ]
  const [rules, promotions, { docs: progress }] = await Promise.all([
    loadEnabledRules(payload),
    loadOpenPromotions(payload),
    payload.find({
      collection: loyaltySlugs.progress,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { collection: true, completedAt: true, documentId: true, item: true },
      where: { and: [{ member: { equals: member.id } }, { completedAt: { exists: true } }] },
    }),
  ])
  const done = new Set(
    (progress as unknown as { collection: string; documentId: string; item: string }[]).map(
      (record) => `${record.collection}:${record.documentId}:${record.item}`,
    ),
  )
  if (options.events) {
    const { docs: attended } = await payload.find({
      collection: loyaltySlugs.registrations,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { eventId: true },
      where: { and: [{ member: { equals: member.id } }, { status: { equals: 'attended' } }] },
    })
    for (const registration of attended as unknown as { eventId: string }[]) {
      done.add(`${options.events}:${registration.eventId}:attended`)
    }
  }
  const tier = tiers.find((candidate) => String(candidate.id) === String(member.tierId)) ?? null
  const rank = (id: unknown) => tiers.find((candidate) => String(candidate.id) === String(id))?.rank
  const ownRank = tier?.rank ?? -Infinity
  const candidates: NextAction[] = []
  for (const source of sources) {
    if (!source.collection) continue
    const verbRules = (rules as unknown as (RuleDoc & { verb: string })[]).filter(
      (rule) => rule.verb === source.verb,
    )
    if (verbRules.length === 0) continue
    const where: Where =
      source.collection === options.events
        ? {
            and: [
              { _status: { equals: 'published' } },
              { endsAt: { greater_than: now.toISOString() } },
            ],
          }
        : { _status: { equals: 'published' } }
    const { docs } = await payload.find({
      collection: source.collection,
      depth: 0,
      limit: 50,
      overrideAccess: true,
      pagination: false,
      select: { productTags: true, products: true, requiredTier: true, tags: true, title: true },
      where,
    })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      const required = rank(doc.requiredTier)
      if (required !== undefined && ownRank < required) continue
      const tags = ['productTags', 'products', 'tags'].flatMap((field) =>
        Array.isArray(doc[field]) ? (doc[field] as unknown[]).map(String) : [],
      )
      const object = { collection: source.collection, id: doc.id as ID, tags }
      const rule = selectRule(verbRules, object, now)
      if (!rule) continue
      const base =
        rule.roleOverrides?.find((o) => o.jobRole === member.jobRole)?.points ?? rule.points
      const best = matchingPromotions(
        promotions as unknown as PromotionCandidate[],
        object,
        member.jobRole,
        now,
      )
        .map((promotion) => promotion.multiplier)
        .reduce((max, value) => Math.max(max, value), 1)
      candidates.push({
        collection: source.collection,
        id: String(doc.id),
        kind: source.verb,
        points: Math.round(base * best * (tier?.multiplier ?? 1)),
        title: String(doc.title ?? ''),
      })
    }
  }
  const doneKeys = new Set(
    candidates
      .filter((candidate) =>
        done.has(
          `${candidate.collection}:${candidate.id}:${sources.find((s) => s.verb === candidate.kind)?.doneItem}`,
        ),
      )
      .map((candidate) => `${candidate.kind}:${candidate.id}`),
  )
  return nextBestActions(candidates, doneKeys, limit)
}
