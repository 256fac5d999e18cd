import type { Field } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

const readOnly = { create: () => false, update: () => false }

/**
 * The cached balances and tier the plugin keeps on members and organisations.
 * Nobody writes them through the API; the plugin maintains them in the same
 * transaction as the ledger entries they summarise.
 */
export const balanceFields = (
  options: ResolvedLoyaltyOptions,
  account: 'member' | 'organisation' = 'member',
): Field => ({
  name: 'loyalty',
  type: 'group',
  access: readOnly,
  admin: {
    description: 'Maintained by the loyalty programme from the points ledger; read-only.',
    position: 'sidebar',
    readOnly: true,
  },
  fields: [
    {
      name: 'spendable',
      type: 'number',
      defaultValue: 0,
      access: readOnly,
      admin: { readOnly: true },
    },
    {
      name: 'qualifying',
      type: 'number',
      defaultValue: 0,
      access: readOnly,
      admin: { readOnly: true },
    },
    {
      name: 'lifetime',
      type: 'number',
      defaultValue: 0,
      access: readOnly,
      admin: { readOnly: true },
    },
    {
      name: 'tier',
      type: 'relationship',
      access: readOnly,
      admin: { readOnly: true },
      index: true,
      relationTo: options.tiers,
    },
    { name: 'tierSince', type: 'date', access: readOnly, admin: { readOnly: true } },
    // For "points expiring soon" without reading the ledger (see services/expiring.ts): every
    // point ever earned in lots (positive earn and adjust entries), and the lots due by
    // `dueThrough`, which the expiry job moves forward.
    {
      name: 'lots',
      type: 'number',
      access: readOnly,
      admin: { hidden: true },
      defaultValue: 0,
    },
    {
      name: 'dueLots',
      type: 'number',
      access: readOnly,
      admin: { hidden: true },
      defaultValue: 0,
    },
    { name: 'dueThrough', type: 'date', access: readOnly, admin: { hidden: true } },
    // When the member last signed in (for the analytics' reach; see hooks/recordSignIn.ts).
    ...(account === 'member' && options.analytics
      ? [
          {
            name: 'lastSignInAt',
            type: 'date',
            access: readOnly,
            admin: { readOnly: true },
            label: 'Last signed in',
          } satisfies Field,
        ]
      : []),
  ],
  label: 'Loyalty',
})
