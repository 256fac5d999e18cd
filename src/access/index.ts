import type { Access, FieldAccess } from 'payload'

import { isAdminUser, isStaffUser, memberUser, relationId } from './roles'

export * from './roles'

/** Only staff with the admin role. */
export const admins: Access = ({ req }) => isAdminUser(req.user)

/** Admins and marketers. */
export const staff: Access = ({ req }) => isStaffUser(req.user)

/** Field-level: only admins. */
export const adminsField: FieldAccess = ({ req }) => isAdminUser(req.user)

/** Field-level: only staff. */
export const staffField: FieldAccess = ({ req }) => isStaffUser(req.user)

/** Field-level: nobody (values are maintained by hooks). */
export const nobodyField: FieldAccess = () => false

/** Anyone signed in: staff or an active member. */
export const signedIn: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const member = memberUser(req.user)
  return Boolean(member && member.status === 'active')
}

/**
 * Staff read everything, including drafts; active members read published documents only.
 * Anonymous visitors read nothing.
 */
export const staffOrPublished: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const member = memberUser(req.user)
  if (member && member.status === 'active') return { _status: { equals: 'published' } }
  return false
}

/** Staff, or the signed-in member's own partner company. */
export const staffOrOwnPartner: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const member = memberUser(req.user)
  const partnerId = member && member.status === 'active' ? relationId(member.partner) : null
  if (partnerId === null) return false
  return { id: { equals: partnerId } }
}
