import type { Access, PayloadRequest, Where } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

/** The signed-in member (of the plugin's member collection), if any. */
export const signedInMember = (
  req: PayloadRequest,
  options: ResolvedLoyaltyOptions,
): null | { id: number | string; [key: string]: unknown } => {
  const user = req.user as null | { collection?: string; id: number | string; status?: string }
  if (!user || user.collection !== options.members) return null
  if (user.status && user.status !== 'active') return null
  return user as { id: number | string; [key: string]: unknown }
}

/** The signed-in staff user, if any. */
export const signedInStaff = (req: PayloadRequest, options: ResolvedLoyaltyOptions): boolean => {
  const user = req.user as null | { collection?: string }
  return Boolean(user && user.collection === options.staff && options.isStaff(user))
}

/** The signed-in admin, if any. */
export const signedInAdmin = (req: PayloadRequest, options: ResolvedLoyaltyOptions): boolean => {
  const user = req.user as null | { collection?: string }
  return Boolean(user && user.collection === options.staff && options.isAdmin(user))
}

/** Nobody, through any API: documents are written by the plugin's own services only. */
export const nobody: Access = () => false

/** Staff read everything; a member reads the documents whose `memberField` is themselves. */
export const staffOrOwn =
  (options: ResolvedLoyaltyOptions, memberField = 'member'): Access =>
  ({ req }) => {
    if (signedInStaff(req, options)) return true
    const member = signedInMember(req, options)
    if (!member) return false
    const own: Where = { [memberField]: { equals: member.id } }
    return own
  }

/** Staff only. */
export const staffOnly =
  (options: ResolvedLoyaltyOptions): Access =>
  ({ req }) =>
    signedInStaff(req, options)

/** Admins only. */
export const adminsOnly =
  (options: ResolvedLoyaltyOptions): Access =>
  ({ req }) =>
    signedInAdmin(req, options)
