import { sql } from 'drizzle-orm'

import type { ReachCounts } from '../../engine/analyticsQuery'

import { loyaltySlugs } from '../../types'
import { type AnalyticsContext, and, from, idOf, memberConditions, num, ref, within } from './sql'

export type ReachRow = ReachCounts & { organisation: null | string }

/**
 * Reach per organisation in the period, one GROUP BY over the members in scope: how many
 * members there are, how many signed in (a `member.signed-in` activity), how many earned points
 * (a member entry that raised their qualifying points) and how many did either. Each member is
 * counted once: the sign-ins and earners are distinct member ids joined to the members.
 */
export const reachByOrganisation = async (context: AnalyticsContext): Promise<ReachRow[]> => {
  const { options, query } = context
  const members = context.sql.table(options.members)
  const activities = context.sql.table(loyaltySlugs.activities)
  const ledger = context.sql.table(loyaltySlugs.ledger)
  const rows = await context.rows(sql`
    select ${ref('m', members, options.organisationField)} as organisation,
      count(*) as members,
      count(s.member_id) as signed_in,
      count(e.member_id) as earned,
      count(case when s.member_id is not null or e.member_id is not null then 1 end) as reached
    from ${from(members, 'm')}
    left join (
      select distinct ${ref('a', activities, 'member')} as member_id
      from ${from(activities, 'a')}
      where ${ref('a', activities, 'verb')} = 'member.signed-in'
        and ${within(ref('a', activities, 'createdAt'), query.from, query.to)}
    ) s on s.member_id = ${ref('m', members, 'id')}
    left join (
      select distinct ${ref('l', ledger, 'member')} as member_id
      from ${from(ledger, 'l')}
      where ${ref('l', ledger, 'account')} = 'member'
        and ${within(ref('l', ledger, 'createdAt'), query.from, query.to)}
        and ${ref('l', ledger, 'qualifyingAmount')} > 0
    ) e on e.member_id = ${ref('m', members, 'id')}
    where ${and(memberConditions(context, 'm'))}
    group by ${ref('m', members, options.organisationField)}
  `)
  return rows.map((row) => ({
    earned: num(row.earned),
    members: num(row.members),
    organisation: idOf(row.organisation),
    reached: num(row.reached),
    signedIn: num(row.signed_in),
  }))
}
