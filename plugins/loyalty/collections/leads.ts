import type { CollectionConfig } from 'payload'

import { adminsOnly, nobody, staffOnly, staffOrOwn } from '../access'
import { leadStatuses } from '../engine/referrals'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Companies members recommend as prospective partners. Members submit them through
 * `POST /api/loyalty/leads`; staff change the status only through
 * `POST /api/loyalty/leads/:id/status` (the buttons on the lead's page), because converting a
 * lead awards the referrer's points, once.
 */
export const leadsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.leads,
  access: {
    create: nobody,
    delete: adminsOnly(options),
    read: staffOrOwn(options, 'referrer'),
    update: staffOnly(options),
  },
  admin: {
    defaultColumns: ['company', 'contactName', 'referrer', 'status', 'createdAt'],
    description:
      'Companies recommended by members. Converting a lead gives the member who recommended it their referral points.',
    group: 'Loyalty',
    listSearchableFields: ['company', 'contactName', 'contactEmail'],
    useAsTitle: 'company',
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'status',
      type: 'select',
      access: { create: () => false, update: () => false },
      admin: {
        components: { Field: '/plugins/loyalty/components/LeadStatusField#LeadStatusField' },
        position: 'sidebar',
      },
      defaultValue: 'new',
      index: true,
      options: leadStatuses.map((value) => ({ label: value, value })),
      required: true,
    },
    {
      type: 'row',
      fields: [
        { name: 'company', type: 'text', access: { update: () => false }, required: true },
        { name: 'contactName', type: 'text', access: { update: () => false }, required: true },
        { name: 'contactEmail', type: 'email', access: { update: () => false }, required: true },
      ],
    },
    { name: 'note', type: 'textarea', access: { update: () => false } },
    {
      // The award's reason and the ledger's source title read `title`.
      name: 'title',
      type: 'text',
      access: { update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'referrer',
      type: 'relationship',
      access: { update: () => false },
      index: true,
      relationTo: options.members,
      required: true,
    },
    {
      name: 'organisation',
      type: 'relationship',
      access: { update: () => false },
      admin: { description: 'The referrer’s organisation when they recommended the company.' },
      relationTo: options.organisations,
    },
    {
      name: 'staffNotes',
      type: 'textarea',
      access: { read: ({ req }) => Boolean(req.user && req.user.collection === options.staff) },
      admin: { description: 'Internal; members do not see this.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'qualifiedAt', type: 'date', access: { update: () => false } },
        { name: 'convertedAt', type: 'date', access: { update: () => false } },
        { name: 'rejectedAt', type: 'date', access: { update: () => false } },
      ],
    },
    {
      name: 'decidedBy',
      type: 'relationship',
      access: { update: () => false },
      relationTo: options.staff,
    },
  ],
  labels: { plural: 'Leads', singular: 'Lead' },
  timestamps: true,
})
