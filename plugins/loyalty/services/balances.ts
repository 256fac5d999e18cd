import type { CollectionSlug, Payload } from 'payload'

import { and, eq, sql as sqlText } from 'drizzle-orm'

import { sqlAccess } from './sqlDatabase'

/** Raised when an entry would take a spendable balance below zero; nothing is written. */
export class InsufficientPoints extends Error {
  constructor(public readonly shortBy?: number) {
    super('Not enough spendable points.')
    this.name = 'InsufficientPoints'
  }
}

type MongoAdapterLike = {
  collections: Record<
    string,
    {
      updateOne: (
        filter: Record<string, unknown>,
        update: Record<string, unknown>,
        options: { session?: unknown },
      ) => Promise<{ modifiedCount: number }>
    }
  >
  name: string
  sessions: Record<string, unknown>
}

/**
 * Adds to the cached balances of one account (a member or an organisation document) in the
 * given transaction, atomically and only if spendable stays at zero or above:
 * `UPDATE … SET spendable = spendable + amount, … WHERE id = ? AND spendable + amount >= 0`.
 * One statement, so concurrent redemptions can never overdraw.
 */
export const addToBalances = async (
  payload: Payload,
  transactionID: null | number | string,
  collection: CollectionSlug,
  id: number | string,
  amount: number,
  qualifyingAmount: number,
  lotAmount = 0,
): Promise<BalancesAfter | null> => {
  if (payload.db.name === 'mongoose') {
    const db = payload.db as unknown as MongoAdapterLike
    const session = transactionID === null ? undefined : db.sessions[String(transactionID)]
    const filter: Record<string, unknown> = { _id: id }
    if (amount < 0) filter['loyalty.spendable'] = { $gte: -amount }
    const result = await db.collections[collection].updateOne(
      filter,
      {
        $inc: {
          'loyalty.lifetime': qualifyingAmount,
          'loyalty.lots': lotAmount,
          'loyalty.qualifying': qualifyingAmount,
          'loyalty.spendable': amount,
        },
      },
      { session },
    )
    if (result.modifiedCount !== 1) throw new InsufficientPoints()
    return null
  }
  const sql = sqlAccess(payload, transactionID)
  if (!sql) throw new Error('loyalty: unsupported database adapter')
  const table = sql.table(collection)
  const spendable = table.loyalty_spendable
  const qualifying = table.loyalty_qualifying
  const lifetime = table.loyalty_lifetime
  const rows = await sql.db
    .update(table)
    .set({
      loyalty_lifetime: sqlText`coalesce(${lifetime}, 0) + ${qualifyingAmount}`,
      loyalty_lots: sqlText`coalesce(${table.loyalty_lots}, 0) + ${lotAmount}`,
      loyalty_qualifying: sqlText`coalesce(${qualifying}, 0) + ${qualifyingAmount}`,
      loyalty_spendable: sqlText`coalesce(${spendable}, 0) + ${amount}`,
    })
    .where(and(eq(table.id, id), sqlText`coalesce(${spendable}, 0) + ${amount} >= 0`))
    .returning({
      lifetime,
      qualifying,
      spendable,
      tierId: table.loyalty_tier,
      tierSince: table.loyalty_tierSince,
    })
  if (rows.length !== 1) throw new InsufficientPoints()
  const row = rows[0]
  return {
    lifetime: Number(row.lifetime ?? 0),
    qualifying: Number(row.qualifying ?? 0),
    spendable: Number(row.spendable ?? 0),
    tierId: (row.tierId as null | number | string | undefined) ?? null,
    tierSince: row.tierSince ? new Date(String(row.tierSince)) : null,
  }
}

/** The cached balances of an account right after an update. */
export type BalancesAfter = {
  lifetime: number
  qualifying: number
  spendable: number
  /** The account's tier and since when (SQL adapters return them with the balances). */
  tierId?: null | number | string
  tierSince?: Date | null
}

/** Raised when a reward has no stock left; nothing is written. */
export class OutOfStock extends Error {
  constructor() {
    super('This reward is out of stock.')
    this.name = 'OutOfStock'
  }
}

/**
 * Changes a reward's stock by `delta` in the transaction, atomically: unlimited stock (null) is
 * left alone, and stock never goes below zero (`OutOfStock`).
 */
export const changeStock = async (
  payload: Payload,
  transactionID: null | number | string,
  collection: CollectionSlug,
  id: number | string,
  delta: number,
): Promise<void> => {
  if (payload.db.name === 'mongoose') {
    const db = payload.db as unknown as MongoAdapterLike
    const session = transactionID === null ? undefined : db.sessions[String(transactionID)]
    const limited = await db.collections[collection].updateOne(
      { _id: id, stock: { $gte: Math.max(0, -delta), $ne: null } },
      { $inc: { stock: delta } },
      { session },
    )
    if (limited.modifiedCount === 1) return
    const unlimited = await db.collections[collection].updateOne(
      { _id: id, stock: null },
      { $set: {} },
      { session },
    )
    if (unlimited.modifiedCount !== 1) throw new OutOfStock()
    return
  }
  const sql = sqlAccess(payload, transactionID)
  if (!sql) throw new Error('loyalty: unsupported database adapter')
  const table = sql.table(collection)
  const stock = table.stock
  const rows = await sql.db
    .update(table)
    .set({ stock: sqlText`case when ${stock} is null then null else ${stock} + ${delta} end` })
    .where(and(eq(table.id, id), sqlText`(${stock} is null or ${stock} + ${delta} >= 0)`))
    .returning({ id: table.id })
  if (rows.length !== 1) throw new OutOfStock()
}
