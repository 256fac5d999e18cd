'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

import { type AwardSummary, apiRequest, pointsGained } from './api'
import { type FeedbackState, Feedback } from './Feedback'

type OpenAnswer = { minimumSeconds: number; read: boolean; secondsRemaining: number }

/**
 * Records the reading of a case study: `open` when the page opens, then `read` once the
 * reading time has passed, and tells the member what it earned.
 */
export function ReadingTracker({
  caseStudyId,
  points,
}: {
  caseStudyId: number | string
  points?: number
}) {
  const router = useRouter()
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [state, setState] = useState<'done' | 'error' | 'opening' | 'reading'>('opening')
  const [readAfter, setReadAfter] = useState<null | number>(null)

  useEffect(() => {
    let cancelled = false
    apiRequest<OpenAnswer>('POST', `/case-studies/${caseStudyId}/open`).then((result) => {
      if (cancelled) return
      if (!result.ok) {
        setState('error')
        setFeedback({ text: result.message, tone: 'error' })
      } else if (result.data.read) {
        setState('done')
      } else {
        setState('reading')
        setReadAfter(result.data.secondsRemaining)
      }
    })
    return () => {
      cancelled = true
    }
  }, [caseStudyId])

  useEffect(() => {
    if (readAfter === null) return
    let cancelled = false
    const send = async () => {
      const result = await apiRequest<{ award: AwardSummary | null }>(
        'POST',
        `/case-studies/${caseStudyId}/read`,
      )
      if (cancelled) return
      if (!result.ok) {
        const seconds = Number(result.data.secondsRemaining ?? 0)
        if (result.status === 409 && seconds > 0) setReadAfter(seconds)
        else setFeedback({ text: result.message, tone: 'error' })
        return
      }
      setState('done')
      const gained = pointsGained(result.data.award)
      setFeedback({
        text: gained ? `Thanks for reading! ${gained}` : 'Marked as read.',
        tone: 'success',
      })
      router.refresh()
    }
    const timer = window.setTimeout(send, readAfter * 1000)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [caseStudyId, readAfter, router])

  return (
    <aside aria-label="Reading progress" className="pc-card pc-section">
      {state === 'opening' ? <p>Opening the story…</p> : null}
      {state === 'reading' ? (
        <p>
          Read on:{' '}
          {points ? <strong className="pc-points-gain">+{points} points</strong> : 'points'} are
          added after about {Math.max(1, Math.round((readAfter ?? 0) / 60))} min of reading.
        </p>
      ) : null}
      {state === 'done' && !feedback ? <p>✓ You have read this story.</p> : null}
      <Feedback state={feedback} />
    </aside>
  )
}
