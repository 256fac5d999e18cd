import type { CollectionSlug, Payload } from 'payload'

import {
  type AnalyticsQuery,
  type EventFigures,
  type ReachFigures,
  type SeriesPoint,
  bucketKeys,
  eventFigures,
  fillSeries,
  npsOf,
  rankAtRisk,
  rankReach,
  shareOf,
  totalReach,
} from '../../engine/analyticsQuery'
import { DAY_MS } from '../../engine/calendar'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../../types'
import { loadTiers } from '../context'
import { courseFunnel, eventRegistrations, topContent } from './content'
import {
  activityByOrganisation,
  type NpsCounts,
  npsByOrganisation,
  organisationsInScope,
  tierDistribution,
  tierMovements,
} from './organisations'
import { EXPIRING_DAYS, type Liability, liability, pointsByBucket } from './points'
import { reachByOrganisation } from './reach'
import { analyticsContext } from './sql'

type Named = { id: string; name: string }
type Choice = { label: string; value: string }
type NpsFigure = { responses: number; score: null | number }
/** NPS in the period, with the previous period of the same length beside it (the trend). */
type Nps = NpsFigure & { previous: NpsFigure }

/** Most organisations listed by reach (the least reached first). */
export const REACH_LISTED = 100
/** Most organisations listed as at risk. */
export const AT_RISK_LISTED = 50

/** Everything the "Programme" view shows for one period and set of filters. */
export type ProgrammeAnalytics = {
  atRisk: {
    dropPercent: number
    partners: (Named & {
      activeMembers: number
      dropPercent: number
      nps: Nps
      points: number
      previousActiveMembers: number
      previousPoints: number
      reason: 'dropped' | 'stopped'
    })[]
    total: number
  }
  courses: {
    certified: number
    completed: number
    completionRate: null | number
    course: Named
    lessonsCompleted: number
    passed: number
    quizAttempts: number
    started: number
  }[]
  events: (EventFigures & {
    endsAt: null | string
    event: Named
    startsAt: null | string
  })[]
  feedback: { nps: Nps & { detractors: number; passives: number; promoters: number } }
  generatedAt: string
  period: {
    bucket: AnalyticsQuery['bucket']
    days: number
    from: string
    previousFrom: string
    /** The last day of the period (included). */
    to: string
  }
  points: {
    byKind: { entries: number; kind: string; points: number }[]
    byPromotion: { entries: number; points: number; promotion: Named }[]
    byRule: { entries: number; points: number; rule: Named | null }[]
    /** Points given in the period: earned and positive adjustments, members and organisations. */
    issued: number
    liability: {
      expiringDays: number
      members: Liability
      organisations: Liability | null
      total: Liability
    }
    series: { kinds: string[]; points: SeriesPoint[] }
  }
  reach: {
    byOrganisation: (ReachFigures & { nps: Nps; organisation: Named & { region: null | string } })[]
    organisations: number
    total: ReachFigures
  }
  tiers: {
    members: { count: number; share: null | number; tier: Named | null }[]
    movements: {
      points: SeriesPoint[]
      totals: { downgrades: number; upgrades: number }
    }
    organisations: { count: number; share: null | number; tier: Named | null }[] | null
  }
  topContent: {
    byCompletions: { collection: string; count: number; document: Named }[]
    byPoints: { collection: string; count: number; document: Named }[]
  }
}

/** The options of a select field of a collection, as values and labels. */
export const selectChoices = (
  payload: Payload,
  collection: CollectionSlug,
  field: string,
): Choice[] | null => {
  const config = payload.collections[collection]?.config
  const found = config?.flattenedFields.find((candidate) => candidate.name === field)
  if (!found || !('options' in found) || !Array.isArray(found.options)) return null
  return found.options.map((option) => {
    if (typeof option === 'string') return { label: option, value: option }
    const label = option.label
    return {
      label:
        typeof label === 'string'
          ? label
          : label && typeof label === 'object' && 'en' in label
            ? String((label as Record<string, string>).en)
            : option.value,
      value: option.value,
    }
  })
}

/** The title field of a collection (its `useAsTitle`, else `title`). */
const titleFieldOf = (payload: Payload, collection: string): string =>
  payload.collections[collection as CollectionSlug]?.config.admin?.useAsTitle ?? 'title'

/** Titles of documents by id, one query per collection (only the ids asked for). */
const titlesOf = async (
  payload: Payload,
  collection: false | string,
  ids: string[],
): Promise<Map<string, string>> => {
  const wanted = [...new Set(ids.filter((id) => /^(\d{1,18}|[0-9a-f]{24})$/i.test(id)))]
  if (!collection || !payload.collections[collection as CollectionSlug] || wanted.length === 0) {
    return new Map()
  }
  const title = titleFieldOf(payload, collection)
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    depth: 0,
    draft: true,
    limit: wanted.length,
    overrideAccess: true,
    pagination: false,
    select: { [title]: true },
    where: { id: { in: wanted } },
  })
  return new Map(
    (docs as unknown as Record<string, unknown>[]).map((doc) => [
      String(doc.id),
      String(doc[title] ?? `#${String(doc.id)}`),
    ]),
  )
}

/** Runs the tasks one after another (SQLite: one connection) or together (PostgreSQL: a pool). */
const runAll = async <T extends readonly (() => Promise<unknown>)[]>(
  serial: boolean,
  tasks: T,
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> => {
  if (!serial) {
    return (await Promise.all(tasks.map((task) => task()))) as {
      [K in keyof T]: Awaited<ReturnType<T[K]>>
    }
  }
  const results: unknown[] = []
  for (const task of tasks) results.push(await task())
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> }
}

const day = (date: Date) => date.toISOString().slice(0, 10)

const sumLiability = (a: Liability, b: Liability | null): Liability => ({
  expiring: a.expiring + (b?.expiring ?? 0),
  spendable: a.spendable + (b?.spendable ?? 0),
})

/**
 * The programme in figures for staff: reach, points and liability, the course funnel, events,
 * tiers, top content and organisations at risk, for one period and the members in scope. Every
 * figure is an aggregate in the database (GROUP BY, COUNT DISTINCT, SUM): no statement reads
 * more rows back than there are organisations, courses, events or buckets. Returns null on
 * MongoDB, where these statements cannot run.
 */
export const programmeAnalytics = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  query: AnalyticsQuery,
  now: Date = new Date(),
): Promise<ProgrammeAnalytics | null> => {
  const context = analyticsContext(payload, options, query)
  if (!context) return null
  const serial = context.dialect === 'sqlite'
  const dropPercent = options.analytics ? options.analytics.atRiskDropPercent : 50
  const organisationTitle = titleFieldOf(payload, options.organisations)

  const [
    reachRows,
    points,
    liabilities,
    funnel,
    events,
    tierCounts,
    movements,
    top,
    activity,
    nps,
    organisations,
    tiers,
  ] = await runAll(serial, [
    () => reachByOrganisation(context),
    () => pointsByBucket(context),
    () => liability(context, now, serial),
    () => courseFunnel(context, serial),
    () => eventRegistrations(context),
    () => tierDistribution(context, serial),
    () => tierMovements(context),
    () => topContent(context, serial),
    () => activityByOrganisation(context),
    () => npsByOrganisation(context),
    () => organisationsInScope(context, organisationTitle),
    () => loadTiers(payload, options),
  ] as const)

  const organisationById = new Map(organisations.map((row) => [row.id, row]))
  const organisationOf = (id: null | string) => {
    const found = id === null ? undefined : organisationById.get(id)
    return {
      id: id ?? '',
      name: found?.name ?? (id === null ? 'No organisation' : `#${id}`),
      region: found?.region ?? null,
    }
  }
  const npsById = new Map(
    nps.map((row) => [String(row.organisation), { ...npsOf(row), previous: npsOf(row.previous) }]),
  )
  const npsFor = (id: null | string): Nps =>
    npsById.get(String(id)) ?? {
      previous: { responses: 0, score: null },
      responses: 0,
      score: null,
    }
  const tierById = new Map(tiers.map((tier) => [String(tier.id), tier]))
  const tierOf = (id: null | string): Named | null =>
    id === null ? null : { id, name: tierById.get(id)?.name ?? `#${id}` }

  // Reach: per organisation, least reached first; the total is the sum over organisations.
  const reachRanked = rankReach(reachRows)
  const reach: ProgrammeAnalytics['reach'] = {
    byOrganisation: reachRanked.slice(0, REACH_LISTED).map(({ organisation, ...row }) => ({
      ...row,
      nps: npsFor(organisation),
      organisation: organisationOf(organisation),
    })),
    organisations: reachRows.length,
    total: totalReach(reachRows),
  }

  // Points: series by kind, totals by kind, rule and promotion; liability now.
  const keys = bucketKeys(query.from, query.to, query.bucket)
  const kinds = [...new Set(points.map((row) => row.kind))].sort()
  const byKind = new Map<string, { entries: number; kind: string; points: number }>()
  const byRule = new Map<null | string, { entries: number; points: number }>()
  const byPromotion = new Map<string, { entries: number; points: number }>()
  let issued = 0
  for (const row of points) {
    const kind = byKind.get(row.kind) ?? { entries: 0, kind: row.kind, points: 0 }
    kind.entries += row.entries
    kind.points += row.points
    byKind.set(row.kind, kind)
    if (row.kind === 'earn' || (row.kind === 'adjust' && row.points > 0)) issued += row.points
    if (row.kind !== 'earn') continue
    const rule = byRule.get(row.rule) ?? { entries: 0, points: 0 }
    rule.entries += row.entries
    rule.points += row.points
    byRule.set(row.rule, rule)
    if (row.promotion !== null) {
      const promotion = byPromotion.get(row.promotion) ?? { entries: 0, points: 0 }
      promotion.entries += row.entries
      promotion.points += row.points
      byPromotion.set(row.promotion, promotion)
    }
  }
  const [ruleNames, promotionNames, courseTitles, ...contentTitles] = await runAll(serial, [
    () =>
      titlesOf(
        payload,
        loyaltySlugs.earningRules,
        [...byRule.keys()].filter((id): id is string => id !== null),
      ),
    () => titlesOf(payload, loyaltySlugs.promotions, [...byPromotion.keys()]),
    () =>
      titlesOf(
        payload,
        options.courses,
        funnel.map((row) => row.course),
      ),
    ...[...new Set([...top.byPoints, ...top.byCompletions].map((row) => row.collection))].map(
      (collection) => async () => ({
        collection,
        titles: await titlesOf(
          payload,
          collection,
          [...top.byPoints, ...top.byCompletions]
            .filter((row) => row.collection === collection)
            .map((row) => row.document),
        ),
      }),
    ),
  ] as const)
  const contentTitle = (collection: string, id: string, fallback: null | string) =>
    (contentTitles as { collection: string; titles: Map<string, string> }[])
      .find((entry) => entry.collection === collection)
      ?.titles.get(id) ??
    fallback ??
    `${collection} #${id}`

  const memberTierTotal = tierCounts.members.reduce((sum, row) => sum + row.count, 0)
  const organisationTierTotal = (tierCounts.organisations ?? []).reduce(
    (sum, row) => sum + row.count,
    0,
  )
  const byTierRank = (a: { tier: Named | null }, b: { tier: Named | null }) =>
    (a.tier ? (tierById.get(a.tier.id)?.rank ?? 0) : -1) -
    (b.tier ? (tierById.get(b.tier.id)?.rank ?? 0) : -1)

  const atRisk = rankAtRisk(activity, dropPercent)
  const addCounts = (a: NpsCounts, b: NpsCounts): NpsCounts => ({
    detractors: a.detractors + b.detractors,
    passives: a.passives + b.passives,
    promoters: a.promoters + b.promoters,
  })
  const none: NpsCounts = { detractors: 0, passives: 0, promoters: 0 }
  const programmeNps = nps.reduce(addCounts, none)
  const programmeNpsBefore = nps.reduce((sum, row) => addCounts(sum, row.previous), none)

  return {
    atRisk: {
      dropPercent,
      partners: atRisk.slice(0, AT_RISK_LISTED).map((row) => ({
        ...organisationOf(row.organisation),
        activeMembers: row.activeMembers,
        dropPercent: row.dropPercent,
        nps: npsFor(row.organisation),
        points: row.points,
        previousActiveMembers: row.previousActiveMembers,
        previousPoints: row.previousPoints,
        reason: row.reason,
      })),
      total: atRisk.length,
    },
    courses: funnel
      .map((row) => ({
        certified: row.certified,
        completed: row.completed,
        completionRate: shareOf(row.completed, row.started),
        course: { id: row.course, name: courseTitles.get(row.course) ?? `Course #${row.course}` },
        lessonsCompleted: row.lessonsCompleted,
        passed: row.passed,
        quizAttempts: row.quizAttempts,
        started: row.started,
      }))
      .sort((a, b) => b.started - a.started || b.completed - a.completed),
    events: events.map((row) => ({
      ...eventFigures(
        {
          attended: row.attended,
          cancelled: row.cancelled,
          registered: row.registered,
          waitlisted: row.waitlisted,
        },
        row.endsAt ? new Date(row.endsAt) : null,
        now,
      ),
      endsAt: row.endsAt,
      event: { id: row.event, name: row.title },
      startsAt: row.startsAt,
    })),
    feedback: {
      nps: { ...programmeNps, ...npsOf(programmeNps), previous: npsOf(programmeNpsBefore) },
    },
    generatedAt: now.toISOString(),
    period: {
      bucket: query.bucket,
      days: Math.round((query.to.getTime() - query.from.getTime()) / DAY_MS),
      from: day(query.from),
      previousFrom: day(query.previousFrom),
      to: day(new Date(query.to.getTime() - DAY_MS)),
    },
    points: {
      byKind: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
      byPromotion: [...byPromotion]
        .map(([id, row]) => ({
          ...row,
          promotion: { id, name: promotionNames.get(id) ?? `Promotion #${id}` },
        }))
        .sort((a, b) => b.points - a.points),
      byRule: [...byRule]
        .map(([id, row]) => ({
          ...row,
          rule: id === null ? null : { id, name: ruleNames.get(id) ?? `Rule #${id}` },
        }))
        .sort((a, b) => b.points - a.points),
      issued,
      liability: {
        expiringDays: EXPIRING_DAYS,
        members: liabilities.members,
        organisations: liabilities.organisations,
        total: sumLiability(liabilities.members, liabilities.organisations),
      },
      series: {
        kinds,
        points: fillSeries(
          keys,
          kinds,
          points.map((row) => ({ bucket: row.bucket, name: row.kind, value: row.points })),
        ),
      },
    },
    reach,
    tiers: {
      members: tierCounts.members
        .map((row) => ({
          count: row.count,
          share: shareOf(row.count, memberTierTotal),
          tier: tierOf(row.tier),
        }))
        .sort(byTierRank),
      movements: {
        points: fillSeries(
          keys,
          ['memberUpgrades', 'memberDowngrades', 'organisationUpgrades', 'organisationDowngrades'],
          movements.map((row) => ({
            bucket: row.bucket,
            name: `${row.account}${row.change === 'upgrade' ? 'Upgrades' : 'Downgrades'}`,
            value: row.count,
          })),
        ),
        totals: {
          downgrades: movements
            .filter((row) => row.change === 'downgrade')
            .reduce((sum, row) => sum + row.count, 0),
          upgrades: movements
            .filter((row) => row.change === 'upgrade')
            .reduce((sum, row) => sum + row.count, 0),
        },
      },
      organisations:
        tierCounts.organisations === null
          ? null
          : tierCounts.organisations
              .map((row) => ({
                count: row.count,
                share: shareOf(row.count, organisationTierTotal),
                tier: tierOf(row.tier),
              }))
              .sort(byTierRank),
    },
    topContent: {
      byCompletions: top.byCompletions.map((row) => ({
        collection: row.collection,
        count: row.count,
        document: { id: row.document, name: contentTitle(row.collection, row.document, null) },
      })),
      byPoints: top.byPoints.map((row) => ({
        collection: row.collection,
        count: row.count,
        document: {
          id: row.document,
          name: contentTitle(row.collection, row.document, row.title),
        },
      })),
    },
  }
}

/** Filter choices for the view: organisations (id and name), regions, job roles and tiers. */
export type AnalyticsChoices = {
  jobRoles: Choice[]
  partners: Named[]
  regions: Choice[] | null
  tiers: Named[]
}

/** What the filters of the view can be set to (every organisation, region, job role, tier). */
export const analyticsChoices = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
): Promise<AnalyticsChoices> => {
  const regionField = options.analytics ? options.analytics.regionField : false
  const [partners, tiers] = await Promise.all([
    payload.find({
      collection: options.organisations,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { [titleFieldOf(payload, options.organisations)]: true },
      sort: titleFieldOf(payload, options.organisations),
    }),
    loadTiers(payload, options),
  ])
  const title = titleFieldOf(payload, options.organisations)
  return {
    jobRoles:
      selectChoices(payload, options.members, options.jobRoleField) ??
      options.jobRoles.map((role) => ({ label: role, value: role })),
    partners: (partners.docs as unknown as Record<string, unknown>[]).map((doc) => ({
      id: String(doc.id),
      name: String(doc[title] ?? `#${String(doc.id)}`),
    })),
    regions: regionField ? selectChoices(payload, options.organisations, regionField) : null,
    tiers: tiers.map((tier) => ({ id: String(tier.id), name: tier.name })),
  }
}
