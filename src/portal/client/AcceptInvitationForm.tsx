'use client'

import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

/**
 * Accepts an invitation: POST /api/loyalty/invitations/accept creates the account, then
 * POST /api/members/login signs the new member in.
 */
export function AcceptInvitationForm({ name, token }: { name: null | string; token: string }) {
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
        const accepted = await apiRequest<{ email: string }>(
          'POST',
          '/loyalty/invitations/accept',
          {
            name: String(form.get('name') ?? '') || null,
            password,
            token,
          },
        )
        if (!accepted.ok) {
          setBusy(false)
          setFeedback({ text: accepted.message, tone: 'error' })
          return
        }
        const signedIn = await apiRequest('POST', '/members/login', {
          email: accepted.data.email,
          password,
        })
        window.location.assign(signedIn.ok ? '/' : '/sign-in')
      }}
    >
      <div className="pc-field">
        <label htmlFor="name">Your name</label>
        <input
          autoComplete="name"
          className="pc-input"
          defaultValue={name ?? ''}
          id="name"
          maxLength={200}
          name="name"
          required
        />
      </div>
      <div className="pc-field">
        <label htmlFor="password">Choose a password</label>
        <input
          autoComplete="new-password"
          className="pc-input"
          id="password"
          maxLength={128}
          minLength={8}
          name="password"
          required
          type="password"
        />
      </div>
      <div className="pc-field">
        <label htmlFor="confirm">The password again</label>
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
        {busy ? 'Joining…' : 'Join the Partner Club'}
      </Button>
    </form>
  )
}
