import type { Payload } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { cached } from './cache'

type ID = number | string

/** The cache prefix of organisations' status; the plugin clears it when an organisation changes. */
export const organisationCacheKey = 'organisations:'

/**
 * Whether the organisation takes part in the programme (`isOrganisationActive`), cached like the
 * reference data and cleared when an organisation is edited. Unknown organisations are not.
 */
export const organisationIsActive = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
): Promise<boolean> =>
  cached(payload, `${organisationCacheKey}${id}:active`, async () => {
    const doc = (await payload.findByID({
      collection: options.organisations,
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: true,
    })) as null | Record<string, unknown>
    return doc !== null && options.isOrganisationActive(doc)
  })
