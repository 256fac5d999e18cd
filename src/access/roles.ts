import type { PayloadRequest } from 'payload'

import type { Member, User } from '../payload-types'

type AuthUser = NonNullable<PayloadRequest['user']>

/** The staff account on the request, if a staff user (admin panel) is signed in. */
export const staffUser = (user: AuthUser | null | undefined): null | User =>
  user && user.collection === 'users' ? (user as User & { collection: 'users' }) : null

/** The partner member on the request, if a member (portal) is signed in. */
export const memberUser = (user: AuthUser | null | undefined): Member | null =>
  user && user.collection === 'members' ? (user as Member & { collection: 'members' }) : null

/** True for a staff user with the admin role. */
export const isAdminUser = (user: AuthUser | null | undefined): boolean =>
  Boolean(staffUser(user)?.roles?.includes('admin'))

/** True for any staff user (admin or marketer). */
export const isStaffUser = (user: AuthUser | null | undefined): boolean => {
  const staff = staffUser(user)
  return Boolean(staff?.roles?.some((role) => role === 'admin' || role === 'marketer'))
}

/** The id of a relationship value, whether populated or not. */
export const relationId = (
  value: null | number | string | undefined | { id: number | string },
): null | number | string => {
  if (value === null || value === undefined) return null
  return typeof value === 'object' ? value.id : value
}

/** True for an active partner member who manages their company in the portal. */
export const isPartnerManager = (user: AuthUser | null | undefined): boolean => {
  const member = memberUser(user)
  return Boolean(member && member.status === 'active' && member.partnerManager)
}
