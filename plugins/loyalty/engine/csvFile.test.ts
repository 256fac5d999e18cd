import { describe, expect, it } from 'vitest'

import { findColumn, normaliseEmail, normaliseHeader, parseCsv } from './csvFile'

describe('parseCsv', () => {
  it('keeps the line each record starts on, across empty lines and quoted line breaks', () => {
    const text =
      '\uFEFFemail,points,reason\r\n\r\na@x.example,10,"Two\r\nlines"\r\nb@x.example, 5 ,ok\r\n'
    expect(parseCsv(text)).toEqual({
      records: [
        { cells: ['email', 'points', 'reason'], line: 1 },
        { cells: ['a@x.example', '10', 'Two\r\nlines'], line: 3 },
        { cells: ['b@x.example', '5', 'ok'], line: 5 },
      ],
    })
  })

  it('reads semicolon files (European spreadsheets) and rows of different lengths', () => {
    expect(parseCsv('email;points;reason\na@x.example;1\n;;\n')).toEqual({
      records: [
        { cells: ['email', 'points', 'reason'], line: 1 },
        { cells: ['a@x.example', '1'], line: 2 },
      ],
    })
  })

  it('says where the file is broken', () => {
    expect(parseCsv('email,points\n"a@x.example,1\n')).toEqual({
      error: 'The file could not be read near line 2: a quoted cell is never closed.',
    })
  })
})

describe('headers and addresses', () => {
  it('compares headers without case, spaces or punctuation, the most specific name first', () => {
    expect(normaliseHeader(' Duration (Minutes) ')).toBe('durationminutes')
    expect(findColumn(['Name', 'User Email', 'Email'], ['email', 'useremail'])).toBe(2)
    expect(findColumn(['Name'], ['email'])).toBe(-1)
  })

  it('lower-cases addresses and refuses what is not one', () => {
    expect(normaliseEmail(' Anna.Berg@Example.COM ')).toBe('anna.berg@example.com')
    expect(normaliseEmail('anna')).toBeNull()
    expect(normaliseEmail('a b@x.example')).toBeNull()
    expect(normaliseEmail(`${'a'.repeat(250)}@x.example`)).toBeNull()
  })
})
