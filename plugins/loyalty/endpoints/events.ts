import type { CollectionSlug, Endpoint, Payload, PayloadRequest } from 'payload'

import { eq } from 'drizzle-orm'

import type { MemberSnapshot } from '../services/context'
import type { EntryDraft, LedgerRecord } from '../services/ledgerWriter'
import type { ResolvedLoyaltyOptions } from '../types'

import { ledgerEffect } from '../engine/ledger'
import { recordActivity } from '../services/activities'
import { type AwardResult, award } from '../services/award'
import { InsufficientPoints } from '../services/balances'
import { cached } from '../services/cache'
import { contentCacheKey, loadMember, loadTiers } from '../services/context'
import { withLock } from '../services/eventLock'
import { findByKeys, writeLedger } from '../services/ledgerWriter'
import {
  type RegistrationRecord,
  type RegistrationStatus,
  attendanceAward,
  createRegistration,
  findRegistration,
  firstAttendance,
  markAttended,
  publishAttended,
  recordAttendance,
  registrationKey,
  updateRegistration,
} from '../services/registrations'
import { sqlAccess } from '../services/sqlDatabase'
import { loyaltySlugs } from '../types'
import { HttpError, handle, idParam, jsonBody, ok, requireStaff } from '../utilities/http'
import { memberContext } from './memberContext'
import { relationId } from '../utilities/ids'

type ID = number | string

type EventDoc = {
  _status?: string
  attendanceCode?: null | string
  capacity?: null | number
  eligibleTiers?: (ID | { id: ID })[] | null
  endsAt: string
  id: ID
  registrationDeadline?: null | string
  startsAt: string
  title: string
}

/** Statuses that hold a seat: attendees were let in, so they count against the capacity. */
const SEAT_HOLDERS: RegistrationStatus[] = ['registered', 'attended']

/** Most member ids one attendance request may carry. */
const MAX_ATTENDANCE = 500

/** "Gold", "Silver and Gold", "Bronze, Silver and Gold". */
const listNames = (names: string[]): string =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

/** First come, first served: by registration time, then by id; no time sorts last. */
const byRegistration = (a: RegistrationRecord, b: RegistrationRecord): number => {
  const time = (record: RegistrationRecord) =>
    record.registeredAt ? new Date(record.registeredAt).getTime() : Number.POSITIVE_INFINITY
  const difference = time(a) - time(b)
  if (difference !== 0 && !Number.isNaN(difference)) return difference
  const [left, right] = [String(a.id), String(b.id)]
  if (/^\d+$/.test(left) && /^\d+$/.test(right)) return Number(left) - Number(right)
  return left < right ? -1 : left > right ? 1 : 0
}

/** Loads a published event, or answers 404. */
const loadEvent = async (
  payload: Payload,
  collection: CollectionSlug,
  id: string,
): Promise<EventDoc> => {
  const event = (await payload.findByID({
    collection,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as unknown as EventDoc | null
  if (!event || event._status === 'draft') throw new HttpError(404, 'This event does not exist.')
  return event
}

/**
 * What a check-in needs of an event (dates, attendance code, title), cached per process like
 * course outlines and cleared when the event is edited (`contentCacheKey`). A check-in wave hits
 * the same event hundreds of times a minute; reading the whole document (description, speakers,
 * versions) each time cost more than the award itself.
 */
const loadEventForCheckIn = (
  payload: Payload,
  collection: CollectionSlug,
  id: string,
): Promise<EventDoc> =>
  cached(payload, `${contentCacheKey(collection, id)}check-in`, async () => {
    const event = (await payload.findByID({
      collection,
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: true,
      select: { _status: true, attendanceCode: true, endsAt: true, startsAt: true, title: true },
    })) as unknown as EventDoc | null
    if (!event || event._status === 'draft') throw new HttpError(404, 'This event does not exist.')
    return event
  })

/** The registration by key with one indexed SELECT on SQL adapters (check-in's hot path). */
const registrationByKey = async (
  payload: Payload,
  key: string,
): Promise<null | RegistrationRecord> => {
  const sql = sqlAccess(payload)
  if (!sql) return findRegistration(payload, key)
  const table = sql.table(loyaltySlugs.registrations)
  const [row] = await sql.db
    .select({
      attendedAt: table.attendedAt,
      eventId: table.eventId,
      id: table.id,
      key: table.key,
      member: table.member,
      registeredAt: table.registeredAt,
      status: table.status,
    })
    .from(table)
    .where(eq(table.key, key))
    .limit(1)
  return (row as unknown as RegistrationRecord | undefined) ?? null
}

/** The event's registrations in these statuses, first come first. */
const registrationsIn = async (
  payload: Payload,
  eventId: ID,
  statuses: RegistrationStatus[],
  req?: PayloadRequest,
): Promise<RegistrationRecord[]> => {
  const { docs } = await payload.find({
    collection: loyaltySlugs.registrations,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: {
      and: [{ eventId: { equals: String(eventId) } }, { status: { in: statuses } }],
    },
  })
  return (docs as unknown as RegistrationRecord[]).sort(byRegistration)
}

/** The key under which an event's seats are counted and given out one request at a time. */
const seatsLockKey = (collection: string, eventId: ID) => `loyalty:seats:${collection}:${eventId}`

/** 1-based place on the waitlist, or null when the registration is not waitlisted. */
const waitlistPosition = async (
  payload: Payload,
  eventId: ID,
  record: RegistrationRecord,
  req?: PayloadRequest,
): Promise<null | number> => {
  if (record.status !== 'waitlisted') return null
  const waitlist = await registrationsIn(payload, eventId, ['waitlisted'], req)
  const index = waitlist.findIndex((candidate) => String(candidate.id) === String(record.id))
  return index === -1 ? null : index + 1
}

/**
 * Gives free seats to the waitlist, first come first served, until the event is full (all of
 * it when the event has no capacity). Returns how many were promoted.
 */
const fillSeats = async (
  payload: Payload,
  event: EventDoc,
  req?: PayloadRequest,
): Promise<number> => {
  const waitlist = await registrationsIn(payload, event.id, ['waitlisted'], req)
  if (waitlist.length === 0) return 0
  const capacity = event.capacity ?? null
  const free =
    capacity === null
      ? waitlist.length
      : capacity - (await registrationsIn(payload, event.id, SEAT_HOLDERS, req)).length
  const promoted = waitlist.slice(0, Math.max(0, free))
  for (const record of promoted) {
    await updateRegistration(payload, record.id, { status: 'registered' }, req)
  }
  return promoted.length
}

const registrationAward = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
  member: MemberSnapshot,
  event: EventDoc,
  now: Date,
): Promise<AwardResult> =>
  award(payload, options, {
    actor: { relationTo: options.members, value: member.id },
    idempotencyKey: `event.registered:${member.id}:${event.id}`,
    memberId: member.id,
    now,
    object: { collection, id: event.id },
    verb: 'event.registered',
  })

/** The organisation's spendable balance, for the reversal of its share. */
const organisationSpendable = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
): Promise<number> => {
  const doc = (await payload.findByID({
    collection: options.organisations,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as unknown as null | { loyalty?: null | { spendable?: null | number } }
  return doc?.loyalty?.spendable ?? 0
}

/**
 * Takes back the points a registration earned (the member's entry and the organisation's
 * share), as reversal entries that point at them. Keyed per original entry, so a repeated
 * cancellation reverses nothing twice. Returns the member points reversed by this call.
 */
const reverseRegistrationPoints = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
  member: MemberSnapshot,
  event: EventDoc,
): Promise<number> => {
  const earnKey = `event.registered:${member.id}:${event.id}`
  const earned = (await findByKeys(payload, [earnKey, `${earnKey}:organisation`])).filter(
    (entry) => entry.kind === 'earn' && entry.amount > 0,
  )
  const memberEntry = earned.find((entry) => entry.account === 'member')
  if (!memberEntry) return 0
  const organisationEntry = earned.find((entry) => entry.account === 'organisation')
  const reason = `Registration cancelled: ${event.title}`
  const draft = (entry: LedgerRecord, spendable: number): EntryDraft => ({
    ...ledgerEffect('reverse', entry.amount, { spendable: Math.max(0, spendable) }),
    account: entry.account,
    actor: { relationTo: options.members, value: member.id },
    idempotencyKey: `event.cancelled:${member.id}:${event.id}:${entry.id}`,
    kind: 'reverse',
    member: entry.account === 'member' ? member.id : null,
    organisation: relationId(entry.organisation),
    reason: entry.account === 'member' ? reason : `${reason} (by a member)`,
    reverses: entry.id,
    rule: relationId(entry.rule),
    source: { collection, id: event.id, title: event.title },
  })
  // The spendable part of a reversal depends on the balance; when a concurrent redemption
  // lowers it between our read and the write, the write refuses and we read again.
  for (let attempt = 1; ; attempt += 1) {
    const current = await loadMember(payload, options, member.id)
    const drafts = [draft(memberEntry, current?.spendable ?? 0)]
    if (organisationEntry) {
      const organisation = relationId(organisationEntry.organisation)
      const spendable =
        organisation === null ? 0 : await organisationSpendable(payload, options, organisation)
      drafts.push(draft(organisationEntry, spendable))
    }
    try {
      const written = await writeLedger(payload, options, drafts)
      return written.created ? memberEntry.amount : 0
    } catch (error) {
      if (!(error instanceof InsufficientPoints) || attempt >= 3) throw error
    }
  }
}

/** Event endpoints: register (with waitlist), cancel, check in, staff attendance. */
export const eventEndpoints = (
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const event = await loadEvent(req.payload, collection, idParam(req, 'id'))
      const key = registrationKey(member.id, event.id)
      const existing = await findRegistration(req.payload, key)
      const now = new Date()

      // Registering again is a no-op that answers with the current state (and the original
      // award; a walk-in whom staff marked as attended never registered, so earns nothing here).
      const currentState = async (record: RegistrationRecord) =>
        ok({
          award: record.registeredAt
            ? await registrationAward(req.payload, options, collection, member, event, now)
            : null,
          status: record.status,
          waitlistPosition: await waitlistPosition(req.payload, event.id, record),
        })
      if (existing && existing.status !== 'cancelled') return currentState(existing)

      const closesAt = new Date(event.registrationDeadline ?? event.startsAt)
      if (now.getTime() > closesAt.getTime()) {
        throw new HttpError(409, 'Registration for this event has closed.')
      }
      const eligible = (event.eligibleTiers ?? []).map((tier) => String(relationId(tier)))
      if (eligible.length > 0 && !eligible.includes(String(member.tierId))) {
        const names = (await loadTiers(req.payload, options))
          .filter((tier) => eligible.includes(String(tier.id)))
          .map((tier) => tier.name)
        throw new HttpError(
          403,
          names.length > 0
            ? `This event is for ${listNames(names)} members.`
            : 'This event is for members of other tiers.',
        )
      }

      // Counting the seats and writing the registration happen with the event's seats to this
      // request alone (see withLock), so the last seat goes to exactly one member and the
      // waitlist keeps the order in which members joined it.
      const capacity = event.capacity ?? null
      const registered = await withLock<
        { position: null | number; record: RegistrationRecord } | { raced: RegistrationRecord }
      >(req.payload, seatsLockKey(collection, event.id), async (tx) => {
        const current = await findRegistration(req.payload, key, tx)
        if (current && current.status !== 'cancelled') return { raced: current }
        const seatsTaken = (await registrationsIn(req.payload, event.id, SEAT_HOLDERS, tx)).length
        const status: RegistrationStatus =
          capacity !== null && seatsTaken >= capacity ? 'waitlisted' : 'registered'
        const registeredAt = new Date().toISOString()
        let record: RegistrationRecord
        if (current) {
          // Cancelled before: registers again under the same key, at the back of the queue.
          await updateRegistration(
            req.payload,
            current.id,
            { attendedAt: null, registeredAt, status },
            tx,
          )
          record = { ...current, attendedAt: null, registeredAt, status }
        } else {
          const result = await createRegistration(
            req.payload,
            member.id,
            event.id,
            { attendedAt: null, registeredAt, status },
            tx,
          )
          if (!result.created) return { raced: result.record }
          record = result.record
        }
        return { position: await waitlistPosition(req.payload, event.id, record, tx), record }
      })
      // A concurrent identical request registered first: answer with its state.
      if ('raced' in registered) return currentState(registered.raced)
      const { record } = registered
      const status = record.status

      await recordActivity(
        req.payload,
        member.id,
        'event.registered',
        { collection, id: event.id, title: event.title },
        { status },
      )
      return ok({
        award: await registrationAward(req.payload, options, collection, member, event, now),
        status,
        waitlistPosition: registered.position,
      })
    }),
    method: 'post',
    path: '/:id/register',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const event = await loadEvent(req.payload, collection, idParam(req, 'id'))
      // The cancellation and the move up of the waitlist hold the event's seats (see withLock).
      await withLock(req.payload, seatsLockKey(collection, event.id), async (tx) => {
        const current = await findRegistration(
          req.payload,
          registrationKey(member.id, event.id),
          tx,
        )
        if (!current || current.status === 'cancelled') {
          throw new HttpError(404, 'You are not registered for this event.')
        }
        if (current.status === 'attended') {
          throw new HttpError(409, 'You attended this event; the registration cannot be cancelled.')
        }
        await updateRegistration(req.payload, current.id, { status: 'cancelled' }, tx)
        if (current.status === 'registered') await fillSeats(req.payload, event, tx)
        return current
      })
      await recordActivity(req.payload, member.id, 'event.cancelled', {
        collection,
        id: event.id,
        title: event.title,
      })
      const reversedPoints = await reverseRegistrationPoints(
        req.payload,
        options,
        collection,
        member,
        event,
      )
      return ok({ reversedPoints, status: 'cancelled' })
    }),
    method: 'delete',
    path: '/:id/register',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const event = await loadEventForCheckIn(req.payload, collection, idParam(req, 'id'))
      const body = await jsonBody(req)
      const registration = await registrationByKey(
        req.payload,
        registrationKey(member.id, event.id),
      )
      if (!registration || !SEAT_HOLDERS.includes(registration.status)) {
        throw new HttpError(409, 'Register for the event before checking in.')
      }
      const expected = (event.attendanceCode ?? '').trim().toLowerCase()
      if (!expected) {
        throw new HttpError(
          409,
          'This event has no attendance code; the organisers record attendance.',
        )
      }
      if (typeof body.code !== 'string' || body.code.trim() === '') {
        throw new HttpError(400, 'Enter the attendance code announced at the event.')
      }
      if (body.code.trim().toLowerCase() !== expected) {
        throw new HttpError(400, 'That attendance code is not right.')
      }
      const now = new Date()
      let changed = false
      if (registration.status !== 'attended') {
        const minutes = options.checkInOpensMinutesBefore
        const opensAt = new Date(event.startsAt).getTime() - minutes * 60_000
        if (now.getTime() < opensAt) {
          throw new HttpError(409, `Check-in opens ${minutes} minutes before the event starts.`)
        }
        if (now.getTime() > new Date(event.endsAt).getTime()) {
          throw new HttpError(409, 'This event has ended.')
        }
        changed = await markAttended(req.payload, member.id, event.id, registration, now)
      }
      const result = await attendanceAward(
        req.payload,
        options,
        collection,
        member.id,
        event,
        { relationTo: options.members, value: member.id },
        now,
        member,
      )
      if (firstAttendance(result, changed)) {
        await recordActivity(req.payload, member.id, 'event.attended', {
          collection,
          id: event.id,
          title: event.title,
        })
        await publishAttended(req.payload, collection, event, {
          actor: { relationTo: options.members, value: member.id },
          member: member.id,
          now,
          organisation: member.organisation,
          result,
        })
      }
      return ok({ award: result, status: 'attended' })
    }),
    method: 'post',
    path: '/:id/check-in',
  },
  {
    handler: handle(async (req) => {
      const staffId = requireStaff(req, options, {
        forbidden: 'Only staff can record attendance.',
        signIn: 'Sign in as staff to record attendance.',
      })
      const event = await loadEvent(req.payload, collection, idParam(req, 'id'))
      const body = await jsonBody(req)
      const ids = body.members
      if (
        !Array.isArray(ids) ||
        ids.length === 0 ||
        ids.length > MAX_ATTENDANCE ||
        !ids.every(
          (id) =>
            (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ||
            (typeof id === 'string' && id.trim() !== '' && id.length <= 64),
        )
      ) {
        throw new HttpError(
          400,
          `Send "members": a list of 1 to ${MAX_ATTENDANCE} member ids (numbers or strings).`,
        )
      }
      const unique = [...new Map((ids as ID[]).map((id) => [String(id).trim(), id])).values()]
      const now = new Date()
      const actor = { relationTo: options.staff, value: staffId }
      const results: { duplicate: boolean; member: ID; points: number; status: string }[] = []
      // One at a time: each award is its own transaction, and SQLite has a single writer.
      for (const id of unique) {
        const memberId = String(id).trim()
        const member = /^(\d{1,18}|[0-9a-f]{24})$/i.test(memberId)
          ? await loadMember(req.payload, options, memberId)
          : null
        if (!member) {
          results.push({ duplicate: false, member: id, points: 0, status: 'unknown' })
          continue
        }
        const result = await recordAttendance(
          req.payload,
          options,
          collection,
          event,
          member.id,
          actor,
          now,
          { recordedBy: staffId },
          member,
        )
        results.push({
          duplicate: result.duplicate,
          member: member.id,
          points: result.points,
          status: 'attended',
        })
      }
      return ok({ results })
    }),
    method: 'post',
    path: '/:id/attendance',
  },
]
