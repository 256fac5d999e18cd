import type { CollectionSlug, Payload } from 'payload'

import { and, eq, isNotNull } from 'drizzle-orm'

import type { Tier } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'

import { type PromotionCandidate, matchingPromotions, selectRule } from '../engine/matching'
import { nextBestActions } from '../engine/nextActions'
import { loyaltySlugs } from '../types'
import { cached } from './cache'
import {
  type MemberSnapshot,
  contentCacheKey,
  loadEnabledRules,
  loadOpenPromotions,
} from './context'
import { sqlAccess } from './sqlDatabase'

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
 * The published documents of a content collection, with what next actions need (cached like
 * the reference data; the plugin clears it when a document of the collection changes).
 */
const publishedCatalogue = (
  payload: Payload,
  collection: CollectionSlug,
): Promise<Record<string, unknown>[]> =>
  cached(payload, `${contentCacheKey(collection)}catalogue`, async () => {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      limit: 200,
      overrideAccess: true,
      pagination: false,
      select: {
        endsAt: true,
        productTags: true,
        products: true,
        requiredTier: true,
        tags: true,
        title: true,
      },
      sort: '-createdAt',
      where: { _status: { equals: 'published' } },
    })
    return docs as unknown as Record<string, unknown>[]
  })

/** What the member has done: `collection:documentId:item` of completed progress and attendance. */
const doneByMember = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  memberId: ID,
): Promise<Set<string>> => {
  const done = new Set<string>()
  const sql = sqlAccess(payload)
  if (sql) {
    const progress = sql.table(loyaltySlugs.progress)
    const rows = await sql.db
      .select({
        collection: progress.collection,
        documentId: progress.documentId,
        item: progress.item,
      })
      .from(progress)
      .where(and(eq(progress.member, memberId), isNotNull(progress.completedAt)))
    for (const row of rows) done.add(`${row.collection}:${row.documentId}:${row.item}`)
  } else {
    const { docs } = await payload.find({
      collection: loyaltySlugs.progress,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { collection: true, documentId: true, item: true },
      where: { and: [{ member: { equals: memberId } }, { completedAt: { exists: true } }] },
    })
    for (const record of docs as unknown as {
      collection: string
      documentId: string
      item: string
    }[])
      done.add(`${record.collection}:${record.documentId}:${record.item}`)
  }
  if (options.events && sql) {
    const registrations = sql.table(loyaltySlugs.registrations)
    const rows = await sql.db
      .select({ eventId: registrations.eventId })
      .from(registrations)
      .where(and(eq(registrations.member, memberId), eq(registrations.status, 'attended')))
    for (const row of rows) done.add(`${options.events}:${String(row.eventId)}:attended`)
  } else if (options.events) {
    const { docs: attended } = await payload.find({
      collection: loyaltySlugs.registrations,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { eventId: true },
      where: { and: [{ member: { equals: memberId } }, { status: { equals: 'attended' } }] },
    })
    for (const registration of attended as unknown as { eventId: string }[]) {
      done.add(`${options.events}:${registration.eventId}:attended`)
    }
  }
  return done
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
  const [rules, promotions, done] = await Promise.all([
    loadEnabledRules(payload),
    loadOpenPromotions(payload),
    doneByMember(payload, options, member.id),
  ])
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
    const catalogue = await publishedCatalogue(payload, source.collection)
    const open =
      source.collection === options.events
        ? catalogue.filter((doc) => doc.endsAt && new Date(String(doc.endsAt)) > now)
        : catalogue
    for (const doc of open) {
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
