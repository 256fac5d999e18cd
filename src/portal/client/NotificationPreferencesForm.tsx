'use client'

import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

export type NotificationChoice = {
  category: string
  description: string
  enabled: boolean
  label: string
}

/** One checkbox per kind of email, saved with PATCH /api/loyalty/notifications/preferences. */
export function NotificationPreferencesForm({ choices }: { choices: NotificationChoice[] }) {
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="pc-form"
      data-testid="notification-preferences"
      onSubmit={async (event) => {
        event.preventDefault()
        const form = new FormData(event.currentTarget)
        const preferences = Object.fromEntries(
          choices.map((choice) => [choice.category, form.get(choice.category) === 'on']),
        )
        setBusy(true)
        const result = await apiRequest('PATCH', '/loyalty/notifications/preferences', {
          preferences,
        })
        setBusy(false)
        setFeedback(
          result.ok
            ? { text: 'Saved. You will receive the emails you ticked.', tone: 'success' }
            : { text: result.message, tone: 'error' },
        )
      }}
    >
      <fieldset className="pc-choices">
        <legend className="pc-visually-hidden">Emails you receive</legend>
        {choices.map((choice) => (
          <label className="pc-choice" key={choice.category}>
            <input
              aria-describedby={`${choice.category}-help`}
              className="pc-choice__box"
              defaultChecked={choice.enabled}
              name={choice.category}
              type="checkbox"
            />
            <span>
              <span className="pc-choice__label">{choice.label}</span>
              <span className="pc-choice__help" id={`${choice.category}-help`}>
                {choice.description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <Feedback state={feedback} />
      <Button aria-busy={busy} disabled={busy} type="submit">
        {busy ? 'Saving…' : 'Save'}
      </Button>
    </form>
  )
}
