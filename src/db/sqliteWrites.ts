import type { Payload } from 'payload'

import { type MutexInterface, Mutex, withTimeout } from 'async-mutex'

type Statement = string | { args?: unknown; sql: string }

type LibsqlTransaction = {
  close: () => void
  commit: () => Promise<void>
  rollback: () => Promise<void>
}

type LibsqlClient = {
  batch: (statements: Statement[], mode?: string) => Promise<unknown>
  execute: (statement: Statement, args?: unknown) => Promise<unknown>
  executeMultiple: (sql: string) => Promise<unknown>
  migrate?: (statements: Statement[]) => Promise<unknown>
  transaction: (mode?: string) => Promise<LibsqlTransaction>
}

/** A statement that writes, outside a transaction (reads never wait for the write turn). */
const writes = (statement: Statement): boolean =>
  /^\s*(insert|update|delete|replace)\b/i.test(
    typeof statement === 'string' ? statement : statement.sql,
  )

/** SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …: another connection had the write lock. */
const isBusy = (error: unknown): boolean =>
  typeof (error as { code?: unknown })?.code === 'string' &&
  (error as { code: string }).code.startsWith('SQLITE_BUSY')

/**
 * Makes the SQLite client safe for concurrent writers in one process.
 *
 * The libsql driver is synchronous: a writer that meets the write lock waits for it with
 * SQLite's busy timeout *inside* the call, so the whole event loop stands still. When the lock
 * belongs to a transaction of the same process (a request whose transaction awaits a password
 * hash, an upload, …), that transaction can never finish: the waiter stalls the server for the
 * whole busy timeout and then fails with "database is locked". Worse, libsql does not reset a
 * statement that failed that way, so the connection keeps the statement's read snapshot; every
 * later transaction on it fails with SQLITE_BUSY_SNAPSHOT and reads on it stay in the past, until
 * the statement happens to be garbage-collected. The jobs queue's cron, writing outside any
 * transaction every minute, made exactly that happen.
 *
 * So, for the client of `payload.db` on SQLite:
 * - every write transaction, and every write outside one, first takes this process's write turn
 *   (a FIFO mutex), waiting for it without blocking the event loop; a turn not given within
 *   `timeoutMs` fails like SQLite would, with SQLITE_BUSY;
 * - the busy timeout still applies to writers in other processes (a jobs worker, a seed), and
 *   every new connection gets it (the adapter sets it on the first connection only, but libsql
 *   hands its connection to each transaction and opens a fresh one for the next statement);
 * - a connection on which a statement failed with SQLITE_BUSY (a writer in another process held
 *   the lock too long) is retired, and a transaction whose BEGIN met a stale snapshot is retried
 *   once on a fresh connection.
 */
export const guardSqliteWrites = (payload: Payload, timeoutMs: number): void => {
  const db = payload.db as unknown as { client?: LibsqlClient; name: string }
  const client = db.client
  if (db.name !== 'sqlite' || !client) return
  const busyError = () =>
    Object.assign(
      new Error(`database is locked: another write did not finish within ${timeoutMs} ms`),
      { code: 'SQLITE_BUSY' },
    )
  const turn: MutexInterface = timeoutMs > 0 ? withTimeout(new Mutex(), timeoutMs) : new Mutex()
  const acquire = async (): Promise<MutexInterface.Releaser> => {
    try {
      return await turn.acquire()
    } catch {
      throw busyError()
    }
  }

  const transaction = client.transaction.bind(client)
  const execute = client.execute.bind(client)
  const pragma = `PRAGMA busy_timeout = ${Math.max(0, Math.floor(timeoutMs))}`

  /** Hands the client's current connection to a throwaway transaction, so the next is fresh. */
  const retireConnection = async () => {
    try {
      const abandoned = await transaction('deferred')
      abandoned.close()
      await execute(pragma)
    } catch (error) {
      payload.logger.error({ err: error }, 'sqlite: could not replace a busy connection')
    }
  }

  const begin = async (mode?: string): Promise<LibsqlTransaction> => {
    try {
      return await transaction(mode)
    } catch (error) {
      if ((error as { code?: string })?.code !== 'SQLITE_BUSY_SNAPSHOT') throw error
      await retireConnection()
      return transaction(mode)
    }
  }

  client.transaction = async (mode?: string) => {
    if (mode === 'read') return transaction(mode)
    // async-mutex releasers may be called more than once; only the first call counts.
    const release = await acquire()
    try {
      const tx = await begin(mode)
      try {
        await execute(pragma)
      } catch (error) {
        await tx.rollback().catch(() => undefined)
        throw error
      }
      const { close, commit, rollback } = tx
      tx.commit = () => commit.call(tx).finally(release)
      tx.rollback = () => rollback.call(tx).finally(release)
      tx.close = () => {
        try {
          close.call(tx)
        } finally {
          release()
        }
      }
      return tx
    } catch (error) {
      release()
      throw error
    }
  }

  client.execute = async (statement: Statement, args?: unknown) => {
    const release = writes(statement) ? await acquire() : null
    try {
      return await execute(statement, args)
    } catch (error) {
      if (isBusy(error)) await retireConnection()
      throw error
    } finally {
      release?.()
    }
  }

  for (const name of ['batch', 'executeMultiple', 'migrate'] as const) {
    const method = client[name]?.bind(client) as
      | ((...args: unknown[]) => Promise<unknown>)
      | undefined
    if (!method) continue
    ;(client as Record<typeof name, unknown>)[name] = async (...args: unknown[]) => {
      const release = await acquire()
      try {
        return await method(...args)
      } finally {
        release()
      }
    }
  }
}
