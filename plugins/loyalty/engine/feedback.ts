import { DAY_MS, toDate } from './calendar'
import { cleanDecimal, roundHalfUp } from './numbers'

/**
 * Feedback after an event or a course: a 0–10 "how likely are you to recommend" score, a 1–5
 * rating of the content, an optional comment, and answers to the few questions marketers added
 * to the item. Plain data in, plain data out.
 */

/** The recommendation score's range (Net Promoter question). */
export const RECOMMEND_MIN = 0
export const RECOMMEND_MAX = 10
/** The content rating's range. */
export const RATING_MIN = 1
export const RATING_MAX = 5

export type FeedbackQuestionKind = 'choice' | 'scale' | 'text'

/** A question marketers added to an item, as the engine sees it. */
export type FeedbackQuestion = {
  id: string
  kind: FeedbackQuestionKind
  /** Single choice: the options, by id. */
  options?: { id: string; label: string }[]
  /** The question as shown to the member. */
  question: string
  required: boolean
  /** Scale: answers are whole numbers from 1 to this (2–10). */
  scaleMax?: number
}

/** One answer: an option id (choice), a whole number (scale) or text. */
export type FeedbackAnswer = { questionId: string; value: number | string }

/** A submission that passed `validateFeedback`. */
export type FeedbackSubmission = {
  answers: FeedbackAnswer[]
  comment: null | string
  rating: number
  recommend: number
}

export type FeedbackLimits = {
  /** Most characters of the comment. */
  commentMaxLength: number
  /** Most characters of the answer to a text question. */
  textAnswerMaxLength: number
}

export const defaultFeedbackLimits: FeedbackLimits = {
  commentMaxLength: 2000,
  textAnswerMaxLength: 500,
}

export type FeedbackValidation =
  { message: string; ok: false } | { ok: true; submission: FeedbackSubmission }

const fields = ['answers', 'comment', 'rating', 'recommend']

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isWholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/** Control characters other than tab and line breaks (PostgreSQL cannot even store NUL). */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** Characters as a person counts them (code points, so an emoji is one). */
const lengthOf = (text: string): number => [...text].length

const formatCount = (value: number): string => value.toLocaleString('en-GB')

/** The scale's top of a question: its `scaleMax` when valid, 5 otherwise. */
export const scaleMaxOf = (question: FeedbackQuestion): number =>
  isWholeIn(question.scaleMax, 2, 10) ? question.scaleMax : 5

/**
 * Free text from a member: trimmed; empty is null. Refuses what is not text, is longer than
 * `max` characters, or holds control characters. `what` names it in the message.
 */
const cleanText = (
  value: unknown,
  max: number,
  what: string,
): { message: string; ok: false } | { ok: true; text: null | string } => {
  if (value === undefined || value === null) return { ok: true, text: null }
  if (typeof value !== 'string') return { message: `${what} must be text.`, ok: false }
  const text = value.trim()
  if (text === '') return { ok: true, text: null }
  if (controlCharacters.test(text)) {
    return { message: `${what} contains characters that are not allowed.`, ok: false }
  }
  const length = lengthOf(text)
  if (length > max) {
    return {
      message: `${what} is too long: at most ${formatCount(max)} characters (this one has ${formatCount(length)}).`,
      ok: false,
    }
  }
  return { ok: true, text }
}

/**
 * Checks a feedback submission (untrusted input) against the item's questions. The body must be
 * an object with only `recommend` (whole number 0–10, required), `rating` (whole number 1–5,
 * required), `comment` (text, optional) and `answers` (optional object of question id → value:
 * an option id for a choice, a whole number from 1 to the scale's top for a scale, text for a
 * text question). Answers to questions the item does not have, values that do not fit their
 * question, and missing answers to required questions are refused. The first problem is
 * reported in a sentence; questions are named by their number ("Question 2: …").
 */
export const validateFeedback = (
  questions: FeedbackQuestion[],
  body: unknown,
  limits: FeedbackLimits = defaultFeedbackLimits,
): FeedbackValidation => {
  const fail = (message: string): FeedbackValidation => ({ message, ok: false })
  if (!isRecord(body)) return fail('Send the feedback as a JSON object.')
  const unknown = Object.keys(body).find((key) => !fields.includes(key))
  if (unknown !== undefined) {
    return fail(
      `"${unknown.slice(0, 40)}" is not part of feedback: send recommend, rating, comment and answers.`,
    )
  }
  if (body.recommend === undefined || body.recommend === null) {
    return fail('Give a score from 0 to 10: how likely are you to recommend it?')
  }
  if (!isWholeIn(body.recommend, RECOMMEND_MIN, RECOMMEND_MAX)) {
    return fail('The recommendation score must be a whole number from 0 to 10.')
  }
  if (body.rating === undefined || body.rating === null) {
    return fail('Rate the content from 1 to 5.')
  }
  if (!isWholeIn(body.rating, RATING_MIN, RATING_MAX)) {
    return fail('The rating must be a whole number from 1 to 5.')
  }
  const comment = cleanText(body.comment, limits.commentMaxLength, 'The comment')
  if (!comment.ok) return fail(comment.message)

  const given = body.answers === undefined || body.answers === null ? {} : body.answers
  if (!isRecord(given)) return fail('Send the answers as an object of question ids and values.')
  const ids = new Set(questions.map((question) => question.id))
  const stray = Object.keys(given).find((key) => !ids.has(key))
  if (stray !== undefined) {
    return fail(`"${stray.slice(0, 40)}" is not one of the questions of this feedback form.`)
  }
  const answers: FeedbackAnswer[] = []
  for (const [index, question] of questions.entries()) {
    const label = `Question ${index + 1}`
    const raw = Object.hasOwn(given, question.id) ? given[question.id] : undefined
    let value: null | number | string = null
    if (raw !== undefined && raw !== null) {
      switch (question.kind) {
        case 'choice': {
          if (typeof raw !== 'string' || !(question.options ?? []).some((o) => o.id === raw)) {
            return fail(`${label}: choose one of its options.`)
          }
          value = raw
          break
        }
        case 'scale': {
          const max = scaleMaxOf(question)
          if (!isWholeIn(raw, 1, max))
            return fail(`${label}: give a whole number from 1 to ${max}.`)
          value = raw
          break
        }
        case 'text': {
          const text = cleanText(raw, limits.textAnswerMaxLength, `${label}: the answer`)
          if (!text.ok) return fail(text.message)
          value = text.text
          break
        }
        default:
          return fail(`${label} cannot be answered.`)
      }
    }
    if (value === null) {
      if (question.required) return fail(`${label} needs an answer: ${question.question}`)
      continue
    }
    answers.push({ questionId: question.id, value })
  }
  return {
    ok: true,
    submission: {
      answers,
      comment: comment.text,
      rating: body.rating,
      recommend: body.recommend,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Net Promoter Score and the other figures staff see.

export type RecommendGroup = 'detractor' | 'passive' | 'promoter'

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export const recommendGroup = (score: number): RecommendGroup => {
  if (!isWholeIn(score, RECOMMEND_MIN, RECOMMEND_MAX)) {
    throw new RangeError(`A recommendation score is a whole number from 0 to 10 (got ${score}).`)
  }
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
}

export type NpsCounts = { detractors: number; passives: number; promoters: number }

const assertCount = (value: number, what: string): void => {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of at least 0 (got ${value}).`)
  }
}

/**
 * Rounds to a whole number, halves away from zero (12.5 → 13, −12.5 → −13), after removing
 * floating-point noise: a score and its mirror image round to opposite numbers.
 */
export const roundHalfAwayFromZero = (value: number): number =>
  Math.sign(value) * roundHalfUp(Math.abs(cleanDecimal(value))) + 0

/**
 * Net Promoter Score: promoters minus detractors, in percent of all responses (passives count
 * in the total only), rounded to a whole number with halves away from zero; from −100 to 100.
 * Null when there are no responses: no score is not a score of 0.
 */
export const netPromoterScore = (counts: NpsCounts): null | number => {
  assertCount(counts.promoters, 'Promoters')
  assertCount(counts.passives, 'Passives')
  assertCount(counts.detractors, 'Detractors')
  const total = counts.promoters + counts.passives + counts.detractors
  if (total === 0) return null
  return roundHalfAwayFromZero((100 * (counts.promoters - counts.detractors)) / total)
}

/** A share in percent of a whole, rounded half up to one decimal; null when the whole is 0. */
export const percentOf = (part: number, whole: number): null | number => {
  assertCount(part, 'The part')
  assertCount(whole, 'The whole')
  if (whole === 0) return null
  return roundHalfUp((1000 * part) / whole) / 10
}

/** Responses per rating (1–5). */
export type RatingCounts = Record<1 | 2 | 3 | 4 | 5, number>

/** The summary of a set of responses, from counts the database made. */
export type ScoresSummary = {
  /** Mean rating (1–5), rounded half up to two decimals; null without responses. */
  averageRating: null | number
  nps: NpsCounts & {
    /** Share of each group in percent of responses (one decimal); null without responses. */
    detractorsPercent: null | number
    passivesPercent: null | number
    promotersPercent: null | number
    score: null | number
  }
  ratingCounts: RatingCounts
  responses: number
}

/**
 * Rating average and NPS of a set of responses, from the number of responses per rating and
 * per recommendation group. Both describe the same responses, so their totals must agree.
 */
export const summariseScores = (ratingCounts: RatingCounts, counts: NpsCounts): ScoresSummary => {
  const ratings = [1, 2, 3, 4, 5] as const
  for (const rating of ratings) assertCount(ratingCounts[rating], `Ratings of ${rating}`)
  const responses = ratings.reduce((sum, rating) => sum + ratingCounts[rating], 0)
  const groups = counts.promoters + counts.passives + counts.detractors
  if (groups !== responses) {
    throw new RangeError(
      `The rating counts (${responses}) and the recommendation groups (${groups}) describe different responses.`,
    )
  }
  const sum = ratings.reduce((total, rating) => total + rating * ratingCounts[rating], 0)
  return {
    averageRating: responses === 0 ? null : roundHalfUp((100 * sum) / responses) / 100,
    nps: {
      ...counts,
      detractorsPercent: percentOf(counts.detractors, responses),
      passivesPercent: percentOf(counts.passives, responses),
      promotersPercent: percentOf(counts.promoters, responses),
      score: netPromoterScore(counts),
    },
    ratingCounts: { ...ratingCounts },
    responses,
  }
}

/** What members answered to one question, for staff. */
export type QuestionSummary =
  | {
      answered: number
      kind: 'choice'
      options: { count: number; id: string; label: string }[]
      question: string
      questionId: string
    }
  | {
      answered: number
      average: null | number
      counts: number[]
      kind: 'scale'
      max: number
      question: string
      questionId: string
    }
  | {
      answered: number
      kind: 'text'
      latest: string[]
      question: string
      questionId: string
    }

/**
 * Tallies the answers of many responses per question: option counts for a choice, the
 * distribution and mean (two decimals) for a scale, and the first `textSamples` answers for a
 * text question (pass the responses newest first to get the latest). Answers to questions that
 * no longer exist, or that no longer fit their question (an option removed, a scale shortened),
 * are left out.
 */
export const summariseAnswers = (
  questions: FeedbackQuestion[],
  responses: FeedbackAnswer[][],
  textSamples = 20,
): QuestionSummary[] =>
  questions.map((question): QuestionSummary => {
    const values = responses.flatMap((answers) =>
      answers.filter((answer) => answer.questionId === question.id).map((answer) => answer.value),
    )
    const base = { question: question.question, questionId: question.id }
    if (question.kind === 'choice') {
      const options = (question.options ?? []).map((option) => ({
        count: values.filter((value) => value === option.id).length,
        id: option.id,
        label: option.label,
      }))
      return {
        ...base,
        answered: options.reduce((sum, option) => sum + option.count, 0),
        kind: 'choice',
        options,
      }
    }
    if (question.kind === 'scale') {
      const max = scaleMaxOf(question)
      const fitting = values.filter((value): value is number => isWholeIn(value, 1, max))
      const counts = Array.from(
        { length: max },
        (_, index) => fitting.filter((value) => value === index + 1).length,
      )
      const sum = fitting.reduce((total, value) => total + value, 0)
      return {
        ...base,
        answered: fitting.length,
        average: fitting.length === 0 ? null : roundHalfUp((100 * sum) / fitting.length) / 100,
        counts,
        kind: 'scale',
        max,
      }
    }
    const texts = values.filter((value): value is string => typeof value === 'string')
    return { ...base, answered: texts.length, kind: 'text', latest: texts.slice(0, textSamples) }
  })

// ---------------------------------------------------------------------------------------------
// The edit window.

/** Until when feedback given at `givenAt` may be changed: `days` whole days later. */
export const feedbackEditableUntil = (givenAt: Date | string, days: number): Date => {
  if (!Number.isFinite(days) || days < 0) {
    throw new RangeError(`The edit window must be at least 0 days (got ${days}).`)
  }
  return new Date(toDate(givenAt).getTime() + days * DAY_MS)
}

/** Whether feedback given at `givenAt` may still be changed at `now` (the end is excluded). */
export const canEditFeedback = (givenAt: Date | string, days: number, now: Date): boolean =>
  now.getTime() < feedbackEditableUntil(givenAt, days).getTime()
