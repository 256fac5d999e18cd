import type { Metadata } from 'next'

import Link from 'next/link'

import { ResetPasswordForm } from '@/portal/client/ResetPasswordForm'
import { Card } from '@/portal/components/Card'
import { Notice } from '@/portal/components/Notice'
import { param } from '@/portal/data/format'

export const metadata: Metadata = { title: 'Choose a new password' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = param((await searchParams).token)
  return (
    <Card>
      <h1>Choose a new password</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Notice tone="error">
          This link is incomplete. <Link href="/forgot-password">Ask for a new link</Link>.
        </Notice>
      )}
    </Card>
  )
}
