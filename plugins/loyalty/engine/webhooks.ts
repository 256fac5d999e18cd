import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { BlockList, isIP } from 'node:net'

/**
 * Outbound webhooks, the pure parts: the event types a webhook subscribes to, the body and its
 * signature, the URL rules, the retry schedule and what one attempt's answer means. No Payload,
 * no database, no network.
 */

/** The domain events a webhook can subscribe to. */
export const webhookEventTypes = [
  'points.awarded',
  'tier.changed',
  'redemption.requested',
  'redemption.decided',
  'event.attended',
  'course.completed',
] as const

export type WebhookEventType = (typeof webhookEventTypes)[number]

/** The type of the event sent by "Send test event"; no webhook subscribes to it. */
export const webhookTestEventType = 'webhook.test'

export const isWebhookEventType = (value: unknown): value is WebhookEventType =>
  typeof value === 'string' && (webhookEventTypes as readonly string[]).includes(value)

/** What a delivery sends: the JSON body is exactly these four keys, in this order. */
export type WebhookEnvelope = {
  createdAt: string
  data: unknown
  /** The event's id (a UUID); also the `x-partnerclub-delivery` header, for deduplication. */
  id: string
  type: string
}

/** The raw body of a delivery. Stored as sent, so that every attempt sends the same bytes. */
export const webhookBody = (event: WebhookEnvelope): string =>
  JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, data: event.data })

/** Hex HMAC-SHA256 of `<timestamp>.<raw body>` with the webhook's secret. */
export const webhookSignature = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')

/** The `x-partnerclub-signature` header: `t=<unix seconds>,v1=<hex signature>` (Stripe-style). */
export const signatureHeader = (secret: string, timestamp: number, body: string): string =>
  `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`

/**
 * What a receiver does: the header's timestamp is within `toleranceSeconds` of `now` and one of
 * its `v1` signatures matches the raw body (compared in constant time).
 */
export const verifySignatureHeader = (
  header: null | string | undefined,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = 300,
): boolean => {
  if (!header) return false
  const parts = header.split(',').map((part) => part.trim().split('='))
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1])
  if (!Number.isSafeInteger(timestamp)) return false
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), 'hex')
  return parts
    .filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? ''))
    .some(([, value]) => timingSafeEqual(Buffer.from(value, 'hex'), expected))
}

/** The shortest secret an admin may set. */
export const webhookSecretMinLength = 24

/** A new secret: `whsec_` and 32 random bytes (base64url). */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`

/** Why a secret is refused, or null. */
export const checkWebhookSecret = (value: unknown): null | string => {
  if (typeof value !== 'string') return 'The secret must be text.'
  if (value.length < webhookSecretMinLength || value.length > 200) {
    return `The secret must be ${webhookSecretMinLength} to 200 characters long; leave it empty to have one generated.`
  }
  if (/[\s\u0000-\u001f]/.test(value)) return 'The secret must not contain spaces or line breaks.'
  return null
}

const privateRanges = (() => {
  const list = new BlockList()
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv4')
  }
  for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv6')
  }
  return list
})()

/**
 * Whether an IP address is loopback, private, link-local (cloud metadata), shared, multicast or
 * unspecified: somewhere a webhook must not reach unless the host app allows it.
 */
export const isPrivateAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '')
  const version = isIP(bare)
  if (version === 4) return privateRanges.check(bare, 'ipv4')
  if (version === 6) {
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)
    if (mapped) return privateRanges.check(mapped[1], 'ipv4')
    return privateRanges.check(bare, 'ipv6')
  }
  return false
}

/**
 * Why a webhook URL is refused, or null: it must be an absolute http(s) URL of at most 2,000
 * characters, without credentials, and (unless `allowPrivateAddresses`) not name localhost or a
 * private address. Host names are checked again, resolved, at every delivery.
 */
export const checkWebhookUrl = (
  value: unknown,
  { allowPrivateAddresses }: { allowPrivateAddresses: boolean },
): null | string => {
  if (typeof value !== 'string' || value.trim() === '') return 'Enter the URL to deliver to.'
  if (value.length > 2000) return 'The URL must be at most 2,000 characters long.'
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return `"${value.slice(0, 100)}" is not a URL; enter one such as https://example.com/hooks/partner-club.`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The URL must start with https:// (or http://).'
  }
  if (url.username || url.password) {
    return 'The URL must not contain a user name or password; receivers check the signature instead.'
  }
  if (!allowPrivateAddresses) {
    const host = url.hostname.toLowerCase()
    if (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)) {
      return 'The URL must point to a public address, not localhost or a private network.'
    }
  }
  return null
}

/**
 * When each attempt after the first runs, in milliseconds after the previous one: Payload's
 * exponential backoff, `2^(n-1) × delay` after the n-th failed attempt.
 */
export const retryDelays = (maxAttempts: number, delayMs: number): number[] =>
  Array.from({ length: Math.max(0, maxAttempts - 1) }, (_, index) => 2 ** index * delayMs)

export type DeliveryStatus = 'delivered' | 'failed' | 'pending' | 'retrying'

/** What one attempt got back: an HTTP status, or an error (timeout, refused connection…). */
export type AttemptResult = { error?: string; statusCode?: number }

export type AttemptOutcome = {
  deliveredAt: null | string
  lastError: null | string
  /** When the next attempt is due (informational: the jobs queue schedules it), or null. */
  nextAttemptAt: null | string
  status: Exclude<DeliveryStatus, 'pending'>
}

/** At most this many characters of an error are kept on the delivery. */
export const errorMaxLength = 300

export const shortText = (text: string, max = errorMaxLength): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/**
 * The delivery's state after attempt number `attempt` (1-based): a 2xx answer is delivered;
 * anything else (another status, a redirect, a timeout, a network error) is retried until
 * `maxAttempts` attempts were made, then failed.
 */
export const attemptOutcome = (
  result: AttemptResult,
  attempt: number,
  maxAttempts: number,
  delayMs: number,
  now: Date,
): AttemptOutcome => {
  const status = result.statusCode
  if (status !== undefined && status >= 200 && status < 300) {
    return {
      deliveredAt: now.toISOString(),
      lastError: null,
      nextAttemptAt: null,
      status: 'delivered',
    }
  }
  const reason =
    result.error ??
    (status !== undefined && status >= 300 && status < 400
      ? `The receiver answered ${status} (a redirect); redirects are not followed, register the final URL.`
      : `The receiver answered ${status ?? 'nothing'}.`)
  const lastError = shortText(reason)
  if (attempt >= maxAttempts) {
    return { deliveredAt: null, lastError, nextAttemptAt: null, status: 'failed' }
  }
  const wait = retryDelays(maxAttempts, delayMs)[attempt - 1] ?? delayMs
  return {
    deliveredAt: null,
    lastError,
    nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
    status: 'retrying',
  }
}
