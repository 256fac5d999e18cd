import type { CollectionConfig } from 'payload'

import { adminsOnly, staffOnly } from '../access'
import { clearOnChange } from '../services/cache'
import { type ResolvedLoyaltyOptions, activityVerbs, loyaltySlugs } from '../types'

/** Earning rules: which action earns how many points, for whom, how often. Edited by admins. */
export const earningRulesCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.earningRules,
  access: {
    create: adminsOnly(options),
    delete: adminsOnly(options),
    read: staffOnly(options),
    update: adminsOnly(options),
  },
  admin: {
    defaultColumns: ['name', 'verb', 'points', 'enabled', 'activeFrom', 'activeUntil'],
    description:
      'The most specific enabled rule for an action applies: a specific document, then a tag, then a collection, then any.',
    group: 'Loyalty',
    useAsTitle: 'name',
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'verb',
          type: 'select',
          index: true,
          label: 'Action',
          // Signing in is recorded for the analytics only; it earns nothing.
          options: activityVerbs
            .filter((verb) => verb !== 'member.signed-in')
            .map((verb) => ({ label: verb, value: verb })),
          required: true,
        },
        { name: 'points', type: 'number', max: 100_000, min: 0, required: true },
        { name: 'enabled', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      name: 'filter',
      type: 'group',
      admin: { description: 'Optional: limit the rule to some content.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'collection',
              type: 'select',
              options: options.contentCollections.map((slug) => ({ label: slug, value: slug })),
            },
            { name: 'documentId', type: 'text', label: 'Document id' },
            { name: 'tag', type: 'text', admin: { description: 'e.g. a product tag' } },
          ],
        },
      ],
    },
    {
      name: 'roleOverrides',
      type: 'array',
      admin: { description: 'Points for specific job roles instead of the base points.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'jobRole',
              type: 'select',
              options: options.jobRoles.map((role) => ({ label: role, value: role })),
              required: true,
            },
            { name: 'points', type: 'number', max: 100_000, min: 0, required: true },
          ],
        },
      ],
      labels: { plural: 'Job role overrides', singular: 'Job role override' },
    },
    {
      name: 'caps',
      type: 'array',
      admin: { description: 'The most points this rule gives one member per period.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'period',
              type: 'select',
              options: ['day', 'week', 'month', 'total'].map((value) => ({ label: value, value })),
              required: true,
            },
            { name: 'maxPoints', type: 'number', min: 0, required: true },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'activeFrom', type: 'date' },
        { name: 'activeUntil', type: 'date' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'creditsOrganisation',
          type: 'checkbox',
          defaultValue: true,
          label: 'Also credits the organisation',
        },
        {
          name: 'organisationSharePercent',
          type: 'number',
          admin: { condition: (_data, sibling) => Boolean(sibling?.creditsOrganisation) },
          defaultValue: 100,
          label: 'Organisation share (%)',
          max: 100,
          min: 0,
        },
      ],
    },
  ],
  hooks: clearOnChange('rules:'),
  labels: { plural: 'Earning rules', singular: 'Earning rule' },
})
