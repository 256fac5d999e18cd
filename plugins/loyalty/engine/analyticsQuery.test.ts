import { describe, expect, it } from 'vitest'

import {
  bucketFor,
  bucketKey,
  bucketKeys,
  eventFigures,
  fillSeries,
  npsOf,
  parseAnalyticsQuery,
  rankAtRisk,
  rankReach,
  reachFigures,
  shareOf,
  totalReach,
} from './analyticsQuery'

const limits = {
  jobRoles: ['engineer', 'sales'],
  maxRangeDays: 731,
  regions: ['dach', 'benelux'],
}
const now = new Date('2026-11-22T15:30:00Z')
const parse = (search: string) => parseAnalyticsQuery(new URLSearchParams(search), now, limits)
const day = (value: string) => new Date(`${value}T00:00:00Z`)

describe('parseAnalyticsQuery', () => {
  it('defaults to the last 30 days, today included, with the 30 days before as comparison', () => {
    expect(parse('')).toEqual({
      query: {
        bucket: 'day',
        from: day('2026-10-24'),
        jobRole: null,
        partner: null,
        previousFrom: day('2026-09-24'),
        region: null,
        tier: null,
        to: day('2026-11-23'),
      },
    })
  })

  it('takes both days as included, and either alone', () => {
    const both = parse('from=2026-01-01&to=2026-01-31')
    expect(both).toMatchObject({ query: { from: day('2026-01-01'), to: day('2026-02-01') } })
    expect(parse('to=2026-01-31')).toMatchObject({
      query: { from: day('2026-01-02'), to: day('2026-02-01') },
    })
    expect(parse('from=2026-11-01')).toMatchObject({
      query: { from: day('2026-11-01'), to: day('2026-11-23') },
    })
    expect(parse('from=2026-11-22&to=2026-11-22')).toMatchObject({
      query: { from: day('2026-11-22'), previousFrom: day('2026-11-21'), to: day('2026-11-23') },
    })
  })

  it('accepts the filters, and empty values as none', () => {
    expect(parse('partner=12&tier=3&jobRole=sales&region=dach')).toMatchObject({
      query: { jobRole: 'sales', partner: '12', region: 'dach', tier: '3' },
    })
    expect(parse('partner=&region=&from=')).toMatchObject({
      query: { partner: null, region: null },
    })
  })

  it('explains what is wrong', () => {
    const errors: [string, string][] = [
      ['from=1.1.2026', 'from must be a day like 2026-11-01 (got "1.1.2026").'],
      ['to=2026-02-29', 'to is not a real date (got "2026-02-29").'],
      ['from=1999-12-31', 'from must be a day between the years 2000 and 2100 (got "1999-12-31").'],
      ['from=2026-02-01&to=2026-01-01', 'from must be on or before to.'],
      ['from=2024-01-01&to=2026-01-01', 'The period is 732 days long; choose at most 731 days.'],
      ['partner=1;drop', 'partner must be the id of a partner company (got "1;drop").'],
      ['tier=gold', 'tier must be the id of a tier (got "gold").'],
      ['jobRole=ceo', 'Unknown job role "ceo": use engineer, sales.'],
      ['region=mars', 'Unknown region "mars": use dach, benelux.'],
      ['where=1', 'Unknown parameter "where": use from, to, partner, region, jobRole, tier.'],
      ['tier=1&tier=2', 'Give tier only once.'],
    ]
    for (const [search, error] of errors) expect(parse(search), search).toEqual({ error })
    expect(
      parseAnalyticsQuery(new URLSearchParams('region=dach'), now, { ...limits, regions: null }),
    ).toEqual({ error: 'Organisations have no region to filter by.' })
    expect(parse(`from=${'9'.repeat(5000)}`)).toEqual({
      error: `from must be a day like 2026-11-01 (got "${'9'.repeat(40)}…").`,
    })
  })

  it('allows exactly the longest period', () => {
    expect(parse('from=2024-01-01&to=2025-12-31')).toMatchObject({ query: { bucket: 'month' } })
  })
})

describe('buckets', () => {
  it('steps by day up to 62 days, by week up to 366, then by month', () => {
    expect(bucketFor(day('2026-01-01'), day('2026-03-04'))).toBe('day')
    expect(bucketFor(day('2026-01-01'), day('2026-03-05'))).toBe('week')
    expect(bucketFor(day('2025-01-01'), day('2026-01-02'))).toBe('week')
    expect(bucketFor(day('2025-01-01'), day('2026-01-03'))).toBe('month')
  })

  it('names a bucket by its first day; weeks start on Monday', () => {
    const sunday = new Date('2026-11-22T23:59:59.999Z')
    expect(bucketKey(sunday, 'day')).toBe('2026-11-22')
    expect(bucketKey(sunday, 'week')).toBe('2026-11-16')
    expect(bucketKey(new Date('2026-11-16T00:00:00Z'), 'week')).toBe('2026-11-16')
    expect(bucketKey(sunday, 'month')).toBe('2026-11-01')
  })

  it('lists every bucket of a period, the first one starting on or before it', () => {
    expect(bucketKeys(day('2026-11-20'), day('2026-11-23'), 'day')).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ])
    expect(bucketKeys(day('2026-11-04'), day('2026-11-23'), 'week')).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ])
    expect(bucketKeys(day('2025-12-15'), day('2026-03-01'), 'month')).toEqual([
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ])
  })

  it('fills the empty buckets with zeros and ignores rows outside the period', () => {
    expect(
      fillSeries(
        ['2026-11-01', '2026-11-02'],
        ['earn', 'redeem'],
        [
          { bucket: '2026-11-02', name: 'earn', value: 5 },
          { bucket: '2026-11-02', name: 'earn', value: 3 },
          { bucket: '2026-10-31', name: 'earn', value: 100 },
        ],
      ),
    ).toEqual([
      { bucket: '2026-11-01', values: { earn: 0, redeem: 0 } },
      { bucket: '2026-11-02', values: { earn: 8, redeem: 0 } },
    ])
  })
})

describe('derived figures', () => {
  it('gives shares with one decimal, and none of nothing', () => {
    expect(shareOf(1, 3)).toBe(33.3)
    expect(shareOf(2, 3)).toBe(66.7)
    expect(shareOf(15, 100)).toBe(15)
    expect(shareOf(0, 0)).toBeNull()
    expect(shareOf(5, 3)).toBe(100)
  })

  it('computes reach shares and ranks organisations by the least reached', () => {
    expect(reachFigures({ earned: 1, members: 8, reached: 2, signedIn: 2 })).toEqual({
      earned: 1,
      earnedShare: 12.5,
      members: 8,
      reached: 2,
      reachedShare: 25,
      signedIn: 2,
      signedInShare: 25,
    })
    const ranked = rankReach([
      { earned: 0, members: 10, name: 'well reached', reached: 9, signedIn: 9 },
      { earned: 0, members: 0, name: 'empty', reached: 0, signedIn: 0 },
      { earned: 0, members: 4, name: 'small, unreached', reached: 0, signedIn: 0 },
      { earned: 0, members: 40, name: 'large, unreached', reached: 0, signedIn: 0 },
    ])
    expect(ranked.map((row) => row.name)).toEqual([
      'large, unreached',
      'small, unreached',
      'well reached',
      'empty',
    ])
    expect(
      totalReach([
        { earned: 1, members: 10, reached: 3, signedIn: 2 },
        { earned: 0, members: 10, reached: 0, signedIn: 0 },
      ]),
    ).toMatchObject({ members: 20, reached: 3, reachedShare: 15 })
  })

  it('gives attendance and no-shows only for events that have ended', () => {
    const counts = { attended: 3, cancelled: 2, registered: 1, waitlisted: 4 }
    expect(eventFigures(counts, new Date('2026-11-22T15:00:00Z'), now)).toEqual({
      ...counts,
      attendanceRate: 75,
      ended: true,
      noShows: 1,
      seats: 4,
    })
    expect(eventFigures(counts, new Date('2026-11-22T16:00:00Z'), now)).toMatchObject({
      attendanceRate: null,
      ended: false,
      noShows: null,
    })
    expect(
      eventFigures({ attended: 0, cancelled: 1, registered: 0, waitlisted: 0 }, null, now),
    ).toMatchObject({ attendanceRate: null, seats: 0 })
  })

  it('flags organisations whose points fell by the threshold or to zero, steepest first', () => {
    const row = (name: string, previousPoints: number, points: number) => ({
      activeMembers: 0,
      name,
      points,
      previousActiveMembers: 0,
      previousPoints,
    })
    const flagged = rankAtRisk(
      [
        row('steady', 100, 95),
        row('new', 0, 50),
        row('quiet both times', 0, 0),
        row('halved', 200, 100),
        row('just under', 1000, 501),
        row('stopped', 40, 0),
        row('stopped, larger', 400, 0),
        row('grew', 10, 500),
      ],
      50,
    )
    expect(flagged.map((item) => [item.name, item.dropPercent, item.reason])).toEqual([
      ['stopped, larger', 100, 'stopped'],
      ['stopped', 100, 'stopped'],
      ['halved', 50, 'dropped'],
    ])
    expect(rankAtRisk([row('a third less', 300, 200)], 30)).toHaveLength(1)
  })

  it('scores NPS from grouped answers', () => {
    expect(npsOf({ detractors: 1, passives: 1, promoters: 2 })).toEqual({
      responses: 4,
      score: 25,
    })
    expect(npsOf({ detractors: 0, passives: 0, promoters: 0 })).toEqual({
      responses: 0,
      score: null,
    })
  })
})
