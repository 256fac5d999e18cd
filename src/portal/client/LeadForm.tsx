'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

const fields = [
  { autoComplete: 'organization', label: 'Company', name: 'company', type: 'text' },
  { autoComplete: 'off', label: 'Contact name', name: 'contactName', type: 'text' },
  { autoComplete: 'off', label: 'Contact e-mail', name: 'contactEmail', type: 'email' },
] as const

/** Recommends a company as a prospective partner: POST /api/loyalty/leads. */
export function LeadForm() {
  const router = useRouter()
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="pc-form"
      data-testid="lead-form"
      onSubmit={async (event) => {
        event.preventDefault()
        const form = event.currentTarget
        const data = new FormData(form)
        setBusy(true)
        setFeedback(null)
        const result = await apiRequest('POST', '/loyalty/leads', {
          company: String(data.get('company') ?? ''),
          contactEmail: String(data.get('contactEmail') ?? ''),
          contactName: String(data.get('contactName') ?? ''),
          note: String(data.get('note') ?? '') || null,
        })
        setBusy(false)
        if (!result.ok) {
          setFeedback({ text: result.message, tone: 'error' })
          return
        }
        form.reset()
        setFeedback({ text: 'Thank you! Our partner team will get in touch.', tone: 'success' })
        router.refresh()
      }}
    >
      {fields.map((field) => (
        <div className="pc-field" key={field.name}>
          <label htmlFor={`lead-${field.name}`}>{field.label}</label>
          <input
            autoComplete={field.autoComplete}
            className="pc-input"
            id={`lead-${field.name}`}
            maxLength={200}
            minLength={2}
            name={field.name}
            required
            type={field.type}
          />
        </div>
      ))}
      <div className="pc-field">
        <label htmlFor="lead-note">Note (optional)</label>
        <textarea className="pc-input" id="lead-note" maxLength={2000} name="note" rows={3} />
      </div>
      <Feedback state={feedback} />
      <Button aria-busy={busy} disabled={busy} type="submit">
        {busy ? 'Sending…' : 'Recommend this company'}
      </Button>
    </form>
  )
}
