import type { CollectionSlug, Payload } from 'payload'

import type { AdjustmentError, PlannedAdjustment } from '../engine/adjustmentImport'
import type { ClassifiedPerson, KnownMember } from '../engine/attendanceImport'
import type { CsvRecord } from '../engine/csvFile'
import type { ResolvedLoyaltyOptions } from '../types'
import type { UploadedCsv } from '../utilities/upload'
import type { MemberSnapshot } from './context'
import type { EntryDraft } from './ledgerWriter'

import { adjustmentTotals, planAdjustments, readAdjustments } from '../engine/adjustmentImport'
import {
  classifyAttendance,
  detectAttendanceColumns,
  mergeAttendance,
  minimumMinutesFor,
  readAttendanceSessions,
} from '../engine/attendanceImport'
import { parseCsv } from '../engine/csvFile'
import { loyaltySlugs } from '../types'
import { HttpError } from '../utilities/http'
import { relationId } from '../utilities/ids'
import { InsufficientPoints } from './balances'
import { loadMember, loadTiers, memberSnapshot } from './context'
import {
  DuplicateIdempotencyKey,
  beginTransaction,
  writeEntriesInTransaction,
} from './ledgerWriter'
import { recordAttendance } from './registrations'
import { applyTierUpgrade } from './tiers'

type ID = number | string
type ImportSettings = Exclude<ResolvedLoyaltyOptions['imports'], false>

/** Addresses (or ids) looked up per query. */
const CHUNK = 500
/** Ledger entries per INSERT (SQLite allows a limited number of bound values per statement). */
const INSERT_CHUNK = 200

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, index) =>
    list.slice(index * size, (index + 1) * size),
  )

/** The file's records, or a 400 when it is not CSV or has too many lines. */
const recordsOf = (file: UploadedCsv, settings: ImportSettings): CsvRecord[] => {
  const parsed = parseCsv(file.text)
  if ('error' in parsed) throw new HttpError(400, parsed.error)
  if (parsed.records.length === 0) throw new HttpError(400, 'The file has no lines.')
  if (parsed.records.length - 1 > settings.maxRows) {
    throw new HttpError(
      400,
      `The file has ${(parsed.records.length - 1).toLocaleString('en')} lines; at most ${settings.maxRows.toLocaleString('en')} per file. Split it into smaller files.`,
    )
  }
  return parsed.records
}

type MemberRow = { member: MemberSnapshot; name: null | string }

/** Members by address (lower case), in chunks of one query each. */
const membersByEmail = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  emails: string[],
): Promise<Map<string, MemberRow>> => {
  const found = new Map<string, MemberRow>()
  for (const part of chunks([...new Set(emails)], CHUNK)) {
    const { docs } = await payload.find({
      collection: options.members,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: {
        email: true,
        [options.jobRoleField]: true,
        [options.memberNameField]: true,
        [options.organisationField]: true,
        loyalty: true,
        status: true,
      },
      where: { email: { in: part } },
    })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      const name = doc[options.memberNameField]
      found.set(String(doc.email).toLowerCase(), {
        member: memberSnapshot(doc, options),
        name: typeof name === 'string' ? name : null,
      })
    }
  }
  return found
}

/** Of these members, the ids of those whose registration for the event is `attended`. */
const attendedIds = async (
  payload: Payload,
  eventId: ID,
  memberIds: ID[],
): Promise<Set<string>> => {
  const attended = new Set<string>()
  for (const part of chunks(memberIds, CHUNK)) {
    const { docs } = await payload.find({
      collection: loyaltySlugs.registrations,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: { member: true },
      where: {
        and: [
          { eventId: { equals: String(eventId) } },
          { status: { equals: 'attended' } },
          { member: { in: part } },
        ],
      },
    })
    for (const doc of docs) attended.add(String(relationId((doc as { member?: unknown }).member)))
  }
  return attended
}

// --- webinar attendance --------------------------------------------------------------------

type EventForImport = {
  endsAt: Date
  id: ID
  minimumMinutes: null | number
  startsAt: Date
  timeZone: string
  title: string
}

const validTimeZone = (zone: unknown): string => {
  if (typeof zone !== 'string' || zone === '') return 'UTC'
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return 'UTC'
  }
}

/** A published event with what an import needs, or 404. */
export const loadEventForImport = async (
  payload: Payload,
  settings: ImportSettings,
  collection: CollectionSlug,
  id: string,
): Promise<EventForImport> => {
  const doc = (await payload.findByID({
    collection,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as null | Record<string, unknown>
  if (!doc || doc._status === 'draft') throw new HttpError(404, 'This event does not exist.')
  const minimum = doc[settings.minimumMinutesField]
  return {
    endsAt: new Date(String(doc.endsAt)),
    id: doc.id as ID,
    minimumMinutes: typeof minimum === 'number' ? minimum : null,
    startsAt: new Date(String(doc.startsAt)),
    timeZone: validTimeZone(doc.startsAt_tz),
    title: String(doc.title ?? ''),
  }
}

type PersonOut = {
  email: string
  lines: number[]
  memberId?: ID
  minutes: number
  name?: null | string
  points?: number
  sessions: number
}

const personOut = (person: ClassifiedPerson): PersonOut => ({
  email: person.email,
  lines: person.lines,
  ...(person.memberId === undefined ? {} : { memberId: person.memberId, name: person.name }),
  minutes: person.minutes,
  sessions: person.sessions,
})

/**
 * Reads a webinar report for an event and sorts its people into classes against the members
 * and their registrations. Writes nothing.
 */
export const previewAttendance = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  settings: ImportSettings,
  event: EventForImport,
  file: UploadedCsv,
  now: Date,
) => {
  if (event.startsAt.getTime() > now.getTime()) {
    throw new HttpError(
      409,
      'This event has not started yet; import its attendance after it has taken place.',
    )
  }
  const records = recordsOf(file, settings)
  const detected = detectAttendanceColumns(records)
  if ('error' in detected) throw new HttpError(400, detected.error)
  const { invalid, sessions } = readAttendanceSessions(detected.rows, detected.columns, event)
  if (sessions.length === 0) {
    throw new HttpError(
      400,
      invalid.length > 0
        ? `No line of the file could be used. ${invalid
            .slice(0, 3)
            .map((entry) => entry.message)
            .join(' ')}`
        : 'The file has a header but no attendees.',
      { invalid: invalid.slice(0, 100) },
    )
  }
  const people = mergeAttendance(sessions)
  const members = await membersByEmail(
    payload,
    options,
    people.map((person) => person.email),
  )
  const attended = await attendedIds(
    payload,
    event.id,
    [...members.values()].map((row) => row.member.id),
  )
  const known = new Map<string, KnownMember>(
    [...members.entries()].map(([email, row]) => [
      email,
      {
        alreadyAttended: attended.has(String(row.member.id)),
        id: row.member.id,
        name: row.name,
      },
    ]),
  )
  const minimum = minimumMinutesFor(event, settings.attendanceMinimumPercent)
  const classes = classifyAttendance(people, known, minimum.minutes)
  return {
    alreadyAttended: classes.alreadyAttended.map(personOut),
    attends: classes.attends.map(personOut),
    belowThreshold: classes.belowThreshold.map(personOut),
    columns: { ...detected.columns.names, headerLine: detected.columns.headerLine },
    counts: {
      alreadyAttended: classes.alreadyAttended.length,
      attends: classes.attends.length,
      belowThreshold: classes.belowThreshold.length,
      invalid: invalid.length,
      people: people.length,
      rows: detected.rows.length,
      unmatched: classes.unmatched.length,
    },
    event: {
      endsAt: event.endsAt.toISOString(),
      id: event.id,
      startsAt: event.startsAt.toISOString(),
      timeZone: event.timeZone,
      title: event.title,
    },
    file: { bytes: file.bytes, hash: file.hash, name: file.name },
    invalid,
    kind: 'attendance' as const,
    minimum,
    unmatched: classes.unmatched.map(personOut),
  }
}

/**
 * Applies a webinar report: every member of the `attends` class is marked attended and awarded
 * through the attendance path (`recordAttendance`, the check-in's idempotency key), one at a
 * time; then the import is recorded. Applying the same file again finds them attended and
 * awards nothing.
 */
export const applyAttendance = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  settings: ImportSettings,
  collection: CollectionSlug,
  event: EventForImport,
  file: UploadedCsv,
  staffId: ID,
  now: Date,
) => {
  const preview = await previewAttendance(payload, options, settings, event, file, now)
  const actor = { relationTo: options.staff, value: staffId }
  let points = 0
  let attended = 0
  const attends: PersonOut[] = []
  // One at a time: each award is its own transaction, and SQLite has a single writer.
  for (const person of preview.attends) {
    const result = await recordAttendance(
      payload,
      options,
      collection,
      event,
      person.memberId as ID,
      actor,
      now,
      { fileHash: file.hash, importedBy: staffId, minutes: person.minutes },
    )
    const awarded = result.duplicate ? 0 : result.points
    if (!result.duplicate) attended += 1
    points += awarded
    attends.push({ ...person, points: awarded })
  }
  const record = await payload.db.create({
    collection: loyaltySlugs.imports as CollectionSlug,
    data: {
      actor: staffId,
      alreadyAttended: preview.counts.alreadyAttended,
      applied: attended,
      belowThreshold: preview.counts.belowThreshold,
      createdAt: now.toISOString(),
      event: event.id,
      fileHash: file.hash,
      fileName: file.name,
      invalid: preview.counts.invalid,
      key: `attendance:${event.id}:${file.hash}:${crypto.randomUUID()}`,
      kind: 'attendance',
      minimumMinutes: preview.minimum.minutes,
      points,
      rows: preview.counts.rows,
      unmatched: preview.counts.unmatched,
      updatedAt: now.toISOString(),
    },
  })
  return { ...preview, applied: { attended, import: record.id as ID, points }, attends }
}

// --- bulk adjustments ----------------------------------------------------------------------

/** Key of the import record of a bulk adjustment file: unique, so a file applies once. */
const adjustmentKey = (hash: string) => `adjustments:${hash}`

type AdjustmentPlan = {
  errors: AdjustmentError[]
  members: Map<string, MemberRow>
  planned: PlannedAdjustment[]
  rows: number
}

const planFile = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  settings: ImportSettings,
  file: UploadedCsv,
): Promise<AdjustmentPlan> => {
  const records = recordsOf(file, settings)
  const read = readAdjustments(records, {
    maxPoints: settings.maxAdjustmentPoints,
    reasonMaxLength: 300,
    reasonMinLength: 5,
  })
  if ('error' in read) throw new HttpError(400, read.error)
  const members = await membersByEmail(
    payload,
    options,
    read.lines.map((line) => line.email),
  )
  const plan = planAdjustments(
    read.lines,
    new Map(
      [...members.entries()].map(([email, row]) => [
        email,
        { id: row.member.id, name: row.name, spendable: row.member.spendable },
      ]),
    ),
  )
  const errors = [...read.errors, ...plan.errors].sort((a, b) => a.line - b.line)
  return { errors, members, planned: plan.planned, rows: records.length - 1 }
}

/** An earlier application of the same file, if any. */
const appliedBefore = async (payload: Payload, hash: string) => {
  const { docs } = await payload.find({
    collection: loyaltySlugs.imports as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: { key: { equals: adjustmentKey(hash) } },
  })
  return (docs[0] as unknown as { createdAt: string; id: ID } | undefined) ?? null
}

const alreadyApplied = (when: string) =>
  new HttpError(
    409,
    `This file was already applied on ${when.slice(0, 10)}; nothing was written. To give these points again, change the file (for example the reasons).`,
  )

/** Checks every line of a bulk adjustment file against the members. Writes nothing. */
export const previewAdjustments = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  settings: ImportSettings,
  file: UploadedCsv,
) => {
  const plan = await planFile(payload, options, settings, file)
  const earlier = await appliedBefore(payload, file.hash)
  return {
    alreadyApplied: earlier ? { at: earlier.createdAt, import: earlier.id } : null,
    errors: plan.errors,
    file: { bytes: file.bytes, hash: file.hash, name: file.name },
    kind: 'adjustments' as const,
    lines: plan.planned.map((line) => ({
      email: line.email,
      line: line.line,
      memberId: line.memberId,
      name: line.name,
      points: line.points,
      reason: line.reason,
      spendableAfter: line.spendableAfter,
      spendableBefore: line.spendableBefore,
    })),
    rows: plan.rows,
    totals: adjustmentTotals(plan.planned),
    valid: plan.errors.length === 0,
  }
}

const lineErrors = (errors: AdjustmentError[]) =>
  new HttpError(
    400,
    `${errors.length === 1 ? '1 line has an error' : `${errors.length} lines have errors`}; nothing was applied. ${errors[0].message}`,
    { lineErrors: errors },
  )

/**
 * Applies a bulk adjustment file: every line is checked first, and the adjustment entries (with
 * the staff user as actor, keyed `import:<file hash>:<line>`), the balances and the import
 * record are written in one transaction, or nothing is. The same file is refused (409) once it
 * has been applied. A balance that a concurrent redemption lowered below a removal refuses the
 * whole file, naming the line.
 */
export const applyAdjustments = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  settings: ImportSettings,
  file: UploadedCsv,
  staffId: ID,
) => {
  const earlier = await appliedBefore(payload, file.hash)
  if (earlier) throw alreadyApplied(earlier.createdAt)
  const plan = await planFile(payload, options, settings, file)
  if (plan.errors.length > 0) throw lineErrors(plan.errors)
  const actor = { relationTo: options.staff, value: staffId }
  const drafts: EntryDraft[] = plan.planned.map((line) => ({
    account: 'member',
    actor,
    // The whole removal or nothing: the balance update refuses to go below zero.
    amount: line.points,
    idempotencyKey: `import:${file.hash}:${line.line}`,
    kind: 'adjust',
    member: line.memberId,
    organisation: plan.members.get(line.email)?.member.organisation ?? null,
    qualifyingAmount: line.points,
    reason: line.reason,
  }))
  const totals = adjustmentTotals(plan.planned)
  const now = new Date().toISOString()
  const { req, transactionID } = await beginTransaction(payload)
  let recordId: ID
  try {
    for (const part of chunks(drafts, INSERT_CHUNK)) {
      await writeEntriesInTransaction(payload, options, part, transactionID, req)
    }
    const record = await payload.db.create({
      collection: loyaltySlugs.imports as CollectionSlug,
      data: {
        actor: staffId,
        applied: drafts.length,
        createdAt: now,
        fileHash: file.hash,
        fileName: file.name,
        key: adjustmentKey(file.hash),
        kind: 'adjustments',
        points: totals.added - totals.removed,
        rows: plan.rows,
        updatedAt: now,
      },
      req,
    })
    recordId = record.id as ID
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    const raced = await appliedBefore(payload, file.hash)
    if (raced) throw alreadyApplied(raced.createdAt)
    if (error instanceof DuplicateIdempotencyKey) throw alreadyApplied(now)
    if (error instanceof InsufficientPoints) {
      // A balance changed since the check: check again to name the line.
      const again = await planFile(payload, options, settings, file)
      if (again.errors.length > 0) throw lineErrors(again.errors)
      throw new HttpError(
        409,
        'A balance changed while the file was applied; nothing was written. Try again.',
      )
    }
    throw error
  }
  // Upgrades apply at once, as for a single adjustment.
  const raised = plan.planned.filter((line) => line.points > 0)
  if (raised.length > 0) {
    const tiers = await loadTiers(payload, options)
    for (const line of raised) {
      const after = await loadMember(payload, options, line.memberId)
      if (after) await applyTierUpgrade(payload, options, after, tiers, new Date())
    }
  }
  return {
    applied: { entries: drafts.length, import: recordId },
    file: { bytes: file.bytes, hash: file.hash, name: file.name },
    kind: 'adjustments' as const,
    totals,
  }
}
