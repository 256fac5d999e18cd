import { sql } from 'drizzle-orm'

import { addDaysUTC } from '../../engine/calendar'
import { loyaltySlugs } from '../../types'
import {
  type AnalyticsContext,
  and,
  at,
  bucketLabel,
  bucketOf,
  from,
  greatest,
  idOf,
  least,
  memberConditions,
  memberScope,
  num,
  organisationConditions,
  ref,
  within,
} from './sql'

/** Days ahead that "expiring soon" looks. */
export const EXPIRING_DAYS = 90

export type PointsRow = {
  account: string
  bucket: string
  entries: number
  kind: string
  points: number
  promotion: null | string
  qualifying: number
  rule: null | string
}

/**
 * Points in the period (entries of the members in scope, their own and their organisations'
 * shares) per bucket, account, kind, earning rule and promotion: one GROUP BY over the period's
 * ledger rows, from which the series by kind and the totals by kind, rule and promotion are
 * both read. The bucket is formatted once per group, not once per row.
 */
export const pointsByBucket = async (context: AnalyticsContext): Promise<PointsRow[]> => {
  const { query } = context
  const ledger = context.sql.table(loyaltySlugs.ledger)
  const l = (key: string) => ref('l', ledger, key)
  const rows = await context.rows(sql`
    select ${bucketLabel(context, sql.raw('g.b'))} as bucket, g.account, g.kind, g.rule,
      g.promotion, g.entries, g.points, g.qualifying
    from (
      select ${bucketOf(context, l('createdAt'), query.bucket)} as b, ${l('account')} as account,
        ${l('kind')} as kind, ${l('rule')} as rule, ${l('promotion')} as promotion,
        count(*) as entries, sum(${l('amount')}) as points,
        sum(${l('qualifyingAmount')}) as qualifying
      from ${from(ledger, 'l')}
      where ${and([within(l('createdAt'), query.from, query.to), ...memberScope(context, l('member'))])}
      group by 1, 2, 3, 4, 5
    ) g
  `)
  return rows.map((row) => ({
    account: String(row.account),
    bucket: String(row.bucket),
    entries: num(row.entries),
    kind: String(row.kind),
    points: num(row.points),
    promotion: idOf(row.promotion),
    qualifying: num(row.qualifying),
    rule: idOf(row.rule),
  }))
}

export type Liability = {
  /** Spendable points that expire within `EXPIRING_DAYS` if nothing else happens. */
  expiring: number
  /** Spendable points held (the programme's liability). */
  spendable: number
}

/**
 * Outstanding (spendable) points of the accounts in scope and how many of them expire within
 * 90 days, now. Per account the expiring points are `max(0, min(spendable, dueLots + lots
 * falling due between its watermark and the horizon − (lots − spendable)))`, the first-in,
 * first-out rule of `engine/expiry.ts` (`expiringFromTotals`), summed in the database: one pass
 * over the accounts and one index range over the lots falling due before the horizon.
 */
const accountLiability = async (
  context: AnalyticsContext,
  account: 'member' | 'organisation',
  now: Date,
): Promise<Liability> => {
  const { options } = context
  const slug = account === 'member' ? options.members : options.organisations
  const table = context.sql.table(slug)
  const ledger = context.sql.table(loyaltySlugs.ledger)
  const a = (key: string) => ref('a', table, key)
  const l = (key: string) => ref('l', ledger, key)
  const conditions =
    account === 'member' ? memberConditions(context, 'a') : organisationConditions(context, 'a')
  const horizon = at(addDaysUTC(now, EXPIRING_DAYS))
  const spendable = sql`coalesce(${a('loyalty_spendable')}, 0)`
  const outflow = sql`(coalesce(${a('loyalty_lots')}, 0) - ${spendable})`
  const dueBy = sql`(coalesce(${a('loyalty_dueLots')}, 0) + coalesce(w.due, 0))`
  // The lots due in (watermark, horizon] of each account. The lower bound on the expiry date
  // (the earliest watermark in scope) lets the database read only that range of the index.
  // An account without a watermark yet has all its lots ahead of it.
  const watermark = ref('ew', table, 'loyalty_dueThrough')
  const earliest = sql`(select case when count(*) > count(${watermark}) then ${at(new Date(0))} else min(${watermark}) end from ${from(table, 'ew')})`
  const rows = await context.rows(sql`
    select coalesce(sum(${spendable}), 0) as spendable,
      coalesce(sum(${greatest(context, sql`0`, least(context, spendable, sql`${dueBy} - ${outflow}`))}), 0) as expiring
    from ${from(table, 'a')}
    left join (
      select ${l(account)} as account_id, sum(${l('amount')}) as due
      from ${from(ledger, 'l')}
      join ${from(table, 'wa')} on ${ref('wa', table, 'id')} = ${l(account)}
      where ${l('account')} = ${account}
        and ${l('expiresAt')} > ${earliest}
        and ${l('expiresAt')} <= ${horizon}
        and (${ref('wa', table, 'loyalty_dueThrough')} is null or ${l('expiresAt')} > ${ref('wa', table, 'loyalty_dueThrough')})
        and ${l('amount')} > 0
        and ${l('kind')} in ('earn', 'adjust')
      group by ${l(account)}
    ) w on w.account_id = ${a('id')}
    where ${and([sql`${spendable} > 0`, ...conditions])}
  `)
  return { expiring: num(rows[0]?.expiring), spendable: num(rows[0]?.spendable) }
}

/**
 * Liability now of the members in scope and of their organisations (the organisations'
 * figures are null when the request filters by job role or tier, which organisations have not).
 */
export const liability = async (
  context: AnalyticsContext,
  now: Date,
  serial: boolean,
): Promise<{ members: Liability; organisations: Liability | null }> => {
  const organisationsApply = context.query.jobRole === null && context.query.tier === null
  const run = [
    () => accountLiability(context, 'member', now),
    () =>
      organisationsApply ? accountLiability(context, 'organisation', now) : Promise.resolve(null),
  ]
  const [members, organisations] = serial
    ? [await run[0](), await run[1]()]
    : await Promise.all(run.map((task) => task()))
  return { members: members as Liability, organisations }
}
