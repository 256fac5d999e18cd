/** Whole points with thousands separators: 1,650. */
export const formatPoints = (points: number): string => points.toLocaleString('en-GB')

/** "+80" / "−300" with a real minus sign. */
export const signedPoints = (points: number): string =>
  points > 0 ? `+${formatPoints(points)}` : points < 0 ? `−${formatPoints(Math.abs(points))}` : '0'

/** "22 Nov 2026". */
export const formatDate = (iso: string, timeZone = 'UTC'): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone, year: 'numeric' }).format(new Date(iso))

/** "Tue 24 Nov 2026, 16:00 CET" in the event's own time zone. */
export const formatDateTime = (iso: string, timeZone = 'UTC'): string =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    month: 'short',
    timeZone,
    timeZoneName: 'short',
    weekday: 'short',
    year: 'numeric',
  }).format(new Date(iso))

/** "1 lesson" / "3 lessons". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`

/** The label of a select value from its options list. */
export const labelOf = (options: { label: string; value: string }[], value: null | string | undefined): string =>
  options.find((option) => option.value === value)?.label ?? value ?? ''

/** A single search parameter as a string ('' when missing or repeated). */
export const param = (value: string | string[] | undefined): string => (typeof value === 'string' ? value : '')
