import type { Payload, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { type SQL, sql } from 'drizzle-orm'
import { createLocalReq } from 'payload'

import type { PointsAwardedData } from '../engine/domainEvents'
import type { ResolvedLoyaltyOptions } from '../types'

import { sqlAccess } from './sqlDatabase'
import { webhookSubscriber } from './webhooks'

type ID = number | string

/** A document of another collection, as events name it. */
export type DocumentRef = { collection: string; id: ID; title?: null | string }

/** A tier as events name it. */
export type TierRef = { id: ID; name: string }

/** Who did something: a member, a staff user, or nobody (the system). */
export type ActorRef = null | { collection: string; id: ID }

/** The data of each domain event of the loyalty plugin, by event type. */
export type LoyaltyEventData = {
  /** Points were credited to a member: a positive `earn` or `adjust` ledger entry was written. */
  'points.awarded': PointsAwardedData
  /** A member or an organisation moved up or down a tier (recorded in `loyalty-tier-changes`). */
  'tier.changed': {
    account: 'member' | 'organisation'
    direction: 'down' | 'up'
    from: null | TierRef
    member: ID | null
    organisation: ID | null
    reason: string
    to: null | TierRef
  }
  /** A member redeemed a reward; `status` is `requested` (waits for a manager) or `approved`. */
  'redemption.requested': {
    member: ID
    organisation: ID | null
    points: number
    redemption: ID
    reward: DocumentRef
    status: 'approved' | 'requested'
  }
  /** A redemption was approved, rejected (refunded), fulfilled or cancelled (refunded). */
  'redemption.decided': {
    decidedBy: ActorRef
    member: ID
    notes: null | string
    organisation: ID | null
    points: number
    previousStatus: 'approved' | 'requested'
    redemption: ID
    reward: DocumentRef
    status: 'approved' | 'cancelled' | 'fulfilled' | 'rejected'
  }
  /** A member attended an event (checked in, or marked by staff); once per member and event. */
  'event.attended': {
    attendedAt: string
    event: DocumentRef
    member: ID
    organisation: ID | null
    /** Points the attendance earned (0 without an earning rule). */
    points: number
    recordedBy: ActorRef
  }
  /** A member completed a course (every lesson, and the quiz when it has one); once. */
  'course.completed': {
    certificateCode: null | string
    completedAt: string
    course: DocumentRef
    member: ID
    organisation: ID | null
  }
}

export type LoyaltyEventType = keyof LoyaltyEventData

/** A domain event of the loyalty plugin, as its publisher describes it. */
export type LoyaltyEvent = {
  [Type in LoyaltyEventType]: { data: LoyaltyEventData[Type]; type: Type }
}[LoyaltyEventType]

/** An event as subscribers receive it: with its own id (a UUID) and the moment it happened. */
export type PublishedLoyaltyEvent = LoyaltyEvent & { createdAt: string; id: string }

/** Where the publisher's writes are, so that a subscriber can write in the same transaction. */
export type LoyaltyEventContext = {
  /**
   * A request bound to `transactionID`, for Local API calls and `payload.jobs.queue` (made on
   * first use; the caller's own request when it passed one).
   */
  req: () => Promise<PayloadRequest>
  /**
   * The transaction the events' writes ran in and that is not committed yet, or null when they
   * are already committed (then a subscriber's writes are its own).
   */
  transactionID: null | number | string
}

/**
 * A consumer of the domain events. `handle` should only record or queue work (a delivery, an
 * e-mail job), not do it: it runs on the request that caused the event. Anything it throws is
 * logged and does not reach the caller; its writes inside the caller's transaction are undone
 * (a savepoint) without spoiling the caller's own.
 */
export type LoyaltyEventSubscriber = {
  handle: (
    payload: Payload,
    events: PublishedLoyaltyEvent[],
    context: LoyaltyEventContext,
  ) => Promise<void>
  /** For the logs. */
  name: string
}

/** The subscribers: the built-in webhooks first, then the app's (`eventSubscribers` option). */
const subscribersOf = (options: ResolvedLoyaltyOptions): LoyaltyEventSubscriber[] => [
  webhookSubscriber,
  ...options.eventSubscribers,
]

const requestIn = async (
  payload: Payload,
  transactionID: null | number | string,
): Promise<PayloadRequest> => {
  const req = await createLocalReq({}, payload)
  if (transactionID !== null) req.transactionID = transactionID
  return req
}

/**
 * Runs `work` in a savepoint of the caller's open transaction, so that a subscriber that fails
 * part-way leaves nothing behind and the caller's own writes still commit. PostgreSQL would
 * otherwise refuse every later statement of the transaction, its commit included; SQLite
 * would keep the failed subscriber's first writes.
 */
const inSavepoint = async (
  payload: Payload,
  transactionID: null | number | string,
  work: () => Promise<void>,
): Promise<void> => {
  if (transactionID === null) return work()
  const db = sqlAccess(payload, transactionID)?.db as unknown as
    | undefined
    | { execute?: (query: SQL) => Promise<unknown>; run?: (query: SQL) => Promise<unknown> }
  const run = payload.db.name === 'postgres' ? db?.execute?.bind(db) : db?.run?.bind(db)
  if (!run) return work()
  await run(sql`savepoint loyalty_events`)
  try {
    await work()
    await run(sql`release savepoint loyalty_events`)
  } catch (error) {
    await run(sql`rollback to savepoint loyalty_events`)
    throw error
  }
}

/**
 * Publishes domain events to every subscriber (webhooks, and what the app adds). Never throws
 * into the caller: a failing subscriber is logged and the others still run. Cheap when nobody
 * subscribes (the webhooks read the active webhooks from a per-process cache).
 *
 * `within` is where the events' writes are: the caller's request, or `{ transactionID }`,
 * while that transaction is still open. Subscribers then write in the same transaction (an
 * outbox: a rolled-back write publishes nothing, a committed one loses nothing). Without it the
 * writes are already committed; a crash between the commit and this call loses the events.
 */
export const publishLoyaltyEvents = async (
  payload: Payload,
  events: LoyaltyEvent[],
  within?: PayloadRequest | { transactionID: null | number | string },
): Promise<void> => {
  if (events.length === 0) return
  try {
    const options = (payload.config.custom as { loyalty?: ResolvedLoyaltyOptions } | undefined)
      ?.loyalty
    if (!options || options.disabled) return
    const createdAt = new Date().toISOString()
    const published = events.map(
      (event) => ({ ...event, createdAt, id: randomUUID() }) as PublishedLoyaltyEvent,
    )
    const transactionID = (await within?.transactionID) ?? null
    let req: Promise<PayloadRequest> | undefined
    const context: LoyaltyEventContext = {
      req: () => {
        req ??=
          within && 'payload' in within
            ? Promise.resolve(within)
            : requestIn(payload, transactionID)
        return req
      },
      transactionID,
    }
    for (const subscriber of subscribersOf(options)) {
      try {
        await inSavepoint(payload, transactionID, () =>
          subscriber.handle(payload, published, context),
        )
      } catch (error) {
        payload.logger.error(
          { err: error, events: published.map((event) => event.type) },
          `loyalty: the "${subscriber.name}" subscriber failed; these events are lost to it`,
        )
      }
    }
  } catch (error) {
    payload.logger.error({ err: error }, 'loyalty: could not publish domain events')
  }
}
