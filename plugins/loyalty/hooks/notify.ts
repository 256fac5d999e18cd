import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { queueRedemptionMail, queueTierUpgradeMail } from '../services/notifications'

/**
 * After a member's tier upgrade is recorded: queues its mail in the same transaction (`req`).
 * The plugin's own award path records upgrades past the hooks and queues the mail itself.
 */
export const notifyTierUpgrade =
  (options: ResolvedLoyaltyOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation === 'create') await queueTierUpgradeMail(req.payload, options, doc, req)
    return doc
  }

/** After a redemption's status changed to a decision: queues its mail in the same transaction. */
export const notifyRedemptionStatus =
  (options: ResolvedLoyaltyOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation === 'update') {
      await queueRedemptionMail(req.payload, options, doc, previousDoc?.status, req)
    }
    return doc
  }
