import type { Payload } from 'payload'

import { and, desc, eq, gt, gte, sql } from 'drizzle-orm'

import { loyaltySlugs } from '../types'

type ID = number | string
type Column = Parameters<typeof eq>[0]
type Table = Record<string, Column> & object
type Query = {
  from: (table: Table) => {
    where: (condition: unknown) => Promise<Record<string, unknown>[]> & {
      groupBy: (...columns: Column[]) => {
        orderBy: (...order: unknown[]) => {
          limit: (n: number) => Promise<Record<string, unknown>[]>
        }
      }
    }
  }
}
type DrizzleAdapter = {
  drizzle: { select: (fields: Record<string, unknown>) => Query }
  tables: Record<string, Table>
}
type MongoAdapter = {
  collections: Record<
    string,
    { aggregate: (pipeline: Record<string, unknown>[]) => Promise<Record<string, unknown>[]> }
  >
}

const isMongo = (payload: Payload) => payload.db.name === 'mongoose'

const ledgerTable = (payload: Payload) => {
  const db = payload.db as unknown as DrizzleAdapter
  return { db, table: db.tables[loyaltySlugs.ledger.replace(/-/g, '_')] }
}

/** Sum of spendable amounts of an account's entries written after `after` (for running balances). */
export const amountSince = async (
  payload: Payload,
  account: 'member' | 'organisation',
  id: ID,
  after: Date,
): Promise<number> => {
  if (isMongo(payload)) {
    const db = payload.db as unknown as MongoAdapter
    const [row] = await db.collections[loyaltySlugs.ledger].aggregate([
      { $match: { account, createdAt: { $gt: after }, [account]: id } },
      { $group: { _id: null, total: { $sum: '$amount' } } },
    ])
    return Number(row?.total ?? 0)
  }
  const { db, table } = ledgerTable(payload)
  const [row] = await db.drizzle
    .select({ total: sql`coalesce(sum(${table.amount}), 0)` })
    .from(table)
    .where(
      and(
        eq(table.account, account),
        eq(table[account], id),
        gt(table.createdAt, after.toISOString()),
      ),
    )
  return Number(row?.total ?? 0)
}

/** Top accounts by qualifying points earned since `since` (a database GROUP BY, not a scan in memory). */
export const topEarners = async (
  payload: Payload,
  account: 'member' | 'organisation',
  since: Date,
  limit: number,
): Promise<{ id: ID; points: number }[]> => {
  if (isMongo(payload)) {
    const db = payload.db as unknown as MongoAdapter
    const rows = await db.collections[loyaltySlugs.ledger].aggregate([
      { $match: { account, createdAt: { $gte: since } } },
      { $group: { _id: `$${account}`, points: { $sum: '$qualifyingAmount' } } },
      { $sort: { points: -1 } },
      { $limit: limit },
    ])
    return rows.map((row) => ({ id: row._id as ID, points: Number(row.points) }))
  }
  const { db, table } = ledgerTable(payload)
  const points = sql`sum(${table.qualifyingAmount})`
  const rows = await db.drizzle
    .select({ id: table[account], points })
    .from(table)
    .where(and(eq(table.account, account), gte(table.createdAt, since.toISOString())))
    .groupBy(table[account])
    .orderBy(desc(points))
    .limit(limit)
  return rows
    .filter((row) => row.id !== null && Number(row.points) > 0)
    .map((row) => ({ id: row.id as ID, points: Number(row.points) }))
}

/**
 * Sets an account's cached `qualifying` to the sum of its qualifying amounts since `since`, in
 * one statement (so an award committing at the same moment is never lost: it is either in the
 * sum or added on top afterwards). Returns the new value.
 */
export const recomputeQualifying = async (
  payload: Payload,
  collection: string,
  account: 'member' | 'organisation',
  id: ID,
  since: Date,
): Promise<number> => {
  if (isMongo(payload)) {
    const db = payload.db as unknown as MongoAdapter & {
      collections: Record<string, { updateOne: (f: object, u: object) => Promise<unknown> }>
    }
    const [row] = await db.collections[loyaltySlugs.ledger].aggregate([
      { $match: { account, createdAt: { $gte: since }, [account]: id } },
      { $group: { _id: null, total: { $sum: '$qualifyingAmount' } } },
    ])
    const total = Number(row?.total ?? 0)
    await db.collections[collection].updateOne(
      { _id: id },
      { $set: { 'loyalty.qualifying': total } },
    )
    return total
  }
  const db = payload.db as unknown as DrizzleAdapter & {
    drizzle: {
      update: (table: Table) => {
        set: (v: object) => {
          where: (c: unknown) => { returning: (f: object) => Promise<Record<string, unknown>[]> }
        }
      }
    }
  }
  const ledger = db.tables[loyaltySlugs.ledger.replace(/-/g, '_')]
  const holder = db.tables[collection.replace(/-/g, '_')]
  const rows = await db.drizzle
    .update(holder)
    .set({
      loyalty_qualifying: sql`(select coalesce(sum(${ledger.qualifyingAmount}), 0) from ${ledger} where ${ledger.account} = ${account} and ${ledger[account]} = ${id} and ${ledger.createdAt} >= ${since.toISOString()})`,
    })
    .where(eq(holder.id, id))
    .returning({ qualifying: holder.loyalty_qualifying })
  return Number(rows[0]?.qualifying ?? 0)
}
