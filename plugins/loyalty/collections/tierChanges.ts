import type { CollectionConfig } from 'payload'

import { nobody, staffOrOwn } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/** Every tier change of a member or an organisation, with its reason. Written by the plugin. */
export const tierChangesCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.tierChanges,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOrOwn(options),
    update: nobody,
  },
  admin: {
    defaultColumns: [
      'createdAt',
      'account',
      'member',
      'organisation',
      'change',
      'toTier',
      'reason',
    ],
    group: 'Loyalty',
    useAsTitle: 'reason',
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'account',
      type: 'select',
      options: [
        { label: 'Member', value: 'member' },
        { label: 'Organisation', value: 'organisation' },
      ],
      required: true,
    },
    { name: 'member', type: 'relationship', index: true, relationTo: options.members },
    { name: 'organisation', type: 'relationship', index: true, relationTo: options.organisations },
    {
      name: 'change',
      type: 'select',
      options: [
        { label: 'Upgrade', value: 'upgrade' },
        { label: 'Downgrade', value: 'downgrade' },
        { label: 'Confirmed', value: 'none' },
      ],
      required: true,
    },
    { name: 'fromTier', type: 'relationship', relationTo: options.tiers },
    { name: 'toTier', type: 'relationship', relationTo: options.tiers },
    { name: 'reason', type: 'text', required: true },
  ],
  labels: { plural: 'Tier changes', singular: 'Tier change' },
})
