import type { CollectionSlug, Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

/** Case-study endpoints: open, then read after the minimum reading time. */
export const caseStudyEndpoints = (
  _options: ResolvedLoyaltyOptions,
  _collection: CollectionSlug,
): Endpoint[] => []
