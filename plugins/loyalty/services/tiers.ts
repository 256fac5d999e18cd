import type { Payload } from 'payload'

import type { Tier } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'
import type { MemberSnapshot } from './context'

import { evaluateTier } from '../engine/tiers'
import { queueTierUpgradeMail } from './notifications'
import { recordTierChange } from './tierChanges'

type ID = number | string

/**
 * Applies an upgrade at once when the member's qualifying points reach a higher tier, and
 * records the change with its reason. Downgrades are never made here: they wait for the end
 * of the qualifying period (the tier review job).
 */
export const applyTierUpgrade = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  member: MemberSnapshot,
  tiers: Tier[],
  now: Date,
): Promise<null | { reason: string; tierId: ID }> => {
  const decision = evaluateTier({
    currentTierId: member.tierId,
    graceDays: options.downgradeGraceDays,
    now,
    qualifying: member.qualifying,
    tierSince: member.tierSince,
    tiers,
  })
  if (decision.change !== 'upgrade' || decision.tierId === null) return null
  // Adapter-level writes: the balance fields are read-only to every API, and this plugin does
  // not depend on the host app's generated types.
  await payload.db.updateOne({
    collection: options.members,
    data: {
      loyalty: { tier: decision.tierId, tierSince: (decision.tierSince ?? now).toISOString() },
    },
    id: member.id,
    returning: false,
  })
  const record = {
    account: 'member' as const,
    change: 'upgrade' as const,
    fromTier: member.tierId,
    holder: member.id,
    reason: decision.reason,
    toTier: decision.tierId,
  }
  const { id } = await recordTierChange(payload, record, tiers, now)
  // The adapter-level write runs no hooks: queue the member's mail here (sent by the queue).
  await queueTierUpgradeMail(payload, options, { ...record, id, member: member.id })
  return { reason: decision.reason, tierId: decision.tierId }
}
