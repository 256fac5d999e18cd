'use client'

import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

/** Asks for a reset link: POST /api/members/forgot-password. */
export function ForgotPasswordForm() {
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="pc-form"
      onSubmit={async (event) => {
        event.preventDefault()
        const email = String(new FormData(event.currentTarget).get('email') ?? '').trim()
        setBusy(true)
        const result = await apiRequest('POST', '/members/forgot-password', { email })
        setBusy(false)
        setFeedback(
          result.ok
            ? {
                text: `If ${email} belongs to a Partner Club account, we have emailed a link to choose a new password. It is valid for one hour.`,
                tone: 'success',
              }
            : { text: result.message, tone: 'error' },
        )
      }}
    >
      <div className="pc-field">
        <label htmlFor="email">Work email</label>
        <input
          autoComplete="username"
          className="pc-input"
          id="email"
          inputMode="email"
          name="email"
          required
          type="email"
        />
      </div>
      <Feedback state={feedback} />
      <Button aria-busy={busy} block disabled={busy} type="submit">
        {busy ? 'Sending…' : 'Email me a reset link'}
      </Button>
    </form>
  )
}
