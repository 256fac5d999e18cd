'use client'

import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'

import type { FeedbackFormData, FeedbackQuestionView, OwnFeedback } from '../data/feedback'

import { Button } from '../components/Button'
import { type AwardSummary, apiRequest, pointsGained } from './api'
import { type FeedbackState, Feedback } from './Feedback'
import { showToast } from './toast'

type Props = { data: FeedbackFormData; noun: 'course' | 'event' }

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** A row of numbered choices (0–10, 1–5…), each a 44 px target; a native radio group. */
function ScaleField({
  defaultValue,
  from,
  high,
  label,
  low,
  name,
  required,
  to,
}: {
  defaultValue?: number
  from: number
  high?: string
  label: string
  low?: string
  name: string
  required?: boolean
  to: number
}) {
  const hint = useId()
  return (
    <fieldset aria-describedby={low || high ? hint : undefined} className="pc-field pc-fieldset">
      <legend>
        {label}
        {required ? null : <span className="pc-card__meta"> (optional)</span>}
      </legend>
      <div className="pc-scale">
        {range(from, to).map((value) => (
          <label key={value}>
            <input
              defaultChecked={defaultValue === value}
              name={name}
              required={required}
              type="radio"
              value={value}
            />
            <span>{value}</span>
          </label>
        ))}
      </div>
      {low || high ? (
        <p className="pc-scale-ends" id={hint}>
          <span>{low}</span>
          <span>{high}</span>
        </p>
      ) : null}
    </fieldset>
  )
}

function QuestionField({
  index,
  question,
  value,
}: {
  index: number
  question: FeedbackQuestionView
  value: number | string | undefined
}) {
  const name = `q:${question.id}`
  const label = `${index + 1}. ${question.question}`
  if (question.kind === 'scale') {
    return (
      <ScaleField
        defaultValue={typeof value === 'number' ? value : undefined}
        from={1}
        label={label}
        name={name}
        required={question.required}
        to={question.scaleMax ?? 5}
      />
    )
  }
  if (question.kind === 'text') {
    const id = `feedback-${question.id}`
    return (
      <div className="pc-field">
        <label htmlFor={id}>
          {label}
          {question.required ? null : <span className="pc-card__meta"> (optional)</span>}
        </label>
        <textarea
          className="pc-input pc-textarea"
          defaultValue={typeof value === 'string' ? value : ''}
          id={id}
          maxLength={500}
          name={name}
          required={question.required}
          rows={2}
        />
      </div>
    )
  }
  return (
    <fieldset className="pc-field pc-fieldset">
      <legend>
        {label}
        {question.required ? null : <span className="pc-card__meta"> (optional)</span>}
      </legend>
      {(question.options ?? []).map((option) => (
        <label className="pc-choice" key={option.id}>
          <input
            defaultChecked={value === option.id}
            name={name}
            required={question.required}
            type="radio"
            value={option.id}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** The member's saved answers, read back. */
function SavedAnswers({
  feedback,
  questions,
}: {
  feedback: OwnFeedback
  questions: FeedbackQuestionView[]
}) {
  const answerOf = (question: FeedbackQuestionView) => {
    const value = feedback.answers[question.id]
    if (value === undefined) return 'No answer'
    if (question.kind === 'choice') {
      return question.options?.find((option) => option.id === value)?.label ?? 'No answer'
    }
    if (question.kind === 'scale') return `${value} of ${question.scaleMax ?? 5}`
    return String(value)
  }
  return (
    <dl className="pc-list pc-feedback-answers" data-testid="saved-feedback">
      <div className="pc-list__row">
        <dt>Would recommend</dt>
        <dd>{feedback.recommend} of 10</dd>
      </div>
      <div className="pc-list__row">
        <dt>Content</dt>
        <dd>{feedback.rating} of 5</dd>
      </div>
      {questions.map((question) => (
        <div className="pc-list__row" key={question.id}>
          <dt>{question.question}</dt>
          <dd>{answerOf(question)}</dd>
        </div>
      ))}
      {feedback.comment ? (
        <div className="pc-list__row">
          <dt>Your comment</dt>
          <dd>{feedback.comment}</dd>
        </div>
      ) : null}
    </dl>
  )
}

/**
 * Feedback after an event the member attended or a course they completed: the points on offer
 * before the first answer, the saved answers afterwards, editable within the edit window
 * (`POST /api/<courses|events>/:id/feedback`).
 */
export function FeedbackSurvey({ data, noun }: Props) {
  const router = useRouter()
  const [editing, setEditing] = useState(data.feedback === null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<FeedbackState>(null)
  const saved = data.feedback

  const submit = async (form: HTMLFormElement) => {
    const values = new FormData(form)
    const number = (name: string) => {
      const value = values.get(name)
      return value === null || value === '' ? null : Number(value)
    }
    const answers: Record<string, number | string> = {}
    for (const question of data.questions) {
      const value = values.get(`q:${question.id}`)
      if (value === null || String(value).trim() === '') continue
      answers[question.id] = question.kind === 'scale' ? Number(value) : String(value)
    }
    const comment = String(values.get('comment') ?? '').trim()
    setBusy(true)
    setMessage(null)
    const result = await apiRequest<{ award: AwardSummary | null; created: boolean }>(
      'POST',
      `/${data.collection}/${data.documentId}/feedback`,
      {
        answers,
        comment: comment || null,
        rating: number('rating'),
        recommend: number('recommend'),
      },
    )
    setBusy(false)
    if (!result.ok) return setMessage({ text: result.message, tone: 'error' })
    const gained = pointsGained(result.data.award)
    showToast({
      text: result.data.created
        ? `Thank you for your feedback!${gained ? ` ${gained}` : ''}`
        : 'Your changes are saved.',
      tone: 'success',
    })
    setEditing(false)
    router.refresh()
  }

  if (saved && !editing) {
    return (
      <div className="pc-stack">
        <SavedAnswers feedback={saved} questions={data.questions} />
        {data.earnedPoints ? (
          <p className="pc-card__meta">
            Your feedback earned {data.earnedPoints.toLocaleString('en-GB')} points.
          </p>
        ) : null}
        {saved.editable ? (
          <>
            <p className="pc-card__meta">
              You can change your answers until {longDate(saved.editableUntil)}.
            </p>
            <Button onClick={() => setEditing(true)} variant="secondary">
              Change your answers
            </Button>
          </>
        ) : (
          <p className="pc-card__meta">Given on {longDate(saved.givenAt)}. Thank you!</p>
        )}
      </div>
    )
  }

  return (
    <form
      className="pc-form pc-feedback"
      onSubmit={(event) => {
        event.preventDefault()
        void submit(event.currentTarget)
      }}
    >
      <ScaleField
        defaultValue={saved?.recommend}
        from={0}
        high="10: extremely likely"
        label={`How likely are you to recommend this ${noun} to a colleague?`}
        low="0: not at all likely"
        name="recommend"
        required
        to={10}
      />
      <ScaleField
        defaultValue={saved?.rating}
        from={1}
        high="5: excellent"
        label={`How would you rate the ${noun}’s content?`}
        low="1: poor"
        name="rating"
        required
        to={5}
      />
      {data.questions.map((question, index) => (
        <QuestionField
          index={index}
          key={question.id}
          question={question}
          value={saved?.answers[question.id]}
        />
      ))}
      <div className="pc-field">
        <label htmlFor={`feedback-comment-${data.documentId}`}>
          Anything else? <span className="pc-card__meta">(optional)</span>
        </label>
        <textarea
          className="pc-input pc-textarea"
          defaultValue={saved?.comment ?? ''}
          id={`feedback-comment-${data.documentId}`}
          maxLength={2000}
          name="comment"
          rows={3}
        />
      </div>
      <Feedback state={message} />
      <div className="pc-row">
        <Button aria-busy={busy} disabled={busy} type="submit">
          {busy
            ? 'Sending…'
            : saved
              ? 'Save changes'
              : data.points > 0
                ? `Send feedback · +${data.points.toLocaleString('en-GB')} points`
                : 'Send feedback'}
        </Button>
        {saved ? (
          <Button onClick={() => setEditing(false)} type="button" variant="ghost">
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  )
}
