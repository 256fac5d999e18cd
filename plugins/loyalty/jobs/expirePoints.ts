import type { TaskConfig } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { expirePoints } from '../services/expiry'

export const expirePointsTaskSlug = 'loyaltyExpirePoints'

/**
 * The expiry task, on the jobs queue: runs daily (03:15 UTC) on the `loyalty` queue and can be
 * queued by hand with `{ lookbackDays }` to catch up after an outage. Retries up to 3 times;
 * safe to repeat (see `expirePoints`).
 */
export const expirePointsTask = (options: ResolvedLoyaltyOptions): TaskConfig => ({
  slug: expirePointsTaskSlug,
  handler: async ({ input, req }) => {
    const lookbackDays = Number((input as { lookbackDays?: number } | undefined)?.lookbackDays ?? 7)
    const result = await expirePoints(req.payload, options, new Date(), lookbackDays)
    req.payload.logger.info(result, 'loyalty: expired points')
    return { output: result }
  },
  inputSchema: [{ name: 'lookbackDays', type: 'number', min: 1, max: 3650 }],
  label: 'Expire loyalty points',
  outputSchema: [
    { name: 'accounts', type: 'number' },
    { name: 'expiredPoints', type: 'number' },
  ],
  retries: 3,
  schedule: [{ cron: '15 3 * * *', queue: 'loyalty' }],
})
