import type { Payload } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { type SQL, and, eq, isNull, lte, sql as sqlText } from 'drizzle-orm'

import { type ActivityVerb, loyaltySlugs } from '../types'
import { recordActivity } from './activities'
import { type Slot, runPrepared, slot } from './preparedStatement'
import { type SqlAccess, type Table, column, sqlAccess, sqlType } from './sqlDatabase'

type ID = number | string

export type ProgressRecord = {
  attempts: number
  certificateCode?: null | string
  completedAt: null | string
  id: ID
  key: string
  scorePercent?: null | number
  startedAt: null | string
}

export const progressKey = (memberId: ID, collection: string, documentId: ID, item: string) =>
  `${memberId}:${collection}:${documentId}:${item}`

const iso = (value: unknown): null | string =>
  value === null || value === undefined ? null : new Date(value as string).toISOString()

const fromRow = (row: Record<string, unknown>): ProgressRecord => ({
  attempts: Number(row.attempts ?? 0),
  certificateCode: (row.certificateCode as null | string | undefined) ?? null,
  completedAt: iso(row.completedAt),
  id: row.id as ID,
  key: String(row.key),
  scorePercent: (row.scorePercent as null | number | undefined) ?? null,
  startedAt: iso(row.startedAt),
})

const progressColumns = (table: Table) => ({
  attempts: table.attempts,
  certificateCode: table.certificateCode,
  completedAt: table.completedAt,
  id: table.id,
  key: table.key,
  scorePercent: table.scorePercent,
  startedAt: table.startedAt,
})

/** The progress record for a key, or null. */
export const findProgress = async (
  payload: Payload,
  key: string,
): Promise<null | ProgressRecord> => {
  const sql = sqlAccess(payload)
  if (sql) {
    const table = sql.table(loyaltySlugs.progress)
    const rows = await sql.db.select(progressColumns(table)).from(table).where(eq(table.key, key))
    return rows[0] ? fromRow(rows[0]) : null
  }
  const { docs } = await payload.find({
    collection: loyaltySlugs.progress,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: { key: { equals: key } },
  })
  return (docs[0] as unknown as ProgressRecord | undefined) ?? null
}

/** All progress records of a member on one document. */
export const progressOn = async (
  payload: Payload,
  memberId: ID,
  collection: string,
  documentId: ID,
): Promise<ProgressRecord[]> => {
  const sql = sqlAccess(payload)
  if (sql) {
    const table = sql.table(loyaltySlugs.progress)
    const rows = await sql.db
      .select(progressColumns(table))
      .from(table)
      .where(
        and(
          eq(table.member, memberId),
          eq(table.collection, collection),
          eq(table.documentId, String(documentId)),
        ),
      )
    return rows.map(fromRow)
  }
  const { docs } = await payload.find({
    collection: loyaltySlugs.progress,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    where: {
      and: [
        { member: { equals: memberId } },
        { collection: { equals: collection } },
        { documentId: { equals: String(documentId) } },
      ],
    },
  })
  return docs as unknown as ProgressRecord[]
}

/**
 * The progress record for an item, created on first use. The unique key makes concurrent
 * first uses safe: the loser of the race reads the winner's record.
 */
export const ensureProgress = async (
  payload: Payload,
  _options: ResolvedLoyaltyOptions,
  memberId: ID,
  collection: string,
  documentId: ID,
  item: string,
  now: Date,
): Promise<{ created: boolean; record: ProgressRecord }> => {
  const key = progressKey(memberId, collection, documentId, item)
  const existing = await findProgress(payload, key)
  if (existing) return { created: false, record: existing }
  const sql = sqlAccess(payload)
  if (sql) {
    const table = sql.table(loyaltySlugs.progress)
    const stamp = now.toISOString()
    const rows = await sql.db
      .insert(table)
      .values({
        attempts: 0,
        collection,
        createdAt: stamp,
        documentId: String(documentId),
        item,
        key,
        member: memberId,
        startedAt: stamp,
        updatedAt: stamp,
      })
      .onConflictDoNothing({ target: table.key })
      .returning(progressColumns(table))
    if (rows[0]) return { created: true, record: fromRow(rows[0]) }
    const raced = await findProgress(payload, key)
    if (raced) return { created: false, record: raced }
    throw new Error(`loyalty: progress ${key} could not be created`)
  }
  try {
    const created = await payload.db.create({
      collection: loyaltySlugs.progress,
      data: {
        attempts: 0,
        collection,
        createdAt: now.toISOString(),
        documentId: String(documentId),
        item,
        key,
        member: memberId,
        startedAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
    })
    return { created: true, record: created as unknown as ProgressRecord }
  } catch (error) {
    const raced = await findProgress(payload, key)
    if (raced) return { created: false, record: raced }
    throw error
  }
}

/** Updates simple fields of a progress record. */
export const updateProgress = async (
  payload: Payload,
  id: ID,
  data: Partial<Omit<ProgressRecord, 'id' | 'key'>>,
): Promise<void> => {
  await payload.db.updateOne({
    collection: loyaltySlugs.progress,
    data: { ...data, updatedAt: new Date().toISOString() },
    id,
    returning: false,
  })
}

type MongoProgress = {
  collections: Record<
    string,
    { updateOne: (filter: object, update: object) => Promise<{ modifiedCount: number }> }
  >
}

/**
 * Marks a progress record complete if it is not yet, in one conditional statement, and tells
 * whether this call was the one that did it. Concurrent identical requests therefore record
 * the completion (and its activity) exactly once.
 */
export const claimCompletion = async (payload: Payload, id: ID, now: Date): Promise<boolean> => {
  const sql = sqlAccess(payload)
  if (!sql) {
    const result = await (payload.db as unknown as MongoProgress).collections[
      loyaltySlugs.progress
    ].updateOne({ _id: id, completedAt: null }, { $set: { completedAt: now, updatedAt: now } })
    return result.modifiedCount === 1
  }
  const table = sql.table(loyaltySlugs.progress)
  const rows = await sql.db
    .update(table)
    .set({ completedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(and(eq(table.id, id), isNull(table.completedAt)))
    .returning({ id: table.id })
  return rows.length === 1
}

/** The activity to record when a claim succeeds (see `recordActivity`). */
export type ClaimActivity = {
  details?: Record<string, unknown>
  memberId: ID
  object: { collection: string; id: ID; title?: string }
  verb: ActivityVerb
}

/** Counts the member's other completed items of the document (`siblings` is the alias). */
const siblingsDoneQuery = (table: Table, values: Record<string, unknown>) => {
  const other = (name: string) => sqlText`${sqlText.identifier('siblings')}.${column(table, name)}`
  return sqlText`(select count(*) from ${table} as ${sqlText.identifier('siblings')} where ${other('member')} = ${values.memberId} and ${other('collection')} = ${values.collection} and ${other('documentId')} = ${values.documentId} and ${other('item')} like ${values.prefix} and ${other('completedAt')} is not null and ${other('key')} <> ${values.key})`
}

/**
 * PostgreSQL: the claim, the count of the other completed items and the activity in one
 * statement (data-modifying CTEs), with a slot for every per-call value.
 */
const buildClaimStatement = (sql: SqlAccess): SQL => {
  const table = sql.table(loyaltySlugs.progress)
  const activities = sql.table(loyaltySlugs.activities)
  const activity: Record<string, Slot> = {
    createdAt: slot('now'),
    details: slot('details'),
    member: slot('subject'),
    objectCollection: slot('objectCollection'),
    objectId: slot('objectId'),
    objectTitle: slot('objectTitle'),
    updatedAt: slot('now'),
    verb: slot('verb'),
  }
  const names = Object.keys(activity)
  const siblingsDone = siblingsDoneQuery(table, {
    collection: slot('collection'),
    documentId: slot('documentId'),
    key: slot('key'),
    memberId: slot('memberId'),
    prefix: slot('prefix'),
  })
  return sqlText`with claimed as (update ${table} set ${column(table, 'completedAt')} = ${slot('now')}, ${column(table, 'updatedAt')} = ${slot('now')} where ${column(table, 'key')} = ${slot('key')} and ${column(table, 'completedAt')} is null and ${column(table, 'startedAt')} <= ${slot('startedBy')} returning ${column(table, 'id')} as id, ${siblingsDone} as siblings_done), logged as (insert into ${activities} (${sqlText.join(
    names.map((name) => column(activities, name)),
    sqlText`, `,
  )}) select ${sqlText.join(
    names.map(
      (name) => sqlText`cast(${activity[name]} as ${sqlText.raw(sqlType(activities, name))})`,
    ),
    sqlText`, `,
  )} from claimed) select id, siblings_done from claimed`
}

/**
 * Completes the item of `key` if it was started at least `minimumSeconds` before `now` and is
 * not complete yet, and records `activity` when it does. `claimed` tells whether this call
 * completed it; when false, the caller reads the record to say why (not started, too early,
 * already done). On SQL adapters the claim also counts the member's other completed items of
 * the document whose item starts with `siblings.prefix` (e.g. the other lessons of the course),
 * so the caller knows without another read whether the whole document can be done.
 *
 * On PostgreSQL the claim, the count and the activity are one statement (a data-modifying CTE):
 * the activity is written exactly when the claim succeeds.
 */
export const claimIfDue = async (
  payload: Payload,
  key: string,
  now: Date,
  minimumSeconds: number,
  siblings: { collection: string; documentId: ID; memberId: ID; prefix: string },
  activity: ClaimActivity,
): Promise<{ claimed: boolean; siblingsDone: null | number }> => {
  const startedBy = new Date(now.getTime() - minimumSeconds * 1000)
  const sql = sqlAccess(payload)
  const record = () =>
    recordActivity(payload, activity.memberId, activity.verb, activity.object, activity.details)
  if (!sql) {
    const result = await (payload.db as unknown as MongoProgress).collections[
      loyaltySlugs.progress
    ].updateOne(
      { completedAt: null, key, startedAt: { $lte: startedBy } },
      { $set: { completedAt: now, updatedAt: now } },
    )
    if (result.modifiedCount === 1) await record()
    return { claimed: result.modifiedCount === 1, siblingsDone: null }
  }
  const table = sql.table(loyaltySlugs.progress)
  if (payload.db.name === 'postgres') {
    const rows = await runPrepared(payload, 'claim-with-activity', () => buildClaimStatement(sql), {
      collection: siblings.collection,
      details: JSON.stringify(activity.details ?? {}),
      documentId: String(siblings.documentId),
      key,
      memberId: siblings.memberId,
      now: now.toISOString(),
      objectCollection: activity.object.collection,
      objectId: String(activity.object.id),
      objectTitle: activity.object.title ?? null,
      prefix: `${siblings.prefix}%`,
      startedBy: startedBy.toISOString(),
      subject: activity.memberId,
      verb: activity.verb,
    })
    if (rows.length !== 1) return { claimed: false, siblingsDone: null }
    return { claimed: true, siblingsDone: Number(rows[0].siblings_done ?? 0) }
  }
  const siblingsDone = siblingsDoneQuery(table, {
    collection: siblings.collection,
    documentId: String(siblings.documentId),
    key,
    memberId: siblings.memberId,
    prefix: `${siblings.prefix}%`,
  })
  const rows = await sql.db
    .update(table)
    .set({ completedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(
      and(
        eq(table.key, key),
        isNull(table.completedAt),
        lte(table.startedAt, startedBy.toISOString()),
      ),
    )
    .returning({ id: table.id, siblingsDone })
  if (rows.length !== 1) return { claimed: false, siblingsDone: null }
  await record()
  return { claimed: true, siblingsDone: Number(rows[0].siblingsDone ?? 0) }
}
