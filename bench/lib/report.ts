/** Plain-text tables for stdout. */

export const table = (header: string[], rows: (number | string)[][]): string => {
  const cells = [header, ...rows.map((row) => row.map(String))]
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => row[column]?.length ?? 0)),
  )
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n')
}

export const fixed = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : '—'

export const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? numerator / denominator : Number.NaN
