'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Delivery = {
  attempts?: number
  lastError?: null | string
  lastStatus?: null | number
  status?: string
}

const describe = (delivery: Delivery | undefined): string => {
  if (!delivery) return 'Done.'
  if (delivery.status === 'delivered') {
    return `Delivered: the receiver answered ${delivery.lastStatus ?? 'OK'}.`
  }
  if (delivery.status === 'retrying') {
    return `Not delivered yet (${delivery.lastError ?? 'no answer'}); it will be tried again.`
  }
  return `Not delivered: ${delivery.lastError ?? 'no answer'}`
}

/** A button that POSTs to an admin endpoint of the webhooks and tells how the delivery went. */
const ActionButton = ({
  label,
  path,
}: {
  label: string
  path: (id: number | string) => string
}) => {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<null | string>(null)
  if (!id) return null
  const run = async () => {
    setBusy(true)
    setMessage(null)
    const response = await fetch(path(id), {
      credentials: 'same-origin',
      method: 'POST',
    }).catch(() => null)
    const json = (await response?.json().catch(() => ({}))) as {
      delivery?: Delivery
      errors?: { message?: string }[]
    }
    setBusy(false)
    if (!response?.ok) {
      setMessage(json?.errors?.[0]?.message ?? 'That did not work. Please try again.')
      return
    }
    setMessage(describe(json.delivery))
    router.refresh()
  }
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void run()} size="small">
        {busy ? 'Sending…' : label}
      </Button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}

/** "Send test event" on a webhook: `POST /api/loyalty/webhooks/:id/test`. */
export const SendTestEventButton = () => (
  <ActionButton label="Send test event" path={(id) => `/api/loyalty/webhooks/${id}/test`} />
)

/** "Redeliver" on a delivery: `POST /api/loyalty/webhook-deliveries/:id/redeliver`. */
export const RedeliverButton = () => (
  <ActionButton
    label="Redeliver"
    path={(id) => `/api/loyalty/webhook-deliveries/${id}/redeliver`}
  />
)
