import type { TaskConfig } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { attemptDelivery, deliverWebhookTaskSlug } from '../services/webhooks'

/**
 * Delivers one webhook delivery (`{ delivery }`) on the `loyalty` queue. A failed attempt that
 * may be retried throws, and the queue runs the task again after an exponential backoff
 * (`webhooks.retryDelaySeconds`, doubled each time) until `webhooks.maxAttempts`; the delivery
 * document records every attempt. The last failure ends the job without an error: the delivery
 * says `failed`. Safe to run again: a finished delivery is not sent twice by the same job, and
 * receivers deduplicate by the event id (`x-partnerclub-delivery`) if a worker died mid-send.
 */
export const deliverWebhookTask = (options: ResolvedLoyaltyOptions): TaskConfig => ({
  slug: deliverWebhookTaskSlug,
  handler: async ({ input, req }) => {
    const id = String((input as { delivery?: number | string } | undefined)?.delivery ?? '')
    const result = await attemptDelivery(req.payload, options, id)
    if (result.status === 'retrying') {
      throw new Error(`Webhook delivery ${id} will be retried: ${result.lastError ?? ''}`)
    }
    return { output: { status: result.status } }
  },
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  label: 'Deliver a loyalty webhook',
  outputSchema: [{ name: 'status', type: 'text' }],
  retries: {
    attempts: options.webhooks.maxAttempts - 1,
    backoff: { delay: options.webhooks.retryDelaySeconds * 1000, type: 'exponential' },
  },
})
