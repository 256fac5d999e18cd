import { describe, expect, it } from 'vitest'

import { parseDurationMinutes, parseWebinarTime } from './webinarTimes'

const at = (value: string, zone = 'Europe/Berlin') => parseWebinarTime(value, zone)?.toISOString()

describe('parseWebinarTime', () => {
  it('reads ISO 8601 with a zone exactly, and without one in the event’s zone', () => {
    expect(at('2026-03-12T10:02:15Z')).toBe('2026-03-12T10:02:15.000Z')
    expect(at('2026-03-12T10:02:15+02:00')).toBe('2026-03-12T08:02:15.000Z')
    expect(at('2026-03-12 10:02')).toBe('2026-03-12T09:02:00.000Z')
    // Summer time in Berlin is UTC+2.
    expect(at('2026-07-01T10:00:00')).toBe('2026-07-01T08:00:00.000Z')
    expect(at('2026-03-12 10:02', 'UTC')).toBe('2026-03-12T10:02:00.000Z')
  })

  it('reads Zoom and Teams times month first, with AM and PM', () => {
    expect(at('03/12/2026 10:02:15 AM')).toBe('2026-03-12T09:02:15.000Z')
    expect(at('03/12/2026 12:30:00 PM')).toBe('2026-03-12T11:30:00.000Z')
    expect(at('03/12/2026 12:05:00 AM')).toBe('2026-03-11T23:05:00.000Z')
    expect(at('3/12/26, 1:02 PM')).toBe('2026-03-12T12:02:00.000Z')
    expect(at('03/12/2026 14:02')).toBe('2026-03-12T13:02:00.000Z')
  })

  it('reads dotted dates day first and month names', () => {
    expect(at('12.03.2026 10:02:15')).toBe('2026-03-12T09:02:15.000Z')
    expect(at('Mar 12, 2026 10:02 AM')).toBe('2026-03-12T09:02:00.000Z')
    expect(at('Mar 12, 2026 10:02 AM CET')).toBe('2026-03-12T09:02:00.000Z')
    expect(at('Mar 12, 2026 10:02 AM GMT')).toBe('2026-03-12T10:02:00.000Z')
    expect(at('12 March 2026 10:02')).toBe('2026-03-12T09:02:00.000Z')
  })

  it('refuses what is not a real moment', () => {
    for (const value of [
      '',
      'yesterday',
      '13/01/2026 10:00',
      '02/30/2026 10:00',
      '03/12/2026 13:00 PM',
      '03/12/2026 24:00',
      '2026-03-12',
      'Foo 12, 2026 10:00',
      '10:00',
    ]) {
      expect(parseWebinarTime(value, 'Europe/Berlin'), value).toBeNull()
    }
  })
})

describe('parseDurationMinutes', () => {
  it('reads minutes, clock durations and units', () => {
    expect(parseDurationMinutes('45')).toBe(45)
    expect(parseDurationMinutes('45,5')).toBe(45.5)
    expect(parseDurationMinutes('1:02:30')).toBe(62.5)
    expect(parseDurationMinutes('1h 2m 30s')).toBe(62.5)
    expect(parseDurationMinutes('45 min')).toBe(45)
    expect(parseDurationMinutes('')).toBeNull()
    expect(parseDurationMinutes('-5')).toBeNull()
    expect(parseDurationMinutes('soon')).toBeNull()
  })
})
