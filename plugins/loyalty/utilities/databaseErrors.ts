/** What a request is told while the database cannot be reached (with HTTP 503). */
export const databaseUnavailableMessage = 'The database is unavailable; try again shortly.'

/** Node's error codes for a connection that could not be made or was lost. */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
])

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01–57P03
 * (terminated by an administrator, crash shutdown, cannot connect now: shutting down, starting
 * up, in recovery) and 53300 (too many connections).
 */
const isUnavailableSqlState = (code: string): boolean =>
  /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === '53300'

/**
 * Messages of the same faults where the code is lost: node-postgres's own ("Connection
 * terminated unexpectedly", "timeout expired" when connecting, the pool's "timeout exceeded when
 * trying to connect", "Query read timeout", "Client has encountered a connection error and is
 * not queryable") and wrappers that keep only the text (Payload's "cannot begin transaction:
 * connect ECONNREFUSED …").
 */
const unavailableMessage =
  /connection terminated|^timeout expired$|timeout exceeded when trying to connect|^query read timeout$|connection error and is not queryable|\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command|sorry, too many clients/i

/**
 * Whether an error means the database cannot be reached right now (refused, cut, timed out,
 * shutting down, starting up), as opposed to a fault in the request or the code. Looks through
 * wrapped errors (`cause`, as Drizzle's `DrizzleQueryError` has, and `AggregateError`s).
 */
export const isDatabaseUnavailable = (error: unknown, depth = 0): boolean => {
  if (depth > 5 || typeof error !== 'object' || error === null) return false
  const { cause, code, errors, message } = error as {
    cause?: unknown
    code?: unknown
    errors?: unknown
    message?: unknown
  }
  if (typeof code === 'string' && (connectionCodes.has(code) || isUnavailableSqlState(code))) {
    return true
  }
  // A wrapper's own message may quote the statement and its values (Drizzle's does): only
  // the innermost error's message is read.
  if (cause === undefined && typeof message === 'string' && unavailableMessage.test(message)) {
    return true
  }
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) {
    return true
  }
  return isDatabaseUnavailable(cause, depth + 1)
}
