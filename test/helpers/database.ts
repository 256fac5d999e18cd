import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/**
 * A fresh, empty database of the same kind as `DATABASE_URI` (SQLite when unset), so that
 * every test file starts from nothing:
 * - SQLite: a new file in the system temp folder
 * - PostgreSQL: a new database created on the same server
 * - MongoDB: a new database name on the same server
 */
export const freshDatabaseURI = async (): Promise<string> => {
  const base = process.env.TEST_DATABASE_URI || process.env.DATABASE_URI || ''
  const name = `pc_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  if (/^postgres(ql)?:\/\//.test(base)) {
    const client = new pg.Client({ connectionString: base })
    await client.connect()
    try {
      await client.query(`CREATE DATABASE ${name}`)
    } finally {
      await client.end()
    }
    const url = new URL(base)
    url.pathname = `/${name}`
    return url.toString()
  }
  if (/^mongodb(\+srv)?:\/\//.test(base)) {
    const url = new URL(base)
    url.pathname = `/${name}`
    return url.toString()
  }
  return `file:${path.join(os.tmpdir(), `${name}.db`)}`
}

/** The kind of database the suite runs against. */
export const databaseKindUnderTest = (): 'mongodb' | 'postgres' | 'sqlite' => {
  const base = process.env.TEST_DATABASE_URI || process.env.DATABASE_URI || ''
  if (/^postgres(ql)?:\/\//.test(base)) return 'postgres'
  if (/^mongodb/.test(base)) return 'mongodb'
  return 'sqlite'
}
