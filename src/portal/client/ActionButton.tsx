'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'

import type { ButtonVariant } from '../components/Button'

import { Button } from '../components/Button'
import { type AwardSummary, apiRequest, pointsGained } from './api'
import { type FeedbackState, Feedback } from './Feedback'
import { showToast } from './toast'

type ActionButtonProps = {
  body?: Record<string, unknown>
  /** Asks "Are you sure?" with this text before sending. */
  confirm?: { cancel?: string; confirm: string; question: string }
  disabled?: boolean
  label: string
  method?: 'DELETE' | 'POST'
  path: string
  pendingLabel?: string
  /** The sentence shown on success; "+N points" is added when the answer carries an award. */
  success: string
  variant?: ButtonVariant
}

/**
 * Sends one REST request, shows progress and the outcome in plain words ("+10 points" in the
 * page's toast region, or the API's own error message next to the button), then refreshes the
 * server-rendered page.
 */
export function ActionButton({
  body,
  confirm,
  disabled,
  label,
  method = 'POST',
  path,
  pendingLabel,
  success,
  variant,
}: ActionButtonProps) {
  const router = useRouter()
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [confirming, setConfirming] = useState(false)
  const [sending, setSending] = useState(false)
  const [refreshing, startTransition] = useTransition()
  const busy = sending || refreshing

  const send = async () => {
    setConfirming(false)
    setSending(true)
    setFeedback(null)
    const result = await apiRequest<{ award?: AwardSummary | null }>(method, path, body, {
      'idempotency-key': `portal-${crypto.randomUUID()}`,
    })
    setSending(false)
    if (!result.ok) {
      setFeedback({ text: result.message, tone: 'error' })
      return
    }
    const gained = pointsGained(result.data.award)
    // The button may leave the page when it refreshes, so the outcome goes to the toast region.
    showToast({ text: gained ? `${success} ${gained}` : success, tone: 'success' })
    startTransition(() => router.refresh())
  }

  if (confirming && confirm) {
    return (
      <div className="pc-notice pc-notice--warning" role="group" aria-label="Confirm">
        <p>{confirm.question}</p>
        <div className="pc-row">
          <Button autoFocus onClick={send}>
            {confirm.confirm}
          </Button>
          <Button onClick={() => setConfirming(false)} variant="secondary">
            {confirm.cancel ?? 'Cancel'}
          </Button>
        </div>
      </div>
    )
  }
  return (
    <div>
      <Button
        aria-busy={busy}
        disabled={disabled || busy}
        onClick={() => (confirm ? setConfirming(true) : send())}
        variant={variant}
      >
        {busy ? (pendingLabel ?? 'Working…') : label}
      </Button>
      <Feedback state={feedback} />
    </div>
  )
}
