import { describe, expect, it } from 'vitest'

import { nextBestActions } from './nextActions'

const candidates = [
  { id: '1', kind: 'course', points: 100, title: 'Wiring basics' },
  { id: '2', kind: 'course', points: 200, title: 'Heat pumps' },
  { id: '3', kind: 'caseStudy', points: 100, title: 'Airport retrofit' },
  { id: '1', kind: 'quiz', points: 150, title: 'Wiring quiz' },
  { id: '4', kind: 'course', points: 0, title: 'Welcome' },
  { id: '5', kind: 'event', points: -10, title: 'Broken' },
]

describe('nextBestActions', () => {
  it('sorts by points and then by title, dropping actions worth nothing', () => {
    expect(nextBestActions(candidates, new Set(), 10).map((c) => c.title)).toStrictEqual([
      'Heat pumps',
      'Wiring quiz',
      'Airport retrofit',
      'Wiring basics',
    ])
  })

  it('drops what is done, matching kind and id together', () => {
    const result = nextBestActions(candidates, new Set(['course:1', 'course:2']), 10)
    expect(result.map((c) => `${c.kind}:${c.id}`)).toStrictEqual(['quiz:1', 'caseStudy:3'])
  })

  it('returns at most the limit and keeps the candidates unchanged', () => {
    const before = candidates.map((c) => c.id)
    const result = nextBestActions(candidates, new Set(), 2)
    expect(result.map((c) => c.title)).toStrictEqual(['Heat pumps', 'Wiring quiz'])
    expect(candidates.map((c) => c.id)).toStrictEqual(before)
    expect(nextBestActions(candidates, new Set(), 0)).toStrictEqual([])
  })

  it('keeps the extra fields of the candidates', () => {
    const [first] = nextBestActions(
      [{ id: 'x', kind: 'course', points: 5, slug: 'x-course', title: 'X' }],
      new Set(),
      1,
    )
    expect(first?.slug).toBe('x-course')
  })
})
