import type { CollectionSlug, Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

/** Event endpoints: register (with waitlist), cancel, check in, staff attendance. */
export const eventEndpoints = (
  _options: ResolvedLoyaltyOptions,
  _collection: CollectionSlug,
): Endpoint[] => []
