import type { Metadata } from 'next'

import Link from 'next/link'

import { AcceptInvitationForm } from '@/portal/client/AcceptInvitationForm'
import { Card } from '@/portal/components/Card'
import { Notice } from '@/portal/components/Notice'
import { param } from '@/portal/data/format'
import { portalPayload } from '@/portal/data/session'

import { callEndpoint } from '../../../../../plugins/loyalty'

export const metadata: Metadata = { title: 'Join the Partner Club' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

type Preview = {
  email: string
  inviter: string
  name: null | string
  organisation: string
  state: 'accepted' | 'expired' | 'open' | 'revoked'
}

/** The page an invitation link opens: who invited you, then choose a password. */
export default async function AcceptInvitationPage({ searchParams }: Props) {
  const token = param((await searchParams).token)
  const payload = await portalPayload()
  const preview = token
    ? await callEndpoint<Preview>(
        payload,
        null,
        'get',
        `/loyalty/invitations/preview?token=${encodeURIComponent(token)}`,
      )
    : null
  if (!preview || !preview.ok) {
    return (
      <Card>
        <h1>Join the Partner Club</h1>
        <Notice tone="error">
          {preview?.message ?? 'This link is incomplete.'} Ask your colleague to send you a new
          invitation.
        </Notice>
      </Card>
    )
  }
  const { data } = preview
  return (
    <Card>
      <h1>Join the Partner Club</h1>
      {data.state === 'open' ? (
        <>
          <p>
            {data.inviter || 'A colleague'} invites you to join the Partner Club for{' '}
            <strong>{data.organisation}</strong>: courses, events and rewards. You sign in with{' '}
            <strong>{data.email}</strong>.
          </p>
          <AcceptInvitationForm name={data.name} token={token} />
        </>
      ) : data.state === 'accepted' ? (
        <Notice tone="info">
          This invitation has already been accepted. <Link href="/sign-in">Sign in</Link>.
        </Notice>
      ) : (
        <Notice tone="error">
          {data.state === 'expired'
            ? 'This invitation has expired.'
            : 'This invitation was withdrawn.'}{' '}
          Ask your colleague to send you a new one.
        </Notice>
      )}
    </Card>
  )
}
