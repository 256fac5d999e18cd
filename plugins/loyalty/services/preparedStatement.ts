import type { Payload } from 'payload'

import { createHash } from 'node:crypto'

import type { SQL } from 'drizzle-orm'

import { PgDialect } from 'drizzle-orm/pg-core'

import type { Row } from './sqlDatabase'

/** A named placeholder in a statement whose text is built once and run many times. */
export type Slot = { readonly slot: string }

/** A placeholder for the value named `name` (see `runPrepared`). */
export const slot = (name: string): Slot => ({ slot: name })

const isSlot = (value: unknown): value is Slot =>
  typeof value === 'object' && value !== null && 'slot' in value

type Compiled = { name: string; params: unknown[]; text: string }
type Pool = {
  query: (query: { name: string; text: string; values: unknown[] }) => Promise<{ rows: Row[] }>
}

const compiled = new WeakMap<Payload, Map<string, Compiled>>()
const dialect = new PgDialect()

/**
 * Runs a PostgreSQL statement as a named prepared statement on the adapter's pool. `build`
 * returns the statement with `slot(name)` wherever a per-call value goes; it runs once per
 * `shape` (per Payload instance), and afterwards each call only fills in `values`, by slot name.
 * PostgreSQL parses and plans the statement once per connection, and no query is built in
 * JavaScript on the hot path.
 */
export const runPrepared = async (
  payload: Payload,
  shape: string,
  build: () => SQL,
  values: Record<string, unknown>,
): Promise<Row[]> => {
  let byShape = compiled.get(payload)
  if (!byShape) {
    byShape = new Map()
    compiled.set(payload, byShape)
  }
  let statement = byShape.get(shape)
  if (!statement) {
    const { params, sql: text } = dialect.sqlToQuery(build())
    const name = `loyalty_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
    statement = { name, params, text }
    byShape.set(shape, statement)
  }
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool) throw new Error('loyalty: runPrepared needs the PostgreSQL adapter')
  const { rows } = await pool.query({
    name: statement.name,
    text: statement.text,
    values: statement.params.map((param) => (isSlot(param) ? (values[param.slot] ?? null) : param)),
  })
  return rows
}
