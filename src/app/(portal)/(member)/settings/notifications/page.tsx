import type { Metadata } from 'next'

import {
  type NotificationChoice,
  NotificationPreferencesForm,
} from '@/portal/client/NotificationPreferencesForm'
import { Card } from '@/portal/components/Card'
import { Notice } from '@/portal/components/Notice'
import { PageHeader } from '@/portal/components/PageHeader'
import { loyaltyGet } from '@/portal/data/loyalty'

export const metadata: Metadata = { title: 'Email notifications' }

/** Which emails the member receives, one checkbox per kind. */
export default async function NotificationSettingsPage() {
  const result = await loyaltyGet<{ categories: NotificationChoice[] }>(
    '/loyalty/notifications/preferences',
  )
  return (
    <>
      <PageHeader title="Email notifications">
        <p>
          Choose which emails the Partner Club sends you. Every email also has a link to stop that
          kind with one click.
        </p>
      </PageHeader>
      <Card>
        {result.ok ? (
          <NotificationPreferencesForm choices={result.data.categories} />
        ) : (
          <Notice tone="error">{result.message}</Notice>
        )}
      </Card>
    </>
  )
}
