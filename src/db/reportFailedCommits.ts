import type { Payload } from 'payload'

type Transaction = object
type Drizzle = {
  transaction: (run: (tx: Transaction) => Promise<unknown>, config?: unknown) => Promise<unknown>
}
type DrizzleAdapter = {
  commitTransaction: (id: number | Promise<number | string> | string) => Promise<void>
  drizzle?: Drizzle
  sessions?: Record<string, { db: Transaction } | undefined>
}

/**
 * Makes `payload.db.commitTransaction` fail when the COMMIT fails. The Drizzle adapters
 * (PostgreSQL, SQLite) run each transaction inside `drizzle.transaction(…)` and swallow that
 * promise's rejection, so a COMMIT that fails (the connection was cut, the database stopped)
 * was reported as done: the caller answered "saved" for a write that was rolled back. This
 * remembers which transactions failed and makes their commit throw the reason.
 */
export const reportFailedCommits = (payload: Payload): void => {
  const adapter = payload.db as unknown as DrizzleAdapter
  const drizzle = adapter.drizzle
  if (!drizzle || !adapter.sessions) return
  const failed = new WeakMap<Transaction, unknown>()
  const transaction = drizzle.transaction.bind(drizzle)
  drizzle.transaction = (run, config) => {
    let current: Transaction | undefined
    const running = async (tx: Transaction) => {
      current = tx
      return run(tx)
    }
    return transaction(running, config).catch((error: unknown) => {
      if (current) failed.set(current, error)
      throw error
    })
  }
  const commit = adapter.commitTransaction.bind(adapter)
  adapter.commitTransaction = async (incomingID) => {
    const id = incomingID instanceof Promise ? await incomingID : incomingID
    const tx = adapter.sessions?.[String(id)]?.db
    await commit(id)
    if (tx && failed.has(tx)) {
      const cause = failed.get(tx)
      throw new Error(
        `The transaction was not committed: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      )
    }
  }
}
