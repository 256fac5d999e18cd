/** The data staff can export as CSV. */
export const exportKinds = ['ledger', 'members', 'completions', 'attendance'] as const
export type ExportKind = (typeof exportKinds)[number]

export type ExportQuery = {
  /** Start of the period (inclusive), or null for everything before `to`. */
  from: Date | null
  kind: ExportKind
  /** End of the period (exclusive), or null for up to now. */
  to: Date | null
}

const DAY = 86_400_000

/** A date `YYYY-MM-DD` (midnight UTC) or a full ISO timestamp; null when absent; an error text when invalid. */
const parseDate = (name: string, raw: null | string): Date | null | string => {
  if (raw === null || raw === '') return null
  if (raw.length > 40 || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) {
    return `${name} must be a date like 2026-11-01 (got "${raw.slice(0, 40)}").`
  }
  const date = new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw)
  const rolledOver = raw.length === 10 && date.toISOString().slice(0, 10) !== raw
  if (Number.isNaN(date.getTime()) || rolledOver) {
    return `${name} is not a real date (got "${raw}").`
  }
  return date
}

/**
 * Checks an export request: the kind from the path, `from` and `to` from the query. A `to` given
 * as a day includes that whole day. Returns the query or a message a person understands.
 */
export const parseExportQuery = (
  kind: string | undefined,
  from: null | string,
  to: null | string,
): { error: string } | { query: ExportQuery } => {
  if (!exportKinds.includes(kind as ExportKind)) {
    return {
      error: `Unknown export "${String(kind).slice(0, 40)}": use ${exportKinds.join(', ')}.`,
    }
  }
  const start = parseDate('from', from)
  if (typeof start === 'string') return { error: start }
  let end = parseDate('to', to)
  if (typeof end === 'string') return { error: end }
  if (end && to?.length === 10) end = new Date(end.getTime() + DAY)
  if (start && end && start.getTime() >= end.getTime()) {
    return { error: 'from must be before to.' }
  }
  return { query: { from: start, kind: kind as ExportKind, to: end } }
}
