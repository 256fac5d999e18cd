import type { Payload } from 'payload'

type EventSource = { on: (event: 'error', listener: (error: Error) => void) => unknown }

/**
 * Keeps a lost PostgreSQL connection from crashing the process. The pool emits `error` for an
 * idle client whose connection is cut (database restart, failover, an admin terminating it);
 * with no listener, Node treats that as an uncaught exception. The pool replaces the client
 * on the next query, so logging is all that is needed; `/readyz` reports the outage meanwhile.
 */
export const watchConnections = (payload: Payload): void => {
  const pool = (payload.db as unknown as { pool?: EventSource }).pool
  if (payload.db.name !== 'postgres' || !pool) return
  pool.on('error', (error) => {
    payload.logger.warn({ err: error }, `PostgreSQL connection lost: ${error.message}`)
  })
}
