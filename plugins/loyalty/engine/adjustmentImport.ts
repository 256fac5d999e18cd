import type { CsvRecord } from './csvFile'

import { findColumn, normaliseEmail, showCell } from './csvFile'

/** Header names of each column, normalised (lower case, letters and digits only). */
export const adjustmentHeaders = {
  email: ['email', 'memberemail', 'emailaddress', 'useremail', 'mail'],
  points: ['points', 'pointsadjustment', 'adjustment', 'amount', 'pts'],
  reason: ['reason', 'description', 'comment', 'note'],
} as const

export const expectedAdjustmentHeaders = 'email, points and reason'

/** Limits of one adjustment line. */
export type AdjustmentLimits = {
  /** Most points one line may add or remove. */
  maxPoints: number
  /** Most characters of a reason. */
  reasonMaxLength: number
  /** Fewest characters of a reason. */
  reasonMinLength: number
}

/** A line of the file, read and checked on its own. */
export type AdjustmentLine = { email: string; line: number; points: number; reason: string }

export type AdjustmentError = { line: number; message: string }

/**
 * Reads the header (the first line) and every line below it. Each line needs an address, a
 * whole number of points other than 0 within the limit (a sign for removals; `+25` is fine;
 * no thousands separators or decimals) and a reason. One line per member: an address that
 * appears again is an error naming both lines, so nobody is given points twice by mistake
 * (sum them into one line instead). Errors carry the line number as the file shows it (the
 * header is line 1).
 */
export const readAdjustments = (
  records: CsvRecord[],
  limits: AdjustmentLimits,
): { errors: AdjustmentError[]; lines: AdjustmentLine[] } | { error: string } => {
  const [header, ...rows] = records
  if (!header) return { error: 'The file is empty.' }
  const email = findColumn(header.cells, adjustmentHeaders.email)
  const points = findColumn(header.cells, adjustmentHeaders.points)
  const reason = findColumn(header.cells, adjustmentHeaders.reason)
  const missing = [
    email === -1 ? 'email' : null,
    points === -1 ? 'points' : null,
    reason === -1 ? 'reason' : null,
  ].filter(Boolean)
  if (missing.length > 0) {
    const found = header.cells
      .slice(0, 8)
      .map((cell) => `"${showCell(cell)}"`)
      .join(', ')
    return {
      error: `The first line must name the columns ${expectedAdjustmentHeaders}; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing (found ${found}).`,
    }
  }
  if (rows.length === 0) return { error: 'The file has a header but no lines to apply.' }
  const errors: AdjustmentError[] = []
  const lines: AdjustmentLine[] = []
  const firstLineOf = new Map<string, number>()
  const max = limits.maxPoints.toLocaleString('en')
  for (const { cells, line } of rows) {
    const fail = (message: string) => errors.push({ line, message: `Line ${line}: ${message}` })
    const rawEmail = cells[email] ?? ''
    const address = normaliseEmail(rawEmail)
    if (!address) {
      fail(
        rawEmail === '' ? 'no email address.' : `"${showCell(rawEmail)}" is not an email address.`,
      )
      continue
    }
    const rawPoints = (cells[points] ?? '').replace(/\s/g, '')
    if (!/^[+-]?\d{1,9}$/.test(rawPoints)) {
      fail(
        rawPoints === ''
          ? 'no points.'
          : `points must be a whole number such as 50 or -20 (got "${showCell(rawPoints)}").`,
      )
      continue
    }
    const value = Number(rawPoints)
    if (value === 0) {
      fail('points must not be 0.')
      continue
    }
    if (Math.abs(value) > limits.maxPoints) {
      fail(`at most ${max} points may be added or removed per line (got ${value}).`)
      continue
    }
    const text = (cells[reason] ?? '').trim()
    if (text.length < limits.reasonMinLength) {
      fail(
        text === ''
          ? 'no reason; the member sees it on their statement.'
          : `the reason must have at least ${limits.reasonMinLength} characters; the member sees it.`,
      )
      continue
    }
    if (text.length > limits.reasonMaxLength) {
      fail(`the reason must have at most ${limits.reasonMaxLength} characters.`)
      continue
    }
    if (/[\u0000-\u001f\u007f]/.test(text)) {
      fail('the reason contains control characters or line breaks.')
      continue
    }
    const earlier = firstLineOf.get(address)
    if (earlier !== undefined) {
      fail(
        `${address} is also on line ${earlier}; put one line per member (add up the points) so nobody is given points twice by mistake.`,
      )
      continue
    }
    firstLineOf.set(address, line)
    lines.push({ email: address, line, points: value, reason: text })
  }
  return { errors, lines }
}

/** What the programme knows of a member the file names. */
export type AdjustedMember = { id: number | string; name?: null | string; spendable: number }

/** A line matched to its member, with the balance it leaves. */
export type PlannedAdjustment = AdjustmentLine & {
  memberId: number | string
  name: null | string
  spendableAfter: number
  spendableBefore: number
}

/**
 * Matches the lines to members and checks that no removal takes more than the member's
 * spendable points (a balance never goes below zero). Errors name the line.
 */
export const planAdjustments = (
  lines: AdjustmentLine[],
  members: Map<string, AdjustedMember>,
): { errors: AdjustmentError[]; planned: PlannedAdjustment[] } => {
  const errors: AdjustmentError[] = []
  const planned: PlannedAdjustment[] = []
  for (const line of lines) {
    const member = members.get(line.email)
    if (!member) {
      errors.push({
        line: line.line,
        message: `Line ${line.line}: no member has the address ${line.email}.`,
      })
      continue
    }
    const after = member.spendable + line.points
    if (after < 0) {
      errors.push({
        line: line.line,
        message: `Line ${line.line}: ${line.email} has only ${member.spendable} spendable points, so ${-line.points} cannot be removed (a balance never goes below 0).`,
      })
      continue
    }
    planned.push({
      ...line,
      memberId: member.id,
      name: member.name ?? null,
      spendableAfter: after,
      spendableBefore: member.spendable,
    })
  }
  return { errors, planned }
}

/** Totals of a plan, for the preview and the import record. */
export const adjustmentTotals = (planned: PlannedAdjustment[]) => ({
  added: planned.filter((line) => line.points > 0).reduce((sum, line) => sum + line.points, 0),
  lines: planned.length,
  removed: planned.filter((line) => line.points < 0).reduce((sum, line) => sum - line.points, 0),
})
