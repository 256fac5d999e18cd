'use client'

import { useRouter } from 'next/navigation'
import { useRef, useState, useTransition } from 'react'

import { Button } from '../components/Button'
import { apiRequest } from './api'
import { type FeedbackState, Feedback } from './Feedback'

type Props = { cost: number; disabledReason?: string; rewardId: number | string; title: string }

type RedeemAnswer = { redemption: { status: string }; spendable: null | number }

/** Redeem a reward, after a confirmation step. One idempotency key per confirmed attempt. */
export function RedeemButton({ cost, disabledReason, rewardId, title }: Props) {
  const router = useRouter()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<FeedbackState>(null)
  const [, startTransition] = useTransition()
  const key = useRef<null | string>(null)

  const redeem = async () => {
    setBusy(true)
    setFeedback(null)
    // The same key for retries of this confirmation, so a double tap cannot redeem twice.
    key.current ??= `portal-redeem-${crypto.randomUUID()}`
    const result = await apiRequest<RedeemAnswer>(
      'POST',
      `/loyalty-rewards/${rewardId}/redeem`,
      undefined,
      { 'idempotency-key': key.current },
    )
    setBusy(false)
    setConfirming(false)
    if (!result.ok) return setFeedback({ text: result.message, tone: 'error' })
    key.current = null
    const pending = result.data.redemption.status === 'requested'
    setFeedback({
      text: `Redeemed: ${title} (−${cost.toLocaleString('en-GB')} points).${pending ? ' Your partner manager will approve it.' : ''}${result.data.spendable !== null ? ` You have ${result.data.spendable.toLocaleString('en-GB')} points left.` : ''}`,
      tone: 'success',
    })
    startTransition(() => router.refresh())
  }

  return (
    <div>
      {confirming ? (
        <div
          aria-label={`Confirm redeeming ${title}`}
          className="pc-notice pc-notice--warning"
          role="group"
        >
          <p>
            Redeem <strong>{title}</strong> for {cost.toLocaleString('en-GB')} points?
          </p>
          <div className="pc-row">
            <Button aria-busy={busy} autoFocus disabled={busy} onClick={redeem}>
              {busy ? 'Redeeming…' : 'Yes, redeem'}
            </Button>
            <Button disabled={busy} onClick={() => setConfirming(false)} variant="secondary">
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button
          aria-label={`Redeem ${title}`}
          disabled={Boolean(disabledReason)}
          onClick={() => setConfirming(true)}
        >
          Redeem
        </Button>
      )}
      {disabledReason && !feedback ? <p className="pc-card__meta">{disabledReason}</p> : null}
      <Feedback state={feedback} />
    </div>
  )
}
