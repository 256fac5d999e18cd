import type { CollectionBeforeLoginHook } from 'payload'

import { APIError } from 'payload'

/** A blocked member cannot sign in; the message tells them whom to ask. */
export const refuseBlocked: CollectionBeforeLoginHook = ({ user }) => {
  if ((user as { status?: string }).status === 'blocked') {
    throw new APIError(
      'This account is blocked. Ask your partner manager or your programme contact to unblock it.',
      403,
      undefined,
      true,
    )
  }
  return user
}
