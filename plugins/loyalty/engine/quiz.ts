import type { QuizAnswersValidation, QuizGrade, QuizQuestion } from './types'

/** Whether two lists hold the same ids, ignoring order and repeats. */
const sameSet = (a: string[], b: string[]): boolean => {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((id) => right.has(id))
}

/**
 * Grades a quiz. A question is correct when the chosen option ids are exactly its correct option
 * ids (as a set: every correct option chosen and nothing else). Unknown question ids in `answers`
 * are ignored; an unanswered question is wrong. scorePercent = round(100 × correct / questions),
 * 100 for a quiz without questions; passed when scorePercent ≥ passMarkPercent.
 */
export const gradeQuiz = (
  questions: QuizQuestion[],
  answers: Record<string, string[]>,
  passMarkPercent: number,
): QuizGrade => {
  const results = questions.map((question): [string, boolean] => {
    const chosen = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined
    const key = question.options.filter((option) => option.correct).map((option) => option.id)
    return [question.id, Array.isArray(chosen) && sameSet(chosen, key)]
  })
  const correctCount = results.filter(([, correct]) => correct).length
  const perQuestion: Record<string, boolean> = Object.fromEntries(results)
  const scorePercent =
    questions.length === 0 ? 100 : Math.round((100 * correctCount) / questions.length)
  return { correctCount, passed: scorePercent >= passMarkPercent, perQuestion, scorePercent }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Checks submitted quiz answers (untrusted input) before grading. They must be an object that maps
 * every question id to a non-empty list of distinct option ids of that question. Questions are
 * checked in order and the first problem is reported, naming the question by its number
 * ("Question 2: choose at least one option."); missing questions are reported after that
 * ("Answer every question: 1 of 3 missing."). Keys that are not question ids are dropped from
 * the returned answers.
 */
export const validateQuizAnswers = (
  questions: QuizQuestion[],
  answers: unknown,
): QuizAnswersValidation => {
  if (!isRecord(answers)) {
    return { message: 'Send the answers as an object of question ids and option ids.', ok: false }
  }
  const valid: [string, string[]][] = []
  let missing = 0
  for (const [index, question] of questions.entries()) {
    const label = `Question ${index + 1}`
    if (!Object.hasOwn(answers, question.id)) {
      missing += 1
      continue
    }
    const chosen = answers[question.id]
    if (!Array.isArray(chosen)) {
      return { message: `${label}: send the chosen options as a list.`, ok: false }
    }
    if (chosen.length === 0) {
      return { message: `${label}: choose at least one option.`, ok: false }
    }
    const ids: string[] = []
    for (const id of chosen) {
      if (typeof id !== 'string') {
        return { message: `${label}: options must be given by their id.`, ok: false }
      }
      if (!question.options.some((option) => option.id === id)) {
        return { message: `${label}: option "${id}" does not exist.`, ok: false }
      }
      if (ids.includes(id)) {
        return { message: `${label}: option "${id}" is chosen more than once.`, ok: false }
      }
      ids.push(id)
    }
    valid.push([question.id, ids])
  }
  if (missing > 0) {
    return {
      message: `Answer every question: ${missing} of ${questions.length} missing.`,
      ok: false,
    }
  }
  return { answers: Object.fromEntries(valid), ok: true }
}
