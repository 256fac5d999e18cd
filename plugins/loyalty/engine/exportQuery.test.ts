import { describe, expect, it } from 'vitest'

import { parseExportQuery } from './exportQuery'

describe('parseExportQuery', () => {
  it('accepts a kind and an optional period; a day as `to` includes that day', () => {
    expect(parseExportQuery('ledger', null, null)).toEqual({
      query: { from: null, kind: 'ledger', to: null },
    })
    expect(parseExportQuery('attendance', '2026-11-01', '2026-11-21')).toEqual({
      query: {
        from: new Date('2026-11-01T00:00:00Z'),
        kind: 'attendance',
        to: new Date('2026-11-22T00:00:00Z'),
      },
    })
    expect(parseExportQuery('members', '2026-11-01T08:00:00Z', null)).toEqual({
      query: { from: new Date('2026-11-01T08:00:00Z'), kind: 'members', to: null },
    })
  })

  it('explains what is wrong', () => {
    expect(parseExportQuery('passwords', null, null)).toEqual({
      error: 'Unknown export "passwords": use ledger, members, completions, attendance.',
    })
    expect(parseExportQuery('ledger', 'yesterday', null)).toEqual({
      error: 'from must be a date like 2026-11-01 (got "yesterday").',
    })
    expect(parseExportQuery('ledger', null, '2026-02-31')).toEqual({
      error: 'to is not a real date (got "2026-02-31").',
    })
    expect(parseExportQuery('ledger', '2026-11-22', '2026-11-01')).toEqual({
      error: 'from must be before to.',
    })
  })
})
