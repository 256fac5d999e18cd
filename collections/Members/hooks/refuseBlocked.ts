import type { CollectionBeforeLoginHook } from 'payload'

import { APIError } from 'payload'

/**
 * A 403 for a blocked account. Named `Forbidden` so that it is logged at the level configured
 * for refusals (`loggingLevels`), not as a server error.
 */
class AccountBlocked extends APIError {
  constructor() {
    super(
      'This account is blocked. Ask your partner manager or your programme contact to unblock it.',
      403,
      undefined,
      true,
    )
    this.name = 'Forbidden'
  }
}

/** A blocked member cannot sign in; the message tells them whom to ask. */
export const refuseBlocked: CollectionBeforeLoginHook = ({ user }) => {
  if ((user as { status?: string }).status === 'blocked') throw new AccountBlocked()
  return user
}
