import { TZDate } from '@date-fns/tz'

/**
 * The time formats a webinar report's join and leave times may use. Times without a zone are
 * read in `timeZone` (the event's, e.g. Europe/Berlin):
 *
 * - ISO 8601: `2026-03-12T10:02:15Z`, `2026-03-12T10:02:15+01:00`, `2026-03-12 10:02` (no zone)
 * - month first with slashes (Zoom, Teams, Webex): `03/12/2026 10:02:15 AM`, `3/12/2026 10:02`,
 *   `3/12/26, 10:02:15 AM`; a slash date is always read month first
 * - day first with dots: `12.03.2026 10:02:15`, `12.03.2026 10:02`
 * - with the month's English name (GoToWebinar): `Mar 12, 2026 10:02 AM`, `12 Mar 2026 10:02`;
 *   a trailing `UTC` or `GMT` means UTC, another trailing zone name (CET, EST) is not trusted
 *   and the time is read in `timeZone`
 *
 * Seconds are optional; 12-hour times need AM or PM.
 */
export const acceptedTimeFormats =
  '2026-03-12T10:02:15Z, 2026-03-12 10:02, 03/12/2026 10:02:15 AM, 12.03.2026 10:02 or Mar 12, 2026 10:02 AM'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

type Parts = {
  day: number
  hour: number
  minute: number
  month: number
  second: number
  year: number
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?\s*[Mm]\.?)?`
const ZONE = String.raw`(?:\s+([A-Za-z]{2,5}))?`

const patterns: { pattern: RegExp; read: (match: RegExpExecArray) => [number, number, number] }[] =
  [
    {
      // 2026-03-12 10:02 (ISO without a zone)
      pattern: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})[T ]${TIME}${ZONE}$`),
      read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
    },
    {
      // 03/12/2026 10:02:15 AM, 3/12/26, 10:02 AM (month first)
      pattern: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+${TIME}${ZONE}$`),
      read: (m) => [Number(m[3]), Number(m[1]), Number(m[2])],
    },
    {
      // 12.03.2026 10:02 (day first)
      pattern: new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4}),?\s+${TIME}${ZONE}$`),
      read: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
    },
    {
      // Mar 12, 2026 10:02 AM
      pattern: new RegExp(
        String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:at\s+)?${TIME}${ZONE}$`,
      ),
      read: (m) => [Number(m[3]), MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, Number(m[2])],
    },
    {
      // 12 Mar 2026 10:02
      pattern: new RegExp(
        String.raw`^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}),?\s+(?:at\s+)?${TIME}${ZONE}$`,
      ),
      read: (m) => [Number(m[3]), MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, Number(m[1])],
    },
  ]

/** Hours, minutes, seconds, AM/PM and zone name: the last five groups of every pattern. */
const timeOf = (
  match: RegExpExecArray,
): null | { parts: Omit<Parts, 'day' | 'month' | 'year'>; zone?: string } => {
  const groups = match.slice(-5)
  let hour = Number(groups[0])
  const minute = Number(groups[1])
  const second = groups[2] === undefined ? 0 : Number(groups[2])
  const meridiem = groups[3]?.toLowerCase()
  if (meridiem) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return null
  return { parts: { hour, minute, second }, zone: groups[4]?.toUpperCase() }
}

/**
 * A join or leave time from a webinar report (see `acceptedTimeFormats`), or null when the text
 * is not one of those formats or not a real moment (13th month, 30 February, 25:00).
 */
export const parseWebinarTime = (value: string, timeZone: string): Date | null => {
  const text = value.trim()
  if (text.length === 0 || text.length > 40) return null
  // ISO 8601 with a zone: the moment is exact.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const date = new Date(text)
    return Number.isNaN(date.getTime()) ? null : date
  }
  for (const { pattern, read } of patterns) {
    const match = pattern.exec(text)
    if (!match) continue
    let [year, month, day] = read(match)
    if (year < 100) year += 2000
    const time = timeOf(match)
    if (!time || month < 1 || month > 12 || day < 1 || day > 31) return null
    const { hour, minute, second } = time.parts
    // Rolled over (30 February became 2 March): not a real date.
    const check = new Date(Date.UTC(year, month - 1, day))
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
    const utc = time.zone === 'UTC' || time.zone === 'GMT' || time.zone === 'Z'
    const date = utc
      ? new Date(Date.UTC(year, month - 1, day, hour, minute, second))
      : new TZDate(year, month - 1, day, hour, minute, second, timeZone)
    const moment = new Date(date.getTime())
    return Number.isNaN(moment.getTime()) ? null : moment
  }
  return null
}

/**
 * A duration cell in minutes: a number of minutes (`45`, `45.5`), `1:02:03` (hours, minutes,
 * seconds) or `1h 2m 3s` / `45 min`; null when unreadable or negative.
 */
export const parseDurationMinutes = (value: string): null | number => {
  const text = value.trim().toLowerCase()
  if (/^\d{1,5}([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'))
  const clock = /^(\d{1,3}):(\d{2}):(\d{2})$/.exec(text)
  if (clock) {
    if (Number(clock[2]) > 59 || Number(clock[3]) > 59) return null
    return Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3]) / 60
  }
  const units =
    /^(?:(\d{1,3})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,4})\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d{1,5})\s*s(?:ec(?:onds?|s)?)?)?$/.exec(
      text,
    )
  if (units && (units[1] || units[2] || units[3])) {
    return Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0) + Number(units[3] ?? 0) / 60
  }
  return null
}
