import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { resolveOptions } from '../plugins/loyalty/types'
import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { type Fixtures, createFixtures } from './helpers/fixtures'
import { bootPayload } from './helpers/payload'

let payload: Payload
let f: Fixtures
const options = resolveOptions()
const day = 86_400_000

const spendable = async (id: number) =>
  (await payload.findByID({ collection: 'members', id })).loyalty?.spendable ?? 0

const runExpiry = async () => {
  await payload.jobs.queue({
    input: { lookbackDays: 30 },
    queue: 'loyalty',
    task: 'loyaltyExpirePoints',
  })
  await payload.jobs.run({ queue: 'loyalty' })
}

const entry = (kind: 'earn' | 'redeem', amount: number, key: string, expiresInDays?: number) => ({
  account: 'member' as const,
  amount,
  expiresAt:
    expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * day).toISOString(),
  idempotencyKey: key,
  kind,
  member: f.memberA.id,
  organisation: f.partnerA.id,
  qualifyingAmount: kind === 'earn' ? amount : 0,
  reason: `${kind} ${amount}`,
})

beforeAll(async () => {
  ;({ payload } = await bootPayload())
  f = await createFixtures(payload)
  // 100 points that expired yesterday, 50 that expire next month; 30 spent since.
  await writeLedger(payload, options, [entry('earn', 100, 'old-lot', -1)])
  await writeLedger(payload, options, [entry('earn', 50, 'new-lot', 30)])
  await writeLedger(payload, options, [entry('redeem', -30, 'spent')])
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the expiry job', () => {
  it('expires due points first in, first out, through the jobs queue', async () => {
    expect(await spendable(f.memberA.id)).toBe(120)
    await runExpiry()
    // The 30 spent came out of the oldest lot: 70 of it are left to expire; the new lot stays.
    const expired = await payload.find({
      collection: 'loyalty-ledger',
      where: { kind: { equals: 'expire' } },
    })
    expect(expired.docs.map((doc) => doc.amount)).toEqual([-70])
    expect(expired.docs[0].reason).toMatch(/70 points expired/)
    expect(await spendable(f.memberA.id)).toBe(50)
    const member = await payload.findByID({ collection: 'members', id: f.memberA.id })
    expect(member.loyalty?.qualifying).toBe(150)
  })

  it('never expires anything twice when run again', async () => {
    await runExpiry()
    await runExpiry()
    const expired = await payload.find({
      collection: 'loyalty-ledger',
      where: { kind: { equals: 'expire' } },
    })
    expect(expired.totalDocs).toBe(1)
    expect(await spendable(f.memberA.id)).toBe(50)
    const { docs } = await payload.find({
      collection: 'loyalty-ledger',
      limit: 0,
      pagination: false,
      where: { member: { equals: f.memberA.id } },
    })
    expect(docs.reduce((sum, doc) => sum + doc.amount, 0)).toBe(50)
  })
})
