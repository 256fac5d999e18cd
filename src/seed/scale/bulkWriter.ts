/**
 * Bulk inserts for the scale seed, one transaction per call of `inTransaction`:
 * - PostgreSQL: `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`, one array parameter
 *   per column on a pool client of the adapter. A multi-row VALUES list with tens of thousands of
 *   parameters made the server spend about 0.5 ms per row parsing and binding; the arrays cost a
 *   tenth of that.
 * - SQLite: Drizzle's multi-row VALUES in batches under SQLite's limit on bound parameters (the
 *   database is in process, so there is nothing to parse remotely).
 */
import type { Payload } from 'payload'

import {
  type Row,
  type SqlDatabase,
  type Table,
} from '../../../plugins/loyalty/services/sqlDatabase'

type PgClient = {
  query: (text: string, values?: unknown[]) => Promise<{ rows: Row[] }>
  release: () => void
}
type Column = { getSQLType: () => string; name: string }

export type BulkWriter = {
  /** Inserts rows (all with the same keys) and returns the `returning` columns, by Drizzle key. */
  insert: (table: Table, rows: Row[], returning?: string[]) => Promise<Row[]>
}

const tableName = (table: Table) =>
  String((table as unknown as Record<symbol, unknown>)[Symbol.for('drizzle:Name')])

const columnOf = (table: Table, key: string): Column => {
  const column = (table as unknown as Record<string, Column | undefined>)[key]
  if (!column?.name) throw new Error(`bulk insert: ${tableName(table)} has no column "${key}"`)
  return column
}

const toParameter = (value: unknown) => {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') return JSON.stringify(value)
  return value
}

const pgWriter = (client: PgClient): BulkWriter => ({
  insert: async (table, rows, returning = []) => {
    if (rows.length === 0) return []
    const keys = Object.keys(rows[0])
    const columns = keys.map((key) => columnOf(table, key))
    const out = returning.map((key) => `"${columnOf(table, key).name}" as "${key}"`).join(', ')
    const text = `insert into "${tableName(table)}" (${columns.map((column) => `"${column.name}"`).join(', ')})
      select * from unnest(${columns.map((column, index) => `$${index + 1}::${column.getSQLType()}[]`).join(', ')})
      ${out ? `returning ${out}` : ''}`
    const values = keys.map((key) => rows.map((row) => toParameter(row[key])))
    return (await client.query(text, values)).rows
  },
})

const sqliteWriter = (db: SqlDatabase): BulkWriter => ({
  insert: async (table, rows, returning = []) => {
    const out: Row[] = []
    if (rows.length === 0) return out
    const batch = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]).length))
    const fields = Object.fromEntries(returning.map((key) => [key, table[key]]))
    for (let start = 0; start < rows.length; start += batch) {
      const insert = db.insert(table).values(rows.slice(start, start + batch))
      if (returning.length > 0) out.push(...(await insert.returning(fields)))
      else await insert
    }
    return out
  },
})

/** Runs `work` in one transaction with a bulk writer; rolls back if it throws. */
export const inTransaction = async <T>(
  payload: Payload,
  work: (writer: BulkWriter) => Promise<T>,
): Promise<T> => {
  const adapter = payload.db as unknown as {
    drizzle: SqlDatabase & { transaction: <R>(fn: (tx: SqlDatabase) => Promise<R>) => Promise<R> }
    pool?: { connect: () => Promise<PgClient> }
  }
  if (payload.db.name === 'postgres' && adapter.pool) {
    const client = await adapter.pool.connect()
    try {
      await client.query('begin')
      const result = await work(pgWriter(client))
      await client.query('commit')
      return result
    } catch (error) {
      await client.query('rollback').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
  return adapter.drizzle.transaction((tx) => work(sqliteWriter(tx)))
}
