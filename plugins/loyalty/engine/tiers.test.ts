import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { Tier, TierInput } from './types'

import { evaluateTier, progressToNextTier } from './tiers'

const silver: Tier = {
  id: 1,
  multiplier: 1.1,
  name: 'Silver',
  qualifyingMonths: 12,
  rank: 1,
  threshold: 500,
}
const gold: Tier = {
  id: 2,
  multiplier: 1.25,
  name: 'Gold',
  qualifyingMonths: 12,
  rank: 2,
  threshold: 1500,
}
const platinum: Tier = {
  id: 3,
  multiplier: 1.5,
  name: 'Platinum',
  qualifyingMonths: 12,
  rank: 3,
  threshold: 5000,
}
// Deliberately out of rank order: the engine sorts.
const tiers = [gold, platinum, silver]

const goldSince = new Date('2026-03-01T00:00:00Z')

const tierInput = (overrides: Partial<TierInput> = {}): TierInput => ({
  currentTierId: 2,
  graceDays: 30,
  now: new Date('2027-02-15T00:00:00Z'),
  qualifying: 320,
  tierSince: goldSince,
  tiers,
  ...overrides,
})

describe('evaluateTier', () => {
  it('upgrades immediately when a higher tier is reached', () => {
    const now = new Date('2026-09-10T09:00:00Z')
    expect(
      evaluateTier(tierInput({ currentTierId: 1, now, qualifying: 1540, tierSince: goldSince })),
    ).toStrictEqual({
      change: 'upgrade',
      reason: 'Reached Gold with 1,540 qualifying points.',
      tierId: 2,
      tierSince: now,
    })
  })

  it('upgrades a member without a tier to the highest tier reached', () => {
    const now = new Date('2026-09-10T09:00:00Z')
    const decision = evaluateTier(
      tierInput({ currentTierId: null, now, qualifying: 5200, tierSince: null }),
    )
    expect(decision.change).toBe('upgrade')
    expect(decision.tierId).toBe(3)
    expect(decision.tierSince).toEqual(now)
  })

  it('leaves a member without a tier when no threshold is reached', () => {
    expect(
      evaluateTier(tierInput({ currentTierId: null, qualifying: 100, tierSince: null })),
    ).toStrictEqual({
      change: 'none',
      reason: 'No tier yet: Silver needs 500 qualifying points; you have 100.',
      tierId: null,
      tierSince: null,
    })
  })

  it('matches the current tier id whether it is a number or text', () => {
    const decision = evaluateTier(tierInput({ currentTierId: '2', qualifying: 1600 }))
    expect(decision.change).toBe('none')
    expect(decision.tierId).toBe(2)
  })

  it('refuses a downgrade inside the qualifying period', () => {
    expect(evaluateTier(tierInput())).toStrictEqual({
      change: 'none',
      reason: 'You keep Gold until 31 March 2027: 320 qualifying points so far; Gold needs 1,500.',
      tierId: 2,
      tierSince: goldSince,
    })
  })

  it('refuses a downgrade during the grace days', () => {
    const decision = evaluateTier(tierInput({ now: new Date('2027-03-30T23:59:59.999Z') }))
    expect(decision.change).toBe('none')
    expect(decision.tierId).toBe(2)
    expect(decision.tierSince).toEqual(goldSince)
  })

  it('downgrades once the period and the grace days have passed', () => {
    const now = new Date('2027-03-31T00:00:00Z')
    expect(evaluateTier(tierInput({ now, qualifying: 620 }))).toStrictEqual({
      change: 'downgrade',
      reason:
        'Silver from 31 March 2027: 620 qualifying points in the last 12 months; Gold needs 1,500.',
      tierId: 1,
      tierSince: now,
    })
  })

  it('downgrades to no tier when no threshold is reached', () => {
    const now = new Date('2027-04-05T00:00:00Z')
    expect(evaluateTier(tierInput({ now }))).toStrictEqual({
      change: 'downgrade',
      reason:
        'No tier from 5 April 2027: 320 qualifying points in the last 12 months; Gold needs 1,500.',
      tierId: null,
      tierSince: now,
    })
  })

  it('never downgrades without a recorded start of the period', () => {
    const decision = evaluateTier(
      tierInput({ now: new Date('2030-01-01T00:00:00Z'), tierSince: null }),
    )
    expect(decision.change).toBe('none')
    expect(decision.tierId).toBe(2)
    expect(decision.tierSince).toBeNull()
  })

  it('keeps the tier and its period while it is still met', () => {
    expect(evaluateTier(tierInput({ qualifying: 1600 }))).toStrictEqual({
      change: 'none',
      reason: 'Gold with 1,600 qualifying points.',
      tierId: 2,
      tierSince: goldSince,
    })
  })

  it('confirms the tier for a new period once the old one and the grace are over', () => {
    const now = new Date('2027-04-02T00:00:00Z')
    expect(evaluateTier(tierInput({ now, qualifying: 1600 }))).toStrictEqual({
      change: 'none',
      reason: 'Gold confirmed for another 12 months.',
      tierId: 2,
      tierSince: now,
    })
  })

  it('does not give a tier whose organisation requirement is unmet', () => {
    const decision = evaluateTier(
      tierInput({
        currentTierId: null,
        organisationRequirementMet: { '2': false, '3': true },
        qualifying: 2000,
        tierSince: null,
      }),
    )
    expect(decision.change).toBe('upgrade')
    expect(decision.tierId).toBe(1)
  })

  it('explains a downgrade caused by an unmet organisation requirement', () => {
    const now = new Date('2027-04-01T00:00:00Z')
    const decision = evaluateTier(
      tierInput({ now, organisationRequirementMet: { '2': false }, qualifying: 2000 }),
    )
    expect(decision).toStrictEqual({
      change: 'downgrade',
      reason:
        'Silver from 1 April 2027: 2,000 qualifying points in the last 12 months; the organisation requirement for Gold is not met.',
      tierId: 1,
      tierSince: now,
    })
  })

  it('drops a tier that no longer exists', () => {
    const now = new Date('2027-01-01T00:00:00Z')
    const decision = evaluateTier(tierInput({ currentTierId: 99, now, qualifying: 100 }))
    expect(decision).toStrictEqual({
      change: 'downgrade',
      reason: 'Your tier is no longer offered by the club.',
      tierId: null,
      tierSince: now,
    })
  })

  it('property: never downgrades before tierSince + qualifying months + grace days', () => {
    const DAY_MS = 86_400_000
    // Independent month arithmetic: the same calendar day, clamped to the end of a short month.
    const periodEnd = (since: Date, months: number): Date => {
      const monthIndex = since.getUTCMonth() + months
      const year = since.getUTCFullYear() + Math.floor(monthIndex / 12)
      const month = monthIndex % 12
      const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
      return new Date(
        Date.UTC(
          year,
          month,
          Math.min(since.getUTCDate(), daysInMonth),
          since.getUTCHours(),
          since.getUTCMinutes(),
          since.getUTCSeconds(),
          since.getUTCMilliseconds(),
        ),
      )
    }
    const date = fc.date({
      max: new Date('2035-12-31T23:59:59Z'),
      min: new Date('2020-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    const arbitrary = fc
      .array(
        fc.record({
          gap: fc.integer({ max: 3000, min: 0 }),
          qualifyingMonths: fc.integer({ max: 36, min: 1 }),
        }),
        { maxLength: 5, minLength: 1 },
      )
      .chain((specs) => {
        let threshold = 0
        const generated: Tier[] = specs.map((spec, index) => {
          threshold += spec.gap
          return {
            id: index + 1,
            multiplier: 1,
            name: `Tier ${index + 1}`,
            qualifyingMonths: spec.qualifyingMonths,
            rank: index + 1,
            threshold,
          }
        })
        return fc.record({
          currentTierId: fc.option(fc.integer({ max: generated.length, min: 1 }), { nil: null }),
          graceDays: fc.integer({ max: 120, min: 0 }),
          now: date,
          organisationRequirementMet: fc.option(
            fc.dictionary(
              fc.constantFrom(...generated.map((tier) => String(tier.id))),
              fc.boolean(),
            ),
            { nil: undefined },
          ),
          qualifying: fc.integer({ max: 20000, min: 0 }),
          tierSince: fc.option(date, { nil: null }),
          tiers: fc.shuffledSubarray(generated, {
            maxLength: generated.length,
            minLength: generated.length,
          }),
        })
      })
    fc.assert(
      fc.property(arbitrary, (input) => {
        const decision = evaluateTier(input)
        const current = input.tiers.find((tier) => tier.id === input.currentTierId) ?? null
        if (decision.change === 'downgrade') {
          expect(current).not.toBeNull()
          expect(input.tierSince).not.toBeNull()
          if (current !== null && input.tierSince !== null) {
            const earliest =
              periodEnd(input.tierSince, current.qualifyingMonths).getTime() +
              input.graceDays * DAY_MS
            expect(input.now.getTime()).toBeGreaterThanOrEqual(earliest)
          }
          const next = input.tiers.find((tier) => tier.id === decision.tierId)
          expect(next === undefined || (current !== null && next.rank < current.rank)).toBe(true)
        }
        if (decision.change === 'upgrade') {
          const next = input.tiers.find((tier) => tier.id === decision.tierId)
          expect(next).toBeDefined()
          expect(current === null || (next !== undefined && next.rank > current.rank)).toBe(true)
          expect(decision.tierSince).toEqual(input.now)
        }
        if (decision.change === 'none') expect(decision.tierId).toBe(current?.id ?? null)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('progressToNextTier', () => {
  it('measures progress from the current threshold to the next one', () => {
    expect(progressToNextTier(tiers, 1, 1380)).toStrictEqual({
      nextTier: gold,
      percent: 88,
      pointsNeeded: 120,
    })
  })

  it('reports the top tier as complete', () => {
    expect(progressToNextTier(tiers, 3, 6000)).toStrictEqual({
      nextTier: null,
      percent: 100,
      pointsNeeded: 0,
    })
  })

  it('starts at zero without a tier', () => {
    expect(progressToNextTier(tiers, null, 300)).toStrictEqual({
      nextTier: silver,
      percent: 60,
      pointsNeeded: 200,
    })
  })

  it('without a tier, starts from the highest threshold already reached', () => {
    expect(progressToNextTier(tiers, null, 600)).toStrictEqual({
      nextTier: gold,
      percent: 10,
      pointsNeeded: 900,
    })
  })

  it('shows 100 % when the next threshold is reached but the upgrade is pending', () => {
    expect(progressToNextTier(tiers, 1, 1600)).toStrictEqual({
      nextTier: gold,
      percent: 100,
      pointsNeeded: 0,
    })
  })

  it('shows 0 % when below the current threshold', () => {
    expect(progressToNextTier(tiers, 2, 1000)).toStrictEqual({
      nextTier: platinum,
      percent: 0,
      pointsNeeded: 4000,
    })
  })

  it('rounds progress down so it never shows 100 % too early', () => {
    expect(progressToNextTier(tiers, 1, 1499).percent).toBe(99)
  })

  it('has nothing to reach without tiers', () => {
    expect(progressToNextTier([], null, 100)).toStrictEqual({
      nextTier: null,
      percent: 100,
      pointsNeeded: 0,
    })
  })
})
