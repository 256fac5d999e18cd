import { describe, expect, it } from 'vitest'

import type { LedgerEntry } from './types'

import { expirySchedule, pointsToExpire } from './expiry'

const earn = (points: number, createdAt: string, expiresAt: null | string): LedgerEntry => ({
  amount: points,
  createdAt,
  expiresAt,
  kind: 'earn',
  qualifyingAmount: points,
})

const spend = (kind: 'expire' | 'redeem', points: number, createdAt: string): LedgerEntry => ({
  amount: -points,
  createdAt,
  kind,
  qualifyingAmount: 0,
})

const refund = (points: number, createdAt: string): LedgerEntry => ({
  amount: points,
  createdAt,
  kind: 'refund',
  qualifyingAmount: 0,
})

// 100 points expiring end of January, 50 expiring end of June, 120 redeemed.
const ledger: LedgerEntry[] = [
  earn(100, '2026-01-01T00:00:00Z', '2027-01-31T00:00:00Z'),
  earn(50, '2026-03-01T00:00:00Z', '2027-06-30T00:00:00Z'),
  spend('redeem', 120, '2026-04-01T00:00:00Z'),
]

describe('pointsToExpire', () => {
  it('expires nothing before the first expiry date', () => {
    expect(pointsToExpire(ledger, new Date('2026-12-01T00:00:00Z'))).toBe(0)
  })

  it('uses the oldest points first: the redeemed 120 cover the 100 due in January', () => {
    expect(pointsToExpire(ledger, new Date('2027-02-01T00:00:00Z'))).toBe(0)
  })

  it('expires what is left of the later lot once it is due', () => {
    // due 150, already used 120 → 30, which is also the whole spendable balance
    expect(pointsToExpire(ledger, new Date('2027-07-30T00:00:00Z'))).toBe(30)
  })

  it('counts a lot as due at the exact expiry moment', () => {
    expect(pointsToExpire(ledger, new Date('2027-06-30T00:00:00Z'))).toBe(30)
    expect(pointsToExpire(ledger, new Date('2027-06-29T23:59:59.999Z'))).toBe(0)
  })

  it('gives refunded points back to the oldest lot, so they can expire', () => {
    const withRefund = [...ledger, refund(40, '2026-05-01T00:00:00Z')]
    // used 120 − 40 refunded = 80; due 100 → 20 expire in February
    expect(pointsToExpire(withRefund, new Date('2027-02-01T00:00:00Z'))).toBe(20)
    // due 150 − used 80 = 70 = the whole balance
    expect(pointsToExpire(withRefund, new Date('2027-07-30T00:00:00Z'))).toBe(70)
  })

  it('counts points expired earlier', () => {
    const expired = [...ledger, spend('expire', 30, '2027-07-30T00:00:00Z')]
    expect(pointsToExpire(expired, new Date('2027-07-30T00:00:00Z'))).toBe(0)
  })

  it('keeps points that never expire', () => {
    const entries = [
      earn(200, '2026-01-01T00:00:00Z', null),
      earn(100, '2026-02-01T00:00:00Z', '2027-01-31T00:00:00Z'),
      spend('redeem', 50, '2026-03-01T00:00:00Z'),
    ]
    expect(pointsToExpire(entries, new Date('2027-02-01T00:00:00Z'))).toBe(50)
    expect(pointsToExpire(entries, new Date('2040-01-01T00:00:00Z'))).toBe(50)
  })

  it('counts a reversed earn as gone', () => {
    const entries: LedgerEntry[] = [
      earn(100, '2026-01-01T00:00:00Z', '2027-01-31T00:00:00Z'),
      { amount: -100, createdAt: '2026-01-02T00:00:00Z', kind: 'reverse', qualifyingAmount: -100 },
    ]
    expect(pointsToExpire(entries, new Date('2027-02-01T00:00:00Z'))).toBe(0)
  })

  it('lets positive adjustments expire and counts negative ones as used', () => {
    const entries: LedgerEntry[] = [
      {
        amount: 80,
        createdAt: '2026-01-01T00:00:00Z',
        expiresAt: new Date('2027-01-31T00:00:00Z'),
        kind: 'adjust',
        qualifyingAmount: 80,
      },
      { amount: -30, createdAt: '2026-01-02T00:00:00Z', kind: 'adjust', qualifyingAmount: -30 },
    ]
    expect(pointsToExpire(entries, new Date('2027-02-01T00:00:00Z'))).toBe(50)
  })

  it('counts only the clamped part of a reversal as used', () => {
    const entries: LedgerEntry[] = [
      earn(100, '2026-01-01T00:00:00Z', '2027-01-31T00:00:00Z'),
      { amount: -20, createdAt: '2026-02-01T00:00:00Z', kind: 'reverse', qualifyingAmount: -100 },
    ]
    expect(pointsToExpire(entries, new Date('2027-02-01T00:00:00Z'))).toBe(80)
  })

  it('is 0 for an empty ledger', () => {
    expect(pointsToExpire([], new Date('2027-02-01T00:00:00Z'))).toBe(0)
  })
})

describe('expirySchedule', () => {
  const entries = [
    earn(100, '2026-01-01T00:00:00Z', '2027-01-31T00:00:00Z'),
    earn(50, '2026-03-01T00:00:00Z', '2027-06-30T00:00:00Z'),
    earn(30, '2026-03-02T00:00:00Z', '2027-09-30T00:00:00Z'),
    earn(40, '2026-03-03T00:00:00Z', '2027-09-30T00:00:00Z'),
    earn(10, '2026-04-01T00:00:00Z', '2028-12-31T00:00:00Z'),
    spend('redeem', 120, '2026-05-01T00:00:00Z'),
  ]
  const now = new Date('2026-12-01T00:00:00Z')

  it('lists what expires on each date within the horizon, leaving out dates with nothing', () => {
    expect(expirySchedule(entries, now, 365)).toStrictEqual([
      { date: new Date('2027-06-30T00:00:00Z'), points: 30 },
      { date: new Date('2027-09-30T00:00:00Z'), points: 70 },
    ])
  })

  it('stops at the horizon', () => {
    expect(expirySchedule(entries, now, 250)).toStrictEqual([
      { date: new Date('2027-06-30T00:00:00Z'), points: 30 },
    ])
    expect(expirySchedule(entries, now, 30)).toStrictEqual([])
  })

  it('assumes overdue points expire first and leaves them out', () => {
    const withRefund = [...ledger, refund(40, '2026-05-01T00:00:00Z')]
    const february = new Date('2027-02-15T00:00:00Z')
    expect(pointsToExpire(withRefund, february)).toBe(20)
    expect(expirySchedule(withRefund, february, 365)).toStrictEqual([
      { date: new Date('2027-06-30T00:00:00Z'), points: 50 },
    ])
  })

  it('rejects a negative horizon', () => {
    expect(() => expirySchedule(entries, now, -1)).toThrow(RangeError)
  })
})
