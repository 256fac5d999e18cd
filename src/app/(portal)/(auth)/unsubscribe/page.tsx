import type { Metadata } from 'next'

import Link from 'next/link'

import {
  isNotificationCategory,
  notificationCategoryLabels,
  verifyUnsubscribeToken,
} from '../../../../../plugins/loyalty/engine/notifications'
import { UnsubscribeForm } from '@/portal/client/UnsubscribeForm'
import { Card } from '@/portal/components/Card'
import { Notice } from '@/portal/components/Notice'
import { param } from '@/portal/data/format'
import { portalPayload } from '@/portal/data/session'

export const metadata: Metadata = { title: 'Unsubscribe' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Where the unsubscribe link of an email lands (no sign-in): confirm with one button. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const query = await searchParams
  const member = param(query.m) ?? ''
  const category = param(query.c) ?? ''
  const token = param(query.t) ?? ''
  const valid =
    /^(\d{1,18}|[0-9a-f]{24})$/i.test(member) &&
    isNotificationCategory(category) &&
    // Payload signs with its derived secret (`payload.secret`), as the mails' links do.
    verifyUnsubscribeToken((await portalPayload()).secret, member, category, token)
  if (!valid) {
    return (
      <Card>
        <h1>Unsubscribe</h1>
        <Notice tone="error">
          This unsubscribe link is not valid (it may be cut off).{' '}
          <Link href="/settings/notifications">Sign in to choose your emails</Link>.
        </Notice>
      </Card>
    )
  }
  const { description, label } = notificationCategoryLabels[category]
  return (
    <Card>
      <h1>Unsubscribe from “{label}”?</h1>
      <p>{description}</p>
      <p className="pc-card__meta">
        Other emails from the Partner Club are not affected. You can switch this back on at any time
        in your notification settings.
      </p>
      <UnsubscribeForm
        label={label}
        query={new URLSearchParams({ c: category, m: member, t: token }).toString()}
      />
    </Card>
  )
}
