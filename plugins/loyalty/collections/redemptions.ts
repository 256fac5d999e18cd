import type { CollectionConfig, Where } from 'payload'

import { nobody, signedInMember, signedInStaff } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Redemptions of rewards. Written only by the plugin's endpoints; rejecting or cancelling
 * refunds the points (a refund ledger entry) and returns the unit to stock in one transaction.
 */
export const redemptionsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.redemptions,
  access: {
    create: nobody,
    delete: nobody,
    read: ({ req }) => {
      if (signedInStaff(req, options)) return true
      const member = signedInMember(req, options)
      if (!member) return false
      const organisation = member[options.organisationField]
      if (options.isOrganisationManager(member) && organisation) {
        const orgId =
          typeof organisation === 'object' ? (organisation as { id: unknown }).id : organisation
        const managed: Where = {
          or: [{ member: { equals: member.id } }, { organisation: { equals: orgId } }],
        }
        return managed
      }
      return { member: { equals: member.id } }
    },
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'member', 'rewardTitle', 'points', 'status'],
    group: 'Loyalty',
    useAsTitle: 'rewardTitle',
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
    { name: 'organisation', type: 'relationship', index: true, relationTo: options.organisations },
    {
      name: 'reward',
      type: 'relationship',
      index: true,
      relationTo: loyaltySlugs.rewards,
      required: true,
    },
    { name: 'rewardTitle', type: 'text' },
    { name: 'points', type: 'number', required: true },
    {
      name: 'status',
      type: 'select',
      index: true,
      options: ['requested', 'approved', 'fulfilled', 'rejected', 'cancelled'].map((value) => ({
        label: value,
        value,
      })),
      required: true,
    },
    {
      name: 'limitKey',
      type: 'text',
      admin: {
        description: 'Holds one of the member’s slots for a reward with a per-member limit.',
      },
      unique: true,
    },
    { name: 'idempotencyKey', type: 'text', required: true, unique: true },
    { name: 'decidedBy', type: 'relationship', relationTo: [options.staff, options.members] },
    { name: 'decidedAt', type: 'date' },
    { name: 'notes', type: 'textarea', maxLength: 1000 },
    { name: 'redeemEntry', type: 'relationship', relationTo: loyaltySlugs.ledger },
    { name: 'refundEntry', type: 'relationship', relationTo: loyaltySlugs.ledger },
  ],
  labels: { plural: 'Redemptions', singular: 'Redemption' },
})
