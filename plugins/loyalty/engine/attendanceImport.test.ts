import { describe, expect, it } from 'vitest'

import type { CsvRecord } from './csvFile'

import {
  type AttendancePerson,
  type KnownMember,
  classifyAttendance,
  coveredMilliseconds,
  detectAttendanceColumns,
  mergeAttendance,
  minimumMinutesFor,
  readAttendanceSessions,
} from './attendanceImport'
import { parseCsv } from './csvFile'

const event = {
  endsAt: new Date('2026-03-12T10:00:00Z'),
  startsAt: new Date('2026-03-12T09:00:00Z'),
  timeZone: 'Europe/Berlin',
}

const records = (text: string): CsvRecord[] => {
  const parsed = parseCsv(text)
  if ('error' in parsed) throw new Error(parsed.error)
  return parsed.records
}

/** Parses, finds the columns and reads the sessions, as the service does. */
const read = (text: string) => {
  const detected = detectAttendanceColumns(records(text))
  if ('error' in detected) throw new Error(detected.error)
  return { ...readAttendanceSessions(detected.rows, detected.columns, event), detected }
}

const span = (start: string, end: string) => ({
  end: new Date(`2026-03-12T${end}:00Z`),
  start: new Date(`2026-03-12T${start}:00Z`),
})

describe('detectAttendanceColumns', () => {
  it('finds Zoom’s columns below the report’s summary lines', () => {
    const detected = detectAttendanceColumns(
      records(
        [
          'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes)',
          '812 3456,Heat pumps,03/12/2026 10:00:00 AM,03/12/2026 11:00:00 AM,host@x.example,60',
          '',
          'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
          'Anna,anna@x.example,03/12/2026 10:00:00 AM,03/12/2026 10:45:00 AM,45,No',
        ].join('\n'),
      ),
    )
    expect(detected).toMatchObject({
      columns: {
        duration: 4,
        email: 1,
        headerLine: 4,
        join: 2,
        leave: 3,
        names: { email: 'User Email', join: 'Join Time', leave: 'Leave Time' },
      },
      rows: [{ line: 5 }],
    })
  })

  it('takes plain, Teams and GoToWebinar headers in any case and spacing', () => {
    for (const header of [
      'email,join,leave',
      'EMAIL , JOIN TIME , LEAVE TIME',
      'Name,Email,Join time,Leave time,Duration,Role',
      'First Name,Last Name,Email Address,Join Time,Leave Time,Time in Session',
    ]) {
      expect(detectAttendanceColumns(records(header)), header).toHaveProperty('columns')
    }
  })

  it('names the expected headers when they are missing', () => {
    expect(detectAttendanceColumns(records('name,minutes\nAnna,40'))).toEqual({
      error:
        'No header row found. The file needs the columns email, join and leave (Zoom: "User Email", "Join Time", "Leave Time"; Teams: "Email", "Join time", "Leave time"; GoToWebinar: "Email Address", "Join Time", "Leave Time"). The first line has: "name", "minutes".',
    })
    expect(detectAttendanceColumns(records('email,name\na@x.example,Anna'))).toMatchObject({
      error: expect.stringMatching(/^Line 1 has an email column but no join and leave times/),
    })
  })
})

describe('readAttendanceSessions', () => {
  it('reads every session with its line; bad lines are reported by line number', () => {
    const { invalid, sessions } = read(
      [
        'email,join,leave',
        'Anna@X.example,2026-03-12T09:00:00Z,2026-03-12T09:30:00Z',
        ',2026-03-12T09:00:00Z,2026-03-12T09:30:00Z',
        'not-an-address,2026-03-12T09:00:00Z,2026-03-12T09:30:00Z',
        'b@x.example,later,2026-03-12T09:30:00Z',
        'b@x.example,2026-03-12T09:40:00Z,2026-03-12T09:30:00Z',
        'b@x.example,2026-02-01T09:00:00Z,2026-02-01T09:30:00Z',
        'b@x.example,2026-03-12T09:00:00Z,',
      ].join('\n'),
    )
    expect(sessions).toEqual([
      {
        email: 'anna@x.example',
        end: new Date('2026-03-12T09:30:00Z'),
        line: 2,
        start: new Date('2026-03-12T09:00:00Z'),
      },
    ])
    expect(invalid.map((entry) => entry.line)).toEqual([3, 4, 5, 6, 7, 8])
    expect(invalid[0].message).toBe('Line 3: no email address (a guest?).')
    expect(invalid[2].message).toMatch(/^Line 5: the join time "later" is not a time like /)
    expect(invalid[3].message).toBe('Line 6: the leave time is before the join time.')
    expect(invalid[4].message).toBe(
      'Line 7: 2026-02-01 is not the day of this event (2026-03-12); is this the file of another event?',
    )
    expect(invalid[5].message).toBe('Line 8: no leave time.')
  })

  it('uses the duration when the leave time is missing, and UTC when the header says so', () => {
    const { sessions } = read(
      'Email,Join Time (UTC),Leave Time (UTC),Duration (Minutes)\na@x.example,2026-03-12 09:00,,40',
    )
    expect(sessions[0].start.toISOString()).toBe('2026-03-12T09:00:00.000Z')
    expect(sessions[0].end.toISOString()).toBe('2026-03-12T09:40:00.000Z')
  })

  it('follows the sections of a report, each with its own columns, skipping section titles', () => {
    const { invalid, sessions } = read(
      [
        'Host Details',
        'Attended,User Name,Email,Join Time,Leave Time',
        'Yes,Host,host@x.example,03/12/2026 09:55:00 AM,03/12/2026 11:00:00 AM',
        'Attendee Details',
        'User Name,Join Time,Leave Time,Email',
        'Anna,03/12/2026 10:00:00 AM,03/12/2026 10:50:00 AM,anna@x.example',
      ].join('\n'),
    )
    expect(invalid).toEqual([])
    expect(sessions.map((session) => [session.email, session.line])).toEqual([
      ['host@x.example', 3],
      ['anna@x.example', 6],
    ])
  })
})

describe('merging sessions', () => {
  it('adds up rejoins and counts overlapping sessions (two devices) once', () => {
    expect(coveredMilliseconds([span('09:00', '09:20'), span('09:30', '09:50')])).toBe(40 * 60_000)
    expect(coveredMilliseconds([span('09:00', '09:40'), span('09:10', '09:30')])).toBe(40 * 60_000)
    expect(
      coveredMilliseconds([span('09:30', '09:50'), span('09:00', '09:35'), span('09:50', '09:55')]),
    ).toBe(55 * 60_000)
    expect(coveredMilliseconds([])).toBe(0)
  })

  it('groups by address, case-insensitive, with whole minutes rounded down', () => {
    const { sessions } = read(
      [
        'email,join,leave',
        'a@x.example,2026-03-12T09:00:00Z,2026-03-12T09:20:30Z',
        'b@x.example,2026-03-12T09:00:00Z,2026-03-12T09:05:00Z',
        'A@x.example,2026-03-12T09:10:00Z,2026-03-12T09:30:59Z',
      ].join('\n'),
    )
    expect(mergeAttendance(sessions)).toEqual([
      { email: 'a@x.example', lines: [2, 4], minutes: 30, seconds: 1859, sessions: 2 },
      { email: 'b@x.example', lines: [3], minutes: 5, seconds: 300, sessions: 1 },
    ])
  })
})

describe('minimum minutes and classes', () => {
  it('takes the event’s minimum, else a share of its length rounded up', () => {
    const times = { endsAt: new Date('2026-03-12T10:05:00Z'), startsAt: event.startsAt }
    expect(minimumMinutesFor({ ...times, minimumMinutes: 20 }, 60)).toEqual({
      from: 'event',
      minutes: 20,
    })
    expect(minimumMinutesFor({ ...times, minimumMinutes: null }, 60)).toEqual({
      from: 'default',
      minutes: 39,
    })
  })

  it('sorts people into attends, below the minimum, unmatched and already attended', () => {
    const person = (email: string, seconds: number): AttendancePerson => ({
      email,
      lines: [2],
      minutes: Math.floor(seconds / 60),
      seconds,
      sessions: 1,
    })
    const members = new Map<string, KnownMember>([
      ['exact@x.example', { alreadyAttended: false, id: 1, name: 'Exact' }],
      ['short@x.example', { alreadyAttended: false, id: 2 }],
      ['done@x.example', { alreadyAttended: true, id: 3 }],
    ])
    const classes = classifyAttendance(
      [
        person('exact@x.example', 36 * 60),
        person('short@x.example', 36 * 60 - 1),
        person('done@x.example', 60),
        person('stranger@x.example', 3600),
      ],
      members,
      36,
    )
    expect(classes.attends.map((one) => [one.email, one.memberId, one.name])).toEqual([
      ['exact@x.example', 1, 'Exact'],
    ])
    expect(classes.belowThreshold.map((one) => one.memberId)).toEqual([2])
    expect(classes.alreadyAttended.map((one) => one.memberId)).toEqual([3])
    expect(classes.unmatched.map((one) => one.email)).toEqual(['stranger@x.example'])
  })
})
