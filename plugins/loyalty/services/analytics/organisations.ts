import { sql } from 'drizzle-orm'

import type { ActivityComparison } from '../../engine/analyticsQuery'

import { recommendGroup } from '../../engine/feedback'
import { loyaltySlugs } from '../../types'
import {
  type AnalyticsContext,
  and,
  bucketLabel,
  bucketOf,
  from,
  idOf,
  memberConditions,
  memberScope,
  num,
  organisationConditions,
  ref,
  within,
} from './sql'

export type OrganisationInfo = {
  id: string
  name: string
  region: null | string
  tier: null | string
}

/** The organisations in scope (partner and region filters) with their name, region and tier. */
export const organisationsInScope = async (
  context: AnalyticsContext,
  titleField: string,
): Promise<OrganisationInfo[]> => {
  const { options } = context
  const organisations = context.sql.table(options.organisations)
  const o = (key: string) => ref('o', organisations, key)
  const regionField = options.analytics ? options.analytics.regionField : false
  const rows = await context.rows(sql`
    select ${o('id')} as id, ${o(titleField)} as name,
      ${regionField ? o(regionField) : sql`null`} as region, ${o('loyalty_tier')} as tier
    from ${from(organisations, 'o')}
    where ${and(organisationConditions(context, 'o'))}
  `)
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name ?? `#${String(row.id)}`),
    region: row.region === null || row.region === undefined ? null : String(row.region),
    tier: idOf(row.tier),
  }))
}

export type ActivityRow = ActivityComparison & { organisation: string }

/**
 * Points the members in scope earned for each organisation (the organisation of each entry, at
 * the time) in the period and in the previous one of the same length, and how many of them
 * earned some (net qualifying points above zero): one index range of the ledger (account,
 * date, member, organisation and qualifying points are all in the leaderboard's index).
 */
export const activityByOrganisation = async (context: AnalyticsContext): Promise<ActivityRow[]> => {
  const { query } = context
  const ledger = context.sql.table(loyaltySlugs.ledger)
  const l = (key: string) => ref('l', ledger, key)
  const current = sql`${l('createdAt')} >= ${query.from.toISOString()}`
  // Per organisation and member first (a hash aggregate), then per organisation: no
  // COUNT(DISTINCT …) over the whole range.
  const rows = await context.rows(sql`
    select g.organisation, sum(g.points) as points, sum(g.previous_points) as previous_points,
      count(case when g.points > 0 then 1 end) as active,
      count(case when g.previous_points > 0 then 1 end) as previous_active
    from (
      select ${l('organisation')} as organisation, ${l('member')} as member,
        sum(case when ${current} then ${l('qualifyingAmount')} else 0 end) as points,
        sum(case when ${current} then 0 else ${l('qualifyingAmount')} end) as previous_points
      from ${from(ledger, 'l')}
      where ${and([
        sql`${l('account')} = 'member'`,
        within(l('createdAt'), query.previousFrom, query.to),
        sql`${l('organisation')} is not null`,
        ...memberScope(context, l('member')),
      ])}
      group by 1, 2
    ) g
    group by g.organisation
  `)
  return rows.map((row) => ({
    activeMembers: num(row.active),
    organisation: String(row.organisation),
    points: num(row.points),
    previousActiveMembers: num(row.previous_active),
    previousPoints: num(row.previous_points),
  }))
}

/** Promoters, passives and detractors among recommendation scores. */
export type NpsCounts = { detractors: number; passives: number; promoters: number }

export type NpsRow = NpsCounts & {
  organisation: null | string
  /** The same for the previous period of the same length (the trend). */
  previous: NpsCounts
}

const noCounts = (): NpsCounts => ({ detractors: 0, passives: 0, promoters: 0 })

/**
 * Recommendation scores of the feedback given in the period, and in the previous period of the
 * same length, by the members in scope, grouped by their organisation (now), period and score:
 * at most 22 rows per organisation.
 */
export const npsByOrganisation = async (context: AnalyticsContext): Promise<NpsRow[]> => {
  const { options, query } = context
  if (!options.feedback) return []
  const feedback = context.sql.table(loyaltySlugs.feedback)
  const members = context.sql.table(options.members)
  const f = (key: string) => ref('f', feedback, key)
  const organisation = ref('m', members, options.organisationField)
  const current = sql`case when ${f('createdAt')} >= ${query.from.toISOString()} then 1 else 0 end`
  const rows = await context.rows(sql`
    select ${organisation} as organisation, ${current} as current, ${f('recommend')} as recommend,
      count(*) as responses
    from ${from(feedback, 'f')}
    join ${from(members, 'm')} on ${ref('m', members, 'id')} = ${f('member')}
    where ${and([
      within(f('createdAt'), query.previousFrom, query.to),
      ...memberConditions(context, 'm'),
    ])}
    group by 1, 2, 3
  `)
  const byOrganisation = new Map<string, NpsRow>()
  for (const row of rows) {
    const key = idOf(row.organisation)
    const score = num(row.recommend)
    if (!Number.isInteger(score) || score < 0 || score > 10) continue
    let entry = byOrganisation.get(String(key))
    if (!entry) {
      entry = { ...noCounts(), organisation: key, previous: noCounts() }
      byOrganisation.set(String(key), entry)
    }
    const counts: NpsCounts = num(row.current) === 1 ? entry : entry.previous
    counts[`${recommendGroup(score)}s`] += num(row.responses)
  }
  return [...byOrganisation.values()]
}

export type TierCountRow = { count: number; tier: null | string }

/** Members in scope per current tier, and organisations in scope per current tier. */
export const tierDistribution = async (
  context: AnalyticsContext,
  serial: boolean,
): Promise<{ members: TierCountRow[]; organisations: TierCountRow[] | null }> => {
  const { options, query } = context
  const members = context.sql.table(options.members)
  const organisations = context.sql.table(options.organisations)
  const memberRows = () =>
    context.rows(sql`
      select ${ref('m', members, 'loyalty_tier')} as tier, count(*) as total
      from ${from(members, 'm')}
      where ${and(memberConditions(context, 'm'))}
      group by ${ref('m', members, 'loyalty_tier')}
    `)
  // Job role and tier describe people, not organisations.
  const organisationRows = () =>
    query.jobRole === null && query.tier === null
      ? context.rows(sql`
          select ${ref('o', organisations, 'loyalty_tier')} as tier, count(*) as total
          from ${from(organisations, 'o')}
          where ${and(organisationConditions(context, 'o'))}
          group by ${ref('o', organisations, 'loyalty_tier')}
        `)
      : Promise.resolve(null)
  const [ofMembers, ofOrganisations] = serial
    ? [await memberRows(), await organisationRows()]
    : await Promise.all([memberRows(), organisationRows()])
  const toRows = (rows: Record<string, unknown>[]) =>
    rows.map((row) => ({ count: num(row.total), tier: idOf(row.tier) }))
  return {
    members: toRows(ofMembers),
    organisations: ofOrganisations === null ? null : toRows(ofOrganisations),
  }
}

export type TierMovementRow = { account: string; bucket: string; change: string; count: number }

/** Upgrades and downgrades in the period per bucket, of the members and organisations in scope. */
export const tierMovements = async (context: AnalyticsContext): Promise<TierMovementRow[]> => {
  const { options, query } = context
  const changes = context.sql.table(loyaltySlugs.tierChanges)
  const organisations = context.sql.table(options.organisations)
  const c = (key: string) => ref('c', changes, key)
  const bucket = bucketOf(context, c('createdAt'), query.bucket)
  const memberScoped = memberScope(context, c('member'))
  const organisationScoped = organisationConditions(context, 'so')
  const organisationsApply = query.jobRole === null && query.tier === null
  const scope = sql`((${c('account')} = 'member' and ${and(memberScoped)}) or (${c('account')} = 'organisation' and ${
    organisationsApply
      ? organisationScoped.length === 0
        ? sql`1 = 1`
        : sql`${c('organisation')} in (select ${ref('so', organisations, 'id')} from ${from(organisations, 'so')} where ${and(organisationScoped)})`
      : sql`1 = 0`
  }))`
  const rows = await context.rows(sql`
    select ${bucketLabel(context, sql.raw('g.b'))} as bucket, g.account, g.change, g.total
    from (
      select ${bucket} as b, ${c('account')} as account, ${c('change')} as change, count(*) as total
      from ${from(changes, 'c')}
      where ${and([
        sql`${c('change')} in ('upgrade', 'downgrade')`,
        within(c('createdAt'), query.from, query.to),
        scope,
      ])}
      group by 1, 2, 3
    ) g
  `)
  return rows.map((row) => ({
    account: String(row.account),
    bucket: String(row.bucket),
    change: String(row.change),
    count: num(row.total),
  }))
}
