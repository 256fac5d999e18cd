import type { CollectionConfig } from 'payload'

import { nobody, staffOrOwn } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Invitations of colleagues. Written only by the plugin's endpoints: a member sends and
 * revokes their own; the invited colleague accepts with the token from the link. The token is
 * kept only as a hash; `openKey` (the address while the invitation is open) is unique in the
 * database, so one address never has two open invitations, even under concurrent requests.
 */
export const invitationsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.invitations,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOrOwn(options, 'inviter'),
    update: nobody,
  },
  admin: {
    defaultColumns: ['email', 'inviter', 'status', 'expiresAt', 'acceptedMember', 'createdAt'],
    description:
      'Colleagues invited by members. Both earn referral points once the colleague has joined and completed a first course.',
    group: 'Loyalty',
    listSearchableFields: ['email', 'name'],
    useAsTitle: 'email',
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'email', type: 'email', index: true, required: true },
    { name: 'name', type: 'text', admin: { description: 'The colleague’s name, as given.' } },
    {
      name: 'inviter',
      type: 'relationship',
      index: true,
      relationTo: options.members,
      required: true,
    },
    {
      name: 'organisation',
      type: 'relationship',
      admin: { description: 'The inviter’s organisation: the colleague joins it.' },
      relationTo: options.organisations,
      required: true,
    },
    {
      name: 'jobRole',
      type: 'select',
      options: options.jobRoles.map((role) => ({ label: role, value: role })),
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      admin: { description: 'Open invitations past their expiry date count as expired.' },
      defaultValue: 'open',
      index: true,
      options: ['open', 'accepted', 'revoked', 'expired'].map((value) => ({ label: value, value })),
      required: true,
    },
    { name: 'expiresAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'tokenHash',
      type: 'text',
      access: { read: () => false },
      admin: { hidden: true },
      required: true,
      unique: true,
    },
    {
      name: 'openKey',
      type: 'text',
      access: { read: () => false },
      admin: { hidden: true },
      unique: true,
    },
    { name: 'acceptedAt', type: 'date' },
    {
      name: 'acceptedMember',
      type: 'relationship',
      index: true,
      relationTo: options.members,
    },
    {
      name: 'rewardedAt',
      type: 'date',
      admin: { description: 'When both sides earned their referral points.' },
    },
    { name: 'revokedAt', type: 'date' },
  ],
  labels: { plural: 'Invitations', singular: 'Invitation' },
  timestamps: true,
})
