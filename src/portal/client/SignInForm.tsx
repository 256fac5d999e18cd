'use client'

import Link from 'next/link'
import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

/** Member sign-in: POST /api/members/login sets the HTTP-only session cookie. */
export function SignInForm({ next }: { next: string }) {
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="pc-form"
      onSubmit={async (event) => {
        event.preventDefault()
        const form = new FormData(event.currentTarget)
        setBusy(true)
        setFeedback(null)
        const result = await apiRequest('POST', '/members/login', {
          email: String(form.get('email') ?? '').trim(),
          password: String(form.get('password') ?? ''),
        })
        if (!result.ok) {
          setBusy(false)
          setFeedback({
            text:
              result.status === 401
                ? 'The email or password is not right. Please try again.'
                : result.message,
            tone: 'error',
          })
          return
        }
        setFeedback({ text: 'Signed in. Loading your club…', tone: 'success' })
        window.location.assign(next)
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
      <div className="pc-field">
        <label htmlFor="password">Password</label>
        <input
          autoComplete="current-password"
          className="pc-input"
          id="password"
          name="password"
          required
          type="password"
        />
      </div>
      <Feedback state={feedback} />
      <Button aria-busy={busy} block disabled={busy} type="submit">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  )
}
