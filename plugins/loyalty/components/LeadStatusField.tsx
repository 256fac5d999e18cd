'use client'

import { Button, FieldLabel, useDocumentInfo, useField } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

const next: Record<string, { label: string; status: string }[]> = {
  new: [
    { label: 'Mark qualified', status: 'qualified' },
    { label: 'Mark converted', status: 'converted' },
    { label: 'Reject', status: 'rejected' },
  ],
  qualified: [
    { label: 'Mark converted', status: 'converted' },
    { label: 'Reject', status: 'rejected' },
  ],
}

/**
 * The lead's status in the admin, with buttons that change it through
 * `POST /api/loyalty/leads/:id/status`: converting awards the referrer's points (once), which a
 * plain save of the field could not do.
 */
export const LeadStatusField = ({ path }: { path: string }) => {
  const { value } = useField<string>({ path })
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<null | string>(null)
  const status = value ?? 'new'
  const change = async (to: string) => {
    setBusy(true)
    setMessage(null)
    const response = await fetch(`/api/loyalty/leads/${id}/status`, {
      body: JSON.stringify({ status: to }),
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    }).catch(() => null)
    const json = (await response?.json().catch(() => ({}))) as {
      award?: { points?: number } | null
      errors?: { message?: string }[]
    }
    setBusy(false)
    if (!response?.ok) {
      setMessage(json?.errors?.[0]?.message ?? 'That did not work. Please try again.')
      return
    }
    const points = json.award?.points ?? 0
    setMessage(points > 0 ? `Done: the referrer earned ${points} points.` : 'Done.')
    router.refresh()
  }
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label="Status" path={path} />
      <p>
        <strong>{status}</strong>
      </p>
      {id
        ? (next[status] ?? []).map((action) => (
            <Button
              buttonStyle={action.status === 'rejected' ? 'secondary' : 'primary'}
              disabled={busy}
              key={action.status}
              onClick={() => void change(action.status)}
              size="small"
            >
              {action.label}
            </Button>
          ))
        : null}
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
