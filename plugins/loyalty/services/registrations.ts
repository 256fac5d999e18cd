import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { and, eq, ne } from 'drizzle-orm'

import type { ResolvedLoyaltyOptions } from '../types'
import type { MemberSnapshot } from './context'

import { loyaltySlugs } from '../types'
import { recordActivity } from './activities'
import { type AwardResult, award } from './award'
import { loadMember } from './context'
import { publishLoyaltyEvents } from './domainEvents'
import { sqlAccess } from './sqlDatabase'

type ID = number | string

export type RegistrationStatus = 'attended' | 'cancelled' | 'registered' | 'waitlisted'

export type RegistrationRecord = {
  attendedAt?: null | string
  eventId: string
  id: ID
  key: string
  member: ID | { id: ID }
  registeredAt?: null | string
  status: RegistrationStatus
}

export const registrationKey = (memberId: ID, eventId: ID) => `${memberId}:${eventId}`

export const findRegistration = async (
  payload: Payload,
  key: string,
  req?: PayloadRequest,
): Promise<null | RegistrationRecord> => {
  const { docs } = await payload.find({
    collection: loyaltySlugs.registrations,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { key: { equals: key } },
  })
  return (docs[0] as unknown as RegistrationRecord | undefined) ?? null
}

export const updateRegistration = async (
  payload: Payload,
  id: ID,
  data: Partial<Omit<RegistrationRecord, 'eventId' | 'id' | 'key' | 'member'>>,
  req?: PayloadRequest,
): Promise<void> => {
  await payload.db.updateOne({
    collection: loyaltySlugs.registrations,
    data: { ...data, updatedAt: new Date().toISOString() },
    id,
    req,
    returning: false,
  })
}

/**
 * Creates the member's registration for the event, keyed `${member}:${event}` (unique in the
 * database). When a concurrent request created it first, that one is returned with
 * `created: false`.
 */
export const createRegistration = async (
  payload: Payload,
  memberId: ID,
  eventId: ID,
  data: Pick<RegistrationRecord, 'attendedAt' | 'registeredAt' | 'status'>,
  req?: PayloadRequest,
): Promise<{ created: boolean; record: RegistrationRecord }> => {
  const key = registrationKey(memberId, eventId)
  const now = new Date().toISOString()
  try {
    const created = await payload.db.create({
      collection: loyaltySlugs.registrations,
      req,
      data: {
        attendedAt: data.attendedAt ?? null,
        createdAt: now,
        eventId: String(eventId),
        key,
        member: memberId,
        registeredAt: data.registeredAt ?? null,
        status: data.status,
        updatedAt: now,
      },
    })
    return { created: true, record: created as unknown as RegistrationRecord }
  } catch (error) {
    const raced = await findRegistration(payload, key)
    if (raced) return { created: false, record: raced }
    throw error
  }
}

export const attendanceAward = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
  memberId: ID,
  event: { id: ID; title: string },
  actor: { relationTo: string; value: ID },
  now: Date,
  member?: MemberSnapshot,
): Promise<AwardResult> =>
  award(payload, options, {
    actor,
    idempotencyKey: `event.attended:${memberId}:${event.id}`,
    member,
    memberId,
    now,
    object: { collection, id: event.id },
    verb: 'event.attended',
  })

/**
 * Marks a registration (created when missing) as attended. Returns whether this call changed
 * it; a concurrent identical call may change it too (the write is not conditional).
 */
export const markAttended = async (
  payload: Payload,
  memberId: ID,
  eventId: ID,
  existing: null | RegistrationRecord,
  now: Date,
): Promise<boolean> => {
  const attended = { attendedAt: now.toISOString(), status: 'attended' as const }
  if (existing?.status === 'attended') return false
  if (existing) {
    const sql = sqlAccess(payload)
    if (sql) {
      // One conditional UPDATE: only the call that changes the status reports a change.
      const table = sql.table(loyaltySlugs.registrations)
      const changed = await sql.db
        .update(table)
        .set({ ...attended, updatedAt: now.toISOString() })
        .where(and(eq(table.id, existing.id), ne(table.status, 'attended')))
        .returning({ id: table.id })
      return changed.length > 0
    }
    await updateRegistration(payload, existing.id, attended)
    return true
  }
  const { created, record } = await createRegistration(payload, memberId, eventId, {
    ...attended,
    registeredAt: null,
  })
  if (created) return true
  if (record.status === 'attended') return false
  await updateRegistration(payload, record.id, attended)
  return true
}

/**
 * Attendance is awarded once and its activity recorded once. With an earning rule, the award's
 * unique idempotency key decides (exactly one of concurrent calls books the entry); without one,
 * the status change does.
 */
export const firstAttendance = (result: AwardResult, changed: boolean): boolean =>
  result.entryId !== null ? !result.duplicate : changed

/**
 * Records that a member attended an event, as staff do (the attendance list, a webinar
 * import): marks their registration attended (creating one when they never registered),
 * awards `event.attended` under the same key as a check-in (`event.attended:<member>:<event>`,
 * so a member who checked in and is also on a list earns once) and records the activity the
 * first time. Each award is its own transaction.
 */
export const recordAttendance = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
  event: { id: ID; title: string },
  memberId: ID,
  actor: { relationTo: string; value: ID },
  now: Date,
  details: Record<string, unknown> = {},
  member?: MemberSnapshot,
): Promise<AwardResult> => {
  const existing = await findRegistration(payload, registrationKey(memberId, event.id))
  const changed = await markAttended(payload, memberId, event.id, existing, now)
  const result = await attendanceAward(payload, options, collection, memberId, event, actor, now)
  if (firstAttendance(result, changed)) {
    await recordActivity(
      payload,
      memberId,
      'event.attended',
      { collection, id: event.id, title: event.title },
      details,
    )
    const snapshot = member ?? (await loadMember(payload, options, memberId))
    await publishAttended(payload, collection, event, {
      actor,
      member: memberId,
      now,
      organisation: snapshot?.organisation ?? null,
      result,
    })
  }
  return result
}

/**
 * Publishes `event.attended` once per member and event (the caller decides with
 * `firstAttendance`). The registration and the award are already committed (each in its own
 * statement or transaction), so the event is published after them; a crash in between loses it.
 */
export const publishAttended = (
  payload: Payload,
  collection: CollectionSlug,
  event: { id: ID; title: string },
  attendance: {
    /** Who recorded it: the member checking in, or staff. */
    actor: { relationTo: string; value: ID }
    member: ID
    now: Date
    organisation: ID | null
    result: AwardResult
  },
): Promise<void> =>
  publishLoyaltyEvents(payload, [
    {
      data: {
        attendedAt: attendance.now.toISOString(),
        event: { collection, id: event.id, title: event.title },
        member: attendance.member,
        organisation: attendance.organisation,
        points: attendance.result.duplicate ? 0 : attendance.result.points,
        recordedBy: { collection: attendance.actor.relationTo, id: attendance.actor.value },
      },
      type: 'event.attended',
    },
  ])
