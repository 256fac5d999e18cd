import type { CollectionSlug } from 'payload'

/** Options of the loyalty plugin. Every collection it works with is named here; it owns no content. */
export type LoyaltyPluginOptions = {
  /**
   * Disable the plugin's behaviour while keeping its fields in the schema
   * (so the database schema does not change when toggled).
   * @default false
   */
  disabled?: boolean
  /**
   * The auth collection of people who earn points (partner employees).
   * @default 'members'
   */
  members?: CollectionSlug
  /**
   * The collection of organisations the people belong to; points roll up to it.
   * @default 'partners'
   */
  organisations?: CollectionSlug
  /**
   * The relationship field on the member collection that points at their organisation.
   * @default 'partner'
   */
  organisationField?: string
  /**
   * The collection holding the club tiers (needs numeric `rank` and `threshold` fields).
   * @default 'club-tiers'
   */
  tiers?: CollectionSlug
}

/** Options with every default applied. */
export type ResolvedLoyaltyOptions = Required<LoyaltyPluginOptions>

export const resolveOptions = (options: LoyaltyPluginOptions = {}): ResolvedLoyaltyOptions => ({
  disabled: options.disabled ?? false,
  members: options.members ?? ('members' as CollectionSlug),
  organisationField: options.organisationField ?? 'partner',
  organisations: options.organisations ?? ('partners' as CollectionSlug),
  tiers: options.tiers ?? ('club-tiers' as CollectionSlug),
})
