import { describe, expect, it } from 'vitest'

import type { QuizQuestion } from './types'

import { gradeQuiz, validateQuizAnswers } from './quiz'

const questions: QuizQuestion[] = [
  {
    id: 'q1',
    options: [
      { correct: true, id: 'a', label: 'Copper' },
      { correct: false, id: 'b', label: 'Wood' },
    ],
  },
  {
    id: 'q2',
    options: [
      { correct: true, id: 'a', label: 'IP65' },
      { correct: false, id: 'b', label: 'IP20' },
      { correct: true, id: 'c', label: 'IP67' },
    ],
  },
  {
    id: 'q3',
    options: [
      { correct: false, id: 'a', label: '12 V' },
      { correct: true, id: 'b', label: '230 V' },
    ],
  },
]

describe('gradeQuiz', () => {
  it('passes a quiz answered perfectly', () => {
    expect(gradeQuiz(questions, { q1: ['a'], q2: ['c', 'a'], q3: ['b'] }, 80)).toStrictEqual({
      correctCount: 3,
      passed: true,
      perQuestion: { q1: true, q2: true, q3: true },
      scorePercent: 100,
    })
  })

  it('needs exactly the correct options of a multiple-answer question', () => {
    const partly = gradeQuiz(questions, { q1: ['a'], q2: ['a'], q3: ['b'] }, 80)
    expect(partly.perQuestion.q2).toBe(false)
    const tooMany = gradeQuiz(questions, { q1: ['a'], q2: ['a', 'b', 'c'], q3: ['b'] }, 80)
    expect(tooMany.perQuestion.q2).toBe(false)
    expect(tooMany.correctCount).toBe(2)
  })

  it('rounds the score and compares it with the pass mark', () => {
    const answers = { q1: ['a'], q2: ['a', 'c'], q3: ['a'] }
    expect(gradeQuiz(questions, answers, 67)).toMatchObject({ passed: true, scorePercent: 67 })
    expect(gradeQuiz(questions, answers, 70)).toMatchObject({ passed: false, scorePercent: 67 })
  })

  it('counts missing answers as wrong and ignores unknown questions', () => {
    expect(gradeQuiz(questions, { q1: ['a'], q9: ['a'] }, 50)).toStrictEqual({
      correctCount: 1,
      passed: false,
      perQuestion: { q1: true, q2: false, q3: false },
      scorePercent: 33,
    })
  })

  it('treats a quiz without questions as passed', () => {
    expect(gradeQuiz([], {}, 80)).toStrictEqual({
      correctCount: 0,
      passed: true,
      perQuestion: {},
      scorePercent: 100,
    })
  })
})

describe('validateQuizAnswers', () => {
  it('accepts a complete set of answers and drops unknown keys', () => {
    expect(
      validateQuizAnswers(questions, { extra: ['a'], q1: ['a'], q2: ['a', 'c'], q3: ['b'] }),
    ).toStrictEqual({ answers: { q1: ['a'], q2: ['a', 'c'], q3: ['b'] }, ok: true })
  })

  it('rejects answers that are not an object', () => {
    for (const answers of [null, ['a'], 'a', 3, undefined]) {
      expect(validateQuizAnswers(questions, answers)).toStrictEqual({
        message: 'Send the answers as an object of question ids and option ids.',
        ok: false,
      })
    }
  })

  it('requires at least one option', () => {
    expect(validateQuizAnswers(questions, { q1: ['a'], q2: [], q3: ['b'] })).toStrictEqual({
      message: 'Question 2: choose at least one option.',
      ok: false,
    })
  })

  it('names an option that does not exist', () => {
    expect(validateQuizAnswers(questions, { q1: ['a'], q2: ['a'], q3: ['x'] })).toStrictEqual({
      message: 'Question 3: option "x" does not exist.',
      ok: false,
    })
  })

  it('rejects an option of another question', () => {
    expect(validateQuizAnswers(questions, { q1: ['c'], q2: ['a'], q3: ['b'] })).toStrictEqual({
      message: 'Question 1: option "c" does not exist.',
      ok: false,
    })
  })

  it('rejects an option chosen twice', () => {
    expect(validateQuizAnswers(questions, { q1: ['a', 'a'], q2: ['a'], q3: ['b'] })).toStrictEqual({
      message: 'Question 1: option "a" is chosen more than once.',
      ok: false,
    })
  })

  it('rejects answers that are not lists of ids', () => {
    expect(validateQuizAnswers(questions, { q1: 'a', q2: ['a'], q3: ['b'] })).toStrictEqual({
      message: 'Question 1: send the chosen options as a list.',
      ok: false,
    })
    expect(validateQuizAnswers(questions, { q1: [1], q2: ['a'], q3: ['b'] })).toStrictEqual({
      message: 'Question 1: options must be given by their id.',
      ok: false,
    })
  })

  it('counts missing questions', () => {
    expect(validateQuizAnswers(questions, { q1: ['a'], q3: ['b'] })).toStrictEqual({
      message: 'Answer every question: 1 of 3 missing.',
      ok: false,
    })
    expect(validateQuizAnswers(questions, {})).toStrictEqual({
      message: 'Answer every question: 3 of 3 missing.',
      ok: false,
    })
  })

  it('reports a wrong answer before missing ones', () => {
    expect(validateQuizAnswers(questions, { q2: [] })).toStrictEqual({
      message: 'Question 2: choose at least one option.',
      ok: false,
    })
  })
})
