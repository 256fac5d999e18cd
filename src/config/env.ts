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

/** The development secret used when PAYLOAD_SECRET is unset outside production. */
const developmentSecret = 'partner-club-development-secret-change-me'

/** Secret used by Payload to sign tokens and encrypt. */
export const payloadSecret = (): string => process.env.PAYLOAD_SECRET || developmentSecret

/**
 * Refuses to serve production traffic with the development secret. Called when the server
 * starts (not when the config loads, so that `next build` needs no secret).
 */
export const assertProductionSecret = (): void => {
  if (process.env.NODE_ENV === 'production' && payloadSecret() === developmentSecret) {
    throw new Error(
      'PAYLOAD_SECRET must be set in production (a long random string, e.g. `openssl rand -hex 32`).',
    )
  }
}

/** Public URL of the server, used for links in the admin and in mails. */
export const serverURL = (): string =>
  process.env.PUBLIC_URL ||
  `http://${process.env.HOST || '127.0.0.1'}:${process.env.PORT || '3000'}`
