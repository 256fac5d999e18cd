import type { ReadingTimeOptions } from './types'

import { clamp, roundHalfUp } from './numbers'

/**
 * Whole seconds left before `minimumSeconds` have passed since `startedAt` (rounded up, so 0.2 s
 * left is 1), never below 0.
 */
export const secondsRemaining = (startedAt: Date, minimumSeconds: number, now: Date): number => {
  const remainingMs = startedAt.getTime() + minimumSeconds * 1000 - now.getTime()
  return Math.max(0, Math.ceil(remainingMs / 1000))
}

/**
 * Minimum time, in seconds, a case study must be open before it counts as read: a share of the
 * time it takes to read it, round(wordCount / wordsPerMinute × 60 × share), limited to
 * [min, max]. Defaults: 230 words per minute, share 0.5, min 15, max 300.
 */
export const readingSeconds = (wordCount: number, options: ReadingTimeOptions = {}): number => {
  const { max = 300, min = 15, share = 0.5, wordsPerMinute = 230 } = options
  if (!Number.isFinite(wordCount) || wordCount < 0) {
    throw new RangeError(`The word count must be at least 0 (got ${wordCount}).`)
  }
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) {
    throw new RangeError(`Words per minute must be above 0 (got ${wordsPerMinute}).`)
  }
  if (!Number.isFinite(share) || share < 0) {
    throw new RangeError(`The share must be at least 0 (got ${share}).`)
  }
  if (min > max) {
    throw new RangeError(`The minimum (${min}) cannot be above the maximum (${max}).`)
  }
  return clamp(roundHalfUp((wordCount * 60 * share) / wordsPerMinute), min, max)
}
