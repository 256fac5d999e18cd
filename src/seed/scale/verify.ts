/**
 * The loyalty invariants, checked in the database over every account at once (SQLite and
 * PostgreSQL): each cached balance equals its ledger sums, nobody's spendable balance is negative,
 * every member entry has its actor, and every completed course has all its lessons completed.
 * Used by the scale seed's test and by `npm run seed:scale -- --verify`.
 */
import type { Payload } from 'payload'

import { type SQL, sql } from 'drizzle-orm'

import type { Tier } from '../../../plugins/loyalty/engine/types'

import { addMonthsUTC } from '../../../plugins/loyalty/engine/calendar'
import { evaluateTier } from '../../../plugins/loyalty/engine/tiers'
import { loyaltyOptionsOf } from '../../../plugins/loyalty/local'
import { sqlAccess } from '../../../plugins/loyalty/services/sqlDatabase'

type Row = Record<string, unknown>

/** Runs a read-only query and returns its rows, on either SQL dialect. */
export const queryRows = async (payload: Payload, query: SQL): Promise<Row[]> => {
  const drizzle = (
    payload.db as unknown as {
      drizzle: { all?: (q: SQL) => Promise<Row[]>; execute?: (q: SQL) => Promise<{ rows: Row[] }> }
    }
  ).drizzle
  if (payload.db.name === 'postgres' && drizzle.execute) return (await drizzle.execute(query)).rows
  if (drizzle.all) return drizzle.all(query)
  throw new Error(`queryRows: adapter ${payload.db.name} is not a SQL adapter`)
}

export type InvariantReport = {
  /** Accounts checked, per kind. */
  accounts: { members: number; organisations: number }
  ledgerRows: number
  /** Each broken invariant with how many rows break it; empty when everything holds. */
  problems: string[]
}

/**
 * Checks the invariants as of `now` (the qualifying window ends there; an entry written later
 * still counts, as it does for the live award path). Tiers are checked against the tier rules
 * only in `exact` mode (a downgrade may be due between reviews).
 */
export const verifyInvariants = async (
  payload: Payload,
  now: Date,
  /**
   * `exact`: qualifying points equal the window's sum at `now` (right after a tier review or the
   * seed). `bounded`: between reviews points age out of the window while the cached figure
   * waits for the next review, so it lies between the window's sum and the lifetime sum.
   */
  qualifying: 'bounded' | 'exact' = 'exact',
): Promise<InvariantReport> => {
  const exact = qualifying === 'exact'
  const access = sqlAccess(payload)
  if (!access) throw new Error('verifyInvariants needs SQLite or PostgreSQL')
  const options = loyaltyOptionsOf(payload)
  const ledger = access.table('loyalty-ledger')
  const rels = access.table('loyalty-ledger', '_rels')
  const progress = access.table('loyalty-progress')
  const tiers = await payload.find({
    collection: options.tiers,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
  })
  const tierList = (tiers.docs as unknown as Record<string, unknown>[]).map((doc): Tier => ({
    id: doc.id as number | string,
    multiplier: Number(doc.multiplier ?? 1),
    name: String(doc.name),
    qualifyingMonths: Number(doc.qualifyingMonths ?? 12),
    rank: Number(doc.rank),
    threshold: Number(doc.threshold ?? 0),
  }))
  const months = Math.max(12, ...tierList.map((tier) => tier.qualifyingMonths))
  const windowStart = addMonthsUTC(now, -months).toISOString()
  const problems: string[] = []
  const accounts = { members: 0, organisations: 0 }

  for (const [account, collection, key] of [
    ['member', options.members, 'member'],
    ['organisation', options.organisations, 'organisation'],
  ] as const) {
    const holders = access.table(collection)
    const [row] = await queryRows(
      payload,
      sql`with sums as (
            select ${ledger[key]} as id,
                   sum(${ledger.amount}) as spendable,
                   sum(${ledger.qualifyingAmount}) as lifetime,
                   sum(case when ${ledger.createdAt} >= ${windowStart} then ${ledger.qualifyingAmount} else 0 end) as qualifying,
                   sum(case when ${ledger.amount} > 0 and ${ledger.kind} in ('earn', 'adjust') then ${ledger.amount} else 0 end) as lots
              from ${ledger} where ${ledger.account} = ${account} group by ${ledger[key]})
          select count(*) as accounts,
                 sum(case when coalesce(h.loyalty_spendable, 0) <> coalesce(s.spendable, 0) then 1 else 0 end) as spendable,
                 sum(case when coalesce(h.loyalty_lifetime, 0) <> coalesce(s.lifetime, 0) then 1 else 0 end) as lifetime,
                 sum(case when coalesce(h.loyalty_lots, 0) <> coalesce(s.lots, 0) then 1 else 0 end) as lots,
                 sum(case when h.loyalty_tier_id is not null and ${
                   exact
                     ? sql`coalesce(h.loyalty_qualifying, 0) <> coalesce(s.qualifying, 0)`
                     : sql`(coalesce(h.loyalty_qualifying, 0) < coalesce(s.qualifying, 0) or coalesce(h.loyalty_qualifying, 0) > coalesce(s.lifetime, 0))`
                 } then 1 else 0 end) as qualifying,
                 sum(case when coalesce(h.loyalty_spendable, 0) < 0 then 1 else 0 end) as negative,
                 sum(case when coalesce(s.spendable, 0) > 0 and h.loyalty_tier_id is null then 1 else 0 end) as untiered
            from ${holders} h left join sums s on s.id = h.id`,
    )
    accounts[account === 'member' ? 'members' : 'organisations'] = Number(row.accounts)
    const labels: Record<string, string> = {
      lifetime: 'cached lifetime ≠ Σ qualifying amounts',
      lots: 'cached lots ≠ Σ lot points',
      negative: 'negative spendable balance',
      qualifying: exact
        ? `cached qualifying ≠ Σ qualifying amounts of the last ${months} months`
        : `cached qualifying outside [Σ of the last ${months} months, lifetime]`,
      spendable: 'cached spendable ≠ Σ amounts',
      untiered: 'points but no tier',
    }
    for (const [column, label] of Object.entries(labels)) {
      const count = Number(row[column] ?? 0)
      if (count > 0) problems.push(`${account}s: ${label} (${count})`)
    }
  }

  // Every member's tier is what the tier rules give now: no upgrade is owed, no downgrade due.
  const members = access.table(options.members)
  const tiered = await queryRows(
    payload,
    sql`select loyalty_tier_id as tier, loyalty_tier_since as since, loyalty_qualifying as qualifying
          from ${members} where loyalty_tier_id is not null`,
  )
  let wrongTier = 0
  for (const member of exact ? tiered : []) {
    const decision = evaluateTier({
      currentTierId: member.tier as number | string,
      graceDays: options.downgradeGraceDays,
      now,
      qualifying: Number(member.qualifying ?? 0),
      tierSince: member.since ? new Date(String(member.since)) : null,
      tiers: tierList,
    })
    if (decision.change !== 'none') wrongTier++
  }
  if (wrongTier > 0) problems.push(`members: tier differs from the tier rules (${wrongTier})`)

  const [entries] = await queryRows(
    payload,
    sql`select count(*) as total,
               sum(case when ${ledger.account} = 'member' and ${ledger.kind} = 'earn'
                         and not exists (select 1 from ${rels} r where r.parent_id = ${ledger.id} and r.path = 'actor')
                        then 1 else 0 end) as without_actor
          from ${ledger}`,
  )
  if (Number(entries.without_actor ?? 0) > 0) {
    problems.push(`ledger: earn entries without an actor (${Number(entries.without_actor)})`)
  }
  const [courses] = await queryRows(
    payload,
    sql`select count(*) as incomplete from ${progress} c
         where c.item = 'course' and c.completed_at is not null
           and (select count(*) from ${progress} l
                 where l.member_id = c.member_id and l.collection = c.collection
                   and l.document_id = c.document_id and l.item like 'lesson:%'
                   and l.completed_at is not null) = 0`,
  )
  if (Number(courses.incomplete ?? 0) > 0) {
    problems.push(
      `progress: completed courses without completed lessons (${Number(courses.incomplete)})`,
    )
  }
  return { accounts, ledgerRows: Number(entries.total), problems }
}
