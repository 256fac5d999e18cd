'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'

import { Button } from '../components/Button'
import { type AwardSummary, apiRequest, pointsGained } from './api'
import { type FeedbackState, Feedback } from './Feedback'

type Props = {
  canRegister: boolean
  eventId: number | string
  status: 'attended' | 'none' | 'registered' | 'waitlisted'
}

type RegisterAnswer = {
  award: AwardSummary | null
  status: string
  waitlistPosition: null | number
}

/** Register, join the waitlist, or cancel (with a confirmation step). */
export function EventRegistration({ canRegister, eventId, status }: Props) {
  const router = useRouter()
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [, startTransition] = useTransition()

  const register = async () => {
    setBusy(true)
    setFeedback(null)
    const result = await apiRequest<RegisterAnswer>('POST', `/events/${eventId}/register`)
    setBusy(false)
    if (!result.ok) return setFeedback({ text: result.message, tone: 'error' })
    const gained = pointsGained(result.data.award)
    setFeedback(
      result.data.status === 'waitlisted'
        ? {
            text: `The event is full. You are number ${result.data.waitlistPosition ?? '?'} on the waitlist; we give you a seat as soon as one frees up.`,
            tone: 'info',
          }
        : { text: `You are registered.${gained ? ` ${gained}` : ''}`, tone: 'success' },
    )
    startTransition(() => router.refresh())
  }

  const cancel = async () => {
    setConfirming(false)
    setBusy(true)
    setFeedback(null)
    const result = await apiRequest<{ reversedPoints: number }>(
      'DELETE',
      `/events/${eventId}/register`,
    )
    setBusy(false)
    if (!result.ok) return setFeedback({ text: result.message, tone: 'error' })
    const reversed = result.data.reversedPoints
    setFeedback({
      text: `Your registration is cancelled.${reversed > 0 ? ` The ${reversed} registration points were taken back.` : ''}`,
      tone: 'success',
    })
    startTransition(() => router.refresh())
  }

  return (
    <div>
      {status === 'none' && canRegister ? (
        <Button aria-busy={busy} disabled={busy} onClick={register}>
          {busy ? 'Registering…' : 'Register'}
        </Button>
      ) : null}
      {(status === 'registered' || status === 'waitlisted') && !confirming ? (
        <Button
          aria-busy={busy}
          disabled={busy}
          onClick={() => setConfirming(true)}
          variant="danger"
        >
          {busy
            ? 'Cancelling…'
            : status === 'waitlisted'
              ? 'Leave the waitlist'
              : 'Cancel registration'}
        </Button>
      ) : null}
      {confirming ? (
        <div
          aria-label="Confirm cancellation"
          className="pc-notice pc-notice--warning"
          role="group"
        >
          <p>
            Cancel your {status === 'waitlisted' ? 'place on the waitlist' : 'registration'}? Points
            you earned for registering are taken back.
          </p>
          <div className="pc-row">
            <Button autoFocus onClick={cancel} variant="danger">
              Yes, cancel
            </Button>
            <Button onClick={() => setConfirming(false)} variant="secondary">
              Keep it
            </Button>
          </div>
        </div>
      ) : null}
      <Feedback state={feedback} />
    </div>
  )
}
