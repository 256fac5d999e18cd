import { describe, expect, it } from 'vitest'

import type { AdjustedMember } from './adjustmentImport'

import { adjustmentTotals, planAdjustments, readAdjustments } from './adjustmentImport'
import { parseCsv } from './csvFile'

const limits = { maxPoints: 10_000, reasonMaxLength: 300, reasonMinLength: 5 }

const read = (text: string) => {
  const parsed = parseCsv(text)
  if ('error' in parsed) throw new Error(parsed.error)
  return readAdjustments(parsed.records, limits)
}

describe('readAdjustments', () => {
  it('reads email, points and reason in any column order, header = line 1', () => {
    expect(
      read(
        'Reason,Points,Email\nTrade show bonus,+50,Anna@X.example\n"Returned, sorry",-20,b@x.example',
      ),
    ).toEqual({
      errors: [],
      lines: [
        { email: 'anna@x.example', line: 2, points: 50, reason: 'Trade show bonus' },
        { email: 'b@x.example', line: 3, points: -20, reason: 'Returned, sorry' },
      ],
    })
  })

  it('refuses each bad line with its number', () => {
    const result = read(
      [
        'email,points,reason',
        'a@x.example,1.5,Trade show',
        'b@x.example,0,Trade show',
        'c@x.example,10001,Trade show',
        'd@x.example,10,',
        'e@x.example,10,abc',
        'nobody,10,Trade show',
        'f@x.example,"1,000",Trade show',
        `g@x.example,10,${'x'.repeat(301)}`,
        'h@x.example,10,Trade show',
        'H@x.example,5,Trade show again',
      ].join('\n'),
    )
    expect(result).toEqual({
      errors: [
        {
          line: 2,
          message: 'Line 2: points must be a whole number such as 50 or -20 (got "1.5").',
        },
        { line: 3, message: 'Line 3: points must not be 0.' },
        {
          line: 4,
          message: 'Line 4: at most 10,000 points may be added or removed per line (got 10001).',
        },
        { line: 5, message: 'Line 5: no reason; the member sees it on their statement.' },
        {
          line: 6,
          message: 'Line 6: the reason must have at least 5 characters; the member sees it.',
        },
        { line: 7, message: 'Line 7: "nobody" is not an email address.' },
        {
          line: 8,
          message: 'Line 8: points must be a whole number such as 50 or -20 (got "1,000").',
        },
        { line: 9, message: 'Line 9: the reason must have at most 300 characters.' },
        {
          line: 11,
          message:
            'Line 11: h@x.example is also on line 10; put one line per member (add up the points) so nobody is given points twice by mistake.',
        },
      ],
      lines: [{ email: 'h@x.example', line: 10, points: 10, reason: 'Trade show' }],
    })
  })

  it('names the missing columns, and refuses a file without lines', () => {
    expect(read('mail,amount\na@x.example,5')).toEqual({
      error:
        'The first line must name the columns email, points and reason; reason is missing (found "mail", "amount").',
    })
    expect(read('email,points,reason')).toEqual({
      error: 'The file has a header but no lines to apply.',
    })
  })
})

describe('planAdjustments', () => {
  it('matches members and refuses removals below zero and unknown addresses by line', () => {
    const members = new Map<string, AdjustedMember>([
      ['a@x.example', { id: 1, name: 'Anna', spendable: 30 }],
      ['b@x.example', { id: 2, spendable: 30 }],
    ])
    const lines = [
      { email: 'a@x.example', line: 2, points: -30, reason: 'Correction' },
      { email: 'b@x.example', line: 3, points: -31, reason: 'Correction' },
      { email: 'c@x.example', line: 4, points: 5, reason: 'Bonus!' },
    ]
    const { errors, planned } = planAdjustments(lines, members)
    expect(planned).toEqual([
      { ...lines[0], memberId: 1, name: 'Anna', spendableAfter: 0, spendableBefore: 30 },
    ])
    expect(errors).toEqual([
      {
        line: 3,
        message:
          'Line 3: b@x.example has only 30 spendable points, so 31 cannot be removed (a balance never goes below 0).',
      },
      { line: 4, message: 'Line 4: no member has the address c@x.example.' },
    ])
    expect(adjustmentTotals(planned)).toEqual({ added: 0, lines: 1, removed: 30 })
  })
})
