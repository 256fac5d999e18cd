import type { Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { accountEndpoints } from './account'
import { correctionEndpoints } from './corrections'
import { feedbackSummaryEndpoints } from './feedback'
import { leaderboardEndpoints } from './leaderboard'
import { organisationEndpoints } from './organisation'

/** The plugin's root REST endpoints (under the API route, e.g. /api/loyalty/me). */
export const loyaltyEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  ...accountEndpoints(options),
  ...leaderboardEndpoints(options),
  ...correctionEndpoints(options),
  ...organisationEndpoints(options),
  ...feedbackSummaryEndpoints(options),
]
