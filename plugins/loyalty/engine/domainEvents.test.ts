import { describe, expect, it } from 'vitest'

import { type WrittenEntry, pointsAwarded, tierDirection } from './domainEvents'

const entry = (extra: Partial<WrittenEntry>): WrittenEntry => ({
  account: 'member',
  amount: 10,
  id: 1,
  idempotencyKey: 'k',
  kind: 'earn',
  member: 7,
  organisation: 3,
  reason: 'Course completed: Heat pumps',
  ...extra,
})

describe('pointsAwarded', () => {
  it('is one event per credited member entry, with the organisation share under its key', () => {
    expect(
      pointsAwarded([
        entry({
          actor: { relationTo: 'members', value: 7 },
          source: { collection: 'courses', id: 5, title: 'Heat pumps' },
        }),
        entry({ account: 'organisation', amount: 4, id: 2, idempotencyKey: 'k:organisation' }),
      ]),
    ).toEqual([
      {
        actor: { collection: 'members', id: 7 },
        entry: 1,
        kind: 'earn',
        member: 7,
        organisation: 3,
        organisationPoints: 4,
        points: 10,
        reason: 'Course completed: Heat pumps',
        source: { collection: 'courses', id: 5, title: 'Heat pumps' },
      },
    ])
  })

  it('counts positive adjustments, not debits, refunds, reversals, expiry, moves or zero', () => {
    const events = pointsAwarded([
      entry({ id: 1, kind: 'adjust' }),
      entry({ amount: -5, id: 2, kind: 'adjust' }),
      entry({ amount: 0, id: 3, kind: 'earn' }),
      entry({ amount: -5, id: 4, kind: 'redeem' }),
      entry({ id: 5, kind: 'refund' }),
      entry({ amount: -5, id: 6, kind: 'reverse' }),
      entry({ amount: -5, id: 7, kind: 'expire' }),
      entry({ amount: 0, id: 8, kind: 'move' }),
      entry({ account: 'organisation', id: 9, member: null }),
    ])
    expect(events.map((event) => [event.entry, event.kind, event.organisationPoints])).toEqual([
      [1, 'adjust', 0],
    ])
  })
})

describe('tierDirection', () => {
  it('is up or down only when the tier changes', () => {
    expect(tierDirection('upgrade', null, 2)).toBe('up')
    expect(tierDirection('downgrade', 2, 1)).toBe('down')
    expect(tierDirection('downgrade', 2, null)).toBe('down')
    expect(tierDirection('none', 2, 2)).toBeNull()
    expect(tierDirection('upgrade', 2, 2)).toBeNull()
  })
})
