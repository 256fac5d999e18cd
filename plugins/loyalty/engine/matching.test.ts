import { describe, expect, it } from 'vitest'

import { matchingPromotions, ruleSpecificity, selectRule } from './matching'

const now = new Date('2026-03-15T12:00:00Z')
const course = { collection: 'courses', id: 7, tags: ['AeroTherm 12'] }

describe('selectRule', () => {
  const rules = [
    { id: 1, name: 'any' },
    { filter: { collection: 'courses' }, id: 2, name: 'courses' },
    { filter: { tag: 'AeroTherm 12' }, id: 3, name: 'tag' },
    { filter: { collection: 'courses', documentId: '7' }, id: 4, name: 'doc' },
    { filter: { collection: 'courses', documentId: '8' }, id: 5, name: 'other doc' },
  ]

  it('picks the most specific matching rule: document, then tag, then collection, then any', () => {
    expect(selectRule(rules, course, now)?.id).toBe(4)
    expect(selectRule(rules.slice(0, 3), course, now)?.id).toBe(3)
    expect(selectRule(rules.slice(0, 2), course, now)?.id).toBe(2)
    expect(selectRule(rules.slice(0, 1), course, now)?.id).toBe(1)
    expect(selectRule([rules[4]], course, now)).toBeNull()
  })

  it('ignores disabled rules and rules outside their active window', () => {
    const candidates = [
      { enabled: false, filter: { documentId: '7' }, id: 10 },
      { activeUntil: '2026-03-01T00:00:00Z', filter: { tag: 'AeroTherm 12' }, id: 11 },
      { activeFrom: '2026-04-01T00:00:00Z', filter: { collection: 'courses' }, id: 12 },
      { id: 13 },
    ]
    expect(selectRule(candidates, course, now)?.id).toBe(13)
  })

  it('does not match a rule filtered to another collection', () => {
    expect(ruleSpecificity({ filter: { collection: 'events' }, id: 1 }, course)).toBe(-1)
  })
})

describe('matchingPromotions', () => {
  const base = {
    endsAt: '2026-03-31T23:59:59Z',
    multiplier: 2,
    startsAt: '2026-03-01T00:00:00Z',
  }
  it('matches by target and window', () => {
    const found = matchingPromotions(
      [
        { ...base, id: 1, name: 'All of March', target: 'all' },
        { ...base, id: 2, name: 'AeroTherm', tag: 'AeroTherm 12', target: 'tag' },
        {
          ...base,
          collection: 'courses',
          documentId: '7',
          id: 3,
          name: 'This course',
          target: 'document',
        },
        { ...base, documentId: '8', id: 4, name: 'Other course', target: 'document' },
        { ...base, id: 5, jobRole: 'engineer', name: 'Engineers', target: 'jobRole' },
        { ...base, id: 6, jobRole: 'sales', name: 'Sales', target: 'jobRole' },
        { ...base, enabled: false, id: 7, name: 'Off', target: 'all' },
        { ...base, endsAt: '2026-03-10T00:00:00Z', id: 8, name: 'Over', target: 'all' },
      ],
      course,
      'engineer',
      now,
    )
    expect(found.map((promotion) => promotion.name)).toEqual([
      'All of March',
      'AeroTherm',
      'This course',
      'Engineers',
    ])
  })
})
