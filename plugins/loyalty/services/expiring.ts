import type { Payload } from 'payload'

import { and, eq, gt, inArray, lte, sql as sqlText } from 'drizzle-orm'

import { expiringFromTotals } from '../engine/expiry'
import { loyaltySlugs } from '../types'
import { type Table, sqlAccess } from './sqlDatabase'

type ID = number | string
type Account = 'member' | 'organisation'

/**
 * The running totals on an account (its `loyalty` group) that "points expiring soon" is
 * computed from: `lots`, every lot point ever booked (kept with the balances), and `dueLots`,
 * the lot points due by `dueThrough` (moved forward by the expiry job).
 */
export type LotTotals = {
  dueLots: number
  dueThrough: Date | null
  lots: number
  spendable: number
}

type MongoLedger = {
  collections: Record<
    string,
    { aggregate: (pipeline: Record<string, unknown>[]) => Promise<Record<string, unknown>[]> }
  >
}

/** The account's lot entries (positive earn and adjust) whose expiry is in (`after`, `until`]. */
const lotsFallingDue = (ledger: Table, account: Account, id: ID, after: Date | null, until: Date) =>
  and(
    eq(ledger[account], id),
    eq(ledger.account, account),
    ...(after ? [gt(ledger.expiresAt, after.toISOString())] : []),
    lte(ledger.expiresAt, until.toISOString()),
    gt(ledger.amount, 0),
    inArray(ledger.kind, ['earn', 'adjust']),
  )

/**
 * Lot points of an account whose expiry falls in (`after`, `until`]: an index range over the
 * lots falling due in that window only, never the account's whole ledger.
 */
export const lotsDueBetween = async (
  payload: Payload,
  account: Account,
  id: ID,
  after: Date | null,
  until: Date,
): Promise<number> => {
  const sql = sqlAccess(payload)
  if (!sql) {
    const [row] = await (payload.db as unknown as MongoLedger).collections[
      loyaltySlugs.ledger
    ].aggregate([
      {
        $match: {
          account,
          amount: { $gt: 0 },
          expiresAt: { ...(after ? { $gt: after } : {}), $lte: until },
          kind: { $in: ['earn', 'adjust'] },
          [account]: id,
        },
      },
      { $group: { _id: null, total: { $sum: '$amount' } } },
    ])
    return Number(row?.total ?? 0)
  }
  const ledger = sql.table(loyaltySlugs.ledger)
  const rows = await sql.db
    .select({ total: sqlText`coalesce(sum(${ledger.amount}), 0)` })
    .from(ledger)
    .where(lotsFallingDue(ledger, account, id, after, until))
  return Number(rows[0]?.total ?? 0)
}

/**
 * Points of the balance that expire by each of `ats` if nothing else happens (first in, first
 * out), in one indexed read of the lots falling due between the watermark and the last moment.
 */
export const pointsExpiringByEach = async (
  payload: Payload,
  account: Account,
  id: ID,
  totals: LotTotals,
  ats: Date[],
): Promise<number[]> => {
  const until = new Date(Math.max(...ats.map((at) => at.getTime())))
  const sql = sqlAccess(payload)
  let dueBy: number[]
  if (!sql) {
    dueBy = await Promise.all(
      ats.map((at) => lotsDueBetween(payload, account, id, totals.dueThrough, at)),
    )
  } else {
    const ledger = sql.table(loyaltySlugs.ledger)
    const sums = Object.fromEntries(
      ats.map((at, index) => [
        `due${index}`,
        sqlText`coalesce(sum(case when ${ledger.expiresAt} <= ${at.toISOString()} then ${ledger.amount} else 0 end), 0)`,
      ]),
    )
    const rows = await sql.db
      .select(sums)
      .from(ledger)
      .where(lotsFallingDue(ledger, account, id, totals.dueThrough, until))
    dueBy = ats.map((_, index) => Number(rows[0]?.[`due${index}`] ?? 0))
  }
  return dueBy.map((due) =>
    expiringFromTotals({
      dueBy: totals.dueLots + due,
      lots: totals.lots,
      spendable: totals.spendable,
    }),
  )
}

/** Lot points of the account due by `at` (at or after the watermark). */
export const lotsDueBy = async (
  payload: Payload,
  account: Account,
  id: ID,
  totals: LotTotals,
  at: Date,
): Promise<number> =>
  totals.dueLots + (await lotsDueBetween(payload, account, id, totals.dueThrough, at))

/** The lot totals in an account document's `loyalty` group. */
export const lotTotalsOf = (doc: Record<string, unknown>): LotTotals => {
  const loyalty = (doc.loyalty ?? {}) as {
    dueLots?: null | number
    dueThrough?: null | string
    lots?: null | number
    spendable?: null | number
  }
  return {
    dueLots: loyalty.dueLots ?? 0,
    dueThrough: loyalty.dueThrough ? new Date(loyalty.dueThrough) : null,
    lots: loyalty.lots ?? 0,
    spendable: loyalty.spendable ?? 0,
  }
}

/**
 * Moves an account's due watermark to `at`: `dueLots` becomes the lot points due by then. Only
 * these two columns change, so concurrent awards are unaffected; the values are a fact about
 * the ledger, so concurrent job runs can only store another correct pair.
 */
export const moveDueWatermark = async (
  payload: Payload,
  collection: string,
  id: ID,
  dueLots: number,
  at: Date,
): Promise<void> => {
  const sql = sqlAccess(payload)
  if (!sql) {
    const db = payload.db as unknown as {
      collections: Record<
        string,
        { updateOne: (filter: object, update: object) => Promise<unknown> }
      >
    }
    await db.collections[collection].updateOne(
      { _id: id },
      { $set: { 'loyalty.dueLots': dueLots, 'loyalty.dueThrough': at } },
    )
    return
  }
  const table = sql.table(collection)
  await sql.db
    .update(table)
    .set({ loyalty_dueLots: dueLots, loyalty_dueThrough: at.toISOString() })
    .where(eq(table.id, id))
}
