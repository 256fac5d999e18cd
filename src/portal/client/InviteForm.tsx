'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

/**
 * Invites a colleague: POST /api/loyalty/invitations. Shows the invitation link once, to copy
 * and send on in case the e-mail does not arrive.
 */
export function InviteForm({
  defaultJobRole,
  jobRoles,
}: {
  defaultJobRole: string
  jobRoles: { label: string; value: string }[]
}) {
  const router = useRouter()
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [link, setLink] = useState<null | string>(null)
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="pc-form"
      data-testid="invite-form"
      onSubmit={async (event) => {
        event.preventDefault()
        const form = event.currentTarget
        const data = new FormData(form)
        setBusy(true)
        setFeedback(null)
        setLink(null)
        const result = await apiRequest<{ link: string }>('POST', '/loyalty/invitations', {
          email: String(data.get('email') ?? ''),
          jobRole: String(data.get('jobRole') ?? defaultJobRole),
          name: String(data.get('name') ?? '') || null,
        })
        setBusy(false)
        if (!result.ok) {
          setFeedback({ text: result.message, tone: 'error' })
          return
        }
        form.reset()
        setLink(result.data.link)
        setFeedback({ text: 'Invitation sent.', tone: 'success' })
        router.refresh()
      }}
    >
      <div className="pc-field">
        <label htmlFor="invite-name">Colleague’s name</label>
        <input
          autoComplete="off"
          className="pc-input"
          id="invite-name"
          maxLength={200}
          name="name"
        />
      </div>
      <div className="pc-field">
        <label htmlFor="invite-email">Colleague’s work e-mail</label>
        <input
          autoComplete="off"
          className="pc-input"
          id="invite-email"
          inputMode="email"
          name="email"
          required
          type="email"
        />
      </div>
      <div className="pc-field">
        <label htmlFor="invite-role">Their job role</label>
        <select className="pc-select" defaultValue={defaultJobRole} id="invite-role" name="jobRole">
          {jobRoles.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label}
            </option>
          ))}
        </select>
      </div>
      <Feedback state={feedback} />
      {link ? (
        <div className="pc-field">
          <label htmlFor="invite-link">
            Invitation link (shown once; you can also send it yourself)
          </label>
          <input className="pc-input" id="invite-link" readOnly value={link} />
        </div>
      ) : null}
      <Button aria-busy={busy} disabled={busy} type="submit">
        {busy ? 'Sending…' : 'Send invitation'}
      </Button>
    </form>
  )
}
