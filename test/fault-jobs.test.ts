/**
 * The jobs queue after a crash: a worker running the points expiry is killed with SIGKILL
 * part-way (once the first expiry entries are written); running the queue again, as the next
 * cron tick does, finishes the work, and no lot is expired twice.
 */
import type { Payload } from 'payload'

import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EntryDraft } from '../plugins/loyalty/services/ledgerWriter'

import { loyaltyOptionsOf, releaseStaleJobs } from '../plugins/loyalty'
import { expirePointsTaskSlug } from '../plugins/loyalty/jobs/expirePoints'
import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { closeDatabase } from '../src/server/readiness'
import { auditLedger, ledgerEntries } from './helpers/ledgerAudit'
import { bootPayload } from './helpers/payload'
import {
  type ChildScript,
  killProcess,
  logTail,
  retryingStall,
  spawnScript,
} from './helpers/serverProcess'
import { waitFor } from './helpers/waitFor'

const memberCount = 150
const partnerCount = 10
const day = 86_400_000

let payload: Payload
let databaseURI: string
let members: { id: number; partner: number }[]
let partners: number[]
let jobId: number | string
const logFile = path.join(os.tmpdir(), `fault-jobs-${process.pid}.log`)

/** Expiry entries written so far. */
const expired = async () =>
  (await payload.count({ collection: 'loyalty-ledger', where: { kind: { equals: 'expire' } } }))
    .totalDocs

/**
 * Starts the jobs worker (test/helpers/jobsWorker.ts), again if it stalls at start-up, and
 * resolves once `until` holds for it: it has exited, or `until` says so while it runs.
 */
const runWorker = (until: (worker: ChildScript) => Promise<boolean>) =>
  retryingStall<ChildScript>(5, async () => {
    const worker = spawnScript({
      env: {
        DATABASE_URI: databaseURI,
        // The killed worker's run counts as abandoned at once (the default lease is an hour).
        JOBS_STALE_AFTER_MINUTES: '0',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
        PAYLOAD_MIGRATING: 'true',
      },
      logFile,
      script: 'test/helpers/jobsWorker.ts',
    })
    await waitFor(
      'the jobs worker',
      async () => worker.exitStatus() !== null || (await until(worker)),
      {
        intervalMs: 20,
        timeoutMs: 90_000,
      },
    )
    if (worker.exitStatus() === '13') return { stalled: true }
    return { stalled: false, value: worker }
  })

beforeAll(async () => {
  ;({ payload, uri: databaseURI } = await bootPayload())
  const options = loyaltyOptionsOf(payload)
  partners = []
  for (let index = 0; index < partnerCount; index++) {
    const partner = await payload.create({
      collection: 'partners',
      data: { name: `Company ${index + 1}`, region: 'dach', type: 'installer' },
    })
    partners.push(partner.id)
  }
  // Members straight through the adapter: the expiry needs accounts, not passwords (hashing
  // 150 of them would take half a minute).
  members = []
  for (let index = 0; index < memberCount; index++) {
    const partner = partners[index % partnerCount]
    const doc = await payload.db.create({
      collection: 'members',
      data: {
        email: `member${index + 1}@jobs.example`,
        jobRole: 'engineer',
        name: `Member ${index + 1}`,
        partner,
        status: 'active',
      },
    })
    members.push({ id: Number(doc.id), partner })
  }
  // Each member: a lot of 40 that fell due yesterday, one of 25 due in two months, 10 spent;
  // their company: a lot of 20 that fell due yesterday. Adjustments are lots like earnings.
  const yesterday = new Date(Date.now() - day).toISOString()
  const later = new Date(Date.now() + 60 * day).toISOString()
  for (const member of members) {
    const entry = (
      account: 'member' | 'organisation',
      amount: number,
      key: string,
      expiresAt: null | string,
    ): EntryDraft => ({
      account,
      amount,
      expiresAt,
      idempotencyKey: `seed:${member.id}:${key}`,
      kind: 'adjust',
      member: account === 'member' ? member.id : null,
      organisation: member.partner,
      qualifyingAmount: amount > 0 ? amount : 0,
      reason: `Seeded ${key}`,
    })
    await writeLedger(payload, options, [
      entry('member', 40, 'due', yesterday),
      entry('member', 25, 'later', later),
      entry('member', -10, 'spent', null),
      entry('organisation', 20, 'company', yesterday),
    ])
  }
  const job = await payload.jobs.queue({
    input: { lookbackDays: 30 },
    queue: 'loyalty',
    task: 'loyaltyExpirePoints',
  })
  jobId = job.id
})

afterAll(async () => {
  if (payload) await closeDatabase(payload)
})

describe('the expiry job killed part-way', () => {
  it('is killed after it has written its first expiry entries, before its last', async () => {
    const worker = await runWorker(async () => (await expired()) > 0)
    const status = await killProcess(worker)
    expect(status, logTail(logFile)).toBe('SIGKILL')
    const written = await expired()
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(memberCount + partnerCount)
  }, 120_000)

  it('is left alone while its lease runs', async () => {
    const job = await payload.findByID({ collection: 'payload-jobs', depth: 0, id: jobId })
    expect(job.processing).toBe(true)
    expect(await releaseStaleJobs(payload, [expirePointsTaskSlug], 60)).toBe(0)
  })

  it('is released and finished by the next run of the queue once the lease is over', async () => {
    const worker = await runWorker(async () => false)
    expect(worker.exitStatus(), logTail(logFile)).toBe('0')
    // Finished: Payload deletes a job once it has completed (jobs.deleteJobOnComplete).
    const unfinished = await payload.count({
      collection: 'payload-jobs',
      where: { completedAt: { exists: false } },
    })
    expect(unfinished.totalDocs).toBe(0)
    expect(await expired()).toBe(memberCount + partnerCount)
  }, 120_000)

  it('expired every due lot exactly once, and the balances equal the ledger', async () => {
    const expiry = (await ledgerEntries(payload)).filter((entry) => entry.kind === 'expire')
    const byAccount = new Map<string, number[]>()
    for (const entry of expiry) {
      const account =
        entry.account === 'member' ? `member:${entry.member}` : `organisation:${entry.organisation}`
      byAccount.set(account, [...(byAccount.get(account) ?? []), entry.amount])
    }
    const expected = new Map<string, number[]>([
      // 40 due, less the 10 spent (first in, first out); the lot of 25 is not due.
      ...members.map((member): [string, number[]] => [`member:${member.id}`, [-30]]),
      ...partners.map((partner): [string, number[]] => [
        `organisation:${partner}`,
        [-20 * (memberCount / partnerCount)],
      ]),
    ])
    expect(byAccount).toEqual(expected)
    expect(await auditLedger(payload)).toEqual([])
  })
})
