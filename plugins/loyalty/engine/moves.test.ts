import { describe, expect, it } from 'vitest'

import type { Tier, TierInput } from './types'

import { decideMove, organisationTierAtMove } from './moves'

const alpha = { active: true, id: 1, name: 'Alpha Installations' }
const beta = { active: true, id: 2, name: 'Beta Distribution' }

describe('decideMove', () => {
  it('moves to another active company, with the line for the statement', () => {
    expect(decideMove(alpha, beta)).toEqual({
      ok: true,
      statementReason: 'Moved from Alpha Installations to Beta Distribution',
    })
  })

  it('lets a member without a company join one', () => {
    expect(decideMove(null, beta)).toEqual({
      ok: true,
      statementReason: 'Joined Beta Distribution',
    })
  })

  it('refuses an unknown company (400), the same company and an inactive one (409)', () => {
    expect(decideMove(alpha, null)).toEqual({
      ok: false,
      refusal: { message: 'There is no such company.', status: 400 },
    })
    // Ids compare as text: 1 and '1' are the same company.
    expect(decideMove(alpha, { ...alpha, id: '1' })).toEqual({
      ok: false,
      refusal: { message: 'The member already belongs to Alpha Installations.', status: 409 },
    })
    expect(decideMove(alpha, { ...beta, active: false })).toEqual({
      ok: false,
      refusal: {
        message: 'Beta Distribution is inactive: members can only move to an active company.',
        status: 409,
      },
    })
  })
})

describe('organisationTierAtMove', () => {
  const bronze: Tier = {
    id: 1,
    multiplier: 1,
    name: 'Bronze',
    qualifyingMonths: 12,
    rank: 1,
    threshold: 0,
  }
  const gold: Tier = {
    id: 3,
    multiplier: 1.25,
    name: 'Gold',
    qualifyingMonths: 12,
    rank: 3,
    threshold: 1500,
  }
  const input = (overrides: Partial<TierInput> = {}): TierInput => ({
    currentTierId: 3,
    graceDays: 30,
    now: new Date('2026-06-01T00:00:00Z'),
    organisationRequirementMet: { '3': true },
    qualifying: 2000,
    tierSince: new Date('2026-01-15T00:00:00Z'),
    tiers: [bronze, gold],
    ...overrides,
  })

  it('keeps Gold until the period and the grace are over when the second engineer leaves, and records it', () => {
    const result = organisationTierAtMove({
      ...input({ organisationRequirementMet: { '3': false } }),
      requirementMetBefore: { '3': true },
    })
    expect(result.apply).toBe(false)
    expect(result.record).toBe(true)
    expect(result.decision).toMatchObject({ change: 'none', tierId: 3 })
    expect(result.decision.reason).toBe(
      'You keep Gold until 14 February 2027: 2,000 qualifying points so far; the organisation requirement for Gold is not met.',
    )
  })

  it('downgrades at once when the period and the grace are already over', () => {
    const result = organisationTierAtMove({
      ...input({
        now: new Date('2027-03-01T00:00:00Z'),
        organisationRequirementMet: { '3': false },
      }),
      requirementMetBefore: { '3': true },
    })
    expect(result).toMatchObject({ apply: true, record: true })
    expect(result.decision).toMatchObject({ change: 'downgrade', tierId: 1 })
  })

  it('upgrades at once when the newcomer completes the requirement', () => {
    const result = organisationTierAtMove({
      ...input({ currentTierId: 1 }),
      requirementMetBefore: { '3': false },
    })
    expect(result).toMatchObject({ apply: true, record: true })
    expect(result.decision).toMatchObject({ change: 'upgrade', tierId: 3 })
  })

  it('records nothing when the move changes nothing for the company', () => {
    expect(
      organisationTierAtMove({ ...input(), requirementMetBefore: { '3': true } }),
    ).toMatchObject({ apply: false, record: false })
    // Already short of the requirement before the move: no new news.
    expect(
      organisationTierAtMove({
        ...input({ organisationRequirementMet: { '3': false } }),
        requirementMetBefore: { '3': false },
      }),
    ).toMatchObject({ apply: false, record: false })
  })
})
