import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { EntryKind } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'

import { pointsAwarded } from '../engine/domainEvents'
import { lotPoints } from '../engine/expiry'
import { loyaltySlugs } from '../types'
import { type BalancesAfter, addToBalances } from './balances'
import { type LoyaltyEvent, publishLoyaltyEvents } from './domainEvents'
import { canWriteAsOneStatement, writeEarnStatement } from './earnStatement'
import { sqlAccess } from './sqlDatabase'

type ID = number | string

/** A ledger entry to write; see the ledger collection for the meaning of each field. */
export type EntryDraft = {
  account: 'member' | 'organisation'
  actor?: null | { relationTo: string; value: ID }
  amount: number
  breakdown?: unknown
  expiresAt?: null | string
  idempotencyKey: string
  kind: EntryKind
  member: ID | null
  organisation: ID | null
  promotion?: ID | null
  qualifyingAmount: number
  reason: string
  reverses?: ID | null
  rule?: ID | null
  source?: null | { collection: string; id: ID; title?: string }
}

/** A written ledger entry, as stored. */
export type LedgerRecord = EntryDraft & { createdAt: string; id: ID }

export type WriteResult = {
  /** Balances of each account right after this write (`member:<id>`), where the adapter returns them. */
  balances?: Map<string, BalancesAfter>
  /** False when the first entry's idempotency key was already booked: nothing new was written. */
  created: boolean
  entries: LedgerRecord[]
}

export const toData = (draft: EntryDraft): Record<string, unknown> => ({
  account: draft.account,
  actor: draft.actor ?? null,
  amount: draft.amount,
  breakdown: draft.breakdown ?? null,
  expiresAt: draft.expiresAt ?? null,
  idempotencyKey: draft.idempotencyKey,
  kind: draft.kind,
  member: draft.member,
  organisation: draft.organisation,
  promotion: draft.promotion ?? null,
  qualifyingAmount: draft.qualifyingAmount,
  reason: draft.reason,
  reverses: draft.reverses ?? null,
  rule: draft.rule ?? null,
  sourceCollection: draft.source?.collection ?? null,
  sourceId: draft.source ? String(draft.source.id) : null,
  sourceTitle: draft.source?.title ?? null,
})

/** Raised when an idempotency key is already booked; the caller rolls back. */
export class DuplicateIdempotencyKey extends Error {
  constructor() {
    super('loyalty: idempotency key already booked')
    this.name = 'DuplicateIdempotencyKey'
  }
}

/**
 * Inserts the entries. On SQL adapters: one multi-row INSERT (`ON CONFLICT (idempotency_key)
 * DO NOTHING`, so a booked key writes nothing and raises `DuplicateIdempotencyKey`) and one for
 * the polymorphic `actor` relationships. Elsewhere: the adapter's `create`, where the unique
 * index raises the error.
 */
const insertEntries = async (
  payload: Payload,
  drafts: EntryDraft[],
  transactionID: null | number | string,
  req?: PayloadRequest,
): Promise<LedgerRecord[]> => {
  const sql = sqlAccess(payload, transactionID)
  if (!sql) {
    if (!req) req = await transactionReq(payload, transactionID)
    const entries: LedgerRecord[] = []
    for (const draft of drafts) {
      const doc = await payload.db.create({
        collection: loyaltySlugs.ledger,
        data: toData(draft),
        req,
      })
      entries.push({ ...draft, createdAt: String(doc.createdAt), id: doc.id as ID })
    }
    return entries
  }
  const ledger = sql.table(loyaltySlugs.ledger)
  const createdAt = new Date().toISOString()
  const rows = await sql.db
    .insert(ledger)
    .values(
      drafts.map((draft) => {
        const { actor: _actor, ...columns } = toData(draft)
        return { ...columns, createdAt, updatedAt: createdAt }
      }),
    )
    .onConflictDoNothing({ target: ledger.idempotencyKey })
    .returning({ id: ledger.id, idempotencyKey: ledger.idempotencyKey })
  if (rows.length !== drafts.length) throw new DuplicateIdempotencyKey()
  const idOf = new Map(rows.map((row) => [String(row.idempotencyKey), row.id as ID]))
  const entries = drafts.map((draft) => ({
    ...draft,
    createdAt,
    id: idOf.get(draft.idempotencyKey) as ID,
  }))
  const actors = entries.filter((entry) => entry.actor)
  if (actors.length > 0) {
    await sql.db.insert(sql.table(loyaltySlugs.ledger, '_rels')).values(
      actors.map((entry) => ({
        [`${entry.actor?.relationTo}ID`]: entry.actor?.value,
        parent: entry.id,
        path: 'actor',
      })),
    )
  }
  return entries
}

/** The entries already booked under these idempotency keys, in the order of the keys. */
export const findByKeys = async (
  payload: Payload,
  keys: string[],
  req?: PayloadRequest,
): Promise<LedgerRecord[]> => {
  const { docs } = await payload.find({
    collection: loyaltySlugs.ledger as CollectionSlug,
    depth: 0,
    limit: keys.length,
    overrideAccess: true,
    pagination: false,
    req,
    where: { idempotencyKey: { in: keys } },
  })
  const byKey = new Map(docs.map((doc) => [(doc as unknown as LedgerRecord).idempotencyKey, doc]))
  return keys
    .map((key) => byKey.get(key))
    .filter(Boolean)
    .map((doc) => doc as unknown as LedgerRecord)
}

/**
 * Writes ledger entries and the balances they change inside a transaction the caller owns
 * (`transactionID` from `payload.db.beginTransaction()`, set on `req`). Throws
 * `InsufficientPoints` when a balance would go below zero; the caller rolls back.
 */
export const writeEntriesInTransaction = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  drafts: EntryDraft[],
  transactionID: null | number | string,
  req?: PayloadRequest,
  balances: Map<string, BalancesAfter> = new Map(),
): Promise<LedgerRecord[]> => {
  const entries = await insertEntries(payload, drafts, transactionID, req)
  for (const draft of drafts) {
    const account = draft.account === 'member' ? options.members : options.organisations
    const id = draft.account === 'member' ? draft.member : draft.organisation
    if (id === null) throw new Error(`loyalty: a ${draft.account} entry needs its ${draft.account}`)
    const after = await addToBalances(
      payload,
      transactionID,
      account,
      id,
      draft.amount,
      draft.qualifyingAmount,
      lotPoints(draft),
    )
    if (after) balances.set(`${draft.account}:${id}`, after)
  }
  return entries
}

/** A local request bound to a transaction, for adapter and Local API calls that take `req`. */
const transactionReq = async (
  payload: Payload,
  transactionID: null | number | string,
): Promise<PayloadRequest> => {
  const req = await createLocalReq({}, payload)
  if (transactionID !== null) req.transactionID = transactionID
  return req
}

/** A transaction with a request bound to it, for adapter calls that take `req`. */
export const beginTransaction = async (
  payload: Payload,
): Promise<{ req: PayloadRequest; transactionID: null | number | string }> => {
  const transactionID = (await payload.db.beginTransaction()) ?? null
  return { req: await transactionReq(payload, transactionID), transactionID }
}

/** `points.awarded` for the credits among newly written entries. */
const awardEvents = (entries: LedgerRecord[]): LoyaltyEvent[] =>
  pointsAwarded(entries).map((data) => ({ data, type: 'points.awarded' }))

/**
 * Writes ledger entries and the cached balances they change in one database transaction:
 * all or nothing. Uses the database adapter directly (no hooks, no document validation: the
 * callers build entries from the engine's decisions), which keeps the award path fast.
 *
 * - The idempotency key is unique in the database. When the first key is already booked
 *   (a retry, or a concurrent identical request), nothing is written and the booked entries
 *   are returned with `created: false`.
 * - A balance never goes below zero: the conditional update fails, the transaction rolls
 *   back, and `InsufficientPoints` is thrown.
 * - Credits to members (positive `earn` and `adjust` entries) publish `points.awarded`, once:
 *   only the write that booked the key publishes.
 */
export const writeLedger = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  drafts: EntryDraft[],
): Promise<WriteResult> => {
  if (drafts.length === 0) return { created: true, entries: [] }
  const keys = drafts.map((draft) => draft.idempotencyKey)
  if (canWriteAsOneStatement(payload, drafts)) {
    const written = await writeEarnStatement(payload, options, drafts, toData)
    if (!written) return { created: false, entries: await findByKeys(payload, keys) }
    // One autocommitted statement: there is no open transaction to queue the events in, so
    // they are published right after it (a crash in between loses them). A repeated key wrote
    // nothing and publishes nothing.
    await publishLoyaltyEvents(payload, awardEvents(written.entries))
    return { ...written, created: true }
  }
  // No request object is needed on SQL adapters: the statements run on the transaction itself.
  const transactionID = (await payload.db.beginTransaction()) ?? null
  try {
    const balances = new Map<string, BalancesAfter>()
    const entries = await writeEntriesInTransaction(
      payload,
      options,
      drafts,
      transactionID,
      undefined,
      balances,
    )
    // Queued in the same transaction: committed with the entries, or rolled back with them.
    await publishLoyaltyEvents(payload, awardEvents(entries), { transactionID })
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
    return { balances, created: true, entries }
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    const booked = await findByKeys(payload, keys.slice(0, 1))
    if (booked.length > 0) return { created: false, entries: await findByKeys(payload, keys) }
    throw error
  }
}
