import type { Payload } from 'payload'

import { type eq, sql } from 'drizzle-orm'

/**
 * Direct access to the tables of a SQL adapter (@payloadcms/db-postgres or db-sqlite) through
 * Drizzle's core query builders, for the hot paths where Payload's generic document machinery
 * (field traversal, hooks, read-back) costs more than the work itself. Every statement here
 * keeps the plugin's invariants: the unique idempotency key, conditional balance updates, one
 * transaction per award.
 *
 * Only the small part of Drizzle's builder API the plugin uses is typed here, so the plugin
 * works with either dialect without depending on the adapters' types.
 */
export type Column = Parameters<typeof eq>[0]
export type Table = Record<string, Column> & object
export type Row = Record<string, unknown>

type Returning = { returning: (fields: Record<string, Column>) => Promise<Row[]> }
type Insert = PromiseLike<unknown> &
  Returning & { onConflictDoNothing: (config?: { target: Column }) => Insert }
type Update = PromiseLike<unknown> & Returning
type Limited = Promise<Row[]> & { limit: (count: number) => Promise<Row[]> }
type Filtered = Promise<Row[]> & {
  groupBy: (...columns: Column[]) => { orderBy: (...order: unknown[]) => Limited }
  limit: (count: number) => Promise<Row[]>
  orderBy: (...order: unknown[]) => Limited
}

export type SqlDatabase = {
  insert: (table: Table) => { values: (rows: Row | Row[]) => Insert }
  select: (fields: Record<string, unknown>) => {
    from: (table: Table) => { where: (condition: unknown) => Filtered }
  }
  update: (table: Table) => { set: (values: Row) => { where: (condition: unknown) => Update } }
}

type SqlAdapter = {
  drizzle: SqlDatabase
  name: string
  sessions?: Record<string, { db: SqlDatabase }>
  tableNameMap?: Map<string, string>
  tables: Record<string, Table>
}

export type SqlAccess = {
  db: SqlDatabase
  /** The Drizzle table of a collection (or of `${slug}_rels` with `suffix: '_rels'`). */
  table: (slug: string, suffix?: string) => Table
}

/** True when Payload runs on a SQL adapter (Drizzle), false for MongoDB. */
export const isSqlAdapter = (payload: Payload): boolean =>
  typeof (payload.db as unknown as Partial<SqlAdapter>).drizzle === 'object' &&
  typeof (payload.db as unknown as Partial<SqlAdapter>).tables === 'object'

/**
 * The Drizzle database to use (the transaction's when `transactionID` is given) and a table
 * lookup, or null on MongoDB (callers then use the adapter's generic methods).
 */
export const sqlAccess = (
  payload: Payload,
  transactionID: null | number | string = null,
): null | SqlAccess => {
  if (!isSqlAdapter(payload)) return null
  const adapter = payload.db as unknown as SqlAdapter
  const db =
    transactionID === null
      ? adapter.drizzle
      : (adapter.sessions?.[String(transactionID)]?.db ?? adapter.drizzle)
  return {
    db,
    table: (slug, suffix = '') => {
      const base = slug.replace(/-/g, '_')
      const name = (adapter.tableNameMap?.get(base) ?? base) + suffix
      const table = adapter.tables[name]
      if (!table) throw new Error(`loyalty: no table "${name}" for collection "${slug}"`)
      return table
    },
  }
}

/** A column's name as an identifier, for column lists of hand-written statements. */
export const column = (table: Table, key: string) =>
  sql.identifier((table[key] as unknown as { name: string }).name)

/** The SQL type of a column, for casts of parameters PostgreSQL cannot infer. */
export const sqlType = (table: Table, key: string): string =>
  (table[key] as unknown as { getSQLType: () => string }).getSQLType()
