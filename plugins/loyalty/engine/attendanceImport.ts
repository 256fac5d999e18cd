import type { CsvRecord } from './csvFile'

import { findColumn, normaliseEmail, normaliseHeader, showCell } from './csvFile'
import { acceptedTimeFormats, parseDurationMinutes, parseWebinarTime } from './webinarTimes'

/**
 * Header names each column may have, normalised (lower case, letters and digits only), the most
 * specific first. Zoom: "User Email", "Join Time", "Leave Time", "Duration (Minutes)" (webinar
 * reports: "Email", "Time in Session (minutes)"); Teams: "Email", "Join time", "Leave time",
 * "Duration" (or "First Join", "Last Leave"); GoToWebinar: "Email Address", "Join Time",
 * "Leave Time", "Time in Session"; Webex: "Attendee Email", "Join Time", "Leave Time"; or plain
 * "email,join,leave". A header ending in "(UTC)" or "(GMT)" makes its zoneless times UTC.
 * "Start Time" and "End Time" are not join and leave: in Zoom's export they are the meeting's,
 * in a summary line above the participants.
 */
export const attendanceHeaders = {
  duration: [
    'durationminutes',
    'timeinsessionminutes',
    'durationmins',
    'duration',
    'timeinsession',
    'inmeetingduration',
    'attendanceduration',
    'minutes',
  ],
  email: [
    'email',
    'useremail',
    'emailaddress',
    'attendeeemail',
    'participantemail',
    'registrantemail',
    'mail',
  ],
  join: [
    'join',
    'jointime',
    'joined',
    'joinedat',
    'jointimestamp',
    'timejoined',
    'firstjoin',
    'entrytime',
  ],
  leave: [
    'leave',
    'leavetime',
    'left',
    'leftat',
    'leavetimestamp',
    'timeleft',
    'lastleave',
    'exittime',
  ],
} as const

const UTC_SUFFIX = /(utc|gmt)$/

/** Column index by header name, also when the header carries a UTC or GMT suffix. */
const columnOf = (cells: string[], names: readonly string[]): { index: number; utc: boolean } => {
  const exact = findColumn(cells, names)
  if (exact !== -1) return { index: exact, utc: false }
  const normalised = cells.map(normaliseHeader)
  for (const name of names) {
    const index = normalised.findIndex(
      (header) => UTC_SUFFIX.test(header) && header.replace(UTC_SUFFIX, '') === name,
    )
    if (index !== -1) return { index, utc: true }
  }
  return { index: -1, utc: false }
}

export type AttendanceColumns = {
  duration: number
  email: number
  /** The header row's line. */
  headerLine: number
  join: number
  joinUtc: boolean
  leave: number
  leaveUtc: boolean
  /** The headers as written in the file, for the preview. */
  names: { duration: null | string; email: string; join: string; leave: string }
}

export const expectedAttendanceHeaders =
  'email, join and leave (Zoom: "User Email", "Join Time", "Leave Time"; Teams: "Email", "Join time", "Leave time"; GoToWebinar: "Email Address", "Join Time", "Leave Time")'

/** How many records from the top are searched for the header row (reports start with a summary). */
const HEADER_SEARCH_RECORDS = 30

/** The columns when this record is a header row (an email, a join and a leave or duration). */
const headerColumns = (record: CsvRecord): AttendanceColumns | 'email only' | null => {
  const email = columnOf(record.cells, attendanceHeaders.email)
  if (email.index === -1) return null
  const join = columnOf(record.cells, attendanceHeaders.join)
  const leave = columnOf(record.cells, attendanceHeaders.leave)
  const duration = columnOf(record.cells, attendanceHeaders.duration)
  if (join.index === -1 || (leave.index === -1 && duration.index === -1)) return 'email only'
  const name = (column: number) => (column === -1 ? null : record.cells[column])
  return {
    duration: duration.index,
    email: email.index,
    headerLine: record.line,
    join: join.index,
    joinUtc: join.utc,
    leave: leave.index,
    leaveUtc: leave.utc,
    names: {
      duration: name(duration.index),
      email: record.cells[email.index],
      join: record.cells[join.index],
      leave: name(leave.index) ?? '',
    },
  }
}

/**
 * Finds the header row: the first of the first records with an email, a join and a leave (or
 * duration) column. Webinar reports often start with a summary (topic, host, totals) before it.
 * Returns its columns and the records after it.
 */
export const detectAttendanceColumns = (
  records: CsvRecord[],
): { columns: AttendanceColumns; rows: CsvRecord[] } | { error: string } => {
  let emailOnly: CsvRecord | null = null
  for (const [index, record] of records.slice(0, HEADER_SEARCH_RECORDS).entries()) {
    const columns = headerColumns(record)
    if (columns === 'email only') emailOnly ??= record
    if (columns === null || columns === 'email only') continue
    return { columns, rows: records.slice(index + 1) }
  }
  if (emailOnly) {
    return {
      error: `Line ${emailOnly.line} has an email column but no join and leave times. The file needs the columns ${expectedAttendanceHeaders}.`,
    }
  }
  const first = records[0]
  const found = first
    ? ` The first line has: ${first.cells
        .slice(0, 8)
        .map((cell) => `"${showCell(cell)}"`)
        .join(', ')}.`
    : ''
  return {
    error: `No header row found. The file needs the columns ${expectedAttendanceHeaders}.${found}`,
  }
}

/** One join-to-leave session of one person, from one line of the file. */
export type AttendanceSession = { email: string; end: Date; line: number; start: Date }

export type InvalidLine = { line: number; message: string }

/** A session longer than this is a mistake in the file (a leave time on the wrong day). */
const MAX_SESSION_MS = 24 * 3_600_000

/**
 * Reads the sessions below the header row. A further header row (the next section of a report,
 * e.g. Zoom's host, panelist and attendee sections) switches to its columns; section titles (a
 * single cell without an address) are skipped; a line without a usable
 * address or times becomes an invalid line with its line number. A leave time may be missing
 * when a duration column gives the minutes. Sessions entirely outside the day before to the day
 * after the event are refused (the file of another event?).
 */
export const readAttendanceSessions = (
  records: CsvRecord[],
  first: AttendanceColumns,
  context: { endsAt: Date; startsAt: Date; timeZone: string },
): { invalid: InvalidLine[]; sessions: AttendanceSession[] } => {
  const sessions: AttendanceSession[] = []
  const invalid: InvalidLine[] = []
  const earliest = context.startsAt.getTime() - 24 * 3_600_000
  const latest = context.endsAt.getTime() + 24 * 3_600_000
  const dayOf = (date: Date) => date.toISOString().slice(0, 10)
  let columns = first
  for (const record of records) {
    const { cells, line } = record
    const header = headerColumns(record)
    if (header !== null && header !== 'email only') {
      columns = header
      continue
    }
    const cell = (index: number) => (index === -1 ? '' : (cells[index] ?? ''))
    const filled = cells.filter((value) => value !== '')
    if (filled.length === 1 && !filled[0].includes('@')) continue
    const rawEmail = cell(columns.email)
    if (rawEmail === '') {
      invalid.push({ line, message: `Line ${line}: no email address (a guest?).` })
      continue
    }
    const email = normaliseEmail(rawEmail)
    if (!email) {
      invalid.push({
        line,
        message: `Line ${line}: "${showCell(rawEmail)}" is not an email address.`,
      })
      continue
    }
    const joinText = cell(columns.join)
    const start = parseWebinarTime(joinText, columns.joinUtc ? 'UTC' : context.timeZone)
    if (!start) {
      invalid.push({
        line,
        message: `Line ${line}: the join time "${showCell(joinText)}" is not a time like ${acceptedTimeFormats}.`,
      })
      continue
    }
    const leaveText = cell(columns.leave)
    let end: Date | null = null
    if (leaveText !== '') {
      end = parseWebinarTime(leaveText, columns.leaveUtc ? 'UTC' : context.timeZone)
      if (!end) {
        invalid.push({
          line,
          message: `Line ${line}: the leave time "${showCell(leaveText)}" is not a time like ${acceptedTimeFormats}.`,
        })
        continue
      }
    } else {
      const minutes = parseDurationMinutes(cell(columns.duration))
      if (minutes === null) {
        invalid.push({
          line,
          message: `Line ${line}: no leave time${columns.duration === -1 ? '' : ' and no duration'}.`,
        })
        continue
      }
      end = new Date(start.getTime() + Math.round(minutes * 60_000))
    }
    if (end.getTime() < start.getTime()) {
      invalid.push({ line, message: `Line ${line}: the leave time is before the join time.` })
      continue
    }
    if (end.getTime() - start.getTime() > MAX_SESSION_MS) {
      invalid.push({ line, message: `Line ${line}: a session of more than 24 hours.` })
      continue
    }
    if (end.getTime() < earliest || start.getTime() > latest) {
      invalid.push({
        line,
        message: `Line ${line}: ${dayOf(start)} is not the day of this event (${dayOf(context.startsAt)}); is this the file of another event?`,
      })
      continue
    }
    sessions.push({ email, end, line, start })
  }
  return { invalid, sessions }
}

/**
 * Milliseconds covered by the intervals, overlaps counted once: a person in twice at the same
 * time (two devices) counts once; separate sessions (rejoins) add up.
 */
export const coveredMilliseconds = (intervals: { end: Date; start: Date }[]): number => {
  const sorted = intervals
    .map(({ end, start }) => [start.getTime(), end.getTime()] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let total = 0
  let current: null | [number, number] = null
  for (const [start, end] of sorted) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end)
      continue
    }
    if (current) total += current[1] - current[0]
    current = [start, end]
  }
  if (current) total += current[1] - current[0]
  return total
}

/** A person in the file: their sessions merged. */
export type AttendancePerson = {
  email: string
  /** The lines of the file with their sessions. */
  lines: number[]
  /** Whole minutes attended (rounded down), overlaps counted once. */
  minutes: number
  seconds: number
  sessions: number
}

/** Merges each person's sessions (by address, case-insensitive), in the order of the file. */
export const mergeAttendance = (sessions: AttendanceSession[]): AttendancePerson[] => {
  const byEmail = new Map<string, AttendanceSession[]>()
  for (const session of sessions) {
    const list = byEmail.get(session.email) ?? []
    list.push(session)
    byEmail.set(session.email, list)
  }
  return [...byEmail.entries()].map(([email, list]) => {
    const seconds = Math.floor(coveredMilliseconds(list) / 1000)
    return {
      email,
      lines: list.map((session) => session.line).sort((a, b) => a - b),
      minutes: Math.floor(seconds / 60),
      seconds,
      sessions: list.length,
    }
  })
}

/**
 * The minutes a member must attend to be marked attended: the event's own figure when set,
 * else `defaultPercent` of its scheduled length, rounded up to a whole minute.
 */
export const minimumMinutesFor = (
  event: { endsAt: Date; minimumMinutes?: null | number; startsAt: Date },
  defaultPercent: number,
): { from: 'event' | 'default'; minutes: number } => {
  if (typeof event.minimumMinutes === 'number' && Number.isFinite(event.minimumMinutes)) {
    return { from: 'event', minutes: Math.max(0, Math.floor(event.minimumMinutes)) }
  }
  const length = Math.max(0, (event.endsAt.getTime() - event.startsAt.getTime()) / 60_000)
  return { from: 'default', minutes: Math.ceil((length * defaultPercent) / 100) }
}

/** What the programme knows of an address in the file. */
export type KnownMember = { alreadyAttended: boolean; id: number | string; name?: null | string }

export type ClassifiedPerson = AttendancePerson & {
  memberId?: number | string
  name?: null | string
}

export type AttendanceClasses = {
  /** Members who reached the minimum and are not yet marked attended: they are awarded. */
  attends: ClassifiedPerson[]
  /** Members already marked attended (checked in, or an earlier import): nothing happens. */
  alreadyAttended: ClassifiedPerson[]
  /** Members who attended less than the minimum. */
  belowThreshold: ClassifiedPerson[]
  /** Addresses of no member. */
  unmatched: ClassifiedPerson[]
}

/**
 * Sorts the people of a file into classes. At or above the minimum (`seconds ≥ minutes × 60`)
 * attends; a member already marked attended is reported as such whatever their minutes.
 */
export const classifyAttendance = (
  people: AttendancePerson[],
  members: Map<string, KnownMember>,
  minimumMinutes: number,
): AttendanceClasses => {
  const classes: AttendanceClasses = {
    alreadyAttended: [],
    attends: [],
    belowThreshold: [],
    unmatched: [],
  }
  for (const person of people) {
    const member = members.get(person.email)
    if (!member) {
      classes.unmatched.push(person)
      continue
    }
    const known = { ...person, memberId: member.id, name: member.name ?? null }
    if (member.alreadyAttended) classes.alreadyAttended.push(known)
    else if (person.seconds >= minimumMinutes * 60) classes.attends.push(known)
    else classes.belowThreshold.push(known)
  }
  return classes
}
