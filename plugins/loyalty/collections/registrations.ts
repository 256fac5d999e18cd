import type { CollectionConfig } from 'payload'

import { nobody, staffOrOwn } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/** Event registrations, the waitlist and attendance. Written by the plugin's endpoints only. */
export const registrationsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.registrations,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOrOwn(options),
    update: nobody,
  },
  admin: {
    defaultColumns: ['event', 'member', 'status', 'registeredAt', 'attendedAt'],
    group: 'Loyalty',
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
    { name: 'eventId', type: 'text', index: true, required: true },
    {
      name: 'status',
      type: 'select',
      index: true,
      options: ['registered', 'waitlisted', 'cancelled', 'attended'].map((value) => ({
        label: value,
        value,
      })),
      required: true,
    },
    { name: 'registeredAt', type: 'date' },
    { name: 'attendedAt', type: 'date' },
  ],
  labels: { plural: 'Registrations', singular: 'Registration' },
})
