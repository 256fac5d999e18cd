import type { Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { accountEndpoints } from './account'
import { analyticsEndpoints } from './analytics'
import { correctionEndpoints } from './corrections'
import { exportEndpoints } from './exports'
import { feedbackSummaryEndpoints } from './feedback'
import { leaderboardEndpoints } from './leaderboard'
import { moveEndpoints } from './moves'
import { organisationEndpoints } from './organisation'
import { referralEndpoints } from './referrals'

/** The plugin's root REST endpoints (under the API route, e.g. /api/loyalty/me). */
export const loyaltyEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  ...accountEndpoints(options),
  ...leaderboardEndpoints(options),
  ...correctionEndpoints(options),
  ...exportEndpoints(options),
  ...organisationEndpoints(options),
  ...moveEndpoints(options),
  ...referralEndpoints(options),
  ...feedbackSummaryEndpoints(options),
  ...analyticsEndpoints(options),
]
