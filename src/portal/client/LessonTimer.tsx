'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { Button } from '../components/Button'
import { type AwardSummary, apiRequest, pointsGained } from './api'
import { type FeedbackState, Feedback } from './Feedback'

type StartAnswer = { completedAt: null | string; minimumSeconds: number; secondsRemaining: number }
type CompleteAnswer = {
  award: AwardSummary | null
  certificateCode: null | string
  courseAward: AwardSummary | null
  courseCompleted: boolean
}

type Props = {
  courseId: number | string
  lessonId: string
  next: { href: string; label: string }
}

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`

/**
 * Starts the lesson on the server when it opens (`/start`), counts down the lesson's minimum
 * time, and enables "Mark lesson complete" when it has passed (`/complete`).
 */
export function LessonTimer({ courseId, lessonId, next }: Props) {
  const router = useRouter()
  const base = `/courses/${courseId}/lessons/${lessonId}`
  const [phase, setPhase] = useState<'counting' | 'done' | 'ready' | 'sending' | 'starting'>(
    'starting',
  )
  const [deadline, setDeadline] = useState(0)
  const [remaining, setRemaining] = useState(0)
  const [feedback, setFeedback] = useState<FeedbackState>(null)

  const countFrom = useCallback((seconds: number) => {
    setRemaining(seconds)
    setDeadline(Date.now() + seconds * 1000)
    setPhase(seconds > 0 ? 'counting' : 'ready')
  }, [])

  useEffect(() => {
    let cancelled = false
    apiRequest<StartAnswer>('POST', `${base}/start`).then((result) => {
      if (cancelled) return
      if (!result.ok) {
        setFeedback({ text: result.message, tone: 'error' })
        return
      }
      if (result.data.completedAt) setPhase('done')
      else countFrom(result.data.secondsRemaining)
    })
    return () => {
      cancelled = true
    }
  }, [base, countFrom])

  useEffect(() => {
    if (phase !== 'counting') return
    const timer = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
      setRemaining(left)
      if (left === 0) setPhase('ready')
    }, 250)
    return () => window.clearInterval(timer)
  }, [deadline, phase])

  const complete = async () => {
    setPhase('sending')
    setFeedback(null)
    const result = await apiRequest<CompleteAnswer>('POST', `${base}/complete`)
    if (!result.ok) {
      const seconds = Number(result.data.secondsRemaining ?? 0)
      setFeedback({ text: result.message, tone: 'error' })
      countFrom(Number.isFinite(seconds) ? seconds : 0)
      return
    }
    const parts = ['Lesson complete.', pointsGained(result.data.award)]
    if (result.data.courseCompleted)
      parts.push('You finished the course!', pointsGained(result.data.courseAward))
    setFeedback({ text: parts.filter(Boolean).join(' '), tone: 'success' })
    setPhase('done')
    router.refresh()
  }

  return (
    <section
      aria-labelledby="lesson-done-heading"
      className="pc-card pc-card--highlight pc-section pc-lesson-done"
    >
      <h2 id="lesson-done-heading">{phase === 'done' ? 'Lesson done' : 'Finish the lesson'}</h2>
      {phase === 'starting' ? <p>Starting the lesson…</p> : null}
      {phase === 'counting' ? (
        <p data-testid="lesson-countdown">
          Take your time with the lesson. You can mark it complete in{' '}
          <strong>{clock(remaining)}</strong>.
        </p>
      ) : null}
      {phase === 'ready' ? <p role="status">You can now mark the lesson complete.</p> : null}
      <Feedback state={feedback} />
      {phase === 'done' ? (
        <Link className="pc-button" href={next.href}>
          {next.label}
        </Link>
      ) : (
        <Button aria-busy={phase === 'sending'} disabled={phase !== 'ready'} onClick={complete}>
          {phase === 'sending' ? 'Saving…' : 'Mark lesson complete'}
        </Button>
      )}
    </section>
  )
}
