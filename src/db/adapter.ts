import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../config/env'
import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'

export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

/** Which adapter a connection string selects. */
export const databaseKind = (uri: string): DatabaseKind => {
  if (/^postgres(ql)?:\/\//i.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//i.test(uri)) return 'mongodb'
  if (uri.startsWith('file:') || uri === '') return 'sqlite'
  throw new Error(
    `DATABASE_URI "${uri.replace(/\/\/[^@]*@/, '//…@')}" is not understood: use file:… (SQLite), postgres://… or mongodb://…`,
  )
}

/** Milliseconds a SQLite writer waits for the lock before giving up. */
export const sqliteBusyTimeoutMs = Number(process.env.SQLITE_BUSY_TIMEOUT_MS || 10_000)

/**
 * The Payload database adapter for a connection string.
 *
 * - SQLite: the file's folder is created, WAL and a busy timeout are on, and transactions
 *   are enabled (they are off by default in @payloadcms/db-sqlite).
 * - PostgreSQL: a pool sized by `DATABASE_POOL_MAX`; a request waits at most
 *   `DATABASE_CONNECT_TIMEOUT_MS` for a connection, so it fails (503) instead of hanging while
 *   the database is unreachable or every connection is busy.
 * - MongoDB: indexes are ensured so unique constraints exist in the database.
 *
 * Outside production the schema is pushed on connect; in production the committed
 * migrations under `src/migrations/<dialect>` run on start.
 */
export const databaseAdapter = (uri: string): DatabaseAdapterObj => {
  const kind = databaseKind(uri)
  if (kind === 'postgres') {
    return postgresAdapter({
      migrationDir: path.join(rootDir, 'src/migrations/postgres'),
      pool: {
        connectionString: uri,
        connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS || 5000),
        max: Number(process.env.DATABASE_POOL_MAX || 20),
      },
      prodMigrations: postgresMigrations,
      transactionOptions: {},
    })
  }
  if (kind === 'mongodb') {
    return mongooseAdapter({
      ensureIndexes: true,
      url: uri,
    })
  }
  const file = uri.replace(/^file:/, '')
  if (file && !file.startsWith(':memory:')) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  }
  return sqliteAdapter({
    busyTimeout: sqliteBusyTimeoutMs,
    client: { url: uri },
    migrationDir: path.join(rootDir, 'src/migrations/sqlite'),
    prodMigrations: sqliteMigrations,
    transactionOptions: {},
    wal: true,
  })
}
