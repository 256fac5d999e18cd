/** Milliseconds in a day (UTC has no daylight saving, so every day has this many). */
export const DAY_MS = 86_400_000

/**
 * Turns a Date or an ISO string into a Date. Throws a RangeError when the value is not a valid
 * date, so a bad row never silently counts as "no date".
 */
export const toDate = (value: Date | string): Date => {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a valid date: ${String(value)}.`)
  }
  return date
}

/**
 * Adds (or, when negative, subtracts) whole calendar months in UTC, keeping the time of day.
 * The day of the month is clamped to the last day of the target month, so 31 January plus one
 * month is 28 (or 29) February, never 3 March.
 */
export const addMonthsUTC = (date: Date, months: number): Date => {
  if (!Number.isInteger(months)) {
    throw new RangeError(`Months must be a whole number (got ${months}).`)
  }
  const day = date.getUTCDate()
  const result = new Date(date.getTime())
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(0)
  lastDay.setUTCFullYear(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)
  result.setUTCDate(Math.min(day, lastDay.getUTCDate()))
  return result
}

/** Adds (or subtracts) days in UTC. */
export const addDaysUTC = (date: Date, days: number): Date => {
  if (!Number.isFinite(days)) {
    throw new RangeError(`Days must be a finite number (got ${days}).`)
  }
  return new Date(date.getTime() + days * DAY_MS)
}

/** Midnight UTC at the start of the day that contains `date`. */
export const startOfDayUTC = (date: Date): Date => {
  const result = new Date(date.getTime())
  result.setUTCHours(0, 0, 0, 0)
  return result
}
