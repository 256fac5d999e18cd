import type { Payload } from 'payload'

import { type SQL, sql } from 'drizzle-orm'

import type { AnalyticsQuery, Bucket } from '../../engine/analyticsQuery'
import type { ResolvedLoyaltyOptions } from '../../types'

import { type Row, type SqlAccess, type Table, sqlAccess } from '../sqlDatabase'

/** The two SQL dialects the analytics speak: the statements differ in dates and a few functions. */
export type Dialect = 'postgres' | 'sqlite'

/**
 * What every analytics query needs: the database, the dialect, the tables and the request.
 * Statements are written with Drizzle's `sql` template so parameters are always bound.
 */
export type AnalyticsContext = {
  dialect: Dialect
  options: ResolvedLoyaltyOptions
  query: AnalyticsQuery
  /** Runs a SELECT and answers its rows as objects keyed by the selected names. */
  rows: (statement: SQL) => Promise<Row[]>
  sql: SqlAccess
}

type PgExecutor = { execute: (statement: SQL) => Promise<{ rows: Row[] }> }
type PgDatabase = PgExecutor & {
  transaction: <T>(work: (tx: PgExecutor) => Promise<T>) => Promise<T>
}

/**
 * Memory PostgreSQL may use for one sort or hash of an analytics statement: enough to group a
 * year of ledger rows in memory instead of on disk. Only these statements get it.
 */
const PG_WORK_MEM = '32MB'
type SqliteDatabase = { all: (statement: SQL) => Promise<Row[]> }

/** The analytics context on a SQL adapter; null on MongoDB (the analytics need SQL). */
export const analyticsContext = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  query: AnalyticsQuery,
): AnalyticsContext | null => {
  const access = sqlAccess(payload)
  if (!access) return null
  const dialect: Dialect = payload.db.name === 'postgres' ? 'postgres' : 'sqlite'
  const db = access.db as unknown
  return {
    dialect,
    options,
    query,
    rows:
      dialect === 'postgres'
        ? (statement) =>
            // Its own short read-only transaction, so that the settings stay with it (JIT
            // compilation costs more than it saves on these one-off aggregates).
            (db as PgDatabase).transaction(async (tx) => {
              await tx.execute(
                sql.raw(`set local work_mem = '${PG_WORK_MEM}'; set local jit = off`),
              )
              return (await tx.execute(statement)).rows
            })
        : (statement) => (db as SqliteDatabase).all(statement),
    sql: access,
  }
}

/** A column of `table` under a table alias, e.g. `m."partner_id"` (names come from the schema). */
export const ref = (alias: string, table: Table, key: string): SQL => {
  const column = table[key] as unknown as undefined | { name: string }
  if (!column) throw new Error(`loyalty analytics: no column "${key}"`)
  return sql.raw(`${alias}."${column.name.replace(/"/g, '""')}"`)
}

/** `"table" alias` for a FROM or JOIN clause. */
export const from = (table: Table, alias: string): SQL => sql`${table} ${sql.raw(alias)}`

/** A moment as the parameter the dialect compares dates with (ISO text in SQLite). */
export const at = (date: Date): string => date.toISOString()

/** `column >= from and column < to`. */
export const within = (column: SQL, start: Date, end: Date): SQL =>
  sql`${column} >= ${at(start)} and ${column} < ${at(end)}`

/**
 * The start of the bucket holding `column` (weeks start on Monday), to group by: a timestamp in
 * PostgreSQL (cheaper to group than text; `bucketLabel` formats it once per group), a day
 * `YYYY-MM-DD` in SQLite.
 */
export const bucketOf = (context: AnalyticsContext, column: SQL, bucket: Bucket): SQL => {
  if (context.dialect === 'postgres') {
    return sql`date_trunc(${sql.raw(`'${bucket}'`)}, ${column} at time zone 'UTC')`
  }
  if (bucket === 'day') return sql`substr(${column}, 1, 10)`
  if (bucket === 'month') return sql`substr(${column}, 1, 7) || '-01'`
  return sql`date(${column}, '-' || ((cast(strftime('%w', ${column}) as integer) + 6) % 7) || ' days')`
}

/** A bucket grouped by `bucketOf` as a day `YYYY-MM-DD`. */
export const bucketLabel = (context: AnalyticsContext, bucket: SQL): SQL =>
  context.dialect === 'postgres' ? sql`to_char(${bucket}, 'YYYY-MM-DD')` : bucket

/** The larger / smaller of two numbers (`greatest`/`least` in PostgreSQL, `max`/`min` in SQLite). */
export const greatest = (context: AnalyticsContext, a: SQL, b: SQL): SQL =>
  context.dialect === 'postgres' ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`
export const least = (context: AnalyticsContext, a: SQL, b: SQL): SQL =>
  context.dialect === 'postgres' ? sql`least(${a}, ${b})` : sql`min(${a}, ${b})`

/** An id as the database keeps it: digits are numbers in SQL adapters' integer id columns. */
export const idValue = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

/**
 * Conditions on the members counted, on the member table under `alias`: their organisation,
 * its region, their job role and tier (as they are now). Empty when nothing is filtered.
 */
export const memberConditions = (context: AnalyticsContext, alias: string): SQL[] => {
  const { options, query } = context
  const members = context.sql.table(options.members)
  const conditions: SQL[] = []
  if (query.partner !== null) {
    conditions.push(
      sql`${ref(alias, members, options.organisationField)} = ${idValue(query.partner)}`,
    )
  }
  if (query.region !== null && options.analytics && options.analytics.regionField) {
    const organisations = context.sql.table(options.organisations)
    conditions.push(
      sql`${ref(alias, members, options.organisationField)} in (select ${ref('ro', organisations, 'id')} from ${from(organisations, 'ro')} where ${ref('ro', organisations, options.analytics.regionField)} = ${query.region})`,
    )
  }
  if (query.jobRole !== null) {
    conditions.push(sql`${ref(alias, members, options.jobRoleField)} = ${query.jobRole}`)
  }
  if (query.tier !== null) {
    conditions.push(sql`${ref(alias, members, 'loyalty_tier')} = ${idValue(query.tier)}`)
  }
  return conditions
}

/** True when the request narrows the members counted. */
export const filtersMembers = (query: AnalyticsQuery): boolean =>
  query.partner !== null || query.region !== null || query.jobRole !== null || query.tier !== null

/**
 * `column in (members in scope)` for a member id column of another table, or nothing when the
 * request filters no members (so that the plain statement can use its indexes).
 */
export const memberScope = (context: AnalyticsContext, column: SQL): SQL[] => {
  if (!filtersMembers(context.query)) return []
  const members = context.sql.table(context.options.members)
  return [
    sql`${column} in (select ${ref('sm', members, 'id')} from ${from(members, 'sm')} where ${and(memberConditions(context, 'sm'))})`,
  ]
}

/** Conditions on organisations (table under `alias`): the organisation itself and its region. */
export const organisationConditions = (context: AnalyticsContext, alias: string): SQL[] => {
  const { options, query } = context
  const organisations = context.sql.table(options.organisations)
  const conditions: SQL[] = []
  if (query.partner !== null) {
    conditions.push(sql`${ref(alias, organisations, 'id')} = ${idValue(query.partner)}`)
  }
  if (query.region !== null && options.analytics && options.analytics.regionField) {
    conditions.push(
      sql`${ref(alias, organisations, options.analytics.regionField)} = ${query.region}`,
    )
  }
  return conditions
}

/** Joins conditions with `and` (true when there are none). */
export const and = (conditions: SQL[]): SQL =>
  conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` and `)

/** A number from a row (PostgreSQL answers sums and counts as text). */
export const num = (value: unknown): number => {
  const number = Number(value ?? 0)
  return Number.isFinite(number) ? number : 0
}

/** An id from a row, as a string (null stays null). */
export const idOf = (value: unknown): null | string =>
  value === null || value === undefined ? null : String(value)
