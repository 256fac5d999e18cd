import type { Payload, PayloadRequest, Where } from 'payload'

import { randomUUID } from 'node:crypto'

import { createLocalReq } from 'payload'

import type { AttemptOutcome, DeliveryStatus, WebhookEnvelope } from '../engine/webhooks'
import type { ResolvedLoyaltyOptions } from '../types'
import type { LoyaltyEventSubscriber } from './domainEvents'

import { DAY_MS } from '../engine/calendar'
import {
  attemptOutcome,
  signatureHeader,
  webhookBody,
  webhookTestEventType,
} from '../engine/webhooks'
import { loyaltySlugs } from '../types'
import { relationId } from '../utilities/ids'
import { cached } from './cache'
import { loyaltyQueue } from './staleJobs'
import { postWebhook } from './webhookSender'

type ID = number | string

/** The task that delivers one webhook delivery (see `jobs/deliverWebhook.ts`). */
export const deliverWebhookTaskSlug = 'loyaltyDeliverWebhook' as const

/** Cache entries of the webhooks, cleared when a webhook changes. */
export const webhooksCacheKey = 'loyalty-webhooks:'

export type WebhookDoc = {
  active?: boolean | null
  events?: null | string[]
  id: ID
  secret?: null | string
  url: string
}

export type DeliveryDoc = {
  attempts?: null | number
  body: string
  deliveredAt?: null | string
  eventId: string
  eventType: string
  id: ID
  maxAttempts?: null | number
  status: DeliveryStatus
  webhook?: ID | null | { id: ID }
}

const optionsOf = (payload: Payload): ResolvedLoyaltyOptions => {
  const options = (payload.config.custom as { loyalty?: ResolvedLoyaltyOptions } | undefined)
    ?.loyalty
  if (!options) throw new Error('The loyalty plugin is not part of this Payload config.')
  return options
}

/** The active webhooks and their events, per process for a few seconds (cleared on change). */
const activeWebhooks = (payload: Payload): Promise<{ events: string[]; id: ID }[]> =>
  cached(payload, `${webhooksCacheKey}active`, async () => {
    const { docs } = await payload.find({
      collection: loyaltySlugs.webhooks,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { events: true },
      where: { active: { equals: true } },
    })
    return (docs as unknown as WebhookDoc[]).map((doc) => ({
      events: doc.events ?? [],
      id: doc.id,
    }))
  })

/**
 * Records a delivery (`pending`) and queues the task that sends it, both through `req` (in its
 * transaction when it has one). A delivery queued for immediate sending by the caller
 * (`runNow`) waits a minute for the queue's own runs, so that only the caller sends it.
 */
const queueDelivery = async (
  payload: Payload,
  webhook: ID,
  event: WebhookEnvelope,
  maxAttempts: number,
  req: PayloadRequest,
  runNow = false,
): Promise<{ delivery: ID; job: ID }> => {
  const now = new Date().toISOString()
  const delivery = await payload.db.create({
    collection: loyaltySlugs.webhookDeliveries,
    data: {
      attempts: 0,
      body: webhookBody(event),
      createdAt: now,
      eventId: event.id,
      eventType: event.type,
      maxAttempts,
      status: 'pending',
      updatedAt: now,
      webhook,
    },
    req,
  })
  const job = await queueAttempts(payload, delivery.id as ID, req, runNow)
  return { delivery: delivery.id as ID, job }
}

const queueAttempts = async (
  payload: Payload,
  delivery: ID,
  req: PayloadRequest,
  runNow: boolean,
): Promise<ID> => {
  const job = await payload.jobs.queue({
    input: { delivery: String(delivery) },
    queue: loyaltyQueue,
    req,
    task: deliverWebhookTaskSlug,
    waitUntil: runNow ? new Date(Date.now() + 60_000) : undefined,
  })
  return job.id as ID
}

/**
 * The built-in subscriber of the domain events: one delivery per active webhook subscribed to
 * each event, queued in the publisher's transaction when it has one. Sending is the jobs
 * queue's work, never the request's: a slow or failing receiver cannot slow an award.
 */
export const webhookSubscriber: LoyaltyEventSubscriber = {
  handle: async (payload, events, context) => {
    const hooks = await activeWebhooks(payload)
    if (hooks.length === 0) return
    const wanted = events.flatMap((event) =>
      hooks.filter((hook) => hook.events.includes(event.type)).map((hook) => ({ event, hook })),
    )
    if (wanted.length === 0) return
    const { maxAttempts } = optionsOf(payload).webhooks
    if (context.transactionID !== null) {
      const req = await context.req()
      for (const { event, hook } of wanted) {
        await queueDelivery(payload, hook.id, event, maxAttempts, req)
      }
      return
    }
    // The publisher's writes are committed: the deliveries and their jobs get a transaction of
    // their own, so that no delivery is left without its job.
    const transactionID = (await payload.db.beginTransaction()) ?? null
    const req = await createLocalReq({}, payload)
    if (transactionID !== null) req.transactionID = transactionID
    try {
      for (const { event, hook } of wanted) {
        await queueDelivery(payload, hook.id, event, maxAttempts, req)
      }
      if (transactionID !== null) await payload.db.commitTransaction(transactionID)
    } catch (error) {
      if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
      throw error
    }
  },
  name: 'webhooks',
}

const findDelivery = async (payload: Payload, id: ID): Promise<DeliveryDoc | null> =>
  (await payload.findByID({
    collection: loyaltySlugs.webhookDeliveries,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as DeliveryDoc | null

const recordOutcome = async (
  payload: Payload,
  id: ID,
  data: Partial<AttemptOutcome> & {
    attempts?: number
    durationMs?: null | number
    lastStatus?: null | number
  },
): Promise<void> => {
  await payload.update({
    collection: loyaltySlugs.webhookDeliveries,
    data,
    depth: 0,
    id,
    overrideAccess: true,
  })
}

export type DeliveryAttempt = { lastError: null | string; status: DeliveryStatus | 'missing' }

/**
 * One attempt of a delivery: signs the stored body with the webhook's current secret and a
 * fresh timestamp, POSTs it, and records the attempt on the delivery (attempts, status code,
 * a short error, duration, the next attempt). Returns `retrying` when the queue should try
 * again. A delivery that is already delivered or failed is left alone (a job run twice); one
 * whose webhook was deleted or switched off fails at once.
 */
export const attemptDelivery = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
): Promise<DeliveryAttempt> => {
  const delivery = await findDelivery(payload, id)
  if (!delivery) return { lastError: null, status: 'missing' }
  if (delivery.status === 'delivered' || delivery.status === 'failed') {
    return { lastError: null, status: delivery.status }
  }
  const webhookId = relationId(delivery.webhook)
  const webhook =
    webhookId === null
      ? null
      : ((await payload.findByID({
          collection: loyaltySlugs.webhooks,
          depth: 0,
          disableErrors: true,
          id: webhookId,
          overrideAccess: true,
        })) as null | WebhookDoc)
  const refuse = async (lastError: string): Promise<DeliveryAttempt> => {
    await recordOutcome(payload, delivery.id, { lastError, nextAttemptAt: null, status: 'failed' })
    return { lastError, status: 'failed' }
  }
  if (!webhook || !webhook.secret) return refuse('The webhook was deleted.')
  if (webhook.active === false && delivery.eventType !== webhookTestEventType) {
    return refuse('The webhook is switched off.')
  }
  const attempt = (delivery.attempts ?? 0) + 1
  const timestamp = Math.floor(Date.now() / 1000)
  const result = await postWebhook(
    webhook.url,
    delivery.body,
    {
      'content-type': 'application/json',
      'user-agent': 'PartnerClub-Webhooks/1',
      'x-partnerclub-delivery': delivery.eventId,
      'x-partnerclub-event': delivery.eventType,
      'x-partnerclub-signature': signatureHeader(webhook.secret, timestamp, delivery.body),
    },
    {
      allowPrivateAddresses: options.webhooks.allowPrivateAddresses,
      timeoutMs: options.webhooks.timeoutSeconds * 1000,
    },
  )
  const outcome = attemptOutcome(
    result,
    attempt,
    delivery.maxAttempts ?? options.webhooks.maxAttempts,
    options.webhooks.retryDelaySeconds * 1000,
    new Date(),
  )
  await recordOutcome(payload, delivery.id, {
    ...outcome,
    attempts: attempt,
    durationMs: result.durationMs,
    lastStatus: result.statusCode ?? null,
  })
  return { lastError: outcome.lastError, status: outcome.status }
}

/** Refused for a reason an admin can act on (the endpoint answers with its status). */
export class WebhookActionRefused extends Error {
  constructor(
    public readonly status: 404 | 409,
    message: string,
  ) {
    super(message)
  }
}

/** Runs the delivery's job now and returns the delivery as it then is. */
const runNow = async (payload: Payload, delivery: ID, job: ID): Promise<DeliveryDoc> => {
  await payload.jobs.runByID({ id: job, silent: true })
  const after = await findDelivery(payload, delivery)
  if (!after) throw new WebhookActionRefused(404, 'The delivery was deleted meanwhile.')
  return after
}

/**
 * "Send test event": a `webhook.test` event to this webhook (active or not), sent at once, one
 * attempt. Returns the delivery with its outcome.
 */
export const sendTestEvent = async (
  payload: Payload,
  webhookId: ID,
  sentBy: { collection: string; id: ID },
): Promise<DeliveryDoc> => {
  const webhook = await payload.findByID({
    collection: loyaltySlugs.webhooks,
    depth: 0,
    disableErrors: true,
    id: webhookId,
    overrideAccess: true,
  })
  if (!webhook) throw new WebhookActionRefused(404, 'There is no such webhook.')
  const req = await createLocalReq({}, payload)
  const { delivery, job } = await queueDelivery(
    payload,
    webhook.id as ID,
    {
      createdAt: new Date().toISOString(),
      data: { message: 'A test event from Partner Club.', sentBy, webhook: webhook.id },
      id: randomUUID(),
      type: webhookTestEventType,
    },
    1,
    req,
    true,
  )
  return runNow(payload, delivery, job)
}

/**
 * "Redeliver": sends a delivered or failed delivery again, same event id and body, with a new
 * series of attempts (the first at once). One still being attempted, or whose webhook is
 * switched off or deleted, is refused (409).
 */
export const redeliver = async (payload: Payload, id: ID): Promise<DeliveryDoc> => {
  const delivery = await findDelivery(payload, id)
  if (!delivery) throw new WebhookActionRefused(404, 'There is no such delivery.')
  if (delivery.status !== 'delivered' && delivery.status !== 'failed') {
    throw new WebhookActionRefused(
      409,
      `This delivery is still being attempted (${delivery.attempts ?? 0} of ${delivery.maxAttempts ?? '?'} attempts so far); wait until it is delivered or failed.`,
    )
  }
  const webhookId = relationId(delivery.webhook)
  const webhook =
    webhookId === null
      ? null
      : ((await payload.findByID({
          collection: loyaltySlugs.webhooks,
          depth: 0,
          disableErrors: true,
          id: webhookId,
          overrideAccess: true,
        })) as null | WebhookDoc)
  if (!webhook) throw new WebhookActionRefused(409, 'The webhook of this delivery was deleted.')
  if (webhook.active === false) {
    throw new WebhookActionRefused(
      409,
      'The webhook is switched off; switch it on before sending this delivery again.',
    )
  }
  const transactionID = (await payload.db.beginTransaction()) ?? null
  const req = await createLocalReq({}, payload)
  if (transactionID !== null) req.transactionID = transactionID
  let job: ID
  try {
    await payload.update({
      collection: loyaltySlugs.webhookDeliveries,
      data: { attempts: 0, deliveredAt: null, nextAttemptAt: null, status: 'pending' },
      depth: 0,
      id: delivery.id,
      overrideAccess: true,
      req,
    })
    job = await queueAttempts(payload, delivery.id, req, true)
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
  return runNow(payload, delivery.id, job)
}

/** Statuses after which a delivery is never attempted again. */
const finishedStatuses: DeliveryStatus[] = ['delivered', 'failed']

/**
 * Deletes the deliveries that finished (delivered or failed) more than
 * `webhooks.keepDeliveriesDays` before `now`, with one DELETE in the database; pending and
 * retrying ones stay whatever their age. Answers how many were deleted.
 */
export const pruneDeliveries = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  now: Date,
): Promise<{ deleted: number }> => {
  const days = options.webhooks.keepDeliveriesDays
  if (days <= 0) return { deleted: 0 }
  const before = new Date(now.getTime() - days * DAY_MS).toISOString()
  const where: Where = {
    and: [{ status: { in: finishedStatuses } }, { updatedAt: { less_than: before } }],
  }
  const { totalDocs } = await payload.count({
    collection: loyaltySlugs.webhookDeliveries,
    overrideAccess: true,
    where,
  })
  if (totalDocs > 0) {
    await payload.db.deleteMany({ collection: loyaltySlugs.webhookDeliveries, where })
  }
  return { deleted: totalDocs }
}
