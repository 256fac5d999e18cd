import type { CollectionSlug, Payload, Where } from 'payload'

import { type SQL, and, eq, gte, inArray, lt, sql as sqlText } from 'drizzle-orm'

import type { ResolvedLoyaltyOptions } from '../types'

import {
  type FeedbackQuestion,
  type NpsCounts,
  type QuestionSummary,
  type RatingCounts,
  type ScoresSummary,
  percentOf,
  recommendGroup,
  summariseAnswers,
  summariseScores,
} from '../engine/feedback'
import { loyaltySlugs } from '../types'
import { relationId } from '../utilities/ids'
import { type FeedbackRecord, feedbackCollections } from './feedback'
import { type Column, type Row, type Table, sqlAccess } from './sqlDatabase'

type ID = number | string

/** What staff ask about: an item, a collection or everything, in a period, for whom. */
export type FeedbackScope = {
  /** One of the feedback collections; null for all of them. */
  collection: CollectionSlug | null
  /** One item of `collection`; null for all. */
  documentId: null | string
  /** Inclusive. */
  from: Date | null
  jobRole: null | string
  partner: ID | null
  /** Exclusive. */
  to: Date | null
}

export type FeedbackComment = {
  collection: string
  comment: string
  documentId: string
  givenAt: string
  id: ID
  member: {
    id: ID
    jobRole: null | string
    name: null | string
    partner: null | { id: ID; name: string }
  }
  rating: number
  recommend: number
  title: null | string
  updatedAt: string
}

export type FeedbackSummary = ScoresSummary & {
  comments: {
    docs: FeedbackComment[]
    hasNextPage: boolean
    limit: number
    page: number
    totalDocs: number
  }
  /** Attendances and completions in scope (their time in the period). */
  eligible: number
  /** The item's own questions, tallied (one item only). */
  questions: null | {
    /** How many responses, newest first, the tally read (at most `answersRead`). */
    basedOn: number
    summaries: QuestionSummary[]
    truncated: boolean
  }
  /** Of those, how many gave feedback (at any time). */
  responded: number
  /** `responded` in percent of `eligible` (one decimal); null when nobody was eligible. */
  responseRate: null | number
}

/** Most responses whose answers are read for the per-question tally of one item. */
const ANSWERS_READ = 2000
/** Most rows read to tally scores where the database cannot group (MongoDB). */
const SCORES_READ = 100_000

const defined = <T>(value: T | undefined | null | false): value is T => Boolean(value)

/** Payload `where` conditions on the member behind a document (their current company and role). */
const memberWhere = (options: ResolvedLoyaltyOptions, scope: FeedbackScope): Where[] =>
  [
    scope.partner !== null
      ? { [`member.${options.organisationField}`]: { equals: scope.partner } }
      : null,
    scope.jobRole !== null
      ? { [`member.${options.jobRoleField}`]: { equals: scope.jobRole } }
      : null,
  ].filter(defined)

const periodWhere = (field: string, scope: FeedbackScope): Where[] =>
  [
    scope.from ? { [field]: { greater_than_equal: scope.from.toISOString() } } : null,
    scope.to ? { [field]: { less_than: scope.to.toISOString() } } : null,
  ].filter(defined)

/** Feedback in scope; `timeField` is the period's field (given, or attended/completed). */
const feedbackWhere = (
  options: ResolvedLoyaltyOptions,
  scope: FeedbackScope,
  timeField: 'createdAt' | 'qualifiedAt',
): Where => ({
  and: [
    scope.collection
      ? { collection: { equals: scope.collection } }
      : { collection: { in: feedbackCollections(options) } },
    scope.documentId !== null ? { documentId: { equals: scope.documentId } } : null,
    ...periodWhere(timeField, scope),
    ...memberWhere(options, scope),
  ].filter(defined),
})

const emptyRatings = (): RatingCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })

/** Adds `count` responses of a (rating, recommend) pair to the tallies; other values are skipped. */
const tally = (
  ratings: RatingCounts,
  groups: NpsCounts,
  rating: number,
  recommend: number,
  count: number,
): void => {
  if (!(rating in ratings) || !Number.isInteger(recommend) || recommend < 0 || recommend > 10)
    return
  ratings[rating as keyof RatingCounts] += count
  const group = recommendGroup(recommend)
  if (group === 'promoter') groups.promoters += count
  else if (group === 'passive') groups.passives += count
  else groups.detractors += count
}

type Grouped = Promise<Row[]> & { groupBy: (...columns: Column[]) => Promise<Row[]> }

/**
 * The responses per (rating, recommendation) pair: one GROUP BY in the database on SQL
 * adapters (at most 55 rows, however many responses), read in one statement so the figures
 * agree with each other. Elsewhere the scores are read (bounded) and tallied here.
 */
const scoreCounts = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  scope: FeedbackScope,
): Promise<{ groups: NpsCounts; ratings: RatingCounts }> => {
  const ratings = emptyRatings()
  const groups: NpsCounts = { detractors: 0, passives: 0, promoters: 0 }
  const sql = sqlAccess(payload)
  if (sql) {
    const feedback = sql.table(loyaltySlugs.feedback)
    const members = sql.table(options.members)
    const memberConditions = [
      scope.partner !== null ? eq(members[options.organisationField], scope.partner) : null,
      scope.jobRole !== null ? eq(members[options.jobRoleField], scope.jobRole) : null,
    ].filter(defined)
    const conditions: SQL[] = [
      scope.collection
        ? eq(feedback.collection, scope.collection)
        : inArray(feedback.collection, feedbackCollections(options)),
      scope.documentId !== null ? eq(feedback.documentId, scope.documentId) : null,
      scope.from ? gte(feedback.createdAt, scope.from.toISOString()) : null,
      scope.to ? lt(feedback.createdAt, scope.to.toISOString()) : null,
      memberConditions.length > 0
        ? sqlText`${feedback.member} in (select ${members.id} from ${members} where ${and(...memberConditions)})`
        : null,
    ].filter(defined)
    const rows = await (
      sql.db
        .select({
          count: sqlText`count(*)`,
          rating: feedback.rating,
          recommend: feedback.recommend,
        })
        .from(feedback as Table)
        .where(and(...conditions)) as unknown as Grouped
    ).groupBy(feedback.rating, feedback.recommend)
    for (const row of rows) {
      tally(ratings, groups, Number(row.rating), Number(row.recommend), Number(row.count))
    }
    return { groups, ratings }
  }
  const { docs } = await payload.find({
    collection: loyaltySlugs.feedback as CollectionSlug,
    depth: 0,
    limit: SCORES_READ,
    overrideAccess: true,
    pagination: false,
    select: { rating: true, recommend: true },
    where: feedbackWhere(options, scope, 'createdAt'),
  })
  for (const doc of docs as unknown as { rating: number; recommend: number }[]) {
    tally(ratings, groups, Number(doc.rating), Number(doc.recommend), 1)
  }
  return { groups, ratings }
}

/**
 * Attendances and completions in scope whose time falls in the period (the members who could
 * give feedback), and how many of them did: feedback keeps the time its member qualified, so
 * both are counts in the database over the same members and the same period.
 */
const responseCounts = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  scope: FeedbackScope,
): Promise<{ eligible: number; responded: number }> => {
  const collections = scope.collection ? [scope.collection] : feedbackCollections(options)
  const counts = await Promise.all([
    payload
      .count({
        collection: loyaltySlugs.feedback as CollectionSlug,
        overrideAccess: true,
        where: feedbackWhere(options, scope, 'qualifiedAt'),
      })
      .then((result) => result.totalDocs),
    ...collections.map(async (collection) => {
      if (collection === options.events) {
        const { totalDocs } = await payload.count({
          collection: loyaltySlugs.registrations as CollectionSlug,
          overrideAccess: true,
          where: {
            and: [
              { status: { equals: 'attended' } },
              scope.documentId !== null ? { eventId: { equals: scope.documentId } } : null,
              ...periodWhere('attendedAt', scope),
              ...memberWhere(options, scope),
            ].filter(defined),
          },
        })
        return totalDocs
      }
      const { totalDocs } = await payload.count({
        collection: loyaltySlugs.progress as CollectionSlug,
        overrideAccess: true,
        where: {
          and: [
            { item: { equals: 'course' } },
            { collection: { equals: collection } },
            { completedAt: { exists: true } },
            scope.documentId !== null ? { documentId: { equals: scope.documentId } } : null,
            ...periodWhere('completedAt', scope),
            ...memberWhere(options, scope),
          ].filter(defined),
        },
      })
      return totalDocs
    }),
  ])
  const [responded, ...eligible] = counts
  return { eligible: eligible.reduce((sum, count) => sum + count, 0), responded }
}

/** The newest comments in scope, a page at a time, with who wrote them. */
const commentsPage = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  scope: FeedbackScope,
  page: number,
  limit: number,
): Promise<FeedbackSummary['comments']> => {
  const base = feedbackWhere(options, scope, 'createdAt')
  const result = await payload.find({
    collection: loyaltySlugs.feedback as CollectionSlug,
    depth: 0,
    limit,
    overrideAccess: true,
    page,
    select: {
      collection: true,
      comment: true,
      createdAt: true,
      documentId: true,
      member: true,
      rating: true,
      recommend: true,
      title: true,
      updatedAt: true,
    },
    sort: '-createdAt',
    where: {
      and: [...(base.and ?? []), { comment: { exists: true } }, { comment: { not_equals: '' } }],
    },
  })
  const docs = result.docs as unknown as (FeedbackRecord & { member: ID })[]
  const memberIds = [...new Set(docs.map((doc) => relationId(doc.member)).filter(defined))]
  const memberTitle = payload.collections[options.members]?.config.admin?.useAsTitle ?? 'email'
  const people = memberIds.length
    ? ((
        await payload.find({
          collection: options.members,
          depth: 0,
          limit: memberIds.length,
          overrideAccess: true,
          pagination: false,
          select: {
            [memberTitle]: true,
            [options.jobRoleField]: true,
            [options.organisationField]: true,
          },
          where: { id: { in: memberIds } },
        })
      ).docs as unknown as Record<string, unknown>[])
    : []
  const organisationIds = [
    ...new Set(
      people.map((person) => relationId(person[options.organisationField])).filter(defined),
    ),
  ]
  const organisationTitle =
    payload.collections[options.organisations]?.config.admin?.useAsTitle ?? 'id'
  const organisations = organisationIds.length
    ? ((
        await payload.find({
          collection: options.organisations,
          depth: 0,
          limit: organisationIds.length,
          overrideAccess: true,
          pagination: false,
          select: { [organisationTitle]: true },
          where: { id: { in: organisationIds } },
        })
      ).docs as unknown as Record<string, unknown>[])
    : []
  const organisationName = new Map(
    organisations.map((doc) => [String(doc.id), String(doc[organisationTitle] ?? '')]),
  )
  const personById = new Map(people.map((person) => [String(person.id), person]))
  return {
    docs: docs.map((doc) => {
      const memberId = relationId(doc.member) as ID
      const person = personById.get(String(memberId))
      const organisation = person ? relationId(person[options.organisationField]) : null
      return {
        collection: doc.collection,
        comment: String(doc.comment ?? ''),
        documentId: doc.documentId,
        givenAt: new Date(doc.createdAt).toISOString(),
        id: doc.id,
        member: {
          id: memberId,
          jobRole: person ? ((person[options.jobRoleField] as null | string) ?? null) : null,
          name: person ? ((person[memberTitle] as null | string) ?? null) : null,
          partner:
            organisation !== null
              ? { id: organisation, name: organisationName.get(String(organisation)) ?? '' }
              : null,
        },
        rating: Number(doc.rating),
        recommend: Number(doc.recommend),
        title: doc.title ?? null,
        updatedAt: new Date(doc.updatedAt ?? doc.createdAt).toISOString(),
      }
    }),
    hasNextPage: result.hasNextPage,
    limit,
    page: result.page ?? page,
    totalDocs: result.totalDocs,
  }
}

/** The item's questions tallied over its newest responses in scope (bounded). */
const questionTally = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  scope: FeedbackScope,
  questions: FeedbackQuestion[],
): Promise<FeedbackSummary['questions']> => {
  if (questions.length === 0) return { basedOn: 0, summaries: [], truncated: false }
  const result = await payload.find({
    collection: loyaltySlugs.feedback as CollectionSlug,
    depth: 0,
    limit: ANSWERS_READ,
    overrideAccess: true,
    select: { answers: true },
    sort: '-createdAt',
    where: feedbackWhere(options, scope, 'createdAt'),
  })
  const answers = (result.docs as unknown as { answers?: unknown }[]).map((doc) =>
    Array.isArray(doc.answers)
      ? (doc.answers as { questionId?: unknown; value?: unknown }[])
          .filter((answer) => answer && typeof answer.questionId === 'string')
          .map((answer) => ({
            questionId: answer.questionId as string,
            value: answer.value as number | string,
          }))
      : [],
  )
  return {
    basedOn: answers.length,
    summaries: summariseAnswers(questions, answers),
    truncated: result.totalDocs > answers.length,
  }
}

/**
 * Response rate, rating, NPS, comments and (for one item) its questions, for staff. The scores
 * are a GROUP BY in the database and the rates are counts; the arithmetic is the engine's.
 */
export const feedbackSummary = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  scope: FeedbackScope,
  comments: { limit: number; page: number },
  questions: FeedbackQuestion[] | null,
): Promise<FeedbackSummary> => {
  const [scores, rates, page, tally] = await Promise.all([
    scoreCounts(payload, options, scope),
    responseCounts(payload, options, scope),
    commentsPage(payload, options, scope, comments.page, comments.limit),
    questions ? questionTally(payload, options, scope, questions) : Promise.resolve(null),
  ])
  return {
    ...summariseScores(scores.ratings, scores.groups),
    comments: page,
    eligible: rates.eligible,
    questions: tally,
    responded: rates.responded,
    responseRate: percentOf(Math.min(rates.responded, rates.eligible), rates.eligible),
  }
}
