import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, signIn } from './helpers/server'

/**
 * With SMTP configured, mails go to a real SMTP server (here one on the loopback that turns the
 * first delivery away with a temporary error, then accepts): the queue retries the send, and
 * nothing is kept in the local capture.
 */
let server: RunningServer
let payload: Payload
let f: Fixtures
let admin: Client
let smtp: SMTPServer
const received: string[] = []
let refusals = 1

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1
          const error = Object.assign(new Error('Mailbox busy, try again later'), {
            responseCode: 451,
          })
          callback(error)
          return
        }
        received.push(Buffer.concat(chunks).toString('utf8'))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String((smtp.server.address() as AddressInfo).port)
  process.env.EMAIL_FROM = 'Partner Club <club@test.example>'
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  admin = await signIn(server.url, 'users', f.admin.email, password)
})

afterAll(async () => {
  await server?.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  delete process.env.SMTP_HOST
  delete process.env.SMTP_PORT
  delete process.env.EMAIL_FROM
})

const sendJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'loyaltySendNotification' } },
    })
  ).docs

describe('sending over SMTP', () => {
  it('retries a send the mail server turned away, then delivers it once', async () => {
    const credited = await admin.request('POST', '/api/loyalty/adjustments', {
      member: f.memberA.id,
      points: 30,
      reason: 'Welcome bonus',
    })
    expect(credited.status).toBe(201)
    await payload.jobs.queue({ input: {}, queue: 'loyalty', task: 'loyaltyQueueDigests' })
    await payload.jobs.run({ queue: 'loyalty' })
    await payload.jobs.run({ queue: 'loyalty' })

    // The first attempt failed: recorded, and the job waits for its backoff.
    expect(received).toHaveLength(0)
    const [job] = await sendJobs()
    expect(job.totalTried).toBe(1)
    expect(job.completedAt ?? null).toBeNull()
    expect(new Date(String(job.waitUntil)).getTime()).toBeGreaterThan(Date.now())
    const [failed] = (
      await payload.find({
        collection: 'loyalty-notifications',
        where: { member: { equals: f.memberA.id } },
      })
    ).docs
    expect(failed).toMatchObject({ attempts: 1, category: 'digest', status: 'failed' })
    expect(failed.error).toMatch(/Mailbox busy/)

    // The retry (run now rather than after the backoff) delivers it.
    await payload.jobs.runByID({ id: job.id })
    expect(received).toHaveLength(1)
    expect(received[0]).toContain('Subject: You earned 30 points in Partner Club')
    expect(received[0]).toContain(`To: ${f.memberA.email}`)
    expect(received[0]).toMatch(/From: Partner Club <club@test\.example>/)
    expect(received[0]).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    const [sent] = (
      await payload.find({
        collection: 'loyalty-notifications',
        where: { member: { equals: f.memberA.id } },
      })
    ).docs
    expect(sent).toMatchObject({ attempts: 2, status: 'sent' })
    // Completed, the job leaves the queue.
    expect(await sendJobs()).toHaveLength(0)

    // Running the queue and the scan again sends nothing more.
    await payload.jobs.queue({ input: {}, queue: 'loyalty', task: 'loyaltyQueueDigests' })
    await payload.jobs.run({ queue: 'loyalty' })
    await payload.jobs.run({ queue: 'loyalty' })
    expect(received).toHaveLength(1)
  })

  it('keeps nothing in the local capture when SMTP is configured', async () => {
    const asked = await fetch(`${server.url}/api/members/forgot-password`, {
      body: JSON.stringify({ email: f.memberB.email }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(asked.status).toBe(200)
    expect(received.some((mail) => mail.includes(`To: ${f.memberB.email}`))).toBe(true)
    const { totalDocs } = await payload.count({ collection: 'captured-emails' })
    expect(totalDocs).toBe(0)
  })
})
