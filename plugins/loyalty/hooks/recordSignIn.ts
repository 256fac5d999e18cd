import type { CollectionAfterLoginHook } from 'payload'

import { and, eq, isNull, lt, or } from 'drizzle-orm'

import type { ResolvedLoyaltyOptions } from '../types'

import { startOfDayUTC } from '../engine/calendar'
import { loyaltySlugs } from '../types'
import { sqlAccess } from '../services/sqlDatabase'

type MongoCollections = {
  collections: Record<
    string,
    {
      updateOne: (filter: object, update: object) => Promise<{ modifiedCount?: number }>
    }
  >
}

/**
 * Records a member's sign-in for the programme analytics ("reach"): sets `loyalty.lastSignInAt`
 * and, the first time on each UTC day, writes one `member.signed-in` activity. The update is
 * one conditional statement (only when the last sign-in was before today), so of two
 * concurrent sign-ins only one writes the day's activity. It runs inside the login's
 * transaction and changes only that column: the member's `updatedAt` stays the time of the last
 * real edit. A failure is logged and never refuses the sign-in.
 */
export const recordSignIn =
  (options: ResolvedLoyaltyOptions): CollectionAfterLoginHook =>
  async ({ req, user }) => {
    const member = user as { collection?: string; id?: number | string }
    if (member?.id === undefined || member.id === null) return user
    const now = new Date()
    const today = startOfDayUTC(now).toISOString()
    try {
      const transactionID = (await req.transactionID) ?? null
      const sql = sqlAccess(req.payload, transactionID)
      let firstToday = false
      if (sql) {
        const members = sql.table(options.members)
        const last = members.loyalty_lastSignInAt
        const updated = await sql.db
          .update(members)
          .set({ loyalty_lastSignInAt: now.toISOString() })
          .where(and(eq(members.id, member.id), or(isNull(last), lt(last, today))))
          .returning({ id: members.id })
        firstToday = updated.length > 0
        if (!firstToday) {
          await sql.db
            .update(members)
            .set({ loyalty_lastSignInAt: now.toISOString() })
            .where(eq(members.id, member.id))
        }
        if (firstToday) {
          await sql.db.insert(sql.table(loyaltySlugs.activities)).values({
            createdAt: now.toISOString(),
            details: {},
            member: member.id,
            objectCollection: options.members,
            objectId: String(member.id),
            objectTitle: null,
            updatedAt: now.toISOString(),
            verb: 'member.signed-in',
          })
        }
        return user
      }
      const db = req.payload.db as unknown as MongoCollections
      const result = await db.collections[options.members].updateOne(
        {
          _id: member.id,
          $or: [
            { 'loyalty.lastSignInAt': { $exists: false } },
            { 'loyalty.lastSignInAt': null },
            { 'loyalty.lastSignInAt': { $lt: new Date(today) } },
          ],
        },
        { $set: { 'loyalty.lastSignInAt': now } },
      )
      firstToday = (result.modifiedCount ?? 0) > 0
      if (!firstToday) {
        await db.collections[options.members].updateOne(
          { _id: member.id },
          { $set: { 'loyalty.lastSignInAt': now } },
        )
      } else {
        await req.payload.db.create({
          collection: loyaltySlugs.activities,
          data: {
            details: {},
            member: member.id,
            objectCollection: options.members,
            objectId: String(member.id),
            verb: 'member.signed-in',
          },
          req,
          returning: false,
        })
      }
    } catch (error) {
      req.payload.logger.error({ err: error }, 'loyalty: could not record a sign-in')
    }
    return user
  }
