import { describe, expect, it } from 'vitest'

import { readingSeconds, secondsRemaining } from './timing'

const startedAt = new Date('2027-03-01T10:00:00Z')
const after = (ms: number): Date => new Date(startedAt.getTime() + ms)

describe('secondsRemaining', () => {
  it('is the full minimum at the start', () => {
    expect(secondsRemaining(startedAt, 60, startedAt)).toBe(60)
  })

  it('rounds partial seconds up', () => {
    expect(secondsRemaining(startedAt, 60, after(10_500))).toBe(50)
    expect(secondsRemaining(startedAt, 60, after(59_200))).toBe(1)
  })

  it('is 0 once the minimum has passed, never negative', () => {
    expect(secondsRemaining(startedAt, 60, after(60_000))).toBe(0)
    const late = secondsRemaining(startedAt, 60, after(90_400))
    expect(late).toBe(0)
    expect(Object.is(late, 0)).toBe(true)
  })
})

describe('readingSeconds', () => {
  it('asks for half the reading time at 230 words per minute', () => {
    // 1000 / 230 × 60 × 0.5 = 130.4
    expect(readingSeconds(1000)).toBe(130)
    // 1150 / 230 × 60 × 0.5 = 150
    expect(readingSeconds(1150)).toBe(150)
  })

  it('clamps short and long texts to 15 and 300 seconds', () => {
    expect(readingSeconds(50)).toBe(15)
    expect(readingSeconds(0)).toBe(15)
    expect(readingSeconds(5000)).toBe(300)
  })

  it('takes its settings from the options', () => {
    expect(readingSeconds(600, { share: 1, wordsPerMinute: 200 })).toBe(180)
    expect(readingSeconds(600, { min: 200 })).toBe(200)
    expect(readingSeconds(5000, { max: 900 })).toBe(652)
    expect(readingSeconds(10, { min: 0 })).toBe(1)
  })

  it('rejects settings that make no sense', () => {
    expect(() => readingSeconds(-1)).toThrow(RangeError)
    expect(() => readingSeconds(100, { wordsPerMinute: 0 })).toThrow(RangeError)
    expect(() => readingSeconds(100, { share: -0.5 })).toThrow(RangeError)
    expect(() => readingSeconds(100, { max: 10, min: 20 })).toThrow(RangeError)
  })
})
