import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (where payload.config.ts lives). */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Default embedded database file, relative to the repository root. */
export const defaultDatabaseFile = path.join(rootDir, 'data', 'partner-club.db')

/**
 * The database connection string. `file:…` or unset selects embedded SQLite,
 * `postgres://…` / `postgresql://…` PostgreSQL, `mongodb://…` / `mongodb+srv://…` MongoDB.
 */
export const databaseURI = (): string => process.env.DATABASE_URI || `file:${defaultDatabaseFile}`

/**
 * Secret used by Payload to sign tokens. A fixed development secret is used when unset,
 * except in production where it is required.
 */
export const payloadSecret = (): string => {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (
    process.env.NODE_ENV === 'production' &&
    process.env.PARTNER_CLUB_ALLOW_DEV_SECRET !== 'true'
  ) {
    throw new Error(
      'PAYLOAD_SECRET must be set in production (a long random string, e.g. `openssl rand -hex 32`).',
    )
  }
  return 'partner-club-development-secret-change-me'
}

/** Public URL of the server, used for links in the admin and in mails. */
export const serverURL = (): string =>
  process.env.PUBLIC_URL ||
  `http://${process.env.HOST || '127.0.0.1'}:${process.env.PORT || '3000'}`
