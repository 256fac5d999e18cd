import type { PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { type MemberSnapshot, loadMember } from '../services/context'
import { HttpError, requireMember } from '../utilities/http'

/** The signed-in, active member with their balances and tier, or a 401/403. */
export const memberContext = async (
  req: PayloadRequest,
  options: ResolvedLoyaltyOptions,
): Promise<MemberSnapshot> => {
  const signedIn = requireMember(req, options)
  const member = await loadMember(req.payload, options, signedIn.id)
  if (!member) throw new HttpError(401, 'Sign in as a partner member to do this.')
  return member
}
