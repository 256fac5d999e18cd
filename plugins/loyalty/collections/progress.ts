import type { CollectionConfig } from 'payload'

import { nobody, staffOrOwn } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * A member's progress on one item: a lesson (`lesson:<id>`), a quiz (`quiz`), a whole course
 * (`course`) or a reading (`read`). The key (member, collection, document, item) is unique in
 * the database, so concurrent requests cannot create two records for one item.
 */
export const progressCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.progress,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOrOwn(options),
    update: nobody,
  },
  admin: {
    defaultColumns: ['member', 'collection', 'documentId', 'item', 'startedAt', 'completedAt'],
    group: 'Loyalty',
    useAsTitle: 'key',
  },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    {
      name: 'member',
      type: 'relationship',
      index: true,
      relationTo: options.members,
      required: true,
    },
    { name: 'collection', type: 'text', required: true },
    { name: 'documentId', type: 'text', index: true, required: true },
    { name: 'item', type: 'text', required: true },
    { name: 'startedAt', type: 'date' },
    { name: 'completedAt', type: 'date', index: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'scorePercent', type: 'number' },
    { name: 'certificateCode', type: 'text', index: true },
  ],
  labels: { plural: 'Progress', singular: 'Progress record' },
})
