import type { Config, Plugin } from 'payload'

import type { LoyaltyPluginOptions } from './types'

import { activitiesCollection } from './collections/activities'
import { earningRulesCollection } from './collections/earningRules'
import { ledgerCollection } from './collections/ledger'
import { progressCollection } from './collections/progress'
import { promotionsCollection } from './collections/promotions'
import { tierChangesCollection } from './collections/tierChanges'
import { loyaltyEndpoints } from './endpoints'
import { courseEndpoints } from './endpoints/courses'
import { balanceFields } from './fields/balanceFields'
import { resolveOptions } from './types'

export type { LoyaltyPluginOptions } from './types'
export { loyaltySlugs } from './types'

/**
 * The Partner Club loyalty plugin: points ledger, earning rules, promotions and tiers for
 * people and their organisations. Add it to `plugins` in a Payload config and name the
 * collections it works with; it owns no content of its own.
 */
export const loyaltyPlugin =
  (pluginOptions: LoyaltyPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const existing = incomingConfig.collections ?? []
    for (const slug of [options.members, options.organisations, options.tiers, options.staff]) {
      if (!existing.some((collection) => collection.slug === slug)) {
        throw new Error(`loyaltyPlugin: collection "${slug}" named in the options does not exist.`)
      }
    }
    if (options.courses && !existing.some((collection) => collection.slug === options.courses)) {
      throw new Error(`loyaltyPlugin: courses collection "${options.courses}" does not exist.`)
    }
    const collections = existing.map((collection) => {
      if (collection.slug === options.members || collection.slug === options.organisations) {
        return { ...collection, fields: [...collection.fields, balanceFields(options)] }
      }
      if (collection.slug === options.courses && !options.disabled) {
        return {
          ...collection,
          endpoints: [
            ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
            ...courseEndpoints(options, collection.slug),
          ],
        }
      }
      return collection
    })
    collections.push(
      ledgerCollection(options),
      activitiesCollection(options),
      progressCollection(options),
      earningRulesCollection(options),
      promotionsCollection(options),
      tierChangesCollection(options),
    )
    return {
      ...incomingConfig,
      collections,
      endpoints: [
        ...(incomingConfig.endpoints ?? []),
        ...(options.disabled ? [] : loyaltyEndpoints(options)),
      ],
    }
  }
