import type { CollectionConfig, Where } from 'payload'

import { nobody, signedInMember, signedInStaff } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * The points ledger: append-only. Every change of a balance is one entry here, written by the
 * plugin's ledger writer in the same transaction as the cached balance. Nobody, admins
 * included, creates, updates or deletes entries through the API; corrections are new
 * entries (a reversal or an adjustment) made through the plugin's endpoints.
 */
export const ledgerCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.ledger,
  access: {
    create: nobody,
    delete: nobody,
    read: ({ req }) => {
      if (signedInStaff(req, options)) return true
      const member = signedInMember(req, options)
      if (!member) return false
      const own: Where = {
        and: [{ account: { equals: 'member' } }, { member: { equals: member.id } }],
      }
      return own
    },
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'member', 'organisation', 'kind', 'amount', 'reason'],
    description:
      'Every points movement, newest first. Entries are never edited: correct with a reversal or an adjustment.',
    group: 'Loyalty',
    listSearchableFields: ['reason', 'idempotencyKey'],
    useAsTitle: 'reason',
  },
  defaultSort: '-createdAt',
  // An account's lots falling due in a window ("expiring soon"), and its statement by date.
  indexes: [
    { fields: ['member', 'expiresAt'] },
    { fields: ['organisation', 'expiresAt'] },
    { fields: ['member', 'createdAt'] },
    // The leaderboard ranks accounts by qualifying points since a date: an index-only scan of
    // this index instead of a visit to every entry of the period.
    { fields: ['account', 'createdAt', 'member', 'organisation', 'qualifyingAmount'] },
  ],
  fields: [
    {
      name: 'account',
      type: 'select',
      admin: { description: 'Whose balance this entry changes.' },
      options: [
        { label: 'Member', value: 'member' },
        { label: 'Organisation', value: 'organisation' },
      ],
      required: true,
    },
    // Indexed by the compound indexes above (member or organisation first): a single-column
    // index more would only slow every write down.
    { name: 'member', type: 'relationship', relationTo: options.members },
    {
      name: 'organisation',
      type: 'relationship',
      admin: { description: 'The member’s organisation at the time of the entry.' },
      relationTo: options.organisations,
    },
    {
      name: 'kind',
      type: 'select',
      // move: a line without points when the member changes company (see loyalty-moves).
      options: ['earn', 'redeem', 'refund', 'expire', 'reverse', 'adjust', 'move'].map((value) => ({
        label: value[0].toUpperCase() + value.slice(1),
        value,
      })),
      required: true,
    },
    {
      name: 'amount',
      type: 'number',
      admin: { description: 'Change of the spendable balance.' },
      required: true,
    },
    {
      name: 'qualifyingAmount',
      type: 'number',
      admin: { description: 'Change of the qualifying and lifetime balances.' },
      required: true,
    },
    { name: 'reason', type: 'text', required: true },
    { name: 'rule', type: 'relationship', relationTo: loyaltySlugs.earningRules },
    { name: 'promotion', type: 'relationship', relationTo: loyaltySlugs.promotions },
    { name: 'sourceCollection', type: 'text' },
    { name: 'sourceId', type: 'text', index: true },
    {
      name: 'sourceTitle',
      type: 'text',
      admin: { description: 'Title of the source document when the entry was written.' },
    },
    {
      name: 'actor',
      type: 'relationship',
      admin: { description: 'Who caused the entry; empty for the system (e.g. expiry).' },
      relationTo: [options.staff, options.members],
    },
    {
      name: 'idempotencyKey',
      type: 'text',
      admin: { description: 'Unique: the same key can never be booked twice.' },
      required: true,
      unique: true,
    },
    { name: 'expiresAt', type: 'date', index: true },
    {
      name: 'reverses',
      type: 'relationship',
      admin: { description: 'The entry this reversal corrects.' },
      index: true,
      relationTo: loyaltySlugs.ledger,
    },
    { name: 'breakdown', type: 'json', admin: { description: 'How the points were computed.' } },
  ],
  labels: { plural: 'Ledger', singular: 'Ledger entry' },
  timestamps: true,
})
