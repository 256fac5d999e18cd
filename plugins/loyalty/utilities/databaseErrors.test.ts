import { DrizzleQueryError } from 'drizzle-orm'
import net from 'node:net'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isDatabaseUnavailable } from './databaseErrors'

/** A loopback TCP server that treats connections as `onConnection` says; closed after the tests. */
const servers: net.Server[] = []
const listen = async (onConnection: (socket: net.Socket) => void): Promise<number> => {
  const server = net.createServer(onConnection)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as net.AddressInfo).port
}
const sockets: net.Socket[] = []

/** The error node-postgres really gives when connecting to `port` (or null if it connects). */
const connectError = async (port: number, options: pg.ClientConfig = {}): Promise<unknown> => {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', ...options })
  client.on('error', () => undefined)
  return client.connect().then(
    async () => {
      await client.end()
      return null
    },
    (error: unknown) => error,
  )
}

let closedPort: number
let silentPort: number
let hangUpPort: number

beforeAll(async () => {
  // A port nothing listens on: taken, then given back.
  closedPort = await listen(() => undefined)
  await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()))
  // A server that accepts connections and never answers (a database that hangs).
  silentPort = await listen((socket) => sockets.push(socket))
  // A server that hangs up as soon as the client has spoken (a database going away).
  hangUpPort = await listen((socket) => socket.once('data', () => socket.destroy()))
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('isDatabaseUnavailable', () => {
  it('recognises node-postgres failing to connect, timing out and being cut off', async () => {
    const refused = await connectError(closedPort)
    expect((refused as { code?: string }).code).toBe('ECONNREFUSED')
    expect(isDatabaseUnavailable(refused)).toBe(true)

    const timedOut = await connectError(silentPort, { connectionTimeoutMillis: 50 })
    expect(String(timedOut)).toMatch(/timeout/)
    expect(isDatabaseUnavailable(timedOut)).toBe(true)

    const cut = await connectError(hangUpPort)
    expect(String(cut)).toMatch(/Connection terminated unexpectedly/)
    expect(isDatabaseUnavailable(cut)).toBe(true)

    // A pool of one: the first query times out connecting, the second waiting for the client.
    const pool = new pg.Pool({
      connectionTimeoutMillis: 50,
      host: '127.0.0.1',
      max: 1,
      port: silentPort,
      user: 'postgres',
    })
    const [connecting, waiting] = await Promise.all(
      [1, 2].map(() => pool.query('select 1').catch((error: unknown) => error)),
    )
    await pool.end()
    expect(String(connecting)).toMatch(/Connection terminated due to connection timeout/)
    expect(isDatabaseUnavailable(connecting)).toBe(true)
    expect(String(waiting)).toMatch(/timeout exceeded when trying to connect/)
    expect(isDatabaseUnavailable(waiting)).toBe(true)
  })

  it('looks through wrappers: Drizzle’s query error, Payload’s transaction error, aggregates', async () => {
    const refused = await connectError(closedPort)
    expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], refused as Error))).toBe(
      true,
    )
    expect(
      isDatabaseUnavailable(
        new Error('Error: cannot begin transaction: connect ECONNREFUSED 127.0.0.1:5432'),
      ),
    ).toBe(true)
    expect(isDatabaseUnavailable(new AggregateError([new Error('other'), refused]))).toBe(true)
  })

  it('recognises PostgreSQL’s codes for a server that is shutting down, starting or full', () => {
    const pgError = (code: string, message: string) => Object.assign(new Error(message), { code })
    expect(
      isDatabaseUnavailable(
        pgError('57P01', 'terminating connection due to administrator command'),
      ),
    ).toBe(true)
    expect(isDatabaseUnavailable(pgError('57P03', 'the database system is starting up'))).toBe(true)
    expect(isDatabaseUnavailable(pgError('08006', 'connection failure'))).toBe(true)
    expect(isDatabaseUnavailable(pgError('53300', 'sorry, too many clients already'))).toBe(true)
  })

  it('leaves every other error alone', () => {
    const pgError = (code: string, message: string) => Object.assign(new Error(message), { code })
    const unique = pgError('23505', 'duplicate key value violates unique constraint "x_key"')
    expect(isDatabaseUnavailable(unique)).toBe(false)
    expect(isDatabaseUnavailable(pgError('42601', 'syntax error at or near "selec"'))).toBe(false)
    expect(isDatabaseUnavailable(pgError('SQLITE_BUSY', 'database is locked'))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false)
    // A statement whose values happen to quote such a message is not an outage.
    expect(
      isDatabaseUnavailable(
        new DrizzleQueryError('insert into notes values ($1)', ['ECONNREFUSED'], unique),
      ),
    ).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false)
  })
})
