import type { CollectionSlug, Endpoint, Payload, PayloadRequest } from 'payload'

import type { FeedbackQuestion } from '../engine/feedback'
import type { FeedbackOptions, ResolvedLoyaltyOptions } from '../types'

import { canEditFeedback, feedbackEditableUntil, validateFeedback } from '../engine/feedback'
import { questionsOf } from '../fields/feedbackQuestions'
import { recordActivity } from '../services/activities'
import { award } from '../services/award'
import {
  type FeedbackRecord,
  feedbackAwardKey,
  feedbackCollections,
  feedbackKey,
  findFeedback,
  previewPoints,
  qualifiedAt,
  saveFeedback,
} from '../services/feedback'
import { type FeedbackScope, feedbackSummary } from '../services/feedbackSummary'
import { findByKeys } from '../services/ledgerWriter'
import { HttpError, handle, idParam, jsonBody, ok, requireStaff } from '../utilities/http'
import { memberContext } from './memberContext'

type ID = number | string

type ItemDoc = { _status?: string; id: ID; title?: string; [field: string]: unknown }

/** "event" or "course", for messages. */
const nounOf = (options: ResolvedLoyaltyOptions, collection: string) =>
  collection === options.events ? 'event' : 'course'

const notQualified = (options: ResolvedLoyaltyOptions, collection: string) =>
  collection === options.events
    ? 'Feedback opens once you have attended this event.'
    : 'Feedback opens once you have completed this course.'

/** Loads a published event or course with its feedback questions, or answers 404. */
const loadItem = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  feedback: Required<FeedbackOptions>,
  collection: CollectionSlug,
  id: string,
): Promise<{ doc: ItemDoc; questions: FeedbackQuestion[]; title: string }> => {
  const doc = (await payload.findByID({
    collection,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    select: { _status: true, [feedback.questionsField]: true, title: true },
  })) as unknown as ItemDoc | null
  if (!doc || doc._status === 'draft') {
    throw new HttpError(404, `This ${nounOf(options, collection)} does not exist.`)
  }
  return {
    doc,
    questions: questionsOf(doc[feedback.questionsField]),
    title: String(doc.title ?? `#${doc.id}`),
  }
}

/** The questions as the member's form shows them. */
const publicQuestions = (questions: FeedbackQuestion[]) =>
  questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    question: question.question,
    required: question.required,
    ...(question.kind === 'choice' ? { options: question.options ?? [] } : {}),
    ...(question.kind === 'scale' ? { scaleMax: question.scaleMax ?? 5 } : {}),
  }))

/** The member's own feedback as the API shows it. */
const feedbackView = (record: FeedbackRecord, days: number, now: Date) => ({
  answers: Object.fromEntries(record.answers.map((answer) => [answer.questionId, answer.value])),
  comment: record.comment,
  editable: canEditFeedback(record.createdAt, days, now),
  editableUntil: feedbackEditableUntil(record.createdAt, days).toISOString(),
  givenAt: record.createdAt,
  rating: record.rating,
  recommend: record.recommend,
  updatedAt: record.updatedAt,
})

const longDate = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    year: 'numeric',
  })

/**
 * `GET` and `POST /api/<courses|events>/:id/feedback`: the member's feedback on an event they
 * attended or a course they completed. GET answers the form (questions, points on offer) and
 * the member's own answers; POST gives feedback (earning `feedback.given` once) or, within the
 * edit window, changes it (earning nothing).
 */
export const feedbackEndpoints = (
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
): Endpoint[] => {
  const feedback = options.feedback
  if (!feedback) return []
  const days = feedback.editWindowDays
  return [
    {
      handler: handle(async (req) => {
        const member = memberContext(req, options)
        const item = await loadItem(req.payload, options, feedback, collection, idParam(req, 'id'))
        const now = new Date()
        const [qualified, record] = await Promise.all([
          qualifiedAt(req.payload, options, collection, item.doc.id, member.id),
          findFeedback(req.payload, feedbackKey(member.id, collection, item.doc.id)),
        ])
        const earned = record
          ? await findByKeys(req.payload, [feedbackAwardKey(member.id, collection, item.doc.id)])
          : []
        return ok({
          canGive: qualified !== null,
          collection,
          documentId: String(item.doc.id),
          earnedPoints: record ? (earned[0]?.amount ?? 0) : null,
          editWindowDays: days,
          feedback: record ? feedbackView(record, days, now) : null,
          points:
            record || !qualified
              ? 0
              : await previewPoints(
                  req.payload,
                  options,
                  member,
                  'feedback.given',
                  { collection, id: item.doc.id },
                  now,
                ),
          questions: publicQuestions(item.questions),
          reason: qualified ? null : notQualified(options, collection),
          title: item.title,
        })
      }),
      method: 'get',
      path: '/:id/feedback',
    },
    {
      handler: handle(async (req) => {
        const member = memberContext(req, options)
        const item = await loadItem(req.payload, options, feedback, collection, idParam(req, 'id'))
        const qualified = await qualifiedAt(
          req.payload,
          options,
          collection,
          item.doc.id,
          member.id,
        )
        if (!qualified) throw new HttpError(409, notQualified(options, collection))
        const body = await jsonBody(req)
        const valid = validateFeedback(item.questions, body, {
          commentMaxLength: feedback.commentMaxLength,
          textAnswerMaxLength: feedback.textAnswerMaxLength,
        })
        if (!valid.ok) throw new HttpError(400, valid.message)
        const now = new Date()
        const saved = await saveFeedback(
          req.payload,
          {
            collection,
            documentId: item.doc.id,
            memberId: member.id,
            qualifiedAt: qualified,
            submission: valid.submission,
            title: item.title,
          },
          item.questions,
          (record) => canEditFeedback(record.createdAt, days, now),
        )
        if (saved.refused) {
          throw new HttpError(
            409,
            `Feedback can be changed for ${days} days after giving it; yours was given on ${longDate(new Date(saved.record.createdAt))}.`,
            { feedback: feedbackView(saved.record, days, now) },
          )
        }
        // Once per member and item (the key): an edit, or the second of two concurrent first
        // submissions, gets the original award back and books nothing.
        const result = await award(req.payload, options, {
          actor: { relationTo: options.members, value: member.id },
          idempotencyKey: feedbackAwardKey(member.id, collection, item.doc.id),
          member,
          memberId: member.id,
          now,
          object: { collection, id: item.doc.id },
          verb: 'feedback.given',
        })
        if (saved.created) {
          await recordActivity(
            req.payload,
            member.id,
            'feedback.given',
            { collection, id: item.doc.id, title: item.title },
            { rating: valid.submission.rating, recommend: valid.submission.recommend },
          )
        }
        return ok({
          award: result,
          created: saved.created,
          feedback: feedbackView(saved.record, days, now),
        })
      }),
      method: 'post',
      path: '/:id/feedback',
    },
  ]
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * A `from` or `to` query value: a day (`2026-03-01`, UTC) or a moment in ISO 8601 with its
 * offset. A day as `to` includes the whole day.
 */
const parseBound = (value: null | string, name: 'from' | 'to'): Date | null => {
  if (value === null || value === '') return null
  const problem = new HttpError(
    400,
    `${name} must be a date such as 2026-03-01, or a moment such as 2026-03-01T09:00:00Z.`,
  )
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) throw problem
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value)
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970) throw problem
  // A bare day must be a real one (2026-02-31 is not).
  if (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value) throw problem
  if (name === 'to' && DATE_ONLY.test(value)) return new Date(date.getTime() + 86_400_000)
  return date
}

const wholeParam = (
  req: PayloadRequest,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number => {
  const value = req.searchParams.get(name)
  if (value === null || value === '') return fallback
  if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new HttpError(400, `${name} must be a whole number from ${min} to ${max}.`)
  }
  return Number(value)
}

const idValue = (value: string, name: string): string => {
  if (!/^(\d{1,18}|[0-9a-f]{24})$/i.test(value)) {
    throw new HttpError(400, `"${value.slice(0, 40)}" is not a valid ${name}.`)
  }
  return value
}

/**
 * `GET /api/loyalty/feedback/summary?collection=&id=&from=&to=&partner=&jobRole=&page=&limit=`,
 * staff only: the response rate, average rating, NPS and the comments for an event or a course
 * (`collection` and `id`), a whole collection, or everything; `partner` (or `organisation`)
 * and `jobRole` narrow it to members of one company or role (as they are now), `from`/`to` to
 * a period (when feedback was given; for the response rate, when members attended or
 * completed). Comments come newest first, `limit` (≤ 100) per `page`.
 */
export const feedbackSummaryEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => {
  const feedback = options.feedback
  if (!feedback || feedbackCollections(options).length === 0) return []
  return [
    {
      handler: handle(async (req) => {
        requireStaff(req, options, {
          forbidden:
            'Only staff read feedback summaries; members see their own feedback on the event or course.',
          signIn: 'Sign in as staff to read feedback.',
        })
        const params = req.searchParams
        const collections = feedbackCollections(options)
        const collectionParam = params.get('collection') || null
        if (collectionParam !== null && !collections.includes(collectionParam as CollectionSlug)) {
          throw new HttpError(400, `collection must be ${collections.join(' or ')}.`)
        }
        const collection = collectionParam as CollectionSlug | null
        const idParamValue = params.get('id') || null
        if (idParamValue !== null && collection === null) {
          throw new HttpError(
            400,
            `Name the item's collection too, e.g. ?collection=${collections[0]}&id=${idParamValue.slice(0, 20)}.`,
          )
        }
        const documentId = idParamValue === null ? null : idValue(idParamValue, 'id')
        const from = parseBound(params.get('from'), 'from')
        const to = parseBound(params.get('to'), 'to')
        if (from && to && from.getTime() >= to.getTime()) {
          throw new HttpError(400, 'from must be before to.')
        }
        const partnerParam = params.get('partner') || params.get('organisation') || null
        const partner = partnerParam === null ? null : idValue(partnerParam, 'partner')
        const jobRole = params.get('jobRole') || null
        if (jobRole !== null && !options.jobRoles.includes(jobRole)) {
          throw new HttpError(400, `jobRole must be one of ${options.jobRoles.join(', ')}.`)
        }
        const page = wholeParam(req, 'page', 1, 1, 100_000)
        const limit = wholeParam(req, 'limit', 20, 1, 100)

        const item =
          collection && documentId !== null
            ? await loadItem(req.payload, options, feedback, collection, documentId)
            : null
        const organisationTitle =
          req.payload.collections[options.organisations]?.config.admin?.useAsTitle ?? 'id'
        const organisation =
          partner === null
            ? null
            : ((await req.payload.findByID({
                collection: options.organisations,
                depth: 0,
                disableErrors: true,
                id: partner,
                overrideAccess: true,
                select: { [organisationTitle]: true },
              })) as null | Record<string, unknown>)
        if (partner !== null && !organisation) {
          throw new HttpError(404, 'This partner does not exist.')
        }
        const scope: FeedbackScope = {
          collection,
          documentId: item ? String(item.doc.id) : null,
          from,
          jobRole,
          partner: organisation ? (organisation.id as ID) : null,
          to,
        }
        const summary = await feedbackSummary(
          req.payload,
          options,
          scope,
          { limit, page },
          item ? item.questions : null,
        )
        return ok({
          scope: {
            collection,
            from: from?.toISOString() ?? null,
            id: scope.documentId,
            jobRole,
            partner: organisation
              ? { id: organisation.id, name: String(organisation[organisationTitle] ?? '') }
              : null,
            title: item?.title ?? null,
            to: to?.toISOString() ?? null,
          },
          ...summary,
        })
      }),
      method: 'get',
      path: '/loyalty/feedback/summary',
    },
  ]
}
