import type { TaskConfig } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { pruneDeliveries } from '../services/webhooks'

export const pruneWebhookDeliveriesTaskSlug = 'loyaltyPruneWebhookDeliveries'

/**
 * Daily (04:30 UTC, `loyalty` queue): deletes webhook deliveries that finished more than
 * `webhooks.keepDeliveriesDays` ago, so the delivery log does not grow without end. Safe to run
 * again: a second run finds nothing more to delete.
 */
export const pruneWebhookDeliveriesTask = (options: ResolvedLoyaltyOptions): TaskConfig => ({
  slug: pruneWebhookDeliveriesTaskSlug,
  handler: async ({ req }) => {
    const result = await pruneDeliveries(req.payload, options, new Date())
    req.payload.logger.info(result, 'loyalty: old webhook deliveries deleted')
    return { output: result }
  },
  label: 'Delete old webhook deliveries',
  outputSchema: [{ name: 'deleted', type: 'number' }],
  retries: 3,
  schedule: [{ cron: '30 4 * * *', queue: 'loyalty' }],
})
