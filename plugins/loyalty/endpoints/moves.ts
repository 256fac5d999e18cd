import type { Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { signedInAdmin } from '../access'
import { moveMember } from '../services/moves'
import { HttpError, handle, idParam, jsonBody, ok } from '../utilities/http'

/**
 * `POST /api/loyalty/members/:id/move` `{ partner, reason }` (the body key is the member
 * collection's organisation field; `organisation` is accepted too): admins move a member to
 * another, active organisation (see `services/moves.ts`). Marketers may not: a move changes
 * which company earns from the person and can change companies' tiers, which is member
 * administration, like editing members.
 */
export const moveEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      if (!req.user) throw new HttpError(401, 'Sign in as an admin to move a member.')
      if (!signedInAdmin(req, options)) {
        throw new HttpError(403, 'Only admins can move a member to another company.')
      }
      const memberId = idParam(req, 'id')
      const body = await jsonBody(req)
      const to = body[options.organisationField] ?? body.organisation
      if (
        !(typeof to === 'number' && Number.isSafeInteger(to) && to > 0) &&
        !(typeof to === 'string' && /^(\d{1,18}|[0-9a-f]{24})$/i.test(to))
      ) {
        throw new HttpError(
          400,
          `${options.organisationField} must be the id of the company the member moves to.`,
        )
      }
      const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
      if (reason.length < 5) {
        throw new HttpError(400, 'Give a reason of at least 5 characters for the move.')
      }
      if (reason.length > 300) throw new HttpError(400, 'Keep the reason under 300 characters.')
      const result = await moveMember(req.payload, options, {
        actorId: req.user.id,
        memberId,
        reason,
        toId: to,
      })
      return ok(result, 201)
    }),
    method: 'post',
    path: '/loyalty/members/:id/move',
  },
]
