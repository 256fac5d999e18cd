import type { Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { accountEndpoints } from './account'
import { analyticsEndpoints } from './analytics'
import { correctionEndpoints } from './corrections'
import { exportEndpoints } from './exports'
import { feedbackSummaryEndpoints } from './feedback'
import { importEndpoints } from './imports'
import { leaderboardEndpoints } from './leaderboard'
import { moveEndpoints } from './moves'
import { notificationEndpoints } from './notifications'
import { organisationEndpoints } from './organisation'
import { referralEndpoints } from './referrals'
import { webhookEndpoints } from './webhooks'

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
  ...webhookEndpoints(options),
  ...notificationEndpoints(options),
  ...importEndpoints(options),
  ...analyticsEndpoints(options),
]
