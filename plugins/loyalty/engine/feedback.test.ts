import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  type FeedbackQuestion,
  canEditFeedback,
  feedbackEditableUntil,
  netPromoterScore,
  percentOf,
  recommendGroup,
  roundHalfAwayFromZero,
  summariseAnswers,
  summariseScores,
  validateFeedback,
} from './feedback'

const questions: FeedbackQuestion[] = [
  {
    id: 'q-pace',
    kind: 'choice',
    options: [
      { id: 'slow', label: 'Too slow' },
      { id: 'right', label: 'Just right' },
      { id: 'fast', label: 'Too fast' },
    ],
    question: 'How was the pace?',
    required: true,
  },
  {
    id: 'q-useful',
    kind: 'scale',
    question: 'How useful for your work?',
    required: false,
    scaleMax: 7,
  },
  { id: 'q-topic', kind: 'text', question: 'What should we cover next?', required: false },
]

const valid = { answers: { 'q-pace': 'right' }, rating: 4, recommend: 9 }

describe('validateFeedback', () => {
  it('accepts a complete submission and normalises it', () => {
    expect(
      validateFeedback(questions, {
        answers: { 'q-pace': 'fast', 'q-topic': '  Hydraulic balancing  ', 'q-useful': 7 },
        comment: '  Great trainer.\nMore examples please.  ',
        rating: 5,
        recommend: 10,
      }),
    ).toStrictEqual({
      ok: true,
      submission: {
        answers: [
          { questionId: 'q-pace', value: 'fast' },
          { questionId: 'q-useful', value: 7 },
          { questionId: 'q-topic', value: 'Hydraulic balancing' },
        ],
        comment: 'Great trainer.\nMore examples please.',
        rating: 5,
        recommend: 10,
      },
    })
  })

  it('accepts the edges of both ranges, no comment and no optional answers', () => {
    for (const [recommend, rating] of [
      [0, 1],
      [10, 5],
    ]) {
      const result = validateFeedback(questions, { ...valid, comment: '   ', rating, recommend })
      expect(result).toStrictEqual({
        ok: true,
        submission: {
          answers: [{ questionId: 'q-pace', value: 'right' }],
          comment: null,
          rating,
          recommend,
        },
      })
    }
    // An item without questions takes no answers at all.
    expect(validateFeedback([], { rating: 3, recommend: 5 }).ok).toBe(true)
    expect(validateFeedback([], { answers: null, comment: null, rating: 3, recommend: 5 }).ok).toBe(
      true,
    )
  })

  it.each([
    [null, 'Send the feedback as a JSON object.'],
    [[], 'Send the feedback as a JSON object.'],
    ['9', 'Send the feedback as a JSON object.'],
    [{}, 'Give a score from 0 to 10: how likely are you to recommend it?'],
    [{ rating: 4 }, 'Give a score from 0 to 10: how likely are you to recommend it?'],
    [{ rating: 4, recommend: 11 }, 'The recommendation score must be a whole number from 0 to 10.'],
    [{ rating: 4, recommend: -1 }, 'The recommendation score must be a whole number from 0 to 10.'],
    [
      { rating: 4, recommend: 7.5 },
      'The recommendation score must be a whole number from 0 to 10.',
    ],
    [
      { rating: 4, recommend: '9' },
      'The recommendation score must be a whole number from 0 to 10.',
    ],
    [
      { rating: 4, recommend: Number.NaN },
      'The recommendation score must be a whole number from 0 to 10.',
    ],
    [{ recommend: 9 }, 'Rate the content from 1 to 5.'],
    [{ rating: 0, recommend: 9 }, 'The rating must be a whole number from 1 to 5.'],
    [{ rating: 6, recommend: 9 }, 'The rating must be a whole number from 1 to 5.'],
    [{ rating: true, recommend: 9 }, 'The rating must be a whole number from 1 to 5.'],
    [{ ...valid, comment: 42 }, 'The comment must be text.'],
    [{ ...valid, comment: 'a\u0000b' }, 'The comment contains characters that are not allowed.'],
    [
      { ...valid, comment: 'x'.repeat(2001) },
      'The comment is too long: at most 2,000 characters (this one has 2,001).',
    ],
    [
      { ...valid, member: 12 },
      '"member" is not part of feedback: send recommend, rating, comment and answers.',
    ],
    [{ ...valid, answers: ['right'] }, 'Send the answers as an object of question ids and values.'],
    [
      { ...valid, answers: { 'q-pace': 'right', 'q-other': 'x' } },
      '"q-other" is not one of the questions of this feedback form.',
    ],
    [{ ...valid, answers: {} }, 'Question 1 needs an answer: How was the pace?'],
    [{ ...valid, answers: { 'q-pace': 'never' } }, 'Question 1: choose one of its options.'],
    [{ ...valid, answers: { 'q-pace': ['right'] } }, 'Question 1: choose one of its options.'],
    [
      { ...valid, answers: { 'q-pace': 'right', 'q-useful': 8 } },
      'Question 2: give a whole number from 1 to 7.',
    ],
    [
      { ...valid, answers: { 'q-pace': 'right', 'q-useful': '3' } },
      'Question 2: give a whole number from 1 to 7.',
    ],
    [
      { ...valid, answers: { 'q-pace': 'right', 'q-topic': { $ne: '' } } },
      'Question 3: the answer must be text.',
    ],
    [
      { ...valid, answers: { 'q-pace': 'right', 'q-topic': 'y'.repeat(501) } },
      'Question 3: the answer is too long: at most 500 characters (this one has 501).',
    ],
  ])('refuses %j: %s', (body, message) => {
    expect(validateFeedback(questions, body)).toStrictEqual({ message, ok: false })
  })

  it('counts characters as people do (an emoji is one) and honours other limits', () => {
    const emoji = '👍'.repeat(2000)
    expect(validateFeedback(questions, { ...valid, comment: emoji }).ok).toBe(true)
    const short = validateFeedback(
      questions,
      { ...valid, comment: 'abcdef' },
      {
        commentMaxLength: 5,
        textAnswerMaxLength: 5,
      },
    )
    expect(short).toStrictEqual({
      message: 'The comment is too long: at most 5 characters (this one has 6).',
      ok: false,
    })
  })

  it('never throws on any input, and what it accepts is in range', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (body) => {
        const result = validateFeedback(questions, body)
        if (!result.ok) return typeof result.message === 'string' && result.message.length > 3
        const { rating, recommend } = result.submission
        return rating >= 1 && rating <= 5 && recommend >= 0 && recommend <= 10
      }),
      { numRuns: 2000 },
    )
  })
})

describe('recommendGroup', () => {
  it('puts 0–6 in detractors, 7–8 in passives, 9–10 in promoters', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(recommendGroup)).toStrictEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ])
    expect(() => recommendGroup(11)).toThrow(RangeError)
    expect(() => recommendGroup(8.5)).toThrow(RangeError)
  })
})

describe('netPromoterScore', () => {
  it('is null without responses (no score is not a score of 0)', () => {
    expect(netPromoterScore({ detractors: 0, passives: 0, promoters: 0 })).toBeNull()
  })

  it('is 0 when every response is passive, and ±100 at the extremes', () => {
    expect(netPromoterScore({ detractors: 0, passives: 7, promoters: 0 })).toBe(0)
    expect(netPromoterScore({ detractors: 0, passives: 0, promoters: 3 })).toBe(100)
    expect(netPromoterScore({ detractors: 4, passives: 0, promoters: 0 })).toBe(-100)
    expect(netPromoterScore({ detractors: 2, passives: 1, promoters: 2 })).toBe(0)
  })

  it('counts passives in the total only', () => {
    // 5 promoters, 3 passives, 2 detractors: (5 − 2) / 10 = 30 %.
    expect(netPromoterScore({ detractors: 2, passives: 3, promoters: 5 })).toBe(30)
  })

  it('rounds to whole numbers, halves away from zero, symmetrically', () => {
    // 1 of 8: 12.5 → 13 and −12.5 → −13.
    expect(netPromoterScore({ detractors: 0, passives: 7, promoters: 1 })).toBe(13)
    expect(netPromoterScore({ detractors: 1, passives: 7, promoters: 0 })).toBe(-13)
    // 1 of 3: 33.33… → 33; 2 of 3: 66.67 → 67.
    expect(netPromoterScore({ detractors: 0, passives: 2, promoters: 1 })).toBe(33)
    expect(netPromoterScore({ detractors: 0, passives: 1, promoters: 2 })).toBe(67)
    expect(netPromoterScore({ detractors: 2, passives: 1, promoters: 0 })).toBe(-67)
    // 1 of 6: 16.67 → 17; a tie never gives −0.
    expect(netPromoterScore({ detractors: 0, passives: 5, promoters: 1 })).toBe(17)
    expect(Object.is(netPromoterScore({ detractors: 1, passives: 0, promoters: 1 }), 0)).toBe(true)
    expect(roundHalfAwayFromZero(-0.4)).toBe(0)
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true)
    expect(roundHalfAwayFromZero(2.5)).toBe(3)
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3)
  })

  it('refuses counts that are not whole numbers of at least 0', () => {
    expect(() => netPromoterScore({ detractors: -1, passives: 0, promoters: 1 })).toThrow(
      RangeError,
    )
    expect(() => netPromoterScore({ detractors: 0, passives: 0.5, promoters: 1 })).toThrow(
      RangeError,
    )
  })

  it('stays within −100 and 100 and mirrors when promoters and detractors swap', () => {
    const count = fc.integer({ max: 10_000, min: 0 })
    fc.assert(
      fc.property(count, count, count, (promoters, passives, detractors) => {
        const score = netPromoterScore({ detractors, passives, promoters })
        const mirror = netPromoterScore({ detractors: promoters, passives, promoters: detractors })
        if (promoters + passives + detractors === 0) return score === null && mirror === null
        return (
          score !== null &&
          Number.isInteger(score) &&
          score >= -100 &&
          score <= 100 &&
          mirror === -score + 0
        )
      }),
    )
  })
})

describe('percentOf', () => {
  it('is a share with one decimal, null of nothing', () => {
    expect(percentOf(1, 3)).toBe(33.3)
    expect(percentOf(2, 3)).toBe(66.7)
    expect(percentOf(1, 8)).toBe(12.5)
    expect(percentOf(1, 16)).toBe(6.3)
    expect(percentOf(0, 5)).toBe(0)
    expect(percentOf(5, 5)).toBe(100)
    expect(percentOf(0, 0)).toBeNull()
  })
})

describe('summariseScores', () => {
  it('gives nothing but zeros and nulls without responses', () => {
    expect(
      summariseScores(
        { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
        { detractors: 0, passives: 0, promoters: 0 },
      ),
    ).toStrictEqual({
      averageRating: null,
      nps: {
        detractors: 0,
        detractorsPercent: null,
        passives: 0,
        passivesPercent: null,
        promoters: 0,
        promotersPercent: null,
        score: null,
      },
      ratingCounts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      responses: 0,
    })
  })

  it('averages the ratings to two decimals, half up', () => {
    // 5, 4, 4: 4.333… → 4.33; 5, 4, 4, 4, 4, 4 (25/6 = 4.1666…) → 4.17; 2 and 3 → 2.5.
    const none = { detractors: 0, passives: 0 }
    expect(
      summariseScores({ 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 }, { ...none, promoters: 3 }).averageRating,
    ).toBe(4.33)
    expect(
      summariseScores({ 1: 0, 2: 0, 3: 0, 4: 5, 5: 1 }, { ...none, promoters: 6 }).averageRating,
    ).toBe(4.17)
    expect(
      summariseScores({ 1: 0, 2: 1, 3: 1, 4: 0, 5: 0 }, { ...none, promoters: 2 }).averageRating,
    ).toBe(2.5)
  })

  it('gives the NPS and the share of each group', () => {
    const summary = summariseScores(
      { 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 },
      { detractors: 2, passives: 3, promoters: 5 },
    )
    expect(summary.responses).toBe(10)
    expect(summary.averageRating).toBe(3.6)
    expect(summary.nps).toStrictEqual({
      detractors: 2,
      detractorsPercent: 20,
      passives: 3,
      passivesPercent: 30,
      promoters: 5,
      promotersPercent: 50,
      score: 30,
    })
  })

  it('refuses counts that describe different responses', () => {
    expect(() =>
      summariseScores(
        { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
        { detractors: 0, passives: 0, promoters: 2 },
      ),
    ).toThrow(/different responses/)
  })
})

describe('summariseAnswers', () => {
  it('counts choices, describes scales and keeps the latest texts', () => {
    const summary = summariseAnswers(
      questions,
      [
        [
          { questionId: 'q-pace', value: 'right' },
          { questionId: 'q-useful', value: 7 },
          { questionId: 'q-topic', value: 'Defrosting' },
        ],
        [
          { questionId: 'q-pace', value: 'right' },
          { questionId: 'q-useful', value: 4 },
        ],
        [
          { questionId: 'q-pace', value: 'removed-option' },
          { questionId: 'q-useful', value: 9 },
          { questionId: 'q-gone', value: 'x' },
          { questionId: 'q-topic', value: 'Noise' },
        ],
      ],
      1,
    )
    expect(summary).toStrictEqual([
      {
        answered: 2,
        kind: 'choice',
        options: [
          { count: 0, id: 'slow', label: 'Too slow' },
          { count: 2, id: 'right', label: 'Just right' },
          { count: 0, id: 'fast', label: 'Too fast' },
        ],
        question: 'How was the pace?',
        questionId: 'q-pace',
      },
      {
        answered: 2,
        average: 5.5,
        counts: [0, 0, 0, 1, 0, 0, 1],
        kind: 'scale',
        max: 7,
        question: 'How useful for your work?',
        questionId: 'q-useful',
      },
      {
        answered: 2,
        kind: 'text',
        latest: ['Defrosting'],
        question: 'What should we cover next?',
        questionId: 'q-topic',
      },
    ])
  })

  it('describes questions nobody answered', () => {
    expect(summariseAnswers(questions.slice(1, 2), [])).toStrictEqual([
      {
        answered: 0,
        average: null,
        counts: [0, 0, 0, 0, 0, 0, 0],
        kind: 'scale',
        max: 7,
        question: 'How useful for your work?',
        questionId: 'q-useful',
      },
    ])
  })
})

describe('the edit window', () => {
  it('is open for exactly the given days after the feedback was given', () => {
    const givenAt = new Date('2026-03-01T10:00:00Z')
    expect(feedbackEditableUntil(givenAt, 7).toISOString()).toBe('2026-03-08T10:00:00.000Z')
    expect(canEditFeedback(givenAt, 7, new Date('2026-03-08T09:59:59.999Z'))).toBe(true)
    expect(canEditFeedback(givenAt, 7, new Date('2026-03-08T10:00:00.000Z'))).toBe(false)
    expect(canEditFeedback('2026-03-01T10:00:00Z', 0, givenAt)).toBe(false)
    expect(() => feedbackEditableUntil(givenAt, -1)).toThrow(RangeError)
    expect(() => feedbackEditableUntil('not a date', 7)).toThrow(RangeError)
  })
})
