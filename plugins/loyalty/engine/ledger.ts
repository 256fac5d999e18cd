import type { Balances, EntryKind, LedgerEffect, LedgerEntry } from './types'

import { addMonthsUTC, toDate } from './calendar'
import { assertNonNegativeInteger, assertPositiveInteger } from './numbers'

/** Negates without producing −0 (so that 0 stays 0 in equality checks). */
const negate = (value: number): number => 0 - value

/**
 * What one ledger entry of `kind` for `points` does to the balances (the table in types.ts):
 *
 * - earn p → spendable +p, qualifying +p
 * - redeem p → spendable −p (RangeError when p exceeds the spendable balance)
 * - refund p → spendable +p (returns redeemed points; qualifying unchanged)
 * - expire p → spendable −p (RangeError when p exceeds the spendable balance)
 * - reverse p → spendable −min(p, spendable), qualifying −p (takes back an earn; the part
 *   already spent cannot be taken back from the spendable balance, but qualifying loses it all)
 * - adjust +p → like earn; adjust −p → spendable −min(p, spendable), qualifying −p
 * - move → nothing: a line on the member's statement when they change company (`points` is 0)
 *
 * `points` must be a whole number of at least 1, except for adjust, where it is a non-zero whole
 * number whose sign gives the direction, and for move, where it is 0. `context.spendable` is the balance before the entry.
 */
export const ledgerEffect = (
  kind: EntryKind,
  points: number,
  context: { spendable: number },
): LedgerEffect => {
  const { spendable } = context
  assertNonNegativeInteger(spendable, 'The spendable balance')
  if (kind === 'adjust') {
    if (!Number.isInteger(points) || points === 0) {
      throw new RangeError(
        `An adjustment must be a whole, non-zero number of points (got ${points}).`,
      )
    }
    if (points > 0) return { amount: points, qualifyingAmount: points }
    const taken = negate(points)
    return { amount: negate(Math.min(taken, spendable)), qualifyingAmount: points }
  }
  if (kind === 'move') {
    if (points !== 0) throw new RangeError(`A move carries no points (got ${points}).`)
    return { amount: 0, qualifyingAmount: 0 }
  }
  assertPositiveInteger(points, `Points of a ${kind} entry`)
  switch (kind) {
    case 'earn':
      return { amount: points, qualifyingAmount: points }
    case 'expire':
    case 'redeem':
      if (points > spendable) {
        throw new RangeError(
          `Cannot ${kind} ${points} points: only ${spendable} spendable points are available.`,
        )
      }
      return { amount: negate(points), qualifyingAmount: 0 }
    case 'refund':
      return { amount: points, qualifyingAmount: 0 }
    case 'reverse':
      return { amount: negate(Math.min(points, spendable)), qualifyingAmount: negate(points) }
    default: {
      const unknownKind: never = kind
      throw new RangeError(`Unknown ledger entry kind: ${String(unknownKind)}.`)
    }
  }
}

/**
 * Applies one entry's effect to cached balances: `amount` to spendable, `qualifyingAmount` to
 * qualifying and lifetime. Returns new balances; throws a RangeError when an amount is not a whole
 * number or when spendable would fall below zero.
 */
export const applyEffect = (balances: Balances, effect: LedgerEffect): Balances => {
  if (!Number.isInteger(effect.amount) || !Number.isInteger(effect.qualifyingAmount)) {
    throw new RangeError(
      `Ledger amounts must be whole numbers (got ${effect.amount} and ${effect.qualifyingAmount}).`,
    )
  }
  const spendable = balances.spendable + effect.amount
  if (spendable < 0) {
    throw new RangeError(
      `The spendable balance cannot go below 0 (${balances.spendable} ${effect.amount}).`,
    )
  }
  return {
    lifetime: balances.lifetime + effect.qualifyingAmount,
    qualifying: balances.qualifying + effect.qualifyingAmount,
    spendable,
  }
}

/** Start of the qualifying window: `now` minus `months` calendar months, in UTC. */
export const qualifyingWindowStart = (now: Date, months: number): Date =>
  addMonthsUTC(now, negate(months))

/**
 * Balances recomputed from the ledger; the cached balances must always equal this:
 * spendable = Σ amount, lifetime = Σ qualifyingAmount, qualifying = Σ qualifyingAmount of the
 * entries created at or after qualifyingWindowStart(now, windowMonths). A pure sum: nothing is
 * clamped.
 */
export const balancesFromLedger = (
  entries: LedgerEntry[],
  now: Date,
  windowMonths: number,
): Balances => {
  const windowStart = qualifyingWindowStart(now, windowMonths).getTime()
  let spendable = 0
  let lifetime = 0
  let qualifying = 0
  for (const entry of entries) {
    spendable += entry.amount
    lifetime += entry.qualifyingAmount
    if (toDate(entry.createdAt).getTime() >= windowStart) qualifying += entry.qualifyingAmount
  }
  return { lifetime, qualifying, spendable }
}
