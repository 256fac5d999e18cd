import type { CollectionSlug, Payload } from 'payload'

import type { FeedbackAnswer, FeedbackQuestion, FeedbackSubmission } from '../engine/feedback'
import type { ResolvedLoyaltyOptions } from '../types'
import type { MemberSnapshot } from './context'

import { type PromotionCandidate, matchingPromotions, selectRule } from '../engine/matching'
import { roundHalfUp } from '../engine/numbers'
import { loyaltySlugs } from '../types'
import { loadEnabledRules, loadObject, loadOpenPromotions, loadTiers } from './context'
import { findProgress, progressKey } from './progress'

type ID = number | string

/** One member's feedback on one item, as stored. */
export type FeedbackRecord = {
  answers: FeedbackAnswer[]
  collection: string
  comment: null | string
  createdAt: string
  documentId: string
  id: ID
  key: string
  member: ID
  qualifiedAt: null | string
  rating: number
  recommend: number
  title: null | string
  updatedAt: string
}

/** The unique key of a member's feedback on an item. */
export const feedbackKey = (memberId: ID, collection: string, documentId: ID) =>
  `${memberId}:${collection}:${documentId}`

/** The idempotency key of the points for it: once per member and item, edits never earn. */
export const feedbackAwardKey = (memberId: ID, collection: string, documentId: ID) =>
  `feedback.given:${memberId}:${collection}:${documentId}`

/** The content collections members give feedback on: the course and event collections. */
export const feedbackCollections = (options: ResolvedLoyaltyOptions): CollectionSlug[] =>
  options.feedback
    ? [options.courses, options.events].filter((slug): slug is CollectionSlug => Boolean(slug))
    : []

const iso = (value: unknown): null | string =>
  value === null || value === undefined || value === ''
    ? null
    : new Date(value as string).toISOString()

/** Answers as stored (JSON): only well-formed ones. */
const storedAnswers = (value: unknown): FeedbackAnswer[] =>
  Array.isArray(value)
    ? (value as Record<string, unknown>[])
        .filter(
          (answer) =>
            answer &&
            typeof answer.questionId === 'string' &&
            (typeof answer.value === 'number' || typeof answer.value === 'string'),
        )
        .map((answer) => ({
          questionId: answer.questionId as string,
          value: answer.value as number | string,
        }))
    : []

const fromDoc = (doc: Record<string, unknown>): FeedbackRecord => ({
  answers: storedAnswers(doc.answers),
  collection: String(doc.collection),
  comment: (doc.comment as null | string | undefined) || null,
  createdAt: iso(doc.createdAt) ?? new Date(0).toISOString(),
  documentId: String(doc.documentId),
  id: doc.id as ID,
  key: String(doc.key),
  member: (typeof doc.member === 'object' && doc.member !== null
    ? (doc.member as { id: ID }).id
    : doc.member) as ID,
  qualifiedAt: iso(doc.qualifiedAt),
  rating: Number(doc.rating),
  recommend: Number(doc.recommend),
  title: (doc.title as null | string | undefined) ?? null,
  updatedAt: iso(doc.updatedAt) ?? iso(doc.createdAt) ?? new Date(0).toISOString(),
})

/** The feedback stored under a key, or null. */
export const findFeedback = async (
  payload: Payload,
  key: string,
): Promise<FeedbackRecord | null> => {
  const { docs } = await payload.find({
    collection: loyaltySlugs.feedback as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: { key: { equals: key } },
  })
  return docs[0] ? fromDoc(docs[0] as unknown as Record<string, unknown>) : null
}

/**
 * When the member qualified to give feedback on the item: the time they attended the event
 * (their registration is `attended`) or completed the course. Null when they have not.
 */
export const qualifiedAt = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: string,
  documentId: ID,
  memberId: ID,
): Promise<Date | null> => {
  if (collection === options.events) {
    const { docs } = await payload.find({
      collection: loyaltySlugs.registrations as CollectionSlug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      select: { attendedAt: true, status: true, updatedAt: true },
      where: { key: { equals: `${memberId}:${documentId}` } },
    })
    const registration = docs[0] as
      undefined | { attendedAt?: null | string; status?: string; updatedAt?: string }
    if (registration?.status !== 'attended') return null
    return new Date(registration.attendedAt ?? registration.updatedAt ?? Date.now())
  }
  if (collection === options.courses) {
    const record = await findProgress(
      payload,
      progressKey(memberId, collection, documentId, 'course'),
    )
    return record?.completedAt ? new Date(record.completedAt) : null
  }
  return null
}

/**
 * Stores the member's feedback on an item: creates it the first time, otherwise replaces the
 * answers while `editable` says the stored feedback may still change (`refused` when not:
 * nothing is written). The key is unique in the database, so of two concurrent first
 * submissions one creates and the other updates.
 */
export const saveFeedback = async (
  payload: Payload,
  input: {
    collection: string
    documentId: ID
    memberId: ID
    qualifiedAt: Date
    submission: FeedbackSubmission
    title: string
  },
  questions: FeedbackQuestion[],
  editable: (record: FeedbackRecord) => boolean,
): Promise<{ created: boolean; record: FeedbackRecord; refused: boolean }> => {
  const key = feedbackKey(input.memberId, input.collection, input.documentId)
  const now = new Date().toISOString()
  const byId = new Map(questions.map((question) => [question.id, question]))
  // Each answer keeps the question as asked (and the option's label), so later edits of the
  // form do not change what an old answer meant.
  const answers = input.submission.answers.map((answer) => {
    const question = byId.get(answer.questionId)
    const option = question?.options?.find((candidate) => candidate.id === answer.value)
    return {
      kind: question?.kind ?? null,
      question: question?.question ?? null,
      questionId: answer.questionId,
      value: answer.value,
      ...(option ? { label: option.label } : {}),
    }
  })
  const values = {
    answers,
    comment: input.submission.comment,
    rating: input.submission.rating,
    recommend: input.submission.recommend,
  }
  const update = async (record: FeedbackRecord) => {
    if (!editable(record)) return { created: false, record, refused: true as const }
    await payload.db.updateOne({
      collection: loyaltySlugs.feedback,
      data: { ...values, updatedAt: now },
      id: record.id,
      returning: false,
    })
    return {
      created: false,
      record: { ...record, ...values, answers: input.submission.answers, updatedAt: now },
      refused: false as const,
    }
  }
  const existing = await findFeedback(payload, key)
  if (existing) return update(existing)
  try {
    const doc = await payload.db.create({
      collection: loyaltySlugs.feedback,
      data: {
        ...values,
        collection: input.collection,
        createdAt: now,
        documentId: String(input.documentId),
        key,
        member: input.memberId,
        qualifiedAt: input.qualifiedAt.toISOString(),
        title: input.title,
        updatedAt: now,
      },
    })
    return {
      created: true,
      record: { ...fromDoc(doc as Record<string, unknown>), answers: input.submission.answers },
      refused: false,
    }
  } catch (error) {
    // A concurrent first submission created it: this one is an edit of it.
    const raced = await findFeedback(payload, key)
    if (raced) return update(raced)
    throw error
  }
}

/**
 * Points an action would earn the member on the object now: the rule (most specific match,
 * job-role override), the best promotion and the tier multiplier, rounded half up; caps are
 * not predicted. 0 when no rule applies.
 */
export const previewPoints = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  member: MemberSnapshot,
  verb: string,
  object: { collection: CollectionSlug; id: ID },
  now: Date,
): Promise<number> => {
  const [rules, promotions, tiers, loaded] = await Promise.all([
    loadEnabledRules(payload),
    loadOpenPromotions(payload),
    loadTiers(payload, options),
    loadObject(payload, object.collection, object.id),
  ])
  type RuleDoc = {
    id: ID
    points: number
    roleOverrides?: null | { jobRole: string; points: number }[]
    verb: string
  }
  const action = { collection: object.collection, id: object.id, tags: loaded?.tags ?? [] }
  const rule = selectRule(
    (rules as unknown as RuleDoc[]).filter((candidate) => candidate.verb === verb),
    action,
    now,
  )
  if (!rule) return 0
  const base =
    rule.roleOverrides?.find((override) => override.jobRole === member.jobRole)?.points ??
    rule.points
  const best = matchingPromotions(
    promotions as unknown as PromotionCandidate[],
    action,
    member.jobRole,
    now,
  ).reduce((max, promotion) => Math.max(max, promotion.multiplier), 1)
  const tier = tiers.find((candidate) => String(candidate.id) === String(member.tierId))
  return roundHalfUp(base * best * (tier?.multiplier ?? 1))
}
