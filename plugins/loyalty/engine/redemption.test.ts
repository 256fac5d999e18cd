import { describe, expect, it } from 'vitest'

import type { RewardTerms } from './types'

import { checkRedemption } from './redemption'

const terms = (overrides: Partial<RewardTerms> = {}): RewardTerms => ({
  activeFrom: new Date('2027-01-01T00:00:00Z'),
  activeUntil: new Date('2027-12-31T23:59:59Z'),
  cost: 500,
  minimumTierRank: 2,
  perMemberLimit: 2,
  stock: 10,
  ...overrides,
})

const member = { redeemedCount: 0, spendable: 800, tierRank: 2 }
const now = new Date('2027-06-01T12:00:00Z')

describe('checkRedemption', () => {
  it('allows a member who meets every condition', () => {
    expect(checkRedemption(terms(), member, now)).toStrictEqual({ ok: true })
  })

  it('allows a reward without window, tier, limit or stock restrictions', () => {
    const open = terms({
      activeFrom: null,
      activeUntil: undefined,
      minimumTierRank: null,
      perMemberLimit: null,
      stock: null,
    })
    expect(
      checkRedemption(open, { redeemedCount: 50, spendable: 500, tierRank: null }, now),
    ).toStrictEqual({
      ok: true,
    })
  })

  it('refuses before the window opens and after it closes', () => {
    const unavailable = {
      code: 'conflict',
      message: 'This reward is not available at the moment.',
      ok: false,
    }
    expect(checkRedemption(terms(), member, new Date('2026-12-31T23:59:59Z'))).toStrictEqual(
      unavailable,
    )
    expect(checkRedemption(terms(), member, new Date('2028-01-01T00:00:00Z'))).toStrictEqual(
      unavailable,
    )
  })

  it('includes both ends of the window', () => {
    expect(checkRedemption(terms(), member, new Date('2027-01-01T00:00:00Z')).ok).toBe(true)
    expect(checkRedemption(terms(), member, new Date('2027-12-31T23:59:59Z')).ok).toBe(true)
  })

  it('forbids members below the minimum tier or without a tier', () => {
    const forbidden = {
      code: 'forbidden',
      message: 'This reward needs a higher club tier.',
      ok: false,
    }
    expect(checkRedemption(terms(), { ...member, tierRank: 1 }, now)).toStrictEqual(forbidden)
    expect(checkRedemption(terms(), { ...member, tierRank: null }, now)).toStrictEqual(forbidden)
    expect(checkRedemption(terms(), { ...member, tierRank: 3 }, now).ok).toBe(true)
  })

  it('refuses once the member limit is reached', () => {
    expect(checkRedemption(terms(), { ...member, redeemedCount: 2 }, now)).toStrictEqual({
      code: 'conflict',
      message: 'You have already redeemed this reward the maximum number of times (2).',
      ok: false,
    })
    expect(checkRedemption(terms(), { ...member, redeemedCount: 1 }, now).ok).toBe(true)
  })

  it('refuses when out of stock', () => {
    expect(checkRedemption(terms({ stock: 0 }), member, now)).toStrictEqual({
      code: 'conflict',
      message: 'This reward is out of stock.',
      ok: false,
    })
  })

  it('says how many points are missing', () => {
    expect(checkRedemption(terms({ cost: 2000 }), member, now)).toStrictEqual({
      code: 'conflict',
      message: 'You need 1,200 more points for this reward.',
      ok: false,
    })
    expect(checkRedemption(terms({ cost: 801 }), member, now)).toStrictEqual({
      code: 'conflict',
      message: 'You need 1 more point for this reward.',
      ok: false,
    })
    expect(checkRedemption(terms({ cost: 800 }), member, now).ok).toBe(true)
  })

  it('reports the first failing check in the documented order', () => {
    const everythingWrong = terms({ cost: 5000, stock: 0 })
    const poorMember = { redeemedCount: 5, spendable: 0, tierRank: null }
    const before = new Date('2026-06-01T00:00:00Z')
    expect(checkRedemption(everythingWrong, poorMember, before)).toMatchObject({
      message: 'This reward is not available at the moment.',
    })
    expect(checkRedemption(everythingWrong, poorMember, now)).toMatchObject({ code: 'forbidden' })
    expect(checkRedemption(everythingWrong, { ...poorMember, tierRank: 2 }, now)).toMatchObject({
      message: 'You have already redeemed this reward the maximum number of times (2).',
    })
    expect(
      checkRedemption(everythingWrong, { ...poorMember, redeemedCount: 0, tierRank: 2 }, now),
    ).toMatchObject({ message: 'This reward is out of stock.' })
  })
})
