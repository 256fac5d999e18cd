import type { Payload } from 'payload'

type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: string) => Promise<unknown>
}

/**
 * Gives every SQLite connection a busy timeout, so that concurrent write transactions wait
 * for each other instead of failing with SQLITE_BUSY.
 *
 * @payloadcms/db-sqlite sets `PRAGMA busy_timeout` once, on the client's first connection. But
 * the libsql client hands its connection to each transaction and opens a new one lazily for
 * the next statement, without the pragma. This wraps `transaction` so that the fresh
 * connection gets the same busy timeout straight away.
 */
export const keepSqliteBusyTimeout = (payload: Payload, timeoutMs: number): void => {
  const db = payload.db as unknown as { client?: LibsqlClient; name: string }
  const client = db.client
  if (db.name !== 'sqlite' || !client || timeoutMs <= 0) return
  const transaction = client.transaction.bind(client)
  client.transaction = async (mode?: string) => {
    const tx = await transaction(mode)
    await client.execute(`PRAGMA busy_timeout = ${Math.floor(timeoutMs)}`)
    return tx
  }
}
