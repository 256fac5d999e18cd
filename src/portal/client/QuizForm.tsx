'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { Button } from '../components/Button'
import { type AwardSummary, apiRequest, pointsGained } from './api'
import { type FeedbackState, Feedback } from './Feedback'

export type QuizQuestionView = {
  id: string
  options: { id: string; label: string }[]
  question: string
}

type QuizAnswer = {
  answers: null | { correctOptionIds: string[]; explanation: null | string; questionId: string }[]
  attemptsLeft: number
  certificateCode: null | string
  courseAward: AwardSummary | null
  courseCompleted: boolean
  passed: boolean
  perQuestion: Record<string, boolean>
  scorePercent: number
}

type Props = {
  /** Passed on an earlier visit: shows the outcome and the way on instead of the questions. */
  alreadyPassed: null | { certificate: boolean; scorePercent: null | number }
  attemptsLeft: number
  courseId: number | string
  passMarkPercent: number
  questions: QuizQuestionView[]
}

/**
 * The course quiz. Graded on the server (`POST /api/courses/:id/quiz`); after each attempt it
 * shows the score and which questions were right, and after a pass the explanations.
 */
export function QuizForm({
  alreadyPassed,
  attemptsLeft: initialAttempts,
  courseId,
  passMarkPercent,
  questions,
}: Props) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [result, setResult] = useState<null | QuizAnswer>(null)
  const attemptsLeft = result ? result.attemptsLeft : initialAttempts

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form)
    const answers = Object.fromEntries(
      questions.map((question) => [question.id, data.getAll(question.id).map(String)]),
    )
    const unanswered = questions.findIndex((question) => answers[question.id].length === 0)
    if (unanswered !== -1) {
      setFeedback({ text: `Please answer question ${unanswered + 1}.`, tone: 'error' })
      return
    }
    setBusy(true)
    setFeedback(null)
    const answer = await apiRequest<QuizAnswer>('POST', `/courses/${courseId}/quiz`, { answers })
    setBusy(false)
    if (!answer.ok) {
      setFeedback({ text: answer.message, tone: 'error' })
      return
    }
    setResult(answer.data)
    const { passed, scorePercent } = answer.data
    const gained = pointsGained(answer.data.courseAward)
    setFeedback(
      passed
        ? {
            text: `Passed with ${scorePercent} %!${answer.data.courseCompleted ? ' Course complete.' : ''}${gained ? ` ${gained}` : ''}`,
            tone: 'success',
          }
        : {
            text: `${scorePercent} %: not passed yet (you need ${passMarkPercent} %). ${answer.data.attemptsLeft > 0 ? `You have ${answer.data.attemptsLeft} ${answer.data.attemptsLeft === 1 ? 'attempt' : 'attempts'} left; the questions marked ✗ need another look.` : 'No attempts left.'}`,
            tone: 'error',
          },
    )
    if (passed) router.refresh()
  }

  // After a pass the page refreshes (points in the header); this component keeps its state.
  if (alreadyPassed && !result) {
    return (
      <div>
        <p className="pc-notice pc-notice--success">
          You passed this quiz
          {alreadyPassed.scorePercent !== null ? ` with ${alreadyPassed.scorePercent} %` : ''}.
        </p>
        <div className="pc-row">
          {alreadyPassed.certificate ? (
            <Link className="pc-button" href={`/courses/${courseId}/certificate`}>
              View your certificate
            </Link>
          ) : null}
          <Link className="pc-button pc-button--secondary" href={`/courses/${courseId}`}>
            Back to the course
          </Link>
        </div>
      </div>
    )
  }

  const explanation = (id: string) => result?.answers?.find((answer) => answer.questionId === id)
  return (
    <form
      className="pc-quiz"
      onSubmit={(event) => {
        event.preventDefault()
        void submit(event.currentTarget)
      }}
    >
      {questions.map((question, index) => {
        const correct = result ? result.perQuestion[question.id] : undefined
        const solved = explanation(question.id)
        return (
          <fieldset disabled={result?.passed} key={question.id}>
            <legend>
              {index + 1}. {question.question}
            </legend>
            <p className="pc-card__meta">Select every answer that is right.</p>
            {question.options.map((option) => (
              <label className="pc-choice" key={option.id}>
                <input name={question.id} type="checkbox" value={option.id} />
                <span>
                  {option.label}
                  {solved?.correctOptionIds.includes(option.id) ? (
                    <strong> ✓ right answer</strong>
                  ) : null}
                </span>
              </label>
            ))}
            {correct === true ? <p className="pc-badge pc-badge--success">✓ Correct</p> : null}
            {correct === false ? <p className="pc-badge pc-badge--danger">✗ Not quite</p> : null}
            {solved?.explanation ? <p className="pc-card__meta">{solved.explanation}</p> : null}
          </fieldset>
        )
      })}
      <Feedback state={feedback} />
      {result?.passed ? (
        <div className="pc-row">
          {result.certificateCode ? (
            <Link className="pc-button" href={`/courses/${courseId}/certificate`}>
              View your certificate
            </Link>
          ) : null}
          <Link className="pc-button pc-button--secondary" href={`/courses/${courseId}`}>
            Back to the course
          </Link>
        </div>
      ) : (
        <Button aria-busy={busy} disabled={busy || attemptsLeft <= 0} type="submit">
          {busy ? 'Checking…' : result ? 'Try again' : 'Submit answers'}
        </Button>
      )}
    </form>
  )
}
