import type { Payload } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { and, eq, isNull } from 'drizzle-orm'

import { loyaltySlugs } from '../types'

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

/** The progress record for a key, or null. */
export const findProgress = async (
  payload: Payload,
  key: string,
): Promise<null | ProgressRecord> => {
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

type ClaimTable = Record<string, Parameters<typeof eq>[0]> & object
type ClaimAdapter = {
  collections?: Record<
    string,
    { updateOne: (filter: object, update: object) => Promise<{ modifiedCount: number }> }
  >
  drizzle: {
    update: (table: ClaimTable) => {
      set: (values: object) => {
        where: (condition: unknown) => { returning: (fields: object) => Promise<unknown[]> }
      }
    }
  }
  name: string
  tables: Record<string, ClaimTable>
}

/**
 * Marks a progress record complete if it is not yet, in one conditional statement, and tells
 * whether this call was the one that did it. Concurrent identical requests therefore record
 * the completion (and its activity) exactly once.
 */
export const claimCompletion = async (payload: Payload, id: ID, now: Date): Promise<boolean> => {
  const db = payload.db as unknown as ClaimAdapter
  if (db.name === 'mongoose' && db.collections) {
    const result = await db.collections[loyaltySlugs.progress].updateOne(
      { _id: id, completedAt: null },
      { $set: { completedAt: now, updatedAt: now } },
    )
    return result.modifiedCount === 1
  }
  const table = db.tables[loyaltySlugs.progress.replace(/-/g, '_')]
  const rows = await db.drizzle
    .update(table)
    .set({ completedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(and(eq(table.id, id), isNull(table.completedAt)))
    .returning({ id: table.id })
  return rows.length === 1
}
