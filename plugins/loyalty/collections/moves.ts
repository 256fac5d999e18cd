import type { CollectionConfig } from 'payload'

import { nobody, signedInStaff, staffOrOwn } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Every change of a member's organisation: from, to, when, by whom and why. Written only by the
 * move endpoint (`POST /api/loyalty/members/:id/move`), together with the member's new
 * organisation, a line on their statement and the organisations' tier re-evaluation, in one
 * transaction. Members read their own moves, without the staff's reason.
 */
export const movesCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.moves,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOrOwn(options),
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'member', 'from', 'to', 'actor', 'reason'],
    description:
      'Members who changed company. Admins move a member with POST /api/loyalty/members/:id/move { partner, reason }; the member’s company field cannot be changed directly.',
    group: 'Loyalty',
    useAsTitle: 'reason',
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'member',
      type: 'relationship',
      index: true,
      relationTo: options.members,
      required: true,
    },
    {
      name: 'from',
      type: 'relationship',
      admin: { description: 'The organisation the member left (empty: none).' },
      index: true,
      relationTo: options.organisations,
    },
    {
      name: 'to',
      type: 'relationship',
      index: true,
      relationTo: options.organisations,
      required: true,
    },
    { name: 'actor', type: 'relationship', relationTo: options.staff, required: true },
    {
      name: 'reason',
      type: 'text',
      access: { read: ({ req }) => signedInStaff(req, options) },
      admin: { description: 'For staff; the member’s statement only says from where to where.' },
      required: true,
    },
  ],
  labels: { plural: 'Moves', singular: 'Move' },
  timestamps: true,
})
