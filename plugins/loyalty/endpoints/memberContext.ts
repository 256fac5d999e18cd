import type { PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { type MemberSnapshot, memberSnapshot } from '../services/context'
import { requireMember } from '../utilities/http'

/**
 * The signed-in, active member with their balances and tier, or a 401/403. Taken from
 * `req.user`, which Payload's authentication read from the database for this request.
 */
export const memberContext = (
  req: PayloadRequest,
  options: ResolvedLoyaltyOptions,
): MemberSnapshot => memberSnapshot(requireMember(req, options), options)
