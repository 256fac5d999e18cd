import type { CollectionSlug, Endpoint, Payload } from 'payload'

import type { QuizQuestion } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'
import type { MemberSnapshot } from '../services/context'

import { gradeQuiz, validateQuizAnswers } from '../engine/quiz'
import { secondsRemaining } from '../engine/timing'
import { recordActivity } from '../services/activities'
import { type AwardResult, award } from '../services/award'
import { cached } from '../services/cache'
import { publishLoyaltyEvents } from '../services/domainEvents'
import { settleInvitationReferral } from '../services/referralAwards'
import { assertTierAccess, contentCacheKey } from '../services/context'
import {
  claimCompletion,
  claimIfDue,
  ensureProgress,
  findProgress,
  progressKey,
  progressOn,
  updateProgress,
} from '../services/progress'
import { HttpError, handle, idParam, jsonBody, ok } from '../utilities/http'
import { memberContext } from './memberContext'

type ID = number | string

type CourseDoc = {
  _status?: string
  id: ID
  issuesCertificate?: boolean | null
  lessons?: { id: string; minimumSeconds?: null | number; title: string }[] | null
  quiz?: null | {
    attemptsAllowed?: null | number
    passMarkPercent?: null | number
    questions?:
      | null
      | {
          explanation?: null | string
          id: string
          options: { correct?: boolean | null; id: string; label: string }[]
          question: string
        }[]
  }
  requiredTier?: ID | null | { id: ID }
  title: string
}

/** Loads a published course the member may open (tier), or answers 404/403. */
const openCourse = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
  id: string,
  member: MemberSnapshot,
): Promise<CourseDoc> => {
  // The lesson structure and the quiz, without the lesson bodies (the bulk of a course); cached
  // like the reference data and cleared when the course changes. Shared: never mutated.
  const course = await cached(payload, `${contentCacheKey(collection, id)}outline`, () =>
    readOutline(payload, collection, id),
  )
  if (!course || course._status === 'draft') throw new HttpError(404, 'This course does not exist.')
  await assertTierAccess(payload, options, member, course.requiredTier, 'course')
  return course
}

const readOutline = async (
  payload: Payload,
  collection: CollectionSlug,
  id: string,
): Promise<CourseDoc | null> =>
  (await payload.findByID({
    collection,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    select: {
      _status: true,
      issuesCertificate: true,
      lessons: { id: true, minimumSeconds: true, title: true },
      quiz: true,
      requiredTier: true,
      title: true,
    },
  })) as CourseDoc | null

const lessonOf = (course: CourseDoc, lessonId: string) => {
  const lesson = (course.lessons ?? []).find((candidate) => candidate.id === lessonId)
  if (!lesson) throw new HttpError(404, 'This lesson is not part of the course.')
  return lesson
}

/**
 * After a lesson or the quiz: when every lesson is complete and the quiz (if any) is passed,
 * the course is complete: award it once, and issue the certificate when the course has one.
 */
const completeCourseIfDone = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
  course: CourseDoc,
  member: MemberSnapshot,
  now: Date,
): Promise<null | { award: AwardResult; certificateCode: null | string }> => {
  const records = await progressOn(payload, member.id, collection, course.id)
  const done = new Set(records.filter((record) => record.completedAt).map((record) => record.key))
  const key = (item: string) => progressKey(member.id, collection, course.id, item)
  const lessonsDone = (course.lessons ?? []).every((lesson) => done.has(key(`lesson:${lesson.id}`)))
  const hasQuiz = (course.quiz?.questions ?? []).length > 0
  if (!lessonsDone || (hasQuiz && !done.has(key('quiz')))) return null

  const { record } = await ensureProgress(
    payload,
    options,
    member.id,
    collection,
    course.id,
    'course',
    now,
  )
  let certificateCode = record.certificateCode ?? null
  // A conditional claim: of concurrent requests completing the course, exactly one records the
  // completion, its activity and its event.
  const claimed = !record.completedAt && (await claimCompletion(payload, record.id, now))
  if (!claimed && !record.completedAt) {
    certificateCode = (await findProgress(payload, record.key))?.certificateCode ?? null
  }
  if (claimed) {
    certificateCode = course.issuesCertificate
      ? `PC-${String(course.id)}-${String(member.id)}-${now.getTime().toString(36).toUpperCase()}`
      : null
    if (certificateCode) await updateProgress(payload, record.id, { certificateCode })
    await recordActivity(payload, member.id, 'course.completed', {
      collection,
      id: course.id,
      title: course.title,
    })
    // After the progress write (its own statement): a crash in between loses the event.
    await publishLoyaltyEvents(payload, [
      {
        data: {
          certificateCode,
          completedAt: now.toISOString(),
          course: { collection, id: course.id, title: course.title },
          member: member.id,
          organisation: member.organisation,
        },
        type: 'course.completed',
      },
    ])
  }
  const result = await award(payload, options, {
    actor: { relationTo: options.members, value: member.id },
    idempotencyKey: `course.completed:${member.id}:${collection}:${course.id}`,
    memberId: member.id,
    now,
    object: { collection, id: course.id },
    verb: 'course.completed',
  })
  // An invited colleague's first completed course settles the referral (both sides, once). A
  // failure there does not fail the course: the next completed course tries again.
  await settleInvitationReferral(payload, options, member.id, now).catch((error: unknown) =>
    payload.logger.error({ err: error }, 'loyalty: referral award failed; retried later'),
  )
  return { award: result, certificateCode }
}

/** Course endpoints: lesson start and completion (with minimum time), and the quiz. */
export const courseEndpoints = (
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const course = await openCourse(req.payload, options, collection, idParam(req, 'id'), member)
      const lesson = lessonOf(course, String(req.routeParams?.lessonId ?? ''))
      const now = new Date()
      const { created, record } = await ensureProgress(
        req.payload,
        options,
        member.id,
        collection,
        course.id,
        `lesson:${lesson.id}`,
        now,
      )
      if (created) {
        await recordActivity(req.payload, member.id, 'lesson.started', {
          collection,
          id: course.id,
          title: `${course.title}: ${lesson.title}`,
        })
      }
      const startedAt = new Date(record.startedAt ?? now)
      return ok({
        completedAt: record.completedAt,
        minimumSeconds: lesson.minimumSeconds ?? 0,
        secondsRemaining: secondsRemaining(startedAt, lesson.minimumSeconds ?? 0, now),
        startedAt: startedAt.toISOString(),
      })
    }),
    method: 'post',
    path: '/:id/lessons/:lessonId/start',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const course = await openCourse(req.payload, options, collection, idParam(req, 'id'), member)
      const lesson = lessonOf(course, String(req.routeParams?.lessonId ?? ''))
      const now = new Date()
      const key = progressKey(member.id, collection, course.id, `lesson:${lesson.id}`)
      // Only the request that marks the lesson complete records it (identical requests race).
      const { claimed, siblingsDone } = await claimIfDue(
        req.payload,
        key,
        now,
        lesson.minimumSeconds ?? 0,
        { collection, documentId: course.id, memberId: member.id, prefix: 'lesson:' },
        {
          memberId: member.id,
          object: { collection, id: course.id, title: `${course.title}: ${lesson.title}` },
          verb: 'lesson.completed',
        },
      )
      if (!claimed) {
        // Not completed now: say why, or go on to the (idempotent) award if it already was.
        const record = await findProgress(req.payload, key)
        if (!record?.startedAt) {
          throw new HttpError(409, 'Start the lesson before marking it complete.')
        }
        const remaining = secondsRemaining(
          new Date(record.startedAt),
          lesson.minimumSeconds ?? 0,
          now,
        )
        if (!record.completedAt) {
          const left = Math.max(1, remaining)
          throw new HttpError(409, `Stay with the lesson a little longer: ${left} s to go.`, {
            secondsRemaining: left,
          })
        }
      }
      const lessonAward = await award(req.payload, options, {
        actor: { relationTo: options.members, value: member.id },
        idempotencyKey: `lesson.completed:${member.id}:${collection}:${course.id}:${lesson.id}`,
        member,
        memberId: member.id,
        now,
        object: { collection, id: course.id },
        verb: 'lesson.completed',
      })
      // When the claim counted the other lessons done and some are still open, the course
      // cannot be complete: no need to read the member's progress on it.
      const lessonsOpen = siblingsDone !== null && siblingsDone + 1 < (course.lessons ?? []).length
      const completion = lessonsOpen
        ? null
        : await completeCourseIfDone(req.payload, options, collection, course, member, now)
      return ok({
        award: lessonAward,
        courseCompleted: completion !== null,
        courseAward: completion?.award ?? null,
        certificateCode: completion?.certificateCode ?? null,
      })
    }),
    method: 'post',
    path: '/:id/lessons/:lessonId/complete',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const course = await openCourse(req.payload, options, collection, idParam(req, 'id'), member)
      const questions = course.quiz?.questions ?? []
      if (questions.length === 0) throw new HttpError(404, 'This course has no quiz.')
      const body = await jsonBody(req)
      const engineQuestions: QuizQuestion[] = questions.map((question) => ({
        id: question.id,
        options: question.options.map((option) => ({
          correct: Boolean(option.correct),
          id: option.id,
          label: option.label,
        })),
      }))
      const valid = validateQuizAnswers(engineQuestions, body.answers)
      if (!valid.ok) throw new HttpError(400, valid.message)
      const now = new Date()
      const { record } = await ensureProgress(
        req.payload,
        options,
        member.id,
        collection,
        course.id,
        'quiz',
        now,
      )
      if (record.completedAt) {
        throw new HttpError(409, 'You have already passed this quiz.', { passed: true })
      }
      const allowed = course.quiz?.attemptsAllowed ?? 3
      if (record.attempts >= allowed) {
        throw new HttpError(409, `No attempts left: this quiz allows ${allowed}.`, {
          attemptsLeft: 0,
        })
      }
      const grade = gradeQuiz(engineQuestions, valid.answers, course.quiz?.passMarkPercent ?? 70)
      const attempts = record.attempts + 1
      await updateProgress(req.payload, record.id, {
        attempts,
        completedAt: grade.passed ? now.toISOString() : null,
        scorePercent: Math.max(grade.scorePercent, record.scorePercent ?? 0),
      })
      await recordActivity(
        req.payload,
        member.id,
        grade.passed ? 'quiz.passed' : 'quiz.failed',
        { collection, id: course.id, title: course.title },
        { attempt: attempts, scorePercent: grade.scorePercent },
      )
      const completion = grade.passed
        ? await completeCourseIfDone(req.payload, options, collection, course, member, now)
        : null
      return ok({
        attemptsLeft: allowed - attempts,
        // The answer key only once passed: never before.
        answers: grade.passed
          ? questions.map((question) => ({
              correctOptionIds: question.options
                .filter((option) => option.correct)
                .map((option) => option.id),
              explanation: question.explanation ?? null,
              questionId: question.id,
            }))
          : null,
        certificateCode: completion?.certificateCode ?? null,
        courseAward: completion?.award ?? null,
        courseCompleted: completion !== null,
        passed: grade.passed,
        perQuestion: grade.perQuestion,
        scorePercent: grade.scorePercent,
      })
    }),
    method: 'post',
    path: '/:id/quiz',
  },
]
