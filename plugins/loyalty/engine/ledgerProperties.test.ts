import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { Balances, LedgerEntry } from './types'

import { expiringFromTotals, expirySchedule, lotPoints, pointsToExpire } from './expiry'
import { applyEffect, balancesFromLedger, ledgerEffect } from './ledger'

const DAY_MS = 86_400_000
const START = Date.parse('2026-01-01T00:00:00Z')
const HUGE_WINDOW_MONTHS = 100_000

type Operation =
  | { expiresInDays: null | number; points: number; type: 'earn' }
  | { pick: number; type: 'refund' }
  | { pick: number; type: 'reverse' }
  | { points: number; type: 'adjust' }
  | { points: number; type: 'redeem' }
  | { type: 'expire' }

const points = fc.integer({ max: 1000, min: 1 })

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    expiresInDays: fc.option(fc.integer({ max: 400, min: 0 }), { nil: null }),
    points,
    type: fc.constant('earn' as const),
  }),
  fc.record({ points, type: fc.constant('redeem' as const) }),
  fc.record({ type: fc.constant('expire' as const) }),
  fc.record({ pick: fc.nat(), type: fc.constant('reverse' as const) }),
  fc.record({
    points: fc.integer({ max: 500, min: -500 }).filter((value) => value !== 0),
    type: fc.constant('adjust' as const),
  }),
  fc.record({ pick: fc.nat(), type: fc.constant('refund' as const) }),
)

type Simulation = { balances: Balances; end: Date; entries: LedgerEntry[] }

/**
 * Plays the operations one a day from 1 January 2026, writing entries through ledgerEffect and
 * caching balances through applyEffect, as the plugin does. `check` runs after every entry.
 */
const simulate = (
  operations: Operation[],
  check: (simulation: Simulation) => void = () => undefined,
): Simulation => {
  const entries: LedgerEntry[] = []
  const earns: { points: number; reversed: boolean }[] = []
  const redeems: { points: number; refunded: boolean }[] = []
  let balances: Balances = { lifetime: 0, qualifying: 0, spendable: 0 }
  let day = 0
  for (const op of operations) {
    day += 1
    const at = new Date(START + day * DAY_MS)
    const { spendable } = balances
    let entry: LedgerEntry | null = null
    if (op.type === 'earn') {
      const expiresAt =
        op.expiresInDays === null ? null : new Date(at.getTime() + op.expiresInDays * DAY_MS)
      earns.push({ points: op.points, reversed: false })
      entry = {
        ...ledgerEffect('earn', op.points, { spendable }),
        createdAt: at,
        expiresAt,
        kind: 'earn',
      }
    } else if (op.type === 'redeem') {
      if (spendable > 0) {
        const redeemed = Math.min(op.points, spendable)
        redeems.push({ points: redeemed, refunded: false })
        entry = {
          ...ledgerEffect('redeem', redeemed, { spendable }),
          createdAt: at,
          kind: 'redeem',
        }
      }
    } else if (op.type === 'expire') {
      const due = pointsToExpire(entries, at)
      if (due > 0)
        entry = { ...ledgerEffect('expire', due, { spendable }), createdAt: at, kind: 'expire' }
    } else if (op.type === 'reverse') {
      const open = earns.filter((candidate) => !candidate.reversed)
      const target = open[op.pick % Math.max(1, open.length)]
      if (target) {
        target.reversed = true
        entry = {
          ...ledgerEffect('reverse', target.points, { spendable }),
          createdAt: at,
          kind: 'reverse',
        }
      }
    } else if (op.type === 'refund') {
      const open = redeems.filter((candidate) => !candidate.refunded)
      const target = open[op.pick % Math.max(1, open.length)]
      if (target) {
        target.refunded = true
        entry = {
          ...ledgerEffect('refund', target.points, { spendable }),
          createdAt: at,
          kind: 'refund',
        }
      }
    } else {
      const expiresAt = op.points > 0 ? new Date(at.getTime() + 180 * DAY_MS) : null
      entry = {
        ...ledgerEffect('adjust', op.points, { spendable }),
        createdAt: at,
        expiresAt,
        kind: 'adjust',
      }
    }
    if (entry !== null) {
      balances = applyEffect(balances, entry)
      entries.push(entry)
      check({ balances, end: at, entries })
    }
  }
  return { balances, end: new Date(START + (day + 1) * DAY_MS), entries }
}

const sum = (entries: LedgerEntry[]): number =>
  entries.reduce((total, entry) => total + entry.amount, 0)

describe('ledger properties', () => {
  it('cached balances always equal the balances recomputed from the ledger', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        simulate(operations, ({ balances, end, entries }) => {
          expect(balances.spendable).toBeGreaterThanOrEqual(0)
          expect(balances).toStrictEqual(balancesFromLedger(entries, end, HUGE_WINDOW_MONTHS))
        })
      }),
      { numRuns: 500 },
    )
  })

  it('pointsToExpire stays within the balance, and expiring it leaves nothing due', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 60 }),
        fc.integer({ max: 800, min: 0 }),
        (operations, offsetDays) => {
          const { entries } = simulate(operations)
          const now = new Date(START + offsetDays * DAY_MS)
          const spendable = sum(entries)
          const due = pointsToExpire(entries, now)
          expect(Number.isInteger(due)).toBe(true)
          expect(due).toBeGreaterThanOrEqual(0)
          expect(due).toBeLessThanOrEqual(spendable)
          const after =
            due > 0
              ? [
                  ...entries,
                  {
                    ...ledgerEffect('expire', due, { spendable }),
                    createdAt: now,
                    kind: 'expire' as const,
                  },
                ]
              : entries
          expect(pointsToExpire(after, now)).toBe(0)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('expirySchedule matches expiring step by step at each scheduled date', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 60 }),
        fc.integer({ max: 400, min: 1 }),
        (operations, horizonDays) => {
          const { end, entries } = simulate(operations)
          const schedule = expirySchedule(entries, end, horizonDays)
          const ledger = [...entries]
          const overdue = pointsToExpire(ledger, end)
          if (overdue > 0) {
            ledger.push({ amount: -overdue, createdAt: end, kind: 'expire', qualifyingAmount: 0 })
          }
          let previous = end.getTime()
          for (const { date, points: expiring } of schedule) {
            expect(date.getTime()).toBeGreaterThan(previous)
            expect(date.getTime()).toBeLessThanOrEqual(end.getTime() + horizonDays * DAY_MS)
            expect(expiring).toBeGreaterThan(0)
            expect(pointsToExpire(ledger, new Date(date.getTime() - 1))).toBe(0)
            expect(pointsToExpire(ledger, date)).toBe(expiring)
            ledger.push({ amount: -expiring, createdAt: date, kind: 'expire', qualifyingAmount: 0 })
            previous = date.getTime()
          }
          expect(sum(ledger)).toBeGreaterThanOrEqual(0)
          expect(pointsToExpire(ledger, new Date(end.getTime() + horizonDays * DAY_MS))).toBe(0)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('expiringFromTotals (running totals, no ledger) equals pointsToExpire (whole ledger)', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 60 }),
        fc.integer({ max: 500, min: -100 }),
        (operations, offsetDays) => {
          const { balances, end, entries } = simulate(operations)
          const at = new Date(end.getTime() + offsetDays * DAY_MS)
          const lotsOf = (list: LedgerEntry[]) =>
            list.reduce((total, entry) => total + lotPoints(entry), 0)
          const dueBy = lotsOf(
            entries.filter(
              (entry) => entry.expiresAt && new Date(entry.expiresAt).getTime() <= at.getTime(),
            ),
          )
          expect(
            expiringFromTotals({ dueBy, lots: lotsOf(entries), spendable: balances.spendable }),
          ).toBe(pointsToExpire(entries, at))
        },
      ),
      { numRuns: 500 },
    )
  })
})
