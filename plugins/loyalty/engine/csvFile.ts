import { parse } from 'csv-parse/sync'

/** One record of a CSV file, with the line it starts on as a spreadsheet shows it (1 = first). */
export type CsvRecord = { cells: string[]; line: number }

/** Counts line breaks (CRLF, LF or CR) in a piece of the file. */
const lineBreaks = (text: string): number => (text.match(/\r\n|\n|\r/g) ?? []).length

/** Line breaks at the start of a record's raw text: the empty lines skipped before it. */
const leadingBreaks = (text: string): number => lineBreaks(/^(?:\r\n|\n|\r)*/.exec(text)?.[0] ?? '')

/**
 * Parses CSV text (RFC 4180, with csv-parse) into records that keep their line number, so that
 * errors can name the line as the user sees it in the file (a quoted cell may span lines: the
 * record's first line counts). Cells are trimmed; empty lines are skipped; a byte-order mark is
 * ignored; rows may have different numbers of cells (webinar reports have sections). The
 * delimiter is a comma, or a semicolon or tab when the first line has more of those (spreadsheets
 * in many European locales save CSV with semicolons).
 */
export const parseCsv = (text: string): { error: string } | { records: CsvRecord[] } => {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  const count = (character: string) => firstLine.split(character).length - 1
  const delimiter = [';', '\t'].reduce(
    (best, candidate) => (count(candidate) > count(best) ? candidate : best),
    ',',
  )
  let parsed: { raw: string; record: string[] }[]
  try {
    parsed = parse(text, {
      bom: true,
      delimiter,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { raw: string; record: string[] }[]
  } catch (error) {
    const where = (error as { lines?: unknown }).lines
    const line = typeof where === 'number' ? ` near line ${where}` : ''
    const reason =
      (error as { code?: unknown }).code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell is never closed'
        : 'it is not valid CSV'
    return { error: `The file could not be read${line}: ${reason}.` }
  }
  let consumed = 0
  const records: CsvRecord[] = []
  for (const { raw, record } of parsed) {
    const line = consumed + leadingBreaks(raw) + 1
    consumed += lineBreaks(raw)
    const cells = record.map((cell) => cell.trim())
    if (cells.every((cell) => cell === '')) continue
    records.push({ cells, line })
  }
  return { records }
}

/** A header as compared: lower case, letters and digits only ("User Email" → "useremail"). */
export const normaliseHeader = (header: string): string =>
  header.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * The index of the first cell whose normalised header is one of `names`, in the order of
 * `names` (so the most specific name wins when a file has several candidates); -1 when none.
 */
export const findColumn = (cells: string[], names: readonly string[]): number => {
  const normalised = cells.map(normaliseHeader)
  for (const name of names) {
    const index = normalised.indexOf(name)
    if (index !== -1) return index
  }
  return -1
}

const EMAIL = /^[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+$/

/** The address in lower case when it looks like an e-mail address, else null. */
export const normaliseEmail = (value: string): null | string => {
  const email = value.trim().toLowerCase()
  return email.length <= 254 && EMAIL.test(email) ? email : null
}

/** A cell as shown in a message: at most 60 characters, without control characters. */
export const showCell = (value: string): string => {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ')
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean
}
