import { DAY_MS, addDaysUTC, startOfDayUTC } from './calendar'
import { netPromoterScore, percentOf } from './feedback'

/** The width of one step of a time series: chosen from the length of the period. */
export type Bucket = 'day' | 'month' | 'week'

/** A checked analytics request: a period, its series step and the filters on members. */
export type AnalyticsQuery = {
  bucket: Bucket
  /** Start of the period (midnight UTC, inclusive). */
  from: Date
  /** Job role of the members counted (their role now). */
  jobRole: null | string
  /** Organisation of the members counted (their organisation now). */
  partner: null | string
  /** Start of the previous period of the same length (for "at risk"); it ends at `from`. */
  previousFrom: Date
  /** Region of the members' organisation. */
  region: null | string
  /** The members' current tier. */
  tier: null | string
  /** End of the period (midnight UTC after its last day, exclusive). */
  to: Date
}

/** What a request may be checked against. */
export type AnalyticsLimits = {
  jobRoles: string[]
  /** Longest period in days (both ends included). */
  maxRangeDays: number
  /** The regions organisations can have; null when they have no region. */
  regions: null | string[]
}

/** Query parameters the analytics endpoint understands. */
export const analyticsParameters = ['from', 'to', 'partner', 'region', 'jobRole', 'tier'] as const
type Parameter = (typeof analyticsParameters)[number]

/** Days a period covers when the request names none. */
export const DEFAULT_PERIOD_DAYS = 30

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/
const ID_PATTERN = /^(\d{1,18}|[0-9a-f]{24})$/i

const quote = (raw: string) => `"${raw.slice(0, 40)}${raw.length > 40 ? '…' : ''}"`

/** A day `YYYY-MM-DD` as midnight UTC, or a message saying what is wrong. */
const parseDay = (name: string, raw: string): Date | string => {
  if (!DAY_PATTERN.test(raw)) return `${name} must be a day like 2026-11-01 (got ${quote(raw)}).`
  const date = new Date(`${raw}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    return `${name} is not a real date (got ${quote(raw)}).`
  }
  if (date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
    return `${name} must be a day between the years 2000 and 2100 (got ${quote(raw)}).`
  }
  return date
}

/** The series step for a period: days up to about two months, weeks up to a year, else months. */
export const bucketFor = (from: Date, to: Date): Bucket => {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS)
  if (days <= 62) return 'day'
  if (days <= 366) return 'week'
  return 'month'
}

/**
 * Checks an analytics request. `from` and `to` are days (both included; `to` defaults to
 * today, `from` to 30 days before `to`); the filters must name a known region or job role, or
 * look like an id. Unknown or repeated parameters are refused, so that a typo never silently
 * shows unfiltered figures. Returns the query or a message a person understands.
 */
export const parseAnalyticsQuery = (
  params: URLSearchParams,
  now: Date,
  limits: AnalyticsLimits,
): { error: string } | { query: AnalyticsQuery } => {
  const values = new Map<Parameter, string>()
  for (const [name, value] of params) {
    if (!(analyticsParameters as readonly string[]).includes(name)) {
      return {
        error: `Unknown parameter ${quote(name)}: use ${analyticsParameters.join(', ')}.`,
      }
    }
    if (values.has(name as Parameter)) return { error: `Give ${name} only once.` }
    values.set(name as Parameter, value)
  }
  const given = (name: Parameter): null | string => {
    const value = values.get(name)
    return value === undefined || value === '' ? null : value
  }

  const today = startOfDayUTC(now)
  const rawTo = given('to')
  const lastDay = rawTo === null ? today : parseDay('to', rawTo)
  if (typeof lastDay === 'string') return { error: lastDay }
  const rawFrom = given('from')
  const from =
    rawFrom === null ? addDaysUTC(lastDay, -(DEFAULT_PERIOD_DAYS - 1)) : parseDay('from', rawFrom)
  if (typeof from === 'string') return { error: from }
  if (from.getTime() > lastDay.getTime()) {
    return { error: 'from must be on or before to.' }
  }
  const to = addDaysUTC(lastDay, 1)
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS)
  if (days > limits.maxRangeDays) {
    return {
      error: `The period is ${days} days long; choose at most ${limits.maxRangeDays} days.`,
    }
  }

  const partner = given('partner')
  if (partner !== null && !ID_PATTERN.test(partner)) {
    return { error: `partner must be the id of a partner company (got ${quote(partner)}).` }
  }
  const tier = given('tier')
  if (tier !== null && !ID_PATTERN.test(tier)) {
    return { error: `tier must be the id of a tier (got ${quote(tier)}).` }
  }
  const jobRole = given('jobRole')
  if (jobRole !== null && !limits.jobRoles.includes(jobRole)) {
    return {
      error: `Unknown job role ${quote(jobRole)}: use ${limits.jobRoles.join(', ')}.`,
    }
  }
  const region = given('region')
  if (region !== null) {
    if (limits.regions === null) return { error: 'Organisations have no region to filter by.' }
    if (!limits.regions.includes(region)) {
      return { error: `Unknown region ${quote(region)}: use ${limits.regions.join(', ')}.` }
    }
  }
  return {
    query: {
      bucket: bucketFor(from, to),
      from,
      jobRole,
      partner,
      previousFrom: new Date(from.getTime() - (to.getTime() - from.getTime())),
      region,
      tier,
      to,
    },
  }
}

/** The start (a day `YYYY-MM-DD`) of the bucket holding `date`; weeks start on Monday (ISO). */
export const bucketKey = (date: Date, bucket: Bucket): string => {
  const day = startOfDayUTC(date)
  if (bucket === 'month') day.setUTCDate(1)
  if (bucket === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day.toISOString().slice(0, 10)
}

/** Every bucket of the period, in order (the first may start before `from`). */
export const bucketKeys = (from: Date, to: Date, bucket: Bucket): string[] => {
  const keys: string[] = []
  const cursor = new Date(`${bucketKey(from, bucket)}T00:00:00Z`)
  while (cursor.getTime() < to.getTime()) {
    keys.push(cursor.toISOString().slice(0, 10))
    if (bucket === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1)
    else if (bucket === 'week') cursor.setUTCDate(cursor.getUTCDate() + 7)
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1)
  }
  return keys
}

/** One point of a series: the bucket and a value per series name (0 where nothing happened). */
export type SeriesPoint = { bucket: string; values: Record<string, number> }

/**
 * Turns grouped rows (bucket, series name, value) into one point per bucket of the period, with
 * every series name present in every point: charts need the empty buckets too.
 */
export const fillSeries = (
  keys: string[],
  names: string[],
  rows: { bucket: string; name: string; value: number }[],
): SeriesPoint[] => {
  const points = new Map(
    keys.map((bucket) => [bucket, Object.fromEntries(names.map((name) => [name, 0]))]),
  )
  for (const row of rows) {
    const point = points.get(row.bucket)
    if (!point) continue
    point[row.name] = (point[row.name] ?? 0) + row.value
  }
  return [...points].map(([bucket, values]) => ({ bucket, values }))
}

/** A share in percent with one decimal, null when the whole is 0. */
export const shareOf = (part: number, whole: number): null | number =>
  percentOf(Math.max(0, Math.min(part, whole)), Math.max(0, whole))

/** Reach of an organisation's members in the period. */
export type ReachCounts = { earned: number; members: number; reached: number; signedIn: number }

export type ReachFigures = ReachCounts & {
  earnedShare: null | number
  reachedShare: null | number
  signedInShare: null | number
}

/** Adds the shares (of all members in scope) to reach counts. */
export const reachFigures = (counts: ReachCounts): ReachFigures => ({
  ...counts,
  earnedShare: shareOf(counts.earned, counts.members),
  reachedShare: shareOf(counts.reached, counts.members),
  signedInShare: shareOf(counts.signedIn, counts.members),
})

/** Reach per organisation, the least reached first (ties: the larger organisation first). */
export const rankReach = <T extends ReachCounts>(rows: T[]): (T & ReachFigures)[] =>
  rows
    .map((row) => ({ ...row, ...reachFigures(row) }))
    .sort(
      (a, b) =>
        (a.reachedShare ?? Number.POSITIVE_INFINITY) -
          (b.reachedShare ?? Number.POSITIVE_INFINITY) || b.members - a.members,
    )

/** The sum of reach counts (the programme's reach from its organisations'). */
export const totalReach = (rows: ReachCounts[]): ReachFigures =>
  reachFigures(
    rows.reduce(
      (sum, row) => ({
        earned: sum.earned + row.earned,
        members: sum.members + row.members,
        reached: sum.reached + row.reached,
        signedIn: sum.signedIn + row.signedIn,
      }),
      { earned: 0, members: 0, reached: 0, signedIn: 0 },
    ),
  )

/** Figures of one event from its registrations. */
export type EventCounts = {
  attended: number
  cancelled: number
  /** Seats held and not (yet) attended. */
  registered: number
  waitlisted: number
}

export type EventFigures = EventCounts & {
  /** Attended in percent of the seats given (attended + registered), once the event ended. */
  attendanceRate: null | number
  ended: boolean
  /** Seats held by people who did not come, once the event ended. */
  noShows: null | number
  /** Everyone who registered (seats given, attended or not). */
  seats: number
}

/** Attendance rate and no-shows of an event: only meaningful once it has ended. */
export const eventFigures = (counts: EventCounts, endsAt: Date | null, now: Date): EventFigures => {
  const ended = endsAt !== null && endsAt.getTime() <= now.getTime()
  const seats = counts.registered + counts.attended
  return {
    ...counts,
    attendanceRate: ended ? shareOf(counts.attended, seats) : null,
    ended,
    noShows: ended ? counts.registered : null,
    seats,
  }
}

/** An organisation's activity in the period and in the one before it. */
export type ActivityComparison = {
  /** Members who earned points in the period. */
  activeMembers: number
  /** Points its people earned in the period (qualifying). */
  points: number
  previousActiveMembers: number
  previousPoints: number
}

export type AtRisk<T> = T & {
  /** The fall in points, in percent of the previous period (whole number). */
  dropPercent: number
  /** Why it is flagged. */
  reason: 'dropped' | 'stopped'
}

/**
 * Organisations whose activity fell: points earned by their people this period against the
 * previous period of the same length. Flagged when they earned something before and now earn
 * nothing ("stopped") or at least `dropPercent` less ("dropped"). The steepest and then the
 * largest falls first.
 */
export const rankAtRisk = <T extends ActivityComparison>(
  rows: T[],
  dropPercent: number,
): AtRisk<T>[] =>
  rows
    .filter((row) => row.previousPoints > 0)
    .map((row) => ({
      ...row,
      dropPercent: Math.round((100 * (row.previousPoints - row.points)) / row.previousPoints),
      reason: (row.points <= 0 ? 'stopped' : 'dropped') as 'dropped' | 'stopped',
    }))
    // The threshold is compared exactly (a fall of 49.9 % is not 50 %); the figure shown is rounded.
    .filter(
      (row) =>
        row.points <= 0 ||
        100 * (row.previousPoints - row.points) >= dropPercent * row.previousPoints,
    )
    .sort(
      (a, b) =>
        b.dropPercent - a.dropPercent ||
        b.previousPoints - b.points - (a.previousPoints - a.points),
    )

/** NPS of grouped recommendation scores (promoters, passives, detractors counts). */
export const npsOf = (counts: {
  detractors: number
  passives: number
  promoters: number
}): { responses: number; score: null | number } => ({
  responses: counts.detractors + counts.passives + counts.promoters,
  score: netPromoterScore(counts),
})
