import type { Payload, PayloadRequest } from 'payload'

import type { Tier, TierChange } from '../engine/types'

import { tierDirection } from '../engine/domainEvents'
import { loyaltySlugs } from '../types'
import { publishLoyaltyEvents } from './domainEvents'

type ID = number | string

export type TierChangeRecord = {
  account: 'member' | 'organisation'
  change: TierChange
  fromTier: ID | null
  /** The member or the organisation whose tier it is. */
  holder: ID
  reason: string
  toTier: ID | null
}

/**
 * Records a tier change (or a confirmation) in `loyalty-tier-changes`, through the adapter (no
 * hooks), and publishes `tier.changed` when the tier went up or down. With `req` (bound to the
 * caller's open transaction) both happen in that transaction; without, the record is written
 * on its own and the event published right after it. Returns the record's id.
 */
export const recordTierChange = async (
  payload: Payload,
  record: TierChangeRecord,
  tiers: Tier[],
  now: Date,
  req?: PayloadRequest,
): Promise<{ id: ID }> => {
  const created = (await payload.db.create({
    collection: loyaltySlugs.tierChanges,
    data: {
      account: record.account,
      change: record.change,
      createdAt: now.toISOString(),
      fromTier: record.fromTier,
      [record.account]: record.holder,
      reason: record.reason,
      toTier: record.toTier,
      updatedAt: now.toISOString(),
    },
    req,
  })) as { id: ID }
  const direction = tierDirection(record.change, record.fromTier, record.toTier)
  if (!direction) return { id: created.id }
  const tierRef = (id: ID | null) => {
    if (id === null) return null
    const tier = tiers.find((candidate) => String(candidate.id) === String(id))
    return { id, name: tier?.name ?? String(id) }
  }
  await publishLoyaltyEvents(
    payload,
    [
      {
        data: {
          account: record.account,
          direction,
          from: tierRef(record.fromTier),
          member: record.account === 'member' ? record.holder : null,
          organisation: record.account === 'organisation' ? record.holder : null,
          reason: record.reason,
          to: tierRef(record.toTier),
        },
        type: 'tier.changed',
      },
    ],
    req,
  )
  return { id: created.id }
}
