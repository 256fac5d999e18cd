import type { Payload } from 'payload'

type Client = {
  listeners: (event: 'error') => unknown[]
  on: (event: 'error', listener: (error: Error) => void) => unknown
}
type Pool = {
  _clients?: Client[]
  on: {
    (event: 'connect', listener: (client: Client) => void): unknown
    (event: 'error', listener: (error: Error) => void): unknown
  }
}

/**
 * Keeps a lost PostgreSQL connection from crashing the process (database restart, failover, an
 * admin terminating it). Node treats an `error` event without a listener as an uncaught
 * exception, and node-postgres emits one when a connection is cut:
 * - for an idle client, on the pool (`pool.on('error')`);
 * - for a client checked out of the pool between two statements (a transaction in progress),
 *   on the client itself: the pool removes its own listener while the client is out. Every
 *   client therefore gets a listener of its own; the cut transaction's next statement (or its
 *   commit) fails, and the pool discards the client when it comes back.
 * The pool opens new connections on demand; `/readyz` reports the outage meanwhile.
 */
export const watchConnections = (payload: Payload): void => {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (payload.db.name !== 'postgres' || !pool) return
  const lost = (error: Error) =>
    payload.logger.warn({ err: error }, `PostgreSQL connection lost: ${error.message}`)
  const watch = (client: Client) => {
    if (!client.listeners('error').includes(lost)) client.on('error', lost)
  }
  pool.on('error', lost)
  pool.on('connect', watch)
  for (const client of pool._clients ?? []) watch(client)
}
