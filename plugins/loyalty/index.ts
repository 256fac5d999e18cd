import type { Config, Plugin } from 'payload'

import { balanceFields } from './fields/balanceFields'
import { type LoyaltyPluginOptions, resolveOptions } from './types'

export type { LoyaltyPluginOptions } from './types'

/**
 * The Partner Club loyalty plugin: points ledger, tiers and rewards for people and their
 * organisations. Add it to `plugins` in a Payload config and name the collections it works with.
 */
export const loyaltyPlugin =
  (pluginOptions: LoyaltyPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const collections = (incomingConfig.collections ?? []).map((collection) => {
      if (collection.slug === options.members || collection.slug === options.organisations) {
        return { ...collection, fields: [...collection.fields, balanceFields(options)] }
      }
      return collection
    })
    for (const slug of [options.members, options.organisations, options.tiers]) {
      if (!collections.some((collection) => collection.slug === slug)) {
        throw new Error(`loyaltyPlugin: collection "${slug}" named in the options does not exist.`)
      }
    }
    return { ...incomingConfig, collections }
  }
