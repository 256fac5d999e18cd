import type { Payload } from 'payload'

import { type SQL, sql } from 'drizzle-orm'

import type { ResolvedLoyaltyOptions } from '../types'
import type { BalancesAfter } from './balances'
import type { EntryDraft, LedgerRecord } from './ledgerWriter'

import { lotPoints } from '../engine/expiry'
import { loyaltySlugs } from '../types'
import { runPrepared, slot } from './preparedStatement'
import { type SqlAccess, column, sqlAccess, sqlType } from './sqlDatabase'

type ID = number | string

/** The ledger columns written for an entry, by Drizzle key. */
const ledgerKeys = [
  'account',
  'member',
  'organisation',
  'kind',
  'amount',
  'qualifyingAmount',
  'reason',
  'rule',
  'promotion',
  'sourceCollection',
  'sourceId',
  'sourceTitle',
  'idempotencyKey',
  'expiresAt',
  'reverses',
  'breakdown',
  'createdAt',
  'updatedAt',
] as const

/**
 * Whether `writeEarnStatement` can write these drafts: PostgreSQL (data-modifying CTEs), only
 * credits (no balance can go below zero, so there is no condition to roll back on), one actor
 * for all entries, and at most one entry per account.
 */
export const canWriteAsOneStatement = (payload: Payload, drafts: EntryDraft[]): boolean => {
  if (payload.db.name !== 'postgres' || drafts.length === 0) return false
  if (drafts.some((draft) => draft.amount < 0 || draft.qualifyingAmount < 0)) return false
  const actor = JSON.stringify(drafts[0].actor ?? null)
  if (drafts.some((draft) => JSON.stringify(draft.actor ?? null) !== actor)) return false
  const accounts = drafts.map((draft) => `${draft.account}:${draft.member}:${draft.organisation}`)
  return new Set(accounts).size === accounts.length
}

/** The statement for drafts of this shape, with a `slot` for every per-call value. */
const buildEarnStatement = (
  access: SqlAccess,
  options: ResolvedLoyaltyOptions,
  drafts: EntryDraft[],
  actor: EntryDraft['actor'],
): SQL => {
  const ledger = access.table(loyaltySlugs.ledger)
  const rels = access.table(loyaltySlugs.ledger, '_rels')
  const rows = drafts.map(
    (_, index) =>
      sql`(${sql.join(
        ledgerKeys.map((key) => sql`${slot(`d${index}.${key}`)}`),
        sql`, `,
      )})`,
  )
  const parts: SQL[] = [
    sql`entries as (insert into ${ledger} (${sql.join(
      ledgerKeys.map((key) => column(ledger, key)),
      sql`, `,
    )}) values ${sql.join(rows, sql`, `)} on conflict (${column(ledger, 'idempotencyKey')}) do nothing returning ${column(ledger, 'id')} as id, ${column(ledger, 'idempotencyKey')} as key)`,
    sql`complete as (select count(*) = ${sql.raw(String(drafts.length))} as ok from entries)`,
  ]
  if (actor) {
    const actorColumn = `${actor.relationTo}ID`
    parts.push(
      sql`actors as (insert into ${rels} (${column(rels, 'parent')}, ${column(rels, 'path')}, ${column(
        rels,
        actorColumn,
      )}) select id, 'actor', cast(${slot('actor')} as ${sql.raw(sqlType(rels, actorColumn))}) from entries)`,
    )
  }
  const aliases: string[] = []
  drafts.forEach((draft, index) => {
    const holder = access.table(
      draft.account === 'member' ? options.members : options.organisations,
    )
    const alias = `account${index}`
    aliases.push(alias)
    const add = (key: string, value: string) =>
      sql`${column(holder, key)} = coalesce(${column(holder, key)}, 0) + ${slot(`a${index}.${value}`)}`
    parts.push(
      sql`${sql.identifier(alias)} as (update ${holder} set ${add('loyalty_spendable', 'amount')}, ${add(
        'loyalty_qualifying',
        'qualifying',
      )}, ${add('loyalty_lifetime', 'qualifying')}, ${add('loyalty_lots', 'lots')} where ${column(holder, 'id')} = ${slot(`a${index}.id`)} and (select ok from complete) returning ${column(
        holder,
        'loyalty_spendable',
      )} as spendable, ${column(holder, 'loyalty_qualifying')} as qualifying, ${column(
        holder,
        'loyalty_lifetime',
      )} as lifetime, ${column(holder, 'loyalty_tier')} as "tierId", ${column(
        holder,
        'loyalty_tierSince',
      )} as "tierSince")`,
    )
  })
  const selected = [
    sql`(select json_agg(json_build_object('id', id, 'key', key)) from entries) as ids`,
    // 1 / 0, an error that undoes the whole statement, unless nothing was written (a booked
    // key) or every row was written and every account updated.
    sql`1 / (case when (select count(*) from entries) = 0 or ((select ok from complete)${sql.join(
      aliases.map((alias) => sql` and (select count(*) from ${sql.identifier(alias)}) = 1`),
      sql``,
    )}) then 1 else 0 end) as guard`,
    ...aliases.map(
      (alias) =>
        sql`(select row_to_json(${sql.identifier(alias)}) from ${sql.identifier(alias)}) as ${sql.identifier(alias)}`,
    ),
  ]
  return sql`with ${sql.join(parts, sql`, `)} select ${sql.join(selected, sql`, `)}`
}

/**
 * Writes credit entries and the cached balances they raise in **one** PostgreSQL statement,
 * which PostgreSQL runs atomically: the ledger rows (`ON CONFLICT (idempotency_key) DO
 * NOTHING`), the `actor` relations, and one conditional `UPDATE … RETURNING` per account, as
 * data-modifying CTEs. The balance updates only happen when every row was inserted; a partial
 * insert (which the paired keys make impossible in practice) aborts the whole statement.
 *
 * Returns null when the first key was already booked (nothing was written). This replaces six
 * round trips (BEGIN, two INSERTs, two UPDATEs, COMMIT) with one on the award path.
 */
export const writeEarnStatement = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  drafts: EntryDraft[],
  toData: (draft: EntryDraft) => Record<string, unknown>,
): Promise<null | { balances: Map<string, BalancesAfter>; entries: LedgerRecord[] }> => {
  const access = sqlAccess(payload)
  if (!access) throw new Error('loyalty: writeEarnStatement needs a SQL adapter')
  const createdAt = new Date().toISOString()
  const actor = drafts[0].actor ?? null
  const values: Record<string, unknown> = { actor: actor?.value ?? null }
  const updates = drafts.map((draft, index) => {
    const id = draft.account === 'member' ? draft.member : draft.organisation
    if (id === null) throw new Error(`loyalty: a ${draft.account} entry needs its ${draft.account}`)
    const data: Record<string, unknown> = { ...toData(draft), createdAt, updatedAt: createdAt }
    data.breakdown = data.breakdown === null ? null : JSON.stringify(data.breakdown)
    for (const key of ledgerKeys) values[`d${index}.${key}`] = data[key] ?? null
    values[`a${index}.amount`] = draft.amount
    values[`a${index}.qualifying`] = draft.qualifyingAmount
    values[`a${index}.lots`] = lotPoints(draft)
    values[`a${index}.id`] = id
    return { alias: `account${index}`, key: `${draft.account}:${id}` }
  })
  const shape = `earn|${actor?.relationTo ?? '-'}|${drafts.map((draft) => draft.account).join(',')}`
  const result = await runPrepared(
    payload,
    shape,
    () => buildEarnStatement(access, options, drafts, actor),
    values,
  )
  const row = result[0] ?? {}
  const ids = (row.ids as { id: ID; key: string }[] | null) ?? []
  if (ids.length === 0) return null
  const idOf = new Map(ids.map((entry) => [entry.key, entry.id]))
  const balances = new Map<string, BalancesAfter>()
  for (const { alias, key } of updates) {
    const after = row[alias] as null | Record<string, unknown>
    if (!after) throw new Error(`loyalty: no balances returned for ${key}`)
    balances.set(key, {
      lifetime: Number(after.lifetime ?? 0),
      qualifying: Number(after.qualifying ?? 0),
      spendable: Number(after.spendable ?? 0),
      tierId: (after.tierId as ID | null) ?? null,
      tierSince: after.tierSince ? new Date(String(after.tierSince)) : null,
    })
  }
  const entries = drafts.map((draft) => ({
    ...draft,
    createdAt,
    id: idOf.get(draft.idempotencyKey) as ID,
  }))
  return { balances, entries }
}
