import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

type Entry = { expires: number; value: Promise<unknown> }

const caches = new WeakMap<Payload, Map<string, Entry>>()

/** How long reference data (tiers, rules, promotions) is reused between database reads. */
export const referenceDataTtlMs = Number(process.env.LOYALTY_CACHE_TTL_MS ?? 5000)

/**
 * Reuses the result of `load` for `ttlMs` per Payload instance (concurrent callers share one
 * load). Used for the small, rarely edited reference data every award reads, and for results
 * that may be a little stale (the leaderboard). Edits through Payload clear the entry at once
 * (see `clearOnChange`). Another server process sees an edit within `ttlMs`.
 */
export const cached = <T>(
  payload: Payload,
  key: string,
  load: () => Promise<T>,
  ttlMs: number = referenceDataTtlMs,
): Promise<T> => {
  if (ttlMs <= 0) return load()
  let cache = caches.get(payload)
  if (!cache) {
    cache = new Map()
    caches.set(payload, cache)
  }
  const now = Date.now()
  const hit = cache.get(key)
  if (hit && hit.expires > now) return hit.value as Promise<T>
  const value = load()
  cache.set(key, { expires: now + ttlMs, value })
  value.catch(() => cache?.delete(key))
  return value
}

/** Clears every cached entry whose key starts with `prefix`. */
export const clearCached = (payload: Payload, prefix: string): void => {
  const cache = caches.get(payload)
  if (!cache) return
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key)
}

/** Collection hooks that clear the cache entries of a collection when it changes. */
export const clearOnChange = (
  prefix: string,
): { afterChange: CollectionAfterChangeHook[]; afterDelete: CollectionAfterDeleteHook[] } => ({
  afterChange: [
    ({ doc, req }) => {
      clearCached(req.payload, prefix)
      return doc
    },
  ],
  afterDelete: [
    ({ doc, req }) => {
      clearCached(req.payload, prefix)
      return doc
    },
  ],
})
