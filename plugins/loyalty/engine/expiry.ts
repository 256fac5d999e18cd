import type { ExpiryForecast, LedgerEntry } from './types'

import { DAY_MS, toDate } from './calendar'

type Lot = { expiresAt: Date; points: number }

type LedgerSummary = {
  /** Points that carry an expiry date, each with that date. */
  lots: Lot[]
  /** Points that have left the balance for good (spent, expired, taken back), net of refunds. */
  outflow: number
  spendable: number
}

const summarise = (entries: LedgerEntry[]): LedgerSummary => {
  const lots: Lot[] = []
  let spent = 0
  let refunded = 0
  let spendable = 0
  for (const entry of entries) {
    spendable += entry.amount
    if (entry.amount < 0) spent -= entry.amount
    if (entry.kind === 'refund') refunded += entry.amount
    const isLot = entry.amount > 0 && (entry.kind === 'earn' || entry.kind === 'adjust')
    if (isLot && entry.expiresAt !== null && entry.expiresAt !== undefined) {
      lots.push({ expiresAt: toDate(entry.expiresAt), points: entry.amount })
    }
  }
  return { lots, outflow: Math.max(0, spent - refunded), spendable }
}

const expirableAt = (summary: LedgerSummary, at: Date): number => {
  let due = 0
  for (const lot of summary.lots) {
    if (lot.expiresAt.getTime() <= at.getTime()) due += lot.points
  }
  return Math.max(0, Math.min(due - summary.outflow, summary.spendable))
}

/**
 * Points that should expire at `now` (the amount of the next 'expire' entry; 0 when none).
 *
 * Points are used first in, first out: every point that left the balance (redeemed, expired,
 * reversed, adjusted away; refunds give points back) is taken from the oldest points, that is
 * those due to expire soonest, so points that never expire are used last. Hence what expires is
 * what is due by now (positive earn/adjust entries with expiresAt ≤ now) minus everything that
 * already left, never below 0 and never more than the spendable balance.
 */
export const pointsToExpire = (entries: LedgerEntry[], now: Date): number =>
  expirableAt(summarise(entries), now)

/**
 * When points will expire over the next `horizonDays` days if nothing else happens: for each
 * distinct expiry date in (now, now + horizonDays], the points that expire at that moment, using
 * the same first-in-first-out rule as pointsToExpire and assuming everything due earlier
 * (including anything overdue at `now`) has expired by then. Dates without points are left out;
 * the list is sorted by date.
 */
export const expirySchedule = (
  entries: LedgerEntry[],
  now: Date,
  horizonDays: number,
): ExpiryForecast[] => {
  if (!Number.isFinite(horizonDays) || horizonDays < 0) {
    throw new RangeError(`The horizon must be a number of days of at least 0 (got ${horizonDays}).`)
  }
  const summary = summarise(entries)
  const start = now.getTime()
  const end = start + horizonDays * DAY_MS
  const times = [...new Set(summary.lots.map((lot) => lot.expiresAt.getTime()))]
    .filter((time) => time > start && time <= end)
    .sort((a, b) => a - b)

  const schedule: ExpiryForecast[] = []
  let expiredBefore = expirableAt(summary, now)
  for (const time of times) {
    const date = new Date(time)
    const cumulative = expirableAt(summary, date)
    if (cumulative > expiredBefore) schedule.push({ date, points: cumulative - expiredBefore })
    expiredBefore = cumulative
  }
  return schedule
}

/** The points of an entry that form a lot (may expire, used first in first out): positive earn and adjust entries. */
export const lotPoints = (entry: { amount: number; kind: string }): number =>
  entry.amount > 0 && (entry.kind === 'earn' || entry.kind === 'adjust') ? entry.amount : 0

/**
 * Points of the balance that are due to expire by a moment, from running totals instead of the
 * ledger: `lots` is every lot point ever booked, `dueBy` the lot points whose expiry is at or
 * before that moment. Same rule as `pointsToExpire`: what is due minus what already left
 * (`lots − spendable`), within [0, spendable].
 */
export const expiringFromTotals = (totals: {
  dueBy: number
  lots: number
  spendable: number
}): number => {
  const outflow = totals.lots - totals.spendable
  return Math.max(0, Math.min(totals.spendable, totals.dueBy - outflow))
}
