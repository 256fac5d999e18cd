import type { Payload, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'
import type { MemberSnapshot } from './context'

import { checkRedemption } from '../engine/redemption'
import { loyaltySlugs } from '../types'
import { changeStock, InsufficientPoints, OutOfStock } from './balances'
import { publishLoyaltyEvents } from './domainEvents'
import { beginTransaction, writeEntriesInTransaction } from './ledgerWriter'
import { relationId } from '../utilities/ids'

type ID = number | string

export type RewardDoc = {
  activeFrom?: null | string
  activeUntil?: null | string
  cost: number
  enabled?: boolean | null
  id: ID
  minimumTier?: ID | null | { id: ID }
  perMemberLimit?: null | number
  requiresManagerApproval?: boolean | null
  stock?: null | number
  title: string
}

export type RedemptionDoc = {
  id: ID
  idempotencyKey: string
  limitKey?: null | string
  member: ID | { id: ID }
  organisation?: ID | null | { id: ID }
  points: number
  redeemEntry?: ID | null
  reward: ID | { id: ID }
  rewardTitle?: string
  status: 'approved' | 'cancelled' | 'fulfilled' | 'rejected' | 'requested'
}

/** The redemption booked under an idempotency key, if any. */
const byIdempotencyKey = async (payload: Payload, key: string): Promise<null | RedemptionDoc> => {
  const { docs } = await payload.find({
    collection: loyaltySlugs.redemptions,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: { idempotencyKey: { equals: key } },
  })
  return (docs[0] as unknown as RedemptionDoc | undefined) ?? null
}

/** A redemption refused for a reason the member can act on. */
export class RedemptionRefused extends Error {
  constructor(
    public readonly status: 403 | 409,
    message: string,
  ) {
    super(message)
    this.name = 'RedemptionRefused'
  }
}

const activeRedemptions = async (payload: Payload, memberId: ID, rewardId: ID): Promise<number> =>
  (
    await payload.count({
      collection: loyaltySlugs.redemptions,
      overrideAccess: true,
      where: {
        and: [
          { member: { equals: memberId } },
          { reward: { equals: rewardId } },
          { status: { in: ['requested', 'approved', 'fulfilled'] } },
        ],
      },
    })
  ).totalDocs

/**
 * Redeems a reward for a member, atomically. In one transaction: takes a unit of stock (never
 * below zero), takes one of the member's per-reward slots (a unique key, so two concurrent
 * requests cannot both take the last slot), records the redemption, writes the redeem entry and
 * lowers the spendable balance only if it suffices. Any refusal rolls everything back.
 * A repeated idempotency key returns the first redemption.
 */
export const redeem = async (
  ...args: Parameters<typeof redeemOnce>
): Promise<{ created: boolean; redemption: RedemptionDoc }> => {
  // Concurrent requests of one member can race for the same per-member slot: the loser's unique
  // key fails and the whole attempt rolls back. It then counts again and takes the next slot, or
  // is refused once the limit is reached.
  for (let attempt = 1; ; attempt++) {
    try {
      return await redeemOnce(...args)
    } catch (error) {
      if (!(error instanceof SlotTaken) || attempt >= 10) throw error
    }
  }
}

/** The unique per-member slot key was taken by a concurrent redemption; try again. */
class SlotTaken extends Error {}

const redeemOnce = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  member: MemberSnapshot,
  reward: RewardDoc,
  tierRank: null | number,
  minimumTierRank: null | number,
  idempotencyKey: string,
  now: Date,
): Promise<{ created: boolean; redemption: RedemptionDoc }> => {
  const existing = await byIdempotencyKey(payload, idempotencyKey)
  if (existing) return { created: false, redemption: existing }

  const used = await activeRedemptions(payload, member.id, reward.id)
  const check = checkRedemption(
    {
      activeFrom: reward.activeFrom ? new Date(reward.activeFrom) : null,
      activeUntil: reward.activeUntil ? new Date(reward.activeUntil) : null,
      cost: reward.cost,
      minimumTierRank,
      perMemberLimit: reward.perMemberLimit ?? null,
      stock: reward.stock ?? null,
    },
    { redeemedCount: used, spendable: member.spendable, tierRank },
    now,
  )
  if (!check.ok) throw new RedemptionRefused(check.code === 'forbidden' ? 403 : 409, check.message)

  const { req, transactionID } = await beginTransaction(payload)
  try {
    await changeStock(payload, transactionID, loyaltySlugs.rewards, reward.id, -1)
    const status = reward.requiresManagerApproval ? 'requested' : 'approved'
    const created = (await payload.db.create({
      collection: loyaltySlugs.redemptions,
      data: {
        createdAt: now.toISOString(),
        idempotencyKey,
        limitKey: reward.perMemberLimit ? `${reward.id}:${member.id}:${used + 1}` : null,
        member: member.id,
        organisation: member.organisation,
        points: reward.cost,
        reward: reward.id,
        rewardTitle: reward.title,
        status,
        updatedAt: now.toISOString(),
      },
      req,
    })) as unknown as RedemptionDoc
    const [entry] = await writeEntriesInTransaction(
      payload,
      options,
      [
        {
          account: 'member',
          actor: { relationTo: options.members, value: member.id },
          amount: -reward.cost,
          idempotencyKey: `redeem:${created.id}`,
          kind: 'redeem',
          member: member.id,
          organisation: member.organisation,
          qualifyingAmount: 0,
          reason: `Redeemed: ${reward.title}`,
          source: { collection: loyaltySlugs.rewards, id: reward.id, title: reward.title },
        },
      ],
      transactionID,
      req,
    )
    await payload.db.updateOne({
      collection: loyaltySlugs.redemptions,
      data: { redeemEntry: entry.id },
      id: created.id,
      req,
      returning: false,
    })
    // In the redemption's transaction: no event for a redemption that rolls back.
    await publishLoyaltyEvents(
      payload,
      [
        {
          data: {
            member: member.id,
            organisation: member.organisation,
            points: reward.cost,
            redemption: created.id,
            reward: { collection: loyaltySlugs.rewards, id: reward.id, title: reward.title },
            status,
          },
          type: 'redemption.requested',
        },
      ],
      req,
    )
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
    return { created: true, redemption: { ...created, redeemEntry: entry.id, status } }
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    const raced = await byIdempotencyKey(payload, idempotencyKey)
    if (raced) return { created: false, redemption: raced }
    if (error instanceof OutOfStock)
      throw new RedemptionRefused(409, 'This reward is out of stock.')
    if (error instanceof InsufficientPoints) {
      throw new RedemptionRefused(409, 'You do not have enough points for this reward.')
    }
    // A lost race for a per-member slot shows up as a unique-key violation.
    if (reward.perMemberLimit) {
      if ((await activeRedemptions(payload, member.id, reward.id)) >= reward.perMemberLimit) {
        throw new RedemptionRefused(
          409,
          `You have already redeemed this reward the maximum number of times (${reward.perMemberLimit}).`,
        )
      }
      throw new SlotTaken()
    }
    throw error
  }
}

/**
 * Publishes `redemption.decided` for a redemption that was `requested` or `approved` and is
 * now `status`; pass the `req` of the transaction that changed it.
 */
export const publishRedemptionDecided = (
  payload: Payload,
  redemption: RedemptionDoc,
  status: 'approved' | 'cancelled' | 'fulfilled' | 'rejected',
  decidedBy: { relationTo: string; value: ID },
  notes: null | string,
  req: PayloadRequest,
): Promise<void> =>
  publishLoyaltyEvents(
    payload,
    [
      {
        data: {
          decidedBy: { collection: decidedBy.relationTo, id: decidedBy.value },
          member: relationId(redemption.member) as ID,
          notes,
          organisation: relationId(redemption.organisation),
          points: redemption.points,
          previousStatus: redemption.status === 'approved' ? 'approved' : 'requested',
          redemption: redemption.id,
          reward: {
            collection: loyaltySlugs.rewards,
            id: relationId(redemption.reward) as ID,
            title: redemption.rewardTitle ?? null,
          },
          status,
        },
        type: 'redemption.decided',
      },
    ],
    req,
  )

/**
 * Rejects or cancels a redemption: in one transaction the status changes, the slot is freed,
 * the unit goes back to stock and the points come back as a refund entry (once: keyed by the
 * redemption). Only requested or approved redemptions can be undone.
 */
export const undoRedemption = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  redemption: RedemptionDoc,
  status: 'cancelled' | 'rejected',
  decidedBy: { relationTo: string; value: ID },
  notes: null | string,
  now: Date,
): Promise<void> => {
  const memberId = relationId(redemption.member) as ID
  const rewardId = relationId(redemption.reward) as ID
  const { req, transactionID } = await beginTransaction(payload)
  try {
    // The Local API merges partial data (the adapter's updateOne would rewrite the whole row,
    // as the redemption has a polymorphic relationship).
    await payload.update({
      collection: loyaltySlugs.redemptions,
      data: {
        decidedAt: now.toISOString(),
        decidedBy: decidedBy as never,
        limitKey: null,
        notes,
        status,
      },
      depth: 0,
      id: redemption.id,
      overrideAccess: true,
      req,
    })
    await changeStock(payload, transactionID, loyaltySlugs.rewards, rewardId, 1)
    const [entry] = await writeEntriesInTransaction(
      payload,
      options,
      [
        {
          account: 'member',
          actor: decidedBy,
          amount: redemption.points,
          idempotencyKey: `refund:${redemption.id}`,
          kind: 'refund',
          member: memberId,
          organisation: relationId(redemption.organisation),
          qualifyingAmount: 0,
          reason: `Refund: ${redemption.rewardTitle ?? 'reward'} ${status === 'rejected' ? 'was not approved' : 'cancelled'}`,
          source: { collection: loyaltySlugs.rewards, id: rewardId, title: redemption.rewardTitle },
        },
      ],
      transactionID,
      req,
    )
    await payload.db.updateOne({
      collection: loyaltySlugs.redemptions,
      data: { refundEntry: entry.id },
      id: redemption.id,
      req,
      returning: false,
    })
    await publishRedemptionDecided(payload, redemption, status, decidedBy, notes, req)
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}
