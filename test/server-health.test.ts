import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { databaseKindUnderTest } from './helpers/database'
import { bootServer } from './helpers/server'

let server: RunningServer

beforeAll(async () => {
  server = await bootServer()
})

afterAll(async () => {
  await server?.close()
})

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`)
  return { body: (await response.json()) as Record<string, unknown>, status: response.status }
}

/** Runs SQL as the cluster's admin against the test database's server (PostgreSQL only). */
const asAdmin = async (sql: string) => {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URI })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

describe('health checks', () => {
  it('/healthz answers while the process is up', async () => {
    const { body, status } = await get('/healthz')
    expect(status).toBe(200)
    expect(body.status).toBe('ok')
  })

  it('/readyz answers when the database is reachable', async () => {
    const { body, status } = await get('/readyz')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ready' })
  })

  it('the API is served by the same server', async () => {
    const response = await fetch(`${server.url}/api/courses`)
    expect(response.status).toBe(403)
    const graphql = await fetch(`${server.url}/api/graphql`, {
      body: JSON.stringify({ query: '{ allMedia { totalDocs } }' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(await graphql.json()).toEqual({ data: { allMedia: { totalDocs: 0 } } })
  })

  it('a request Express cannot read is refused with JSON and no stack', async () => {
    // "%" alone is not valid percent-encoding: Express cannot decode the path parameter.
    const response = await fetch(`${server.url}/api/courses/%25zz%/lessons/x/start`, {
      method: 'POST',
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await response.json()) as { errors: { message: string }[] }
    expect(body.errors[0].message).toBe('The request could not be read.')
    expect(JSON.stringify(body)).not.toMatch(/ at /)
  })

  it('/readyz fails with a reason when the database is gone, and recovers when it is back', async () => {
    if (databaseKindUnderTest() === 'postgres') {
      // A real outage: the database refuses new connections and the open ones are cut.
      const name = new URL(process.env.DATABASE_URI as string).pathname.slice(1)
      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`)
      await asAdmin(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
      )
      const down = await get('/readyz')
      expect(down.status).toBe(503)
      expect(down.body.status).toBe('unavailable')
      expect(String(down.body.reason)).toMatch(/database is not reachable/)
      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)
      const back = await get('/readyz')
      expect(back.status).toBe(200)
      expect((await get('/healthz')).status).toBe(200)
    } else {
      // SQLite is a file opened by this process: losing it means losing the connection.
      ;(server.payload.db as unknown as { client: { close: () => void } }).client.close()
      const down = await get('/readyz')
      expect(down.status).toBe(503)
      expect(down.body.status).toBe('unavailable')
      expect(String(down.body.reason)).toMatch(/database is not reachable/)
      // The process itself is still up.
      expect((await get('/healthz')).status).toBe(200)
    }
  })
})
