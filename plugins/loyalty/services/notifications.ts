import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { and, eq, gt, inArray, isNull, lte, or, sql as sqlText } from 'drizzle-orm'

import type { ResolvedLoyaltyOptions } from '../types'

import {
  type MailContent,
  type NotificationCategory,
  type TipCandidate,
  composeDigest,
  digestContent,
  doneKey,
  eventRecordingContent,
  eventReminderContent,
  expiringContent,
  notificationCategories,
  pickTip,
  preferencesOf,
  redemptionContent,
  renderMail,
  tierUpgradeContent,
  tierUpgradeIsNews,
  unsubscribeToken,
} from '../engine/notifications'
import { loyaltySlugs } from '../types'
import { flushEmail } from '../utilities/email'
import { relationId } from '../utilities/ids'
import { loadTiers } from './context'
import { lotTotalsOf, pointsExpiringByEach } from './expiring'
import { type SqlAccess, type Table, sqlAccess } from './sqlDatabase'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
type NotifyOptions = Exclude<ResolvedLoyaltyOptions['notifications'], false>

/** The task that renders and sends one mail. */
export const sendNotificationTaskSlug = 'loyaltySendNotification' as const

/** One mail to queue: its unique key and what it is about. */
export type NotificationRequest = {
  category: NotificationCategory
  data?: Record<string, unknown>
  key: string
  member: ID
  throughEntry?: number
}

const settingsOf = (options: ResolvedLoyaltyOptions): NotifyOptions => {
  if (!options.notifications) throw new Error('loyalty: notifications are switched off')
  return options.notifications
}

/** The portal's base URL for links in mails (option, else the Payload config's serverURL). */
export const portalBase = (payload: Payload, options: ResolvedLoyaltyOptions): string =>
  (settingsOf(options).portalURL || payload.config.serverURL || '').replace(/\/+$/, '')

/** The unsubscribe endpoint with the member's token for a category. */
export const unsubscribeApiURL = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  member: ID,
  category: NotificationCategory,
): string => {
  const query = new URLSearchParams({
    c: category,
    m: String(member),
    t: unsubscribeToken(payload.secret, member, category),
  })
  return `${portalBase(payload, options)}${payload.config.routes.api}/loyalty/notifications/unsubscribe?${query}`
}

/**
 * Records a mail in the notification log (unique key) and queues the task that sends it. Does
 * nothing when the key was queued before. With `req`, both writes join the request's
 * transaction, so a rolled-back change sends nothing; the mail itself is sent later by the
 * queue, never inside the request.
 */
export const queueNotification = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  item: NotificationRequest,
  req?: PayloadRequest,
): Promise<ID | null> => {
  if (!options.notifications || options.disabled) return null
  const existing = await payload.find({
    collection: loyaltySlugs.notifications as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: { key: true },
    where: { key: { equals: item.key } },
  })
  if (existing.docs.length > 0) return null
  let id: ID
  try {
    const created = await payload.create({
      collection: loyaltySlugs.notifications as CollectionSlug,
      data: {
        category: item.category,
        data: item.data ?? {},
        key: item.key,
        member: item.member,
        status: 'queued',
        throughEntry: item.throughEntry ?? null,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    id = created.id
  } catch (error) {
    // Outside a transaction: a concurrent scanner queued the same key first.
    if (!req) {
      const raced = await payload.find({
        collection: loyaltySlugs.notifications as CollectionSlug,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        pagination: false,
        where: { key: { equals: item.key } },
      })
      if (raced.docs.length > 0) return null
    }
    throw error
  }
  await payload.jobs.queue({
    input: { notification: String(id) },
    queue: 'loyalty',
    req,
    task: sendNotificationTaskSlug,
  })
  return id
}

/** Queues every request; returns how many were new. */
const queueAll = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  items: NotificationRequest[],
): Promise<number> => {
  let queued = 0
  for (const item of items) {
    if ((await queueNotification(payload, options, item)) !== null) queued += 1
  }
  return queued
}

const requireSql = (payload: Payload): SqlAccess => {
  const sql = sqlAccess(payload)
  if (!sql) {
    throw new Error('loyalty notifications: the digest and expiry scans need a SQL database')
  }
  return sql
}

/** Active members who receive the category (never chose counts as yes), as a subquery. */
const receivingMembers = (
  sql: SqlAccess,
  options: ResolvedLoyaltyOptions,
  category: NotificationCategory,
) => {
  const members = sql.table(options.members)
  const choice = members[`${settingsOf(options).preferencesField}_${category}`]
  return sql.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.status, 'active'), or(isNull(choice), eq(choice, true))))
}

/** Entries after the member's last mail of the category: its `throughEntry` watermark. */
const afterLastMail = (sql: SqlAccess, ledger: Table, category: NotificationCategory) => {
  const log = sql.table(loyaltySlugs.notifications)
  return sqlText`${ledger.id} > coalesce((select max(${log.throughEntry}) from ${log} where ${log.member} = ${ledger.member} and ${log.category} = ${category}), 0)`
}

/** Positive lines of a member's own balance: what "new points" means. */
const newPoints = (ledger: Table) =>
  and(eq(ledger.account, 'member'), inArray(ledger.kind, ['earn', 'adjust']), gt(ledger.amount, 0))

/**
 * Queues a digest for every member with new points since their last digest (or, for a first
 * digest, within `digestLookbackDays`): one grouped query over the new ledger lines, never a
 * loop over all members. The key names the last entry it covers, so a repeated run queues
 * nothing new.
 */
export const queueDigests = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  now: Date,
): Promise<{ queued: number }> => {
  const settings = settingsOf(options)
  const sql = requireSql(payload)
  const ledger = sql.table(loyaltySlugs.ledger)
  const since = new Date(now.getTime() - settings.digestLookbackDays * 86_400_000)
  const rows = await sql.db
    .select({
      first: sqlText`min(${ledger.id})`,
      member: ledger.member,
      points: sqlText`sum(${ledger.amount})`,
      through: sqlText`max(${ledger.id})`,
    })
    .from(ledger)
    .where(
      and(
        newPoints(ledger),
        gt(ledger.createdAt, since.toISOString()),
        afterLastMail(sql, ledger, 'digest'),
        inArray(ledger.member, receivingMembers(sql, options, 'digest') as never),
      ),
    )
    .groupBy(ledger.member)
    .orderBy(ledger.member)
  const queued = await queueAll(
    payload,
    options,
    rows.map((row) => ({
      category: 'digest' as const,
      data: { firstEntry: Number(row.first), points: Number(row.points) },
      key: `digest:${String(row.member)}:${String(row.through)}`,
      member: row.member as ID,
      throughEntry: Number(row.through),
    })),
  )
  return { queued }
}

/**
 * Warns members whose points expire within `expiringDays`: the lots falling due in that
 * window that no earlier warning covered (one grouped query), then the member's real figure
 * (first in, first out, net of what they spent). Once per lot.
 */
export const queueExpiryWarnings = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  now: Date,
): Promise<{ queued: number }> => {
  const settings = settingsOf(options)
  const sql = requireSql(payload)
  const ledger = sql.table(loyaltySlugs.ledger)
  const until = new Date(now.getTime() + settings.expiringDays * 86_400_000)
  const rows = await sql.db
    .select({
      lastDue: sqlText`max(${ledger.expiresAt})`,
      member: ledger.member,
      through: sqlText`max(${ledger.id})`,
    })
    .from(ledger)
    .where(
      and(
        newPoints(ledger),
        gt(ledger.expiresAt, now.toISOString()),
        lte(ledger.expiresAt, until.toISOString()),
        afterLastMail(sql, ledger, 'expiring'),
        inArray(ledger.member, receivingMembers(sql, options, 'expiring') as never),
      ),
    )
    .groupBy(ledger.member)
    .orderBy(ledger.member)
  const items: NotificationRequest[] = []
  for (const row of rows) {
    const member = (await payload.findByID({
      collection: options.members,
      depth: 0,
      disableErrors: true,
      id: row.member as ID,
      overrideAccess: true,
      select: { loyalty: true },
    })) as Doc | null
    if (!member) continue
    const [points] = await pointsExpiringByEach(payload, 'member', member.id, lotTotalsOf(member), [
      until,
    ])
    if (!(points > 0)) continue
    items.push({
      category: 'expiring',
      data: { expiresBy: new Date(String(row.lastDue)).toISOString(), points },
      key: `expiring:${String(member.id)}:${String(row.through)}`,
      member: member.id,
      throughEntry: Number(row.through),
    })
  }
  return { queued: await queueAll(payload, options, items) }
}

/** Published events matching `where`, with the registrations in `statuses`. */
const eventRegistrations = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  where: Where[],
  statuses: string[],
): Promise<{ event: Doc; member: ID }[]> => {
  if (!options.events) return []
  const { docs: events } = await payload.find({
    collection: options.events,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { title: true },
    where: { and: [{ _status: { equals: 'published' } }, ...where] },
  })
  const pairs: { event: Doc; member: ID }[] = []
  for (const event of events as unknown as Doc[]) {
    const { docs } = await payload.find({
      collection: loyaltySlugs.registrations as CollectionSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { member: true },
      where: {
        and: [{ eventId: { equals: String(event.id) } }, { status: { in: statuses } }],
      },
    })
    for (const registration of docs as unknown as Doc[]) {
      const member = relationId(registration.member)
      if (member !== null) pairs.push({ event, member })
    }
  }
  return pairs
}

/**
 * Reminders for events starting within `reminderHours` to members registered (not on the
 * waitlist), and recordings of events that ended within `recordingWithinDays` and have one, to
 * those registered or present. Each once per event and member.
 */
export const queueEventMails = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  now: Date,
): Promise<{ recordings: number; reminders: number }> => {
  const settings = settingsOf(options)
  const soon = new Date(now.getTime() + settings.reminderHours * 3_600_000)
  const reminders = await eventRegistrations(
    payload,
    options,
    [
      { startsAt: { greater_than: now.toISOString() } },
      { startsAt: { less_than_equal: soon.toISOString() } },
    ],
    ['registered'],
  )
  const recentEnd = new Date(now.getTime() - settings.recordingWithinDays * 86_400_000)
  const recordings = await eventRegistrations(
    payload,
    options,
    [
      { endsAt: { less_than_equal: now.toISOString() } },
      { endsAt: { greater_than: recentEnd.toISOString() } },
      { recordingUrl: { exists: true } },
      { recordingUrl: { not_equals: '' } },
    ],
    ['registered', 'attended'],
  )
  return {
    recordings: await queueAll(
      payload,
      options,
      recordings.map(({ event, member }) => ({
        category: 'eventRecording' as const,
        data: { event: event.id },
        key: `recording:${String(event.id)}:${String(member)}`,
        member,
      })),
    ),
    reminders: await queueAll(
      payload,
      options,
      reminders.map(({ event, member }) => ({
        category: 'eventReminder' as const,
        data: { event: event.id },
        key: `reminder:${String(event.id)}:${String(member)}`,
        member,
      })),
    ),
  }
}

/**
 * Queues the mail of a member's tier upgrade (a `loyalty-tier-changes` document); none for the
 * entry tier a member is placed in with their first points (`tierUpgradeIsNews`).
 */
export const queueTierUpgradeMail = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  change: Record<string, unknown>,
  req?: PayloadRequest,
): Promise<void> => {
  if (change.account !== 'member' || change.change !== 'upgrade') return
  const member = relationId(change.member)
  if (member === null || change.id === undefined) return
  const news = tierUpgradeIsNews({
    fromTier: relationId(change.fromTier),
    tiers: await loadTiers(payload, options),
    toTier: relationId(change.toTier),
  })
  if (!news) return
  await queueNotification(
    payload,
    options,
    {
      category: 'tierUpgrade',
      data: { reason: change.reason ?? null, tier: relationId(change.toTier) },
      key: `tier:${String(change.id)}`,
      member,
    },
    req,
  )
}

/** Decisions on a redemption that the member is told about. */
const toldStatuses = new Set(['approved', 'fulfilled', 'rejected'])

/** Queues the mail of a redemption whose status changed to a decision. */
export const queueRedemptionMail = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  redemption: Record<string, unknown>,
  previousStatus: unknown,
  req?: PayloadRequest,
): Promise<void> => {
  const status = String(redemption.status ?? '')
  if (status === previousStatus || !toldStatuses.has(status)) return
  const member = relationId(redemption.member)
  if (member === null) return
  await queueNotification(
    payload,
    options,
    {
      category: 'redemption',
      data: { redemption: redemption.id, status },
      key: `redemption:${String(redemption.id)}:${status}`,
      member,
    },
    req,
  )
}

const findOne = async (
  payload: Payload,
  collection: CollectionSlug | string,
  id: unknown,
): Promise<Doc | null> =>
  id === null || id === undefined
    ? null
    : ((await payload.findByID({
        collection: collection as CollectionSlug,
        depth: 0,
        disableErrors: true,
        id: id as ID,
        overrideAccess: true,
      })) as Doc | null)

/** The tip of a digest: a published course or case study the member has not done. */
const digestTip = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  member: Doc,
  seed: string,
) => {
  const tiers = await loadTiers(payload, options)
  const rankOf = (tier: unknown) => tiers.find((t) => String(t.id) === String(tier))?.rank ?? null
  const memberRank =
    rankOf(relationId((member.loyalty as null | { tier?: unknown })?.tier)) ??
    Number.NEGATIVE_INFINITY
  const candidates: (TipCandidate & { path: string })[] = []
  for (const [collection, kind, path] of [
    [options.courses, 'course', 'courses'],
    [options.caseStudies, 'caseStudy', 'case-studies'],
  ] as const) {
    if (!collection) continue
    const { docs } = await payload.find({
      collection,
      depth: 0,
      limit: 50,
      overrideAccess: true,
      select: { requiredTier: true, summary: true, title: true },
      sort: '-createdAt',
      where: { _status: { equals: 'published' } },
    })
    for (const doc of docs as unknown as Doc[]) {
      const required = rankOf(relationId(doc.requiredTier))
      if (required !== null && required > memberRank) continue
      candidates.push({
        id: doc.id,
        kind,
        path,
        summary: typeof doc.summary === 'string' ? doc.summary : null,
        title: String(doc.title ?? ''),
      })
    }
  }
  const { docs: progress } = await payload.find({
    collection: loyaltySlugs.progress as CollectionSlug,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { collection: true, documentId: true },
    where: {
      and: [
        { member: { equals: member.id } },
        { item: { in: ['course', 'read'] } },
        { completedAt: { exists: true } },
      ],
    },
  })
  const done = new Set(
    (progress as unknown as Doc[]).map((row) =>
      doneKey({
        id: String(row.documentId),
        kind: row.collection === options.courses ? 'course' : 'caseStudy',
      }),
    ),
  )
  const tip = pickTip(candidates, done, seed)
  if (!tip) return null
  const path = candidates.find((c) => c.kind === tip.kind && c.id === tip.id)?.path ?? ''
  return { ...tip, url: `${portalBase(payload, options)}/${path}/${String(tip.id)}` }
}

/** The mail's content for a log row, or null when what it was about is gone. */
const contentFor = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  notification: Doc,
  member: Doc,
): Promise<MailContent | null> => {
  const base = portalBase(payload, options)
  const { programmeName } = settingsOf(options)
  const data = (notification.data ?? {}) as Record<string, unknown>
  switch (notification.category as NotificationCategory) {
    case 'digest': {
      const { docs } = await payload.find({
        collection: loyaltySlugs.ledger as CollectionSlug,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        select: { amount: true, reason: true },
        where: {
          and: [
            { member: { equals: member.id } },
            { account: { equals: 'member' } },
            { kind: { in: ['earn', 'adjust'] } },
            { amount: { greater_than: 0 } },
            { id: { greater_than_equal: data.firstEntry } },
            { id: { less_than_equal: notification.throughEntry } },
          ],
        },
      })
      const digest = composeDigest(
        (docs as unknown as Doc[]).map((doc) => ({
          amount: Number(doc.amount),
          reason: String(doc.reason ?? ''),
        })),
      )
      if (digest.points <= 0) return null
      return digestContent({
        balance: Number((member.loyalty as null | { spendable?: number })?.spendable ?? 0),
        digest,
        programmeName,
        statementURL: `${base}/statement`,
        tip: await digestTip(payload, options, member, String(notification.key)),
      })
    }
    case 'tierUpgrade': {
      const tier = await findOne(payload, options.tiers, data.tier)
      if (!tier) return null
      return tierUpgradeContent({
        programmeName,
        reason: String(data.reason ?? ''),
        tierName: String(tier.name ?? 'a new tier'),
        url: `${base}/`,
      })
    }
    case 'expiring':
      return expiringContent({
        expiresBy: new Date(String(data.expiresBy)),
        points: Number(data.points),
        url: `${base}/rewards`,
      })
    case 'eventReminder':
    case 'eventRecording': {
      if (!options.events) return null
      const event = await findOne(payload, options.events, data.event)
      if (!event || event._status !== 'published') return null
      const url = `${base}/events/${String(event.id)}`
      if (notification.category === 'eventRecording') {
        if (typeof event.recordingUrl !== 'string' || !event.recordingUrl) return null
        return eventRecordingContent({
          recordingUrl: event.recordingUrl,
          title: String(event.title),
          url,
        })
      }
      const venue = (event.venue ?? {}) as { city?: null | string; name?: null | string }
      const where = [venue.name, venue.city].filter(Boolean).join(', ')
      return eventReminderContent({
        onlineUrl:
          event.format !== 'in-person' && typeof event.onlineUrl === 'string'
            ? event.onlineUrl
            : null,
        startsAt: new Date(String(event.startsAt)),
        timeZone: typeof event.startsAt_tz === 'string' ? event.startsAt_tz : null,
        title: String(event.title),
        url,
        venue: event.format !== 'online' && where ? where : null,
      })
    }
    case 'redemption': {
      const redemption = await findOne(payload, loyaltySlugs.redemptions, data.redemption)
      if (!redemption) return null
      return redemptionContent({
        notes: typeof redemption.notes === 'string' ? redemption.notes : null,
        points: Number(redemption.points ?? 0),
        rewardTitle: String(redemption.rewardTitle ?? 'Your reward'),
        status: String(data.status),
        url: `${base}/rewards`,
      })
    }
    default:
      return null
  }
}

const setStatus = (payload: Payload, id: ID, data: Record<string, unknown>) =>
  payload.update({
    collection: loyaltySlugs.notifications as CollectionSlug,
    data: data as never,
    depth: 0,
    id,
    overrideAccess: true,
  })

/**
 * Renders and sends one queued mail through `payload.sendEmail`. Skips (and records why) when
 * it was sent before, the member opted out or is no longer active, or what it was about is
 * gone. A failing send is recorded and thrown again, so that the queue retries it.
 */
export const sendNotification = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
): Promise<{ status: 'missing' | 'sent' | 'skipped' }> => {
  const settings = settingsOf(options)
  const notification = await findOne(payload, loyaltySlugs.notifications, id)
  if (!notification) return { status: 'missing' }
  if (notification.status === 'sent' || notification.status === 'skipped') {
    return { status: 'skipped' }
  }
  const category = notification.category as NotificationCategory
  const member = await findOne(payload, options.members, relationId(notification.member))
  const receives =
    member &&
    member.status === 'active' &&
    typeof member.email === 'string' &&
    notificationCategories.includes(category) &&
    preferencesOf(member[settings.preferencesField])[category]
  if (!member || !receives) {
    await setStatus(payload, id, {
      error: 'The member no longer receives this.',
      status: 'skipped',
    })
    return { status: 'skipped' }
  }
  const content = await contentFor(payload, options, notification, member)
  if (!content) {
    await setStatus(payload, id, { error: 'What this mail was about is gone.', status: 'skipped' })
    return { status: 'skipped' }
  }
  const unsubscribe = unsubscribeApiURL(payload, options, member.id, category)
  const mail = renderMail(content, {
    category,
    memberName: typeof member.name === 'string' ? member.name : null,
    preferencesURL: `${portalBase(payload, options)}${settings.preferencesPath}`,
    programmeName: settings.programmeName,
    unsubscribeApiURL: unsubscribe,
    unsubscribeURL: unsubscribe,
  })
  const attempts = Number(notification.attempts ?? 0) + 1
  try {
    await payload.sendEmail({
      headers: mail.headers,
      html: mail.html,
      subject: mail.subject,
      text: mail.text,
      to: member.email as string,
    })
    // The adapter's writes must not race the ones below.
    await flushEmail(payload)
  } catch (error) {
    await setStatus(payload, id, {
      attempts,
      error: error instanceof Error ? error.message.slice(0, 500) : 'The mail was not sent.',
      status: 'failed',
    })
    throw error
  }
  await setStatus(payload, id, {
    attempts,
    error: null,
    sentAt: new Date().toISOString(),
    status: 'sent',
    subject: mail.subject,
  })
  return { status: 'sent' }
}

/** A member's preferences as stored (missing values are on). */
export const memberPreferences = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
) => {
  const member = await findOne(payload, options.members, id)
  if (!member) return null
  return preferencesOf(member[settingsOf(options).preferencesField])
}

/** Stores a change of a member's preferences; returns them all. */
export const updatePreferences = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
  changes: Partial<Record<NotificationCategory, boolean>>,
) => {
  const current = await memberPreferences(payload, options, id)
  if (!current) return null
  const next = { ...current, ...changes }
  await payload.update({
    collection: options.members,
    data: { [settingsOf(options).preferencesField]: next } as never,
    depth: 0,
    id,
    overrideAccess: true,
  })
  return next
}
