import { createHmac, timingSafeEqual } from 'node:crypto'

import { formatDate, formatNumber, pluralise } from './format'

/** The kinds of mail a member may receive, each of which they can switch off. */
export const notificationCategories = [
  'digest',
  'tierUpgrade',
  'expiring',
  'eventReminder',
  'eventRecording',
  'redemption',
] as const

export type NotificationCategory = (typeof notificationCategories)[number]

/** A member's choice per category: true receives it. */
export type NotificationPreferences = Record<NotificationCategory, boolean>

/** What each category is called in the portal and in mails. */
export const notificationCategoryLabels: Record<
  NotificationCategory,
  { description: string; label: string }
> = {
  digest: {
    description: 'A short summary when you have earned new points, with a tip for what to do next.',
    label: 'Points digest',
  },
  eventRecording: {
    description: 'The recording of an event you registered for, once it is online.',
    label: 'Event recordings',
  },
  eventReminder: {
    description: 'A reminder the day before an event you registered for.',
    label: 'Event reminders',
  },
  expiring: {
    description: 'A warning when some of your points are about to expire.',
    label: 'Points about to expire',
  },
  redemption: {
    description: 'When a reward you redeemed is approved, rejected or on its way.',
    label: 'Reward redemptions',
  },
  tierUpgrade: {
    description: 'When you reach a higher club tier.',
    label: 'Tier upgrades',
  },
}

export const isNotificationCategory = (value: unknown): value is NotificationCategory =>
  typeof value === 'string' && (notificationCategories as readonly string[]).includes(value)

/** Every category on: what a new member (and one who never chose) receives. */
export const defaultPreferences = (): NotificationPreferences =>
  Object.fromEntries(notificationCategories.map((category) => [category, true])) as Record<
    NotificationCategory,
    boolean
  >

/** The preferences stored on a member (a group of checkboxes); missing values are on. */
export const preferencesOf = (stored: unknown): NotificationPreferences => {
  const values = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {}
  return Object.fromEntries(
    notificationCategories.map((category) => [category, values[category] !== false]),
  ) as NotificationPreferences
}

/**
 * A change of preferences from a request body `{ preferences: { digest: false, … } }`: only
 * known categories, only true or false, at least one.
 */
export const parsePreferencesUpdate = (
  body: Record<string, unknown>,
): { error: string } | { preferences: Partial<NotificationPreferences> } => {
  const given = body.preferences
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    return {
      error: `Send { "preferences": { … } } with true or false for any of: ${notificationCategories.join(', ')}.`,
    }
  }
  const entries = Object.entries(given as Record<string, unknown>)
  if (entries.length === 0) return { error: 'Name at least one notification to switch on or off.' }
  const preferences: Partial<NotificationPreferences> = {}
  for (const [key, value] of entries) {
    if (!isNotificationCategory(key)) {
      return {
        error: `"${key.slice(0, 40)}" is not a kind of notification. Use ${notificationCategories.join(', ')}.`,
      }
    }
    if (typeof value !== 'boolean') {
      return { error: `"${key}" must be true (receive it) or false (do not).` }
    }
    preferences[key] = value
  }
  return { preferences }
}

const tokenMessage = (memberId: number | string, category: NotificationCategory) =>
  `unsubscribe:${String(memberId)}:${category}`

/**
 * The token of an unsubscribe link: an HMAC-SHA256 (keyed with the server's secret) over the
 * member and the category, so that a link works without signing in and cannot be made for
 * anyone else.
 */
export const unsubscribeToken = (
  secret: string,
  memberId: number | string,
  category: NotificationCategory,
): string =>
  createHmac('sha256', secret).update(tokenMessage(memberId, category)).digest('base64url')

/** True when `token` is the unsubscribe token of the member and category (constant time). */
export const verifyUnsubscribeToken = (
  secret: string,
  memberId: number | string,
  category: NotificationCategory,
  token: string,
): boolean => {
  const expected = Buffer.from(unsubscribeToken(secret, memberId, category))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** A positive ledger line that a digest reports. */
export type DigestEntry = { amount: number; reason: string }

export type DigestSummary = {
  /** How many entries. */
  count: number
  /** The sum of their points. */
  points: number
  /** The reasons that brought the most points, at most `top`, with their points. */
  reasons: { count: number; points: number; reason: string }[]
}

/** The sum of new points and the reasons that brought the most (ties by reason, A–Z). */
export const composeDigest = (entries: DigestEntry[], top = 3): DigestSummary => {
  const byReason = new Map<string, { count: number; points: number }>()
  let points = 0
  for (const entry of entries) {
    if (!(entry.amount > 0)) continue
    points += entry.amount
    const reason = entry.reason.trim() || 'Points'
    const seen = byReason.get(reason) ?? { count: 0, points: 0 }
    byReason.set(reason, { count: seen.count + 1, points: seen.points + entry.amount })
  }
  const reasons = [...byReason.entries()]
    .map(([reason, sums]) => ({ reason, ...sums }))
    .sort((a, b) => b.points - a.points || a.reason.localeCompare(b.reason))
    .slice(0, top)
  return { count: [...byReason.values()].reduce((sum, r) => sum + r.count, 0), points, reasons }
}

/** A course or case study a digest may suggest. */
export type TipCandidate = {
  id: number | string
  kind: 'caseStudy' | 'course'
  summary?: null | string
  title: string
}

const tipKey = (tip: Pick<TipCandidate, 'id' | 'kind'>) => `${tip.kind}:${String(tip.id)}`

/** FNV-1a: a small, stable string hash for picking deterministically. */
const hash = (text: string): number => {
  let value = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index)
    value = Math.imul(value, 0x01000193) >>> 0
  }
  return value
}

/**
 * The "did you know" tip of a digest: one of the published courses and case studies the member
 * has not completed or read (`done` holds `course:<id>` and `caseStudy:<id>`), chosen by
 * `seed` (e.g. the digest's key), so that the same digest always suggests the same item and
 * successive digests vary. Null when the member has done everything.
 */
export const pickTip = (
  candidates: TipCandidate[],
  done: ReadonlySet<string>,
  seed: string,
): null | TipCandidate => {
  const open = candidates
    .filter((candidate) => !done.has(tipKey(candidate)))
    .sort((a, b) => (tipKey(a) < tipKey(b) ? -1 : tipKey(a) > tipKey(b) ? 1 : 0))
  if (open.length === 0) return null
  return open[hash(seed) % open.length]
}

export const doneKey = tipKey

/** Escapes text for HTML (element content and attribute values). */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** The content of one mail, before layout: plain text only (escaped when laid out as HTML). */
export type MailContent = {
  /** A button under the paragraphs. */
  action?: { label: string; url: string }
  /** Label–value lines (e.g. reasons and their points). */
  details?: { label: string; value: string }[]
  heading: string
  paragraphs: string[]
  subject: string
  /** The "did you know" box. */
  tip?: { text: string; title: string; url: string }
}

/** Who the mail is for and the links every mail carries. */
export type MailContext = {
  category: NotificationCategory
  memberName: null | string
  preferencesURL: string
  programmeName: string
  /** The one-click unsubscribe endpoint (the List-Unsubscribe header's target). */
  unsubscribeApiURL: string
  /** The link in the body: the endpoint's GET, which shows the portal's confirmation. */
  unsubscribeURL: string
}

export type RenderedMail = {
  headers: Record<string, string>
  html: string
  subject: string
  text: string
}

const colours = { accent: '#0b5cab', border: '#dde3ea', muted: '#5b6673', text: '#1d2733' }

/**
 * Lays a mail out as HTML (escaped, inline styles, one column that reads on a phone) and as
 * plain text, with the unsubscribe link in both and the RFC 8058 one-click headers.
 */
export const renderMail = (content: MailContent, context: MailContext): RenderedMail => {
  const label = notificationCategoryLabels[context.category].label
  const greeting = context.memberName ? `Hello ${context.memberName},` : 'Hello,'
  const footer = `You receive this because "${label}" is on in your ${context.programmeName} notification settings.`
  const text = [
    greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.details?.length
      ? [...content.details.map((line) => `- ${line.label}: ${line.value}`), '']
      : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.tip
      ? [`Did you know? ${content.tip.title}`, content.tip.text, content.tip.url, '']
      : []),
    '--',
    footer,
    `Unsubscribe from ${label.toLowerCase()}: ${context.unsubscribeURL}`,
    `All notification settings: ${context.preferencesURL}`,
    '',
  ].join('\n')
  const e = escapeHtml
  const paragraph = (body: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:${colours.text}">${e(body)}</p>`
  const details = content.details?.length
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse">${content.details
        .map(
          (line) =>
            `<tr><td style="padding:8px 0;border-top:1px solid ${colours.border};font-size:15px;color:${colours.text}">${e(line.label)}</td><td align="right" style="padding:8px 0;border-top:1px solid ${colours.border};font-size:15px;font-weight:600;color:${colours.text};white-space:nowrap">${e(line.value)}</td></tr>`,
        )
        .join('')}</table>`
    : ''
  const action = content.action
    ? `<p style="margin:8px 0 24px"><a href="${e(content.action.url)}" style="display:inline-block;background:${colours.accent};color:#ffffff;text-decoration:none;font-weight:600;font-size:16px;padding:12px 20px;border-radius:6px">${e(content.action.label)}</a></p>`
    : ''
  const tip = content.tip
    ? `<div style="margin:0 0 24px;padding:16px;border-radius:8px;background:#eef5fc;border:1px solid #c9def3"><p style="margin:0 0 4px;font-size:13px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:${colours.accent}">Did you know?</p><p style="margin:0 0 8px;font-size:16px;font-weight:600;color:${colours.text}"><a href="${e(content.tip.url)}" style="color:${colours.text}">${e(content.tip.title)}</a></p><p style="margin:0;font-size:15px;line-height:1.5;color:${colours.text}">${e(content.tip.text)}</p></div>`
    : ''
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(content.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f6f8;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">`,
    `<div style="max-width:560px;margin:0 auto;padding:24px 16px">`,
    `<p style="margin:0 0 16px;font-size:14px;font-weight:700;color:${colours.accent}">${e(context.programmeName)}</p>`,
    `<div style="background:#ffffff;border:1px solid ${colours.border};border-radius:10px;padding:24px">`,
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${colours.text}">${e(content.heading)}</h1>`,
    paragraph(greeting),
    ...content.paragraphs.map(paragraph),
    details,
    action,
    tip,
    '</div>',
    `<p style="margin:16px 0 0;font-size:13px;line-height:1.5;color:${colours.muted}">${e(footer)} <a href="${e(context.unsubscribeURL)}" style="color:${colours.muted}">Unsubscribe from ${e(label.toLowerCase())}</a> · <a href="${e(context.preferencesURL)}" style="color:${colours.muted}">All notification settings</a></p>`,
    '</div></body></html>',
  ]
    .filter(Boolean)
    .join('\n')
  return {
    headers: {
      'List-Unsubscribe': `<${context.unsubscribeApiURL}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    html,
    subject: content.subject,
    text,
  }
}

/** The digest of new points. */
export const digestContent = (input: {
  balance: null | number
  digest: DigestSummary
  programmeName: string
  statementURL: string
  tip: null | { summary?: null | string; title: string; url: string; kind: TipCandidate['kind'] }
}): MailContent => {
  const { digest } = input
  return {
    action: { label: 'See your statement', url: input.statementURL },
    details: digest.reasons.map((reason) => ({
      label: reason.count > 1 ? `${reason.reason} (×${reason.count})` : reason.reason,
      value: `+${formatNumber(reason.points)}`,
    })),
    heading: `You earned ${pluralise(digest.points, 'point')}`,
    paragraphs: [
      `Since your last update you earned ${pluralise(digest.points, 'new point')} in ${pluralise(digest.count, 'activity', 'activities')}.` +
        (input.balance === null
          ? ''
          : ` Your balance is now ${pluralise(input.balance, 'point')}.`),
    ],
    subject: `You earned ${pluralise(digest.points, 'point')} in ${input.programmeName}`,
    tip: input.tip
      ? {
          text:
            input.tip.summary?.trim() ||
            (input.tip.kind === 'course'
              ? 'A course you have not finished yet: complete it to earn more points.'
              : 'A customer story you have not read yet: read it to earn more points.'),
          title: `${input.tip.kind === 'course' ? 'Course' : 'Case study'}: ${input.tip.title}`,
          url: input.tip.url,
        }
      : undefined,
  }
}

/**
 * Whether a member's move into a tier is news worth a mail. Reaching a tier from a lower one,
 * or a first tier that asks for points, is; being placed in an entry tier that asks for none
 * (threshold 0) with one's first points is joining the club, not an upgrade, and the digest
 * already tells of those points. A tier that is not known any more (deleted) is not mailed.
 */
export const tierUpgradeIsNews = (input: {
  fromTier: null | number | string
  tiers: { id: number | string; threshold: number }[]
  toTier: null | number | string
}): boolean => {
  if (input.toTier === null) return false
  const to = input.tiers.find((tier) => String(tier.id) === String(input.toTier))
  if (!to) return false
  return input.fromTier !== null || to.threshold > 0
}

/** A tier upgrade. */
export const tierUpgradeContent = (input: {
  programmeName: string
  reason: string
  tierName: string
  url: string
}): MailContent => ({
  action: { label: 'See your benefits', url: input.url },
  heading: `Welcome to ${input.tierName}`,
  paragraphs: [
    `You have reached the ${input.tierName} tier of ${input.programmeName}.`,
    input.reason,
  ],
  subject: `You are now ${input.tierName} in ${input.programmeName}`,
})

/** Points that expire soon. */
export const expiringContent = (input: {
  expiresBy: Date
  points: number
  url: string
}): MailContent => ({
  action: { label: 'Redeem a reward', url: input.url },
  heading: `${pluralise(input.points, 'point')} expire soon`,
  paragraphs: [
    `${pluralise(input.points, 'point')} of your balance will expire by ${formatDate(input.expiresBy)} unless you spend them.`,
    'Points expire first in, first out: redeeming a reward now uses the oldest points first.',
  ],
  subject: `${pluralise(input.points, 'point')} expire by ${formatDate(input.expiresBy)}`,
})

const dateTimeParts = {
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  month: 'long',
  timeZoneName: 'short',
  weekday: 'long',
  year: 'numeric',
} as const

/** A formatter in the time zone, or in UTC when the zone is unknown. */
const dateTimeFormat = (timeZone: string) => {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...dateTimeParts, timeZone })
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...dateTimeParts, timeZone: 'UTC' })
  }
}

/** When an event starts, in its own time zone: "Thursday 10 January 2030 at 11:00 CET". */
export const formatEventStart = (startsAt: Date, timeZone: null | string): string =>
  dateTimeFormat(timeZone || 'UTC').format(startsAt)

/** The reminder the day before an event. */
export const eventReminderContent = (input: {
  onlineUrl: null | string
  startsAt: Date
  timeZone: null | string
  title: string
  url: string
  venue: null | string
}): MailContent => ({
  action: { label: 'Open the event', url: input.url },
  details: [
    { label: 'Starts', value: formatEventStart(input.startsAt, input.timeZone) },
    ...(input.venue ? [{ label: 'Where', value: input.venue }] : []),
    ...(input.onlineUrl ? [{ label: 'Join online', value: input.onlineUrl }] : []),
  ],
  heading: `Reminder: ${input.title}`,
  paragraphs: [`You are registered for ${input.title}. We look forward to seeing you.`],
  subject: `Reminder: ${input.title} starts soon`,
})

/** The recording after an event. */
export const eventRecordingContent = (input: {
  recordingUrl: string
  title: string
  url: string
}): MailContent => ({
  action: { label: 'Watch the recording', url: input.recordingUrl },
  heading: `The recording of ${input.title}`,
  paragraphs: [
    `Thank you for registering for ${input.title}. The recording is now online.`,
    `Event page: ${input.url}`,
  ],
  subject: `Recording: ${input.title}`,
})

const redemptionWording: Record<string, { heading: string; text: string }> = {
  approved: {
    heading: 'Your reward is approved',
    text: 'It will be on its way to you shortly.',
  },
  cancelled: {
    heading: 'Your redemption was cancelled',
    text: 'Your points are back on your balance.',
  },
  fulfilled: { heading: 'Your reward is on its way', text: 'It has been sent to you.' },
  rejected: {
    heading: 'Your redemption was not approved',
    text: 'Your points are back on your balance.',
  },
}

/** A decision on a redemption. */
export const redemptionContent = (input: {
  notes: null | string
  points: number
  rewardTitle: string
  status: string
  url: string
}): MailContent => {
  const wording = redemptionWording[input.status] ?? {
    heading: `Your redemption is ${input.status}`,
    text: '',
  }
  return {
    action: { label: 'See your rewards', url: input.url },
    details: [
      { label: 'Reward', value: input.rewardTitle },
      { label: 'Points', value: formatNumber(input.points) },
    ],
    heading: wording.heading,
    paragraphs: [
      `${input.rewardTitle}: ${wording.text}`.trim(),
      ...(input.notes?.trim() ? [`Note: ${input.notes.trim()}`] : []),
    ],
    subject: `${wording.heading}: ${input.rewardTitle}`,
  }
}
