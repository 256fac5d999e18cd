import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { resolveOptions } from '../plugins/loyalty/types'
import { type Fixtures, createFixtures } from './helpers/fixtures'
import { bootPayload } from './helpers/payload'

let payload: Payload
let f: Fixtures
const options = resolveOptions()
const monthsAgo = (months: number) => {
  const date = new Date()
  date.setUTCMonth(date.getUTCMonth() - months)
  return date.toISOString()
}

/** Books `points` for a member as if earned `months` ago. */
const earnedMonthsAgo = async (member: number, points: number, months: number, key: string) => {
  const { entries } = await writeLedger(payload, options, [
    {
      account: 'member',
      amount: points,
      idempotencyKey: key,
      kind: 'earn',
      member,
      organisation: null,
      qualifyingAmount: points,
      reason: 'Earlier activity',
    },
  ])
  await payload.db.updateOne({
    collection: 'loyalty-ledger',
    data: { createdAt: monthsAgo(months) },
    id: entries[0].id,
    returning: false,
  })
}

const setTier = (member: number, tier: number, since: string) =>
  payload.update({
    collection: 'members',
    data: { loyalty: { tier, tierSince: since } },
    id: member,
    overrideAccess: true,
  })

const runReview = async () => {
  await payload.jobs.queue({ input: {}, queue: 'loyalty', task: 'loyaltyReviewTiers' })
  await payload.jobs.run({ queue: 'loyalty' })
}

beforeAll(async () => {
  ;({ payload } = await bootPayload())
  f = await createFixtures(payload)
  // memberA reached Gold 15 months ago; the points that got them there have left the window.
  await earnedMonthsAgo(f.memberA.id, 1600, 14, 'gold-run')
  await setTier(f.memberA.id, f.gold.id, monthsAgo(15))
  // memberB reached Gold 2 months ago with points that are still in the window... but only 200.
  await earnedMonthsAgo(f.memberB.id, 200, 1, 'small-run')
  await setTier(f.memberB.id, f.gold.id, monthsAgo(2))
  await runReview()
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the tier review job', () => {
  it('downgrades after the qualifying period and the grace period, with the reason recorded', async () => {
    const member = await payload.findByID({ collection: 'members', depth: 0, id: f.memberA.id })
    expect(member.loyalty?.tier).toBe(f.bronze.id)
    expect(member.loyalty?.qualifying).toBe(0)
    expect(member.loyalty?.lifetime).toBe(1600)
    expect(member.loyalty?.spendable).toBe(1600)
    const changes = await payload.find({
      collection: 'loyalty-tier-changes',
      where: { member: { equals: f.memberA.id } },
    })
    expect(changes.docs.map((change) => change.change)).toEqual(['downgrade'])
    expect(changes.docs[0].reason).toMatch(/Gold needs 1,500/)
  })

  it('keeps the tier until the qualifying period is over', async () => {
    const member = await payload.findByID({ collection: 'members', depth: 0, id: f.memberB.id })
    expect(member.loyalty?.tier).toBe(f.gold.id)
    expect(member.loyalty?.qualifying).toBe(200)
    const changes = await payload.find({
      collection: 'loyalty-tier-changes',
      where: { member: { equals: f.memberB.id } },
    })
    expect(changes.totalDocs).toBe(0)
  })

  it('changes nothing when run again', async () => {
    await runReview()
    const changes = await payload.find({ collection: 'loyalty-tier-changes' })
    expect(changes.totalDocs).toBe(1)
  })
})
