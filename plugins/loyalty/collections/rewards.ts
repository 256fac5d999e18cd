import type { CollectionConfig, Field } from 'payload'

import { adminsOnly, signedInMember, signedInStaff } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/** The rewards catalogue. Members see enabled rewards; admins edit it. */
export const rewardsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => {
  const image: Field[] = options.media
    ? [{ name: 'image', type: 'upload', filterOptions: () => true, relationTo: options.media }]
    : []
  return {
    slug: loyaltySlugs.rewards,
    access: {
      create: adminsOnly(options),
      delete: adminsOnly(options),
      read: ({ req }) => {
        if (signedInStaff(req, options)) return true
        if (signedInMember(req, options)) return { enabled: { equals: true } }
        return false
      },
      update: adminsOnly(options),
    },
    admin: {
      defaultColumns: [
        'title',
        'cost',
        'stock',
        'minimumTier',
        'requiresManagerApproval',
        'enabled',
      ],
      group: 'Loyalty',
      useAsTitle: 'title',
    },
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'description', type: 'textarea', maxLength: 1000 },
      ...image,
      {
        type: 'row',
        fields: [
          {
            name: 'cost',
            type: 'number',
            label: 'Cost (points)',
            max: 10_000_000,
            min: 1,
            required: true,
          },
          {
            name: 'stock',
            type: 'number',
            admin: { description: 'Units left; empty for unlimited.' },
            min: 0,
          },
          {
            name: 'perMemberLimit',
            type: 'number',
            admin: { description: 'Times one member may redeem it; empty for no limit.' },
            min: 1,
          },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'minimumTier',
            type: 'relationship',
            filterOptions: () => true,
            relationTo: options.tiers,
          },
          {
            name: 'requiresManagerApproval',
            type: 'checkbox',
            defaultValue: false,
            label: 'A partner manager must approve',
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'activeFrom', type: 'date' },
          { name: 'activeUntil', type: 'date' },
          { name: 'enabled', type: 'checkbox', defaultValue: true },
        ],
      },
    ],
    labels: { plural: 'Rewards', singular: 'Reward' },
  }
}
