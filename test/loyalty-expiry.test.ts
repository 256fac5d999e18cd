import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callEndpoint } from '../plugins/loyalty'
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
  // 100 points that expired yesterday, 50 that expire in two months; 30 spent since.
  await writeLedger(payload, options, [entry('earn', 100, 'old-lot', -1)])
  await writeLedger(payload, options, [entry('earn', 50, 'new-lot', 60)])
  await writeLedger(payload, options, [entry('redeem', -30, 'spent')])
})

afterAll(async () => {
  await payload?.destroy()
})

/** `/loyalty/me` as memberA, in process, with the member as Payload reads it now. */
const me = async () => {
  const user = await payload.findByID({ collection: 'members', id: f.memberA.id })
  const result = await callEndpoint<{ expiring: { within30Days: number; within90Days: number } }>(
    payload,
    { ...user, collection: 'members' },
    'get',
    '/loyalty/me',
  )
  if (!result.ok) throw new Error(result.message)
  return result.data
}

describe('the expiry job', () => {
  it('before it runs, "expiring soon" counts the overdue lot net of what was spent', async () => {
    const member = await payload.findByID({ collection: 'members', id: f.memberA.id })
    // Every lot point booked (the running total kept with the balances).
    expect(member.loyalty?.lots).toBe(150)
    expect(member.loyalty?.dueThrough ?? null).toBeNull()
    // Within 30 days: the overdue 100 minus the 30 spent; within 90: the new lot too, capped
    // by the balance (120).
    expect((await me()).expiring).toEqual({ within30Days: 70, within90Days: 120 })
  })

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
    // The watermark moved: the 100 due by now are summed up on the account.
    expect(member.loyalty?.dueLots).toBe(100)
    expect(new Date(String(member.loyalty?.dueThrough)).getTime()).toBeLessThanOrEqual(Date.now())
    expect(member.loyalty?.lots).toBe(150)
    // Nothing more is due within 30 days; the new lot (50) is due within 90.
    expect((await me()).expiring).toEqual({ within30Days: 0, within90Days: 50 })
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
