const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 })

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
  year: 'numeric',
})

/** Formats a number the British way with thousands separators: 1540 → "1,540". */
export const formatNumber = (value: number): string => numberFormat.format(value)

/** Formats a date in UTC the British way: "1 March 2027". */
export const formatDate = (date: Date): string => dateFormat.format(date)

/** A count with its noun, singular or plural: "1 point", "1,500 points". */
export const pluralise = (count: number, singular: string, plural = `${singular}s`): string =>
  `${formatNumber(count)} ${count === 1 ? singular : plural}`
