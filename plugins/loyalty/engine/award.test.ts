import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AwardInput, CapPeriod, EarningRule } from './types'

import { capPeriodStart, computeAward } from './award'

const rule = (overrides: Partial<EarningRule> = {}): EarningRule => ({
  caps: [],
  name: 'Course completed',
  organisationSharePercent: null,
  points: 80,
  roleOverrides: [
    { jobRole: 'engineer', points: 120 },
    { jobRole: 'sales', points: 60 },
  ],
  ...overrides,
})

const input = (overrides: Partial<AwardInput> = {}): AwardInput => ({
  alreadyAwarded: { day: 0, month: 0, total: 0, week: 0 },
  jobRole: 'buyer',
  promotions: [],
  rule: rule(),
  tierMultiplier: 1,
  ...overrides,
})

describe('computeAward', () => {
  it('uses the role override for the member job role', () => {
    const engineer = computeAward(input({ jobRole: 'engineer' }))
    expect(engineer.memberPoints).toBe(120)
    expect(engineer.steps).toStrictEqual([{ detail: 'Course completed (engineer)', points: 120 }])
    expect(computeAward(input({ jobRole: 'sales' })).memberPoints).toBe(60)
  })

  it('uses the base points for a role without override', () => {
    const decision = computeAward(input())
    expect(decision).toStrictEqual({
      capped: false,
      memberPoints: 80,
      organisationPoints: 0,
      promotion: null,
      steps: [{ detail: 'Course completed', points: 80 }],
    })
  })

  it('applies a promotion and then the tier multiplier', () => {
    const promotion = { multiplier: 2, name: 'Double points in March' }
    const decision = computeAward(input({ promotions: [promotion], tierMultiplier: 1.25 }), {
      tierName: 'Gold',
    })
    expect(decision.memberPoints).toBe(200)
    expect(decision.promotion).toStrictEqual(promotion)
    expect(decision.steps).toStrictEqual([
      { detail: 'Course completed', points: 80 },
      { detail: 'Double points in March ×2', points: 160 },
      { detail: 'Gold tier ×1.25', points: 200 },
    ])
  })

  it('names the tier step generically without a tier name', () => {
    const decision = computeAward(input({ tierMultiplier: 1.5 }))
    expect(decision.memberPoints).toBe(120)
    expect(decision.steps[1]).toStrictEqual({ detail: 'Tier bonus ×1.5', points: 120 })
  })

  it('rounds half up once, after multiplying', () => {
    const decision = computeAward(
      input({ promotions: [{ multiplier: 1.1, name: 'Spring' }], rule: rule({ points: 45 }) }),
    )
    expect(decision.memberPoints).toBe(50)
    expect(decision.steps).toStrictEqual([
      { detail: 'Course completed', points: 45 },
      { detail: 'Spring ×1.1', points: 49.5 },
      { detail: 'Rounded to whole points', points: 50 },
    ])
  })

  it('rounds the product, not each factor', () => {
    // 15 × 1.1 = 16.5 and × 1.1 again = 18.15 → 18 (rounding 16.5 first would give 17 × 1.1 = 18.7 → 19)
    const decision = computeAward(
      input({
        promotions: [{ multiplier: 1.1, name: 'Spring' }],
        rule: rule({ points: 15 }),
        tierMultiplier: 1.1,
      }),
    )
    expect(decision.memberPoints).toBe(18)
  })

  it('applies only the highest promotion', () => {
    const decision = computeAward(
      input({
        promotions: [
          { multiplier: 1.5, name: 'Spring' },
          { multiplier: 3, name: 'Launch week' },
          { multiplier: 2, name: 'Double points' },
        ],
      }),
    )
    expect(decision.memberPoints).toBe(240)
    expect(decision.promotion?.name).toBe('Launch week')
    expect(decision.steps).toHaveLength(2)
  })

  it('ignores promotions with a multiplier of 1 or less', () => {
    const decision = computeAward(
      input({
        promotions: [
          { multiplier: 0.5, name: 'Broken' },
          { multiplier: 1, name: 'Neutral' },
        ],
      }),
    )
    expect(decision.memberPoints).toBe(80)
    expect(decision.promotion).toBeNull()
    expect(decision.steps).toHaveLength(1)
  })

  it('cuts the award to what a partly used monthly cap allows', () => {
    const decision = computeAward(
      input({
        alreadyAwarded: { day: 0, month: 450, total: 450, week: 0 },
        jobRole: 'engineer',
        rule: rule({ caps: [{ maxPoints: 500, period: 'month' }] }),
      }),
    )
    expect(decision.memberPoints).toBe(50)
    expect(decision.capped).toBe(true)
    expect(decision.steps.at(-1)).toStrictEqual({
      detail: 'Monthly cap of 500 reached',
      points: 50,
    })
  })

  it('gives nothing once the monthly cap is reached or exceeded', () => {
    for (const month of [500, 650]) {
      const decision = computeAward(
        input({
          alreadyAwarded: { day: 0, month, total: month, week: 0 },
          jobRole: 'engineer',
          rule: rule({ caps: [{ maxPoints: 500, period: 'month' }] }),
        }),
      )
      expect(decision.memberPoints).toBe(0)
      expect(decision.capped).toBe(true)
    }
  })

  it('is not capped while under the cap', () => {
    const decision = computeAward(
      input({
        alreadyAwarded: { day: 0, month: 100, total: 100, week: 0 },
        jobRole: 'engineer',
        rule: rule({ caps: [{ maxPoints: 500, period: 'month' }] }),
      }),
    )
    expect(decision.memberPoints).toBe(120)
    expect(decision.capped).toBe(false)
    expect(decision.steps).toHaveLength(1)
  })

  it('applies a total cap', () => {
    const decision = computeAward(
      input({
        alreadyAwarded: { day: 0, month: 0, total: 1950, week: 0 },
        jobRole: 'engineer',
        rule: rule({ caps: [{ maxPoints: 2000, period: 'total' }] }),
      }),
    )
    expect(decision.memberPoints).toBe(50)
    expect(decision.steps.at(-1)).toStrictEqual({
      detail: 'Lifetime cap of 2,000 reached',
      points: 50,
    })
  })

  it('keeps the smallest remaining allowance of several caps', () => {
    const decision = computeAward(
      input({
        alreadyAwarded: { day: 0, month: 430, total: 430, week: 100 },
        jobRole: 'engineer',
        rule: rule({
          caps: [
            { maxPoints: 200, period: 'week' },
            { maxPoints: 500, period: 'month' },
            { maxPoints: 1000, period: 'day' },
          ],
        }),
      }),
    )
    expect(decision.memberPoints).toBe(70)
    expect(decision.steps.map((step) => step.detail)).toStrictEqual([
      'Course completed (engineer)',
      'Weekly cap of 200 reached',
      'Monthly cap of 500 reached',
    ])
  })

  it('shares a percentage with the organisation, rounded half up', () => {
    const decision = computeAward(
      input({ rule: rule({ organisationSharePercent: 25, points: 50 }) }),
    )
    expect(decision.memberPoints).toBe(50)
    expect(decision.organisationPoints).toBe(13)
  })

  it('shares nothing when the rule has no share', () => {
    expect(computeAward(input({ rule: rule({ points: 50 }) })).organisationPoints).toBe(0)
  })

  it('shares a percentage of the capped award', () => {
    const decision = computeAward(
      input({
        alreadyAwarded: { day: 0, month: 460, total: 460, week: 0 },
        rule: rule({ caps: [{ maxPoints: 500, period: 'month' }], organisationSharePercent: 50 }),
      }),
    )
    expect(decision.memberPoints).toBe(40)
    expect(decision.organisationPoints).toBe(20)
  })

  it('never produces negative points', () => {
    const decision = computeAward(input({ rule: rule({ points: -30 }), tierMultiplier: 2 }))
    expect(decision.memberPoints).toBe(0)
  })

  it('rejects a multiplier that is not a finite number', () => {
    expect(() => computeAward(input({ tierMultiplier: Number.NaN }))).toThrow(RangeError)
  })

  it('property: points are whole, never negative, within every cap, organisation ≤ member', () => {
    const period = fc.constantFrom<CapPeriod>('day', 'week', 'month', 'total')
    const role = fc.constantFrom('engineer', 'sales', 'buyer')
    const arbitrary = fc.record({
      alreadyAwarded: fc.record({
        day: fc.integer({ max: 3000, min: 0 }),
        month: fc.integer({ max: 3000, min: 0 }),
        total: fc.integer({ max: 3000, min: 0 }),
        week: fc.integer({ max: 3000, min: 0 }),
      }),
      jobRole: role,
      promotions: fc.array(
        fc.record({
          multiplier: fc.double({ max: 5, min: 0, noDefaultInfinity: true, noNaN: true }),
          name: fc.string({ maxLength: 10 }),
        }),
        { maxLength: 4 },
      ),
      rule: fc.record({
        caps: fc.array(fc.record({ maxPoints: fc.integer({ max: 2000, min: 0 }), period }), {
          maxLength: 4,
        }),
        name: fc.constant('Rule'),
        organisationSharePercent: fc.option(
          fc.double({ max: 100, min: 0, noDefaultInfinity: true, noNaN: true }),
          { nil: null },
        ),
        points: fc.integer({ max: 1000, min: 0 }),
        roleOverrides: fc.array(
          fc.record({ jobRole: role, points: fc.integer({ max: 1000, min: 0 }) }),
          { maxLength: 3 },
        ),
      }),
      tierMultiplier: fc.double({ max: 3, min: 0, noDefaultInfinity: true, noNaN: true }),
    })
    fc.assert(
      fc.property(arbitrary, (awardInput) => {
        const decision = computeAward(awardInput)
        expect(Number.isInteger(decision.memberPoints)).toBe(true)
        expect(decision.memberPoints).toBeGreaterThanOrEqual(0)
        for (const cap of awardInput.rule.caps) {
          const remaining = Math.max(0, cap.maxPoints - awardInput.alreadyAwarded[cap.period])
          expect(decision.memberPoints).toBeLessThanOrEqual(remaining)
        }
        expect(Number.isInteger(decision.organisationPoints)).toBe(true)
        expect(decision.organisationPoints).toBeGreaterThanOrEqual(0)
        expect(decision.organisationPoints).toBeLessThanOrEqual(decision.memberPoints)
        expect(decision.steps.at(-1)?.points).toBe(decision.memberPoints)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('capPeriodStart', () => {
  it('starts the ISO week on the previous Monday for a Sunday', () => {
    expect(capPeriodStart('week', new Date('2027-03-07T15:30:00Z'))).toEqual(
      new Date('2027-03-01T00:00:00Z'),
    )
  })

  it('starts the ISO week on the same day for a Monday', () => {
    expect(capPeriodStart('week', new Date('2027-03-01T23:59:59Z'))).toEqual(
      new Date('2027-03-01T00:00:00Z'),
    )
  })

  it('starts the month on the first at midnight UTC', () => {
    expect(capPeriodStart('month', new Date('2027-03-17T12:00:00Z'))).toEqual(
      new Date('2027-03-01T00:00:00Z'),
    )
  })

  it('starts the day at midnight UTC', () => {
    expect(capPeriodStart('day', new Date('2027-03-17T12:34:56Z'))).toEqual(
      new Date('2027-03-17T00:00:00Z'),
    )
  })

  it('has no start for the total', () => {
    expect(capPeriodStart('total', new Date('2027-03-17T12:00:00Z'))).toBeNull()
  })
})
