'use client'

import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

/** Chooses a new password with the emailed token: POST /api/members/reset-password. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="pc-form"
      onSubmit={async (event) => {
        event.preventDefault()
        const form = new FormData(event.currentTarget)
        const password = String(form.get('password') ?? '')
        if (password !== String(form.get('confirm') ?? '')) {
          setFeedback({ text: 'The two passwords are not the same.', tone: 'error' })
          return
        }
        setBusy(true)
        const result = await apiRequest('POST', '/members/reset-password', { password, token })
        setBusy(false)
        if (!result.ok) {
          setFeedback({ text: result.message, tone: 'error' })
          return
        }
        window.location.assign('/')
      }}
    >
      <div className="pc-field">
        <label htmlFor="password">New password</label>
        <input
          autoComplete="new-password"
          className="pc-input"
          id="password"
          minLength={8}
          name="password"
          required
          type="password"
        />
      </div>
      <div className="pc-field">
        <label htmlFor="confirm">New password again</label>
        <input
          autoComplete="new-password"
          className="pc-input"
          id="confirm"
          minLength={8}
          name="confirm"
          required
          type="password"
        />
      </div>
      <Feedback state={feedback} />
      <Button aria-busy={busy} block disabled={busy} type="submit">
        {busy ? 'Saving…' : 'Save and sign in'}
      </Button>
    </form>
  )
}
