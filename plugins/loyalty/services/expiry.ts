import type { Payload } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { addDaysUTC } from '../engine/calendar'
import { expiringFromTotals } from '../engine/expiry'
import { loyaltySlugs } from '../types'
import { writeLedger } from './ledgerWriter'
import { lotTotalsOf, lotsDueBy, moveDueWatermark } from './expiring'

type ID = number | string

export type ExpiryRunResult = { accounts: number; expiredPoints: number }

/**
 * Expires points that have reached their expiry date, first in, first out: for each account
 * with lots that fell due since `since`, the amount due is what fell due minus what already
 * left the balance (see the engine's `pointsToExpire` and `expiringFromTotals`), written as one
 * expire entry. The account's due watermark moves to `now`, so reads of "expiring soon" only
 * look at lots falling due after it. The entry's key names the
 * account and the day, and the amount is computed from the current balance, so running the job
 * twice, or again after a crash, never expires anything twice.
 */
export const expirePoints = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  now: Date,
  lookbackDays: number,
): Promise<ExpiryRunResult> => {
  const since = addDaysUTC(now, -lookbackDays)
  const { docs } = await payload.find({
    collection: loyaltySlugs.ledger,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { account: true, member: true, organisation: true },
    where: {
      and: [
        { amount: { greater_than: 0 } },
        { kind: { in: ['earn', 'adjust'] } },
        { expiresAt: { greater_than: since.toISOString() } },
        { expiresAt: { less_than_equal: now.toISOString() } },
      ],
    },
  })
  const accounts = new Map<string, { account: 'member' | 'organisation'; id: ID }>()
  for (const doc of docs as unknown as {
    account: 'member' | 'organisation'
    member: ID
    organisation: ID
  }[]) {
    const id = doc.account === 'member' ? doc.member : doc.organisation
    if (id !== null && id !== undefined)
      accounts.set(`${doc.account}:${id}`, { account: doc.account, id })
  }
  let expiredPoints = 0
  let touched = 0
  const day = now.toISOString().slice(0, 10)
  for (const { account, id } of accounts.values()) {
    const holder = (await payload.findByID({
      collection: account === 'member' ? options.members : options.organisations,
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: true,
    })) as null | Record<string, unknown>
    if (!holder) continue
    const totals = lotTotalsOf(holder)
    const dueLots = await lotsDueBy(payload, account, id, totals, now)
    const due = expiringFromTotals({
      dueBy: dueLots,
      lots: totals.lots,
      spendable: totals.spendable,
    })
    const collection = account === 'member' ? options.members : options.organisations
    await moveDueWatermark(payload, collection, id, dueLots, now)
    if (due === 0) continue
    const organisation =
      account === 'organisation' ? id : ((holder[options.organisationField] as ID | null) ?? null)
    const written = await writeLedger(payload, options, [
      {
        account,
        amount: -due,
        idempotencyKey: `expire:${account}:${id}:${day}`,
        kind: 'expire',
        member: account === 'member' ? id : null,
        organisation,
        qualifyingAmount: 0,
        reason: `${due} points expired (earned more than ${options.pointsExpireAfterMonths} months ago)`,
      },
    ])
    if (written.created) {
      expiredPoints += due
      touched += 1
    }
  }
  return { accounts: touched, expiredPoints }
}
