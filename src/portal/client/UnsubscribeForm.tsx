'use client'

import Link from 'next/link'
import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

/**
 * Confirms an unsubscribe from an email's link, without signing in: POSTs the signed link to
 * /api/loyalty/notifications/unsubscribe.
 */
export function UnsubscribeForm({ label, query }: { label: string; query: string }) {
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  if (done) {
    return (
      <div className="pc-form" data-testid="unsubscribed">
        <Feedback state={feedback} />
        <p>
          Changed your mind? <Link href="/settings/notifications">Choose your emails</Link> after
          signing in.
        </p>
      </div>
    )
  }
  return (
    <form
      className="pc-form"
      onSubmit={async (event) => {
        event.preventDefault()
        setBusy(true)
        const result = await apiRequest('POST', `/loyalty/notifications/unsubscribe?${query}`)
        setBusy(false)
        if (!result.ok) {
          setFeedback({ text: result.message, tone: 'error' })
          return
        }
        setFeedback({
          text: `Done: you will no longer receive “${label}” emails.`,
          tone: 'success',
        })
        setDone(true)
      }}
    >
      <Feedback state={feedback} />
      <Button aria-busy={busy} block disabled={busy} type="submit">
        {busy ? 'Unsubscribing…' : 'Unsubscribe'}
      </Button>
    </form>
  )
}
