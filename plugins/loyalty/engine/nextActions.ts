import type { ActionCandidate } from './types'

/**
 * The best things to do next: drops candidates already done (`done` holds keys
 * `${kind}:${id}`) and those worth no points, sorts the rest by points (most first) and then by
 * title (A to Z), and returns the first `limit`. The input is not changed.
 */
export const nextBestActions = <T extends ActionCandidate>(
  candidates: T[],
  done: Set<string>,
  limit: number,
): T[] =>
  candidates
    .filter((candidate) => candidate.points > 0 && !done.has(`${candidate.kind}:${candidate.id}`))
    .sort((a, b) => b.points - a.points || a.title.localeCompare(b.title, 'en-GB'))
    .slice(0, Math.max(0, Math.floor(limit)))
