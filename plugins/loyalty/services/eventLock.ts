import type { Payload, PayloadRequest } from 'payload'

import { type SQL, sql } from 'drizzle-orm'

import { beginTransaction } from './ledgerWriter'
import { sqlAccess } from './sqlDatabase'

const queues = new WeakMap<Payload, Map<string, Promise<unknown>>>()

/** Runs `work` after every earlier call with the same key in this process has finished. */
export const inTurn = async <T>(
  payload: Payload,
  key: string,
  work: () => Promise<T>,
): Promise<T> => {
  let queue = queues.get(payload)
  if (!queue) {
    queue = new Map()
    queues.set(payload, queue)
  }
  const previous = queue.get(key) ?? Promise.resolve()
  const current = previous.catch(() => undefined).then(work)
  const settled = current.catch(() => undefined)
  queue.set(key, settled)
  try {
    return await current
  } finally {
    if (queue.get(key) === settled) queue.delete(key)
  }
}

/**
 * Runs `work` with `key` (e.g. one event's seats) to itself, so that counting and writing are
 * never interleaved with another request's. Within a process, calls with the same key wait in
 * turn. On PostgreSQL, `work` also runs in a transaction holding a transaction-level advisory
 * lock on the key, so other server processes wait too; `req` carries that transaction and must
 * be passed to every read and write inside. SQLite serves a single process; on MongoDB the
 * in-process turn is the guarantee (documented in the README).
 *
 * Keep `work` short and free of writes that take their own transaction (awards): do those
 * after it returns.
 */
export const withLock = <T>(
  payload: Payload,
  key: string,
  work: (req?: PayloadRequest) => Promise<T>,
): Promise<T> =>
  inTurn(payload, key, async () => {
    if (payload.db.name !== 'postgres') return work()
    const { req, transactionID } = await beginTransaction(payload)
    if (transactionID === null) return work()
    try {
      const access = sqlAccess(payload, transactionID)
      const db = access?.db as unknown as { execute: (query: SQL) => Promise<unknown> }
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
      const result = await work(req)
      await payload.db.commitTransaction(transactionID)
      return result
    } catch (error) {
      await payload.db.rollbackTransaction(transactionID)
      throw error
    }
  })
