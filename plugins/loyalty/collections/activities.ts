import type { CollectionConfig } from 'payload'

import { nobody, staffOrOwn } from '../access'
import { type ResolvedLoyaltyOptions, activityVerbs, loyaltySlugs } from '../types'

/** What members did, whether or not it earned points. Written by the plugin only. */
export const activitiesCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.activities,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOrOwn(options),
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'member', 'verb', 'objectTitle'],
    group: 'Loyalty',
    useAsTitle: 'verb',
  },
  defaultSort: '-createdAt',
  // The analytics count who did what by verb and period (sign-ins, quiz attempts): an index
  // range that holds the member too, so the count reads no table rows.
  indexes: [{ fields: ['verb', 'createdAt', 'member'] }],
  fields: [
    {
      name: 'member',
      type: 'relationship',
      index: true,
      relationTo: options.members,
      required: true,
    },
    {
      name: 'verb',
      type: 'select',
      index: true,
      options: activityVerbs.map((verb) => ({ label: verb, value: verb })),
      required: true,
    },
    { name: 'objectCollection', type: 'text' },
    { name: 'objectId', type: 'text', index: true },
    { name: 'objectTitle', type: 'text' },
    { name: 'details', type: 'json' },
  ],
  labels: { plural: 'Activities', singular: 'Activity' },
})
