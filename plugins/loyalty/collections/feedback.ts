import type { CollectionConfig } from 'payload'

import { adminsOnly, nobody, staffOrOwn } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Feedback members gave after an event they attended or a course they completed: one document
 * per member and item (the key is unique in the database). Written by the plugin's feedback
 * endpoint only, which also keeps the edit window; members read their own, staff read all
 * (and the summary endpoint aggregates them). Admins may delete an abusive response; the points
 * it earned stay (they were earned once, under a key that is never booked again).
 */
export const feedbackCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.feedback,
  access: {
    create: nobody,
    delete: adminsOnly(options),
    read: staffOrOwn(options),
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'member', 'title', 'recommend', 'rating', 'comment'],
    description:
      'What members said after an event or a course. Response rate, NPS and averages: GET /api/loyalty/feedback/summary.',
    group: 'Loyalty',
    listSearchableFields: ['title', 'comment'],
    useAsTitle: 'title',
  },
  defaultSort: '-createdAt',
  // The summary filters by item and period; the response rate by the time of the attendance
  // or completion.
  indexes: [
    { fields: ['collection', 'documentId', 'createdAt'] },
    { fields: ['collection', 'qualifiedAt'] },
  ],
  fields: [
    { name: 'key', type: 'text', admin: { hidden: true }, required: true, unique: true },
    {
      name: 'member',
      type: 'relationship',
      index: true,
      relationTo: options.members,
      required: true,
    },
    {
      type: 'row',
      fields: [
        { name: 'collection', type: 'text', label: 'Collection', required: true },
        { name: 'documentId', type: 'text', label: 'Document id', required: true },
        { name: 'title', type: 'text', label: 'Item' },
      ],
    },
    {
      name: 'qualifiedAt',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'When the member attended the event or completed the course.',
      },
      label: 'Attended or completed',
    },
    {
      type: 'row',
      fields: [
        {
          name: 'recommend',
          type: 'number',
          admin: { description: '0–10: how likely to recommend it.' },
          index: true,
          label: 'Recommend (0–10)',
          max: 10,
          min: 0,
          required: true,
        },
        {
          name: 'rating',
          type: 'number',
          admin: { description: '1–5: rating of the content.' },
          label: 'Rating (1–5)',
          max: 5,
          min: 1,
          required: true,
        },
      ],
    },
    { name: 'comment', type: 'textarea' },
    {
      name: 'answers',
      type: 'json',
      admin: { description: 'Answers to the item’s own questions, with the question as asked.' },
    },
  ],
  labels: { plural: 'Feedback', singular: 'Feedback' },
  timestamps: true,
})
