type QuizQuestion = {
  options?: null | { correct?: boolean | null; label?: null | string }[]
  question?: null | string
}

/**
 * A quiz question needs at least one option marked correct; otherwise nobody could pass.
 * Returns a message naming the question, as Payload field validators do.
 */
export const validateQuiz = (
  questions: null | QuizQuestion[] | undefined | unknown,
): string | true => {
  if (!Array.isArray(questions)) return true
  for (const [index, question] of (questions as QuizQuestion[]).entries()) {
    const options = question?.options ?? []
    if (options.length > 0 && !options.some((option) => option?.correct)) {
      return `Question ${index + 1} ("${question?.question ?? ''}") needs at least one correct option.`
    }
  }
  return true
}
