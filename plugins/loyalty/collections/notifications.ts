import type { CollectionConfig } from 'payload'

import { nobody, staffOrOwn } from '../access'
import { notificationCategories } from '../engine/notifications'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Every mail the programme queued for a member, with what became of it. The unique `key`
 * (e.g. `digest:<member>:<last entry>`, `reminder:<event>:<member>`) makes sure nothing is
 * queued twice; staff see here what went out. Written by the plugin's jobs and hooks only.
 */
export const notificationsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.notifications,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOrOwn(options),
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'member', 'category', 'status', 'subject', 'sentAt'],
    description: 'Emails queued for members and whether they were sent.',
    group: 'Loyalty',
    useAsTitle: 'key',
  },
  defaultSort: '-createdAt',
  // The digest and expiry scanners look up a member's last mail of a category.
  indexes: [{ fields: ['member', 'category'] }],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'member', type: 'relationship', relationTo: options.members, required: true },
    {
      name: 'category',
      type: 'select',
      options: notificationCategories.map((value) => ({ label: value, value })),
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      index: true,
      options: ['queued', 'sent', 'skipped', 'failed'].map((value) => ({ label: value, value })),
      required: true,
    },
    {
      name: 'throughEntry',
      type: 'number',
      admin: { description: 'The last ledger entry this digest or warning covers.' },
    },
    {
      name: 'data',
      type: 'json',
      admin: { description: 'What the mail is about (event, redemption, tier change…).' },
    },
    { name: 'subject', type: 'text' },
    { name: 'sentAt', type: 'date' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'error', type: 'text', admin: { description: 'Why the last attempt failed.' } },
  ],
  labels: { plural: 'Notifications', singular: 'Notification' },
  timestamps: true,
})
