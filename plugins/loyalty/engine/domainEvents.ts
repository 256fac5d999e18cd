/**
 * Which writes are domain events, and what they say: pure functions over the records the
 * services wrote (see `services/domainEvents.ts` for publishing them).
 */

type ID = number | string

/** A written ledger entry, as far as events need it. */
export type WrittenEntry = {
  account: 'member' | 'organisation'
  actor?: null | { relationTo: string; value: ID }
  amount: number
  id: ID
  idempotencyKey: string
  kind: string
  member: ID | null
  organisation: ID | null
  reason: string
  source?: null | { collection: string; id: ID; title?: null | string }
}

export type PointsAwardedData = {
  actor: null | { collection: string; id: ID }
  entry: ID
  kind: 'adjust' | 'earn'
  member: ID
  organisation: ID | null
  organisationPoints: number
  points: number
  reason: string
  source: null | { collection: string; id: ID; title?: null | string }
}

/**
 * `points.awarded` for every member entry that credits points (`earn` or `adjust`, amount
 * above 0), with the organisation's share booked under the same key (`<key>:organisation`).
 * Debits, refunds, reversals, expiry, moves and organisation entries are not awards.
 */
export const pointsAwarded = (entries: WrittenEntry[]): PointsAwardedData[] =>
  entries
    .filter(
      (entry) =>
        entry.account === 'member' &&
        entry.member !== null &&
        (entry.kind === 'earn' || entry.kind === 'adjust') &&
        entry.amount > 0,
    )
    .map((entry) => {
      const share = entries.find(
        (other) =>
          other.account === 'organisation' &&
          other.idempotencyKey === `${entry.idempotencyKey}:organisation`,
      )
      return {
        actor: entry.actor ? { collection: entry.actor.relationTo, id: entry.actor.value } : null,
        entry: entry.id,
        kind: entry.kind as 'adjust' | 'earn',
        member: entry.member as ID,
        organisation: entry.organisation,
        organisationPoints: share?.amount ?? 0,
        points: entry.amount,
        reason: entry.reason,
        source: entry.source
          ? {
              collection: entry.source.collection,
              id: entry.source.id,
              title: entry.source.title ?? null,
            }
          : null,
      }
    })

/**
 * The direction of a recorded tier change, or null when it is not a change of tier (a
 * confirmation, or a record whose tier stays the same).
 */
export const tierDirection = (
  change: string,
  fromTier: ID | null,
  toTier: ID | null,
): 'down' | 'up' | null => {
  if (String(fromTier ?? '') === String(toTier ?? '')) return null
  if (change === 'upgrade') return 'up'
  if (change === 'downgrade') return 'down'
  return null
}
