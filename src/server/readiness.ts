import type { Payload } from 'payload'

type SqlClient = { execute: (sql: string) => Promise<unknown> }
type PgPool = { end: () => Promise<void>; query: (sql: string) => Promise<unknown> }
type MongoConnection = { db?: { admin: () => { ping: () => Promise<unknown> } } }

/** Rejects after `ms` with a message naming what timed out. */
const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })

/**
 * Asks the database for a trivial answer through the adapter's own connection:
 * `SELECT 1` on SQLite and PostgreSQL, `ping` on MongoDB.
 */
export const pingDatabase = async (payload: Payload, timeoutMs = 2000): Promise<void> => {
  const db = payload.db as unknown as {
    client?: SqlClient
    connection?: MongoConnection
    name: string
    pool?: PgPool
  }
  let probe: Promise<unknown>
  if (db.name === 'postgres' && db.pool) probe = db.pool.query('SELECT 1')
  else if (db.name === 'sqlite' && db.client) probe = db.client.execute('SELECT 1')
  else if (db.name === 'mongoose' && db.connection?.db) probe = db.connection.db.admin().ping()
  else throw new Error(`database adapter "${db.name}" is not connected`)
  await withTimeout(probe, timeoutMs, 'the database')
}

type PgPoolInternals = {
  _clients?: { release?: (destroy?: boolean) => void }[]
  end: () => Promise<void>
}

/**
 * Closes the database connection the adapter holds. Payload's `destroy` resets the drizzle
 * adapters' state but leaves the SQLite client and the PostgreSQL pool open; and the
 * PostgreSQL adapter keeps one pool client checked out for its whole life (to watch for
 * resets), which would make `pool.end()` wait forever, so checked-out clients are released.
 */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as {
    client?: { close: () => void }
    name: string
    pool?: PgPoolInternals
  }
  const client = db.client
  const pool = db.pool
  await payload.destroy()
  if (db.name === 'sqlite' && client) client.close()
  if (db.name === 'postgres' && pool) {
    const ended = pool.end()
    for (const held of pool._clients ?? []) held.release?.(true)
    await ended
  }
}
