import { describe, expect, it } from 'vitest'

import type { LedgerEntry } from './types'

import { applyEffect, balancesFromLedger, ledgerEffect, qualifyingWindowStart } from './ledger'

describe('ledgerEffect', () => {
  it('earns points for both spendable and qualifying', () => {
    expect(ledgerEffect('earn', 100, { spendable: 0 })).toStrictEqual({
      amount: 100,
      qualifyingAmount: 100,
    })
  })

  it('redeems only spendable points, up to the balance', () => {
    expect(ledgerEffect('redeem', 30, { spendable: 50 })).toStrictEqual({
      amount: -30,
      qualifyingAmount: 0,
    })
    expect(ledgerEffect('redeem', 50, { spendable: 50 })).toStrictEqual({
      amount: -50,
      qualifyingAmount: 0,
    })
    expect(() => ledgerEffect('redeem', 51, { spendable: 50 })).toThrow(RangeError)
    expect(() => ledgerEffect('redeem', 51, { spendable: 50 })).toThrow(
      'Cannot redeem 51 points: only 50 spendable points are available.',
    )
  })

  it('books a move as a line without points', () => {
    expect(ledgerEffect('move', 0, { spendable: 70 })).toStrictEqual({
      amount: 0,
      qualifyingAmount: 0,
    })
    expect(() => ledgerEffect('move', 5, { spendable: 70 })).toThrow(
      'A move carries no points (got 5).',
    )
  })

  it('refunds points to the spendable balance only', () => {
    expect(ledgerEffect('refund', 40, { spendable: 0 })).toStrictEqual({
      amount: 40,
      qualifyingAmount: 0,
    })
  })

  it('expires spendable points, up to the balance', () => {
    expect(ledgerEffect('expire', 20, { spendable: 20 })).toStrictEqual({
      amount: -20,
      qualifyingAmount: 0,
    })
    expect(() => ledgerEffect('expire', 21, { spendable: 20 })).toThrow(RangeError)
  })

  it('reverses an earn, clamping the spendable part to the balance', () => {
    expect(ledgerEffect('reverse', 100, { spendable: 500 })).toStrictEqual({
      amount: -100,
      qualifyingAmount: -100,
    })
    expect(ledgerEffect('reverse', 100, { spendable: 40 })).toStrictEqual({
      amount: -40,
      qualifyingAmount: -100,
    })
    const nothingLeft = ledgerEffect('reverse', 100, { spendable: 0 })
    expect(nothingLeft).toStrictEqual({ amount: 0, qualifyingAmount: -100 })
    expect(Object.is(nothingLeft.amount, 0)).toBe(true)
  })

  it('adjusts up like an earn and down without going below zero spendable', () => {
    expect(ledgerEffect('adjust', 25, { spendable: 0 })).toStrictEqual({
      amount: 25,
      qualifyingAmount: 25,
    })
    expect(ledgerEffect('adjust', -25, { spendable: 100 })).toStrictEqual({
      amount: -25,
      qualifyingAmount: -25,
    })
    expect(ledgerEffect('adjust', -25, { spendable: 10 })).toStrictEqual({
      amount: -10,
      qualifyingAmount: -25,
    })
  })

  it('rejects points that are not whole and positive', () => {
    expect(() => ledgerEffect('earn', 0, { spendable: 0 })).toThrow(RangeError)
    expect(() => ledgerEffect('earn', -5, { spendable: 0 })).toThrow(RangeError)
    expect(() => ledgerEffect('earn', 1.5, { spendable: 0 })).toThrow(
      'Points of a earn entry must be a whole number of at least 1 (got 1.5).',
    )
    expect(() => ledgerEffect('refund', Number.NaN, { spendable: 0 })).toThrow(RangeError)
    expect(() => ledgerEffect('reverse', -1, { spendable: 10 })).toThrow(RangeError)
  })

  it('rejects adjustments of zero or fractions, and a negative balance', () => {
    expect(() => ledgerEffect('adjust', 0, { spendable: 10 })).toThrow(
      'An adjustment must be a whole, non-zero number of points (got 0).',
    )
    expect(() => ledgerEffect('adjust', -2.5, { spendable: 10 })).toThrow(RangeError)
    expect(() => ledgerEffect('earn', 10, { spendable: -1 })).toThrow(RangeError)
  })
})

describe('applyEffect', () => {
  it('adds the amount to spendable and the qualifying amount to qualifying and lifetime', () => {
    const start = { lifetime: 300, qualifying: 200, spendable: 100 }
    expect(applyEffect(start, { amount: 50, qualifyingAmount: 50 })).toStrictEqual({
      lifetime: 350,
      qualifying: 250,
      spendable: 150,
    })
    expect(applyEffect(start, { amount: -40, qualifyingAmount: -100 })).toStrictEqual({
      lifetime: 200,
      qualifying: 100,
      spendable: 60,
    })
    expect(start).toStrictEqual({ lifetime: 300, qualifying: 200, spendable: 100 })
  })

  it('refuses to take spendable below zero', () => {
    const start = { lifetime: 10, qualifying: 10, spendable: 10 }
    expect(() => applyEffect(start, { amount: -11, qualifyingAmount: 0 })).toThrow(RangeError)
    expect(applyEffect(start, { amount: -10, qualifyingAmount: 0 }).spendable).toBe(0)
  })

  it('refuses fractional amounts', () => {
    const start = { lifetime: 0, qualifying: 0, spendable: 0 }
    expect(() => applyEffect(start, { amount: 1.5, qualifyingAmount: 1.5 })).toThrow(RangeError)
  })
})

describe('qualifyingWindowStart', () => {
  it('goes back whole calendar months in UTC', () => {
    expect(qualifyingWindowStart(new Date('2027-03-15T10:30:00Z'), 12)).toEqual(
      new Date('2026-03-15T10:30:00Z'),
    )
    expect(qualifyingWindowStart(new Date('2027-01-10T00:00:00Z'), 3)).toEqual(
      new Date('2026-10-10T00:00:00Z'),
    )
  })

  it('clamps to the end of a shorter month', () => {
    expect(qualifyingWindowStart(new Date('2027-03-31T08:00:00Z'), 1)).toEqual(
      new Date('2027-02-28T08:00:00Z'),
    )
    expect(qualifyingWindowStart(new Date('2028-03-31T08:00:00Z'), 1)).toEqual(
      new Date('2028-02-29T08:00:00Z'),
    )
  })
})

describe('balancesFromLedger', () => {
  const entries: LedgerEntry[] = [
    { amount: 100, createdAt: '2025-01-10T00:00:00Z', kind: 'earn', qualifyingAmount: 100 },
    { amount: 40, createdAt: new Date('2026-03-01T00:00:00Z'), kind: 'earn', qualifyingAmount: 40 },
    { amount: 50, createdAt: '2026-06-01T00:00:00Z', kind: 'earn', qualifyingAmount: 50 },
    { amount: -80, createdAt: '2026-07-01T00:00:00Z', kind: 'redeem', qualifyingAmount: 0 },
    { amount: -10, createdAt: '2026-08-01T00:00:00Z', kind: 'adjust', qualifyingAmount: -10 },
  ]

  it('sums spendable and lifetime over everything and qualifying inside the window', () => {
    expect(balancesFromLedger(entries, new Date('2027-03-01T00:00:00Z'), 12)).toStrictEqual({
      lifetime: 180,
      qualifying: 80,
      spendable: 100,
    })
  })

  it('moves entries out of the qualifying window as time passes', () => {
    expect(balancesFromLedger(entries, new Date('2027-03-01T00:00:01Z'), 12).qualifying).toBe(40)
    expect(balancesFromLedger(entries, new Date('2028-01-01T00:00:00Z'), 12).qualifying).toBe(0)
    expect(balancesFromLedger(entries, new Date('2027-03-01T00:00:00Z'), 36).qualifying).toBe(180)
  })

  it('gives zero balances for an empty ledger', () => {
    expect(balancesFromLedger([], new Date('2027-03-01T00:00:00Z'), 12)).toStrictEqual({
      lifetime: 0,
      qualifying: 0,
      spendable: 0,
    })
  })

  it('rejects an invalid date', () => {
    const bad: LedgerEntry[] = [
      { amount: 1, createdAt: 'not a date', kind: 'earn', qualifyingAmount: 1 },
    ]
    expect(() => balancesFromLedger(bad, new Date('2027-03-01T00:00:00Z'), 12)).toThrow(RangeError)
  })
})
