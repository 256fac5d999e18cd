import type { TaskConfig } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { reviewTiers } from '../services/tierReview'

export const reviewTiersTaskSlug = 'loyaltyReviewTiers'

/** The daily tier review (03:45 UTC, `loyalty` queue): window upkeep and delayed downgrades. */
export const reviewTiersTask = (options: ResolvedLoyaltyOptions): TaskConfig => ({
  slug: reviewTiersTaskSlug,
  handler: async ({ req }) => {
    const result = await reviewTiers(req.payload, options, new Date())
    req.payload.logger.info(result, 'loyalty: tiers reviewed')
    return { output: result }
  },
  label: 'Review loyalty tiers',
  outputSchema: [
    { name: 'reviewed', type: 'number' },
    { name: 'downgraded', type: 'number' },
    { name: 'confirmed', type: 'number' },
  ],
  retries: 3,
  schedule: [{ cron: '45 3 * * *', queue: 'loyalty' }],
})
