import type { Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

/** The plugin's REST endpoints (mounted under the API route, e.g. /api/loyalty/me). */
export const loyaltyEndpoints = (_options: ResolvedLoyaltyOptions): Endpoint[] => []
