import type { CollectionConfig } from 'payload'

import { staffOnly } from '../access'
import { clearOnChange } from '../services/cache'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Promotions multiply points for a time window and a target ("double points on the new
 * product course in March"). Stacking: the highest matching promotion applies (promotions do
 * not multiply each other), then the tier multiplier, then caps.
 */
export const promotionsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.promotions,
  access: {
    create: staffOnly(options),
    delete: staffOnly(options),
    read: staffOnly(options),
    update: staffOnly(options),
  },
  admin: {
    defaultColumns: ['name', 'multiplier', 'target', 'startsAt', 'endsAt', 'enabled'],
    group: 'Loyalty',
    useAsTitle: 'name',
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'multiplier',
          type: 'number',
          admin: { step: 0.1 },
          max: 10,
          min: 1.01,
          required: true,
        },
        { name: 'enabled', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', index: true, required: true },
        { name: 'endsAt', type: 'date', index: true, required: true },
      ],
    },
    {
      name: 'target',
      type: 'select',
      defaultValue: 'all',
      options: [
        { label: 'All content', value: 'all' },
        { label: 'Content with a tag', value: 'tag' },
        { label: 'One document', value: 'document' },
        { label: 'A job role', value: 'jobRole' },
      ],
      required: true,
    },
    {
      name: 'collection',
      type: 'select',
      admin: { condition: (data) => data?.target === 'document' },
      options: options.contentCollections.map((slug) => ({ label: slug, value: slug })),
    },
    {
      name: 'documentId',
      type: 'text',
      admin: { condition: (data) => data?.target === 'document' },
    },
    { name: 'tag', type: 'text', admin: { condition: (data) => data?.target === 'tag' } },
    {
      name: 'jobRole',
      type: 'select',
      admin: { condition: (data) => data?.target === 'jobRole' },
      options: options.jobRoles.map((role) => ({ label: role, value: role })),
    },
  ],
  hooks: clearOnChange('promotions:'),
  labels: { plural: 'Promotions', singular: 'Promotion' },
})
