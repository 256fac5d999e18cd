import type { Payload } from 'payload'

import type { ActivityVerb } from '../types'

import { loyaltySlugs } from '../types'
import { sqlAccess } from './sqlDatabase'

type ID = number | string

/** Records what a member did, whether or not it earned points. */
export const recordActivity = async (
  payload: Payload,
  memberId: ID,
  verb: ActivityVerb,
  object: { collection: string; id: ID; title?: string },
  details: Record<string, unknown> = {},
): Promise<void> => {
  const now = new Date().toISOString()
  const data = {
    createdAt: now,
    details,
    member: memberId,
    objectCollection: object.collection,
    objectId: String(object.id),
    objectTitle: object.title ?? null,
    updatedAt: now,
    verb,
  }
  // On SQL adapters, one INSERT; the generic create would also read the row back.
  const sql = sqlAccess(payload)
  if (sql) await sql.db.insert(sql.table(loyaltySlugs.activities)).values(data)
  else await payload.db.create({ collection: loyaltySlugs.activities, data, returning: false })
}
