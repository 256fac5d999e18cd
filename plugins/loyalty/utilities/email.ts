import type { Payload } from 'payload'

/**
 * Waits until the email adapter has handed over what it was given. An adapter may finish in the
 * background (the app's local capture stores mails in the database); a sender whose request or
 * job writes again, or answers a client that writes next, waits for it, so that the adapter's
 * writes are done before the next ones start (on SQLite they would queue behind them).
 * Adapters without `flush` hand over before `sendEmail` resolves.
 */
export const flushEmail = async (payload: Payload): Promise<void> => {
  const { flush } = payload.email as unknown as { flush?: () => Promise<void> }
  if (typeof flush === 'function') await flush()
}
