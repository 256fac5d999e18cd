import type { Payload } from 'payload'

import Database from 'libsql'
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { bootServer } from './helpers/server'

/**
 * Concurrent writers on the embedded SQLite database (src/db/sqliteWrites.ts), and the jobs cron
 * of a server started without it (src/config/jobsCron.ts). This file always runs on SQLite,
 * whichever database the rest of the suite uses: it is about the SQLite driver.
 *
 * Found by CI: at a minute boundary the jobs cron (which Payload had started on the first REST
 * request although the test server said `cron: false`) wrote outside any transaction while a
 * request's transaction held the lock. The synchronous driver stalled the process for the busy
 * timeout, failed, and left the connection on a stale snapshot: every later write failed with
 * SQLITE_BUSY_SNAPSHOT.
 */

const file = path.join(os.tmpdir(), `pc_sqlite_writes_${randomUUID().slice(0, 8)}.db`)
// A writer in another process that holds the lock longer than this makes a write fail.
process.env.SQLITE_BUSY_TIMEOUT_MS = '3000'

let server: RunningServer
let payload: Payload

const partner = (name: string) => ({ name, region: 'dach', type: 'installer' }) as const

const partnerCount = async () => (await payload.count({ collection: 'partners' })).totalDocs

/** Opens a transaction the way Payload's operations do, and a request that carries it. */
const openTransaction = async () => {
  const req = await createLocalReq({}, payload)
  const transactionID = await payload.db.beginTransaction()
  if (transactionID === null) throw new Error('SQLite transactions are off')
  req.transactionID = transactionID
  return { req, transactionID }
}

/** Whether a promise has settled, without waiting for it. */
const settled = (promise: Promise<unknown>) => {
  const state = { done: false }
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  )
  return state
}

beforeAll(async () => {
  server = await bootServer(`file:${file}`)
  payload = server.payload
})

afterAll(async () => {
  await server?.close()
})

describe('writers in the same process', () => {
  it('a write outside any transaction waits for an open transaction, without stalling the server', async () => {
    const before = await partnerCount()
    const { req, transactionID } = await openTransaction()
    await payload.create({ collection: 'partners', data: partner('Inside Ltd'), req })

    const outside = payload.create({
      collection: 'partners',
      data: partner('Outside Ltd'),
      disableTransaction: true,
    })
    const outsideState = settled(outside)
    // Meanwhile the server answers, and readers see only what was committed.
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await partnerCount()).toBe(before)
    expect(outsideState.done).toBe(false)

    await payload.db.commitTransaction(transactionID)
    const written = await outside
    expect(written.name).toBe('Outside Ltd')
    expect(await partnerCount()).toBe(before + 2)
  })

  it('a second transaction waits its turn instead of failing with "database is locked"', async () => {
    const before = await partnerCount()
    const { req, transactionID } = await openTransaction()
    await payload.create({ collection: 'partners', data: partner('First Ltd'), req })

    const second = payload.create({ collection: 'partners', data: partner('Second Ltd') })
    const secondState = settled(second)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect(secondState.done).toBe(false)

    await payload.db.rollbackTransaction(transactionID)
    expect((await second).name).toBe('Second Ltd')
    const names = (
      await payload.find({ collection: 'partners', limit: 0, pagination: false, sort: 'id' })
    ).docs.map((doc) => doc.name)
    expect(names).toContain('Second Ltd')
    expect(names).not.toContain('First Ltd')
    expect(await partnerCount()).toBe(before + 1)
  })
})

describe('a writer in another process', () => {
  it('after a write failed on its lock, later writes succeed and reads are current', async () => {
    const existing = await payload.create({ collection: 'partners', data: partner('Old Name') })
    const other = new Database(file)
    try {
      other.exec('BEGIN IMMEDIATE')
      const refused = await payload
        .create({ collection: 'partners', data: partner('Refused Ltd'), disableTransaction: true })
        .then(
          () => null,
          (error: unknown) => error as { cause?: { code?: string } },
        )
      expect(refused?.cause?.code).toMatch(/^SQLITE_BUSY/)
      other.prepare('UPDATE partners SET name = ? WHERE id = ?').run(['New Name', existing.id])
      other.exec('COMMIT')
    } finally {
      other.close()
    }

    const read = await payload.findByID({ collection: 'partners', id: existing.id })
    expect(read.name).toBe('New Name')
    const created = await payload.create({ collection: 'partners', data: partner('Later Ltd') })
    expect(created.name).toBe('Later Ltd')
    const outside = await payload.create({
      collection: 'partners',
      data: partner('Later Outside Ltd'),
      disableTransaction: true,
    })
    expect(outside.name).toBe('Later Outside Ltd')
  })
})

describe('the jobs cron', () => {
  it('does not run in a server started with cron: false, even after REST requests', async () => {
    const answer = await fetch(`${server.url}/api/courses`)
    expect(answer.status).toBe(403)
    // Payload starts its cron on the first REST request (getPayload with cron: true).
    expect(payload.crons).toHaveLength(0)
  })
})
