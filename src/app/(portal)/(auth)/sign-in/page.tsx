import type { Metadata } from 'next'

import { redirect } from 'next/navigation'

import { SignInForm } from '@/portal/client/SignInForm'
import { Card } from '@/portal/components/Card'
import { Notice } from '@/portal/components/Notice'
import { currentUser } from '@/portal/data/session'
import { param } from '@/portal/data/format'

export const metadata: Metadata = { title: 'Sign in' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Only paths inside the portal are followed after signing in. */
const safeNext = (value: string): string =>
  /^\/(?!\/)/.test(value) && !value.startsWith('/api') ? value : '/'

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams
  const user = await currentUser()
  const reason = param(query.reason)
  if (user?.collection === 'members' && reason !== 'blocked') redirect(safeNext(param(query.next)))
  return (
    <Card>
      <h1>Sign in to Partner Club</h1>
      <p>
        For employees of Nordwind partner companies: learn, attend events and earn points for you
        and your company.
      </p>
      {param(query.signedOut) ? (
        <Notice tone="success">You are signed out. See you soon.</Notice>
      ) : null}
      {user?.collection === 'users' || reason === 'staff' ? (
        <Notice tone="warning">
          You are signed in with a staff account. The portal is for partner members; staff work in
          the <a href="/admin">admin panel</a>. To use the portal, sign in with a member account
          below.
        </Notice>
      ) : null}
      {reason === 'blocked' ? (
        <Notice tone="error">
          This account is blocked. Please contact your Nordwind account manager.
        </Notice>
      ) : null}
      <SignInForm next={safeNext(param(query.next))} />
    </Card>
  )
}
