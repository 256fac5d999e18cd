import type { Payload } from 'payload'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { Member } from '../../payload-types'

/** The Payload instance (one per process). */
export const portalPayload = cache((): Promise<Payload> => getPayload({ config }))

/** Whoever the request's session cookie belongs to: a member, a staff user, or nobody. */
export const currentUser = cache(async () => {
  const payload = await portalPayload()
  const { user } = await payload.auth({ headers: await headers() })
  return user
})

export type MemberSession = { member: Member; payload: Payload }

/**
 * The signed-in, active partner member, or a redirect to the sign-in page. Staff accounts do
 * not enter the portal (they use /admin), and blocked members are turned away.
 */
export const requireMember = cache(async (): Promise<MemberSession> => {
  const [payload, user] = await Promise.all([portalPayload(), currentUser()])
  if (!user) redirect('/sign-in')
  if (user.collection !== 'members') redirect('/sign-in?reason=staff')
  const member = user as Member
  if (member.status === 'blocked') redirect('/sign-in?reason=blocked')
  return { member, payload }
})

/** Partner managers only; others get the 403 page. */
export const isManager = (member: Member): boolean => Boolean(member.partnerManager)
