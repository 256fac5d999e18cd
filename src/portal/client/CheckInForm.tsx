'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { Button } from '../components/Button'
import { type AwardSummary, apiRequest, pointsGained } from './api'
import { type FeedbackState, Feedback } from './Feedback'
import { showToast } from './toast'

/** Check-in with the attendance code announced at the event. */
export function CheckInForm({ eventId }: { eventId: number | string }) {
  const router = useRouter()
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="pc-form"
      onSubmit={async (event) => {
        event.preventDefault()
        const code = String(new FormData(event.currentTarget).get('code') ?? '')
        setBusy(true)
        setFeedback(null)
        const result = await apiRequest<{ award: AwardSummary | null }>(
          'POST',
          `/events/${eventId}/check-in`,
          { code },
        )
        setBusy(false)
        if (!result.ok) return setFeedback({ text: result.message, tone: 'error' })
        const gained = pointsGained(result.data.award)
        // The form leaves the page once the member has attended, so the toast says it.
        showToast({
          text: `You are checked in. Enjoy the event!${gained ? ` ${gained}` : ''}`,
          tone: 'success',
        })
        router.refresh()
      }}
    >
      <div className="pc-field">
        <label htmlFor="attendance-code">Attendance code</label>
        <input
          autoCapitalize="characters"
          autoComplete="off"
          className="pc-input"
          id="attendance-code"
          name="code"
          required
        />
      </div>
      <Feedback state={feedback} />
      <Button aria-busy={busy} disabled={busy} type="submit">
        {busy ? 'Checking in…' : 'Check in'}
      </Button>
    </form>
  )
}
