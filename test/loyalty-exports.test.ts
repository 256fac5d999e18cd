import type { Payload } from 'payload'

import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { loyaltyOptionsOf } from '../plugins/loyalty/local'
import { writeLedger } from '../plugins/loyalty/services/ledgerWriter'
import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let admin: Client
let marketer: Client
let member: Client
const tricky = 'Trade show, Hall 3: "best stand" bonus'

/** GET as text (the export is CSV, not JSON). */
const download = async (who: Client | null, path: string) => {
  const response = await fetch(`${server.url}${path}`, {
    headers: who?.token ? { authorization: `JWT ${who.token}` } : {},
  })
  return { response, text: await response.text() }
}

const rows = (text: string): string[][] => parse(text, { relaxColumnCount: false })

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  admin = await signIn(server.url, 'users', f.admin.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  member = await signIn(server.url, 'members', f.memberA.email, password)
  const adjusted = await admin.request('POST', '/api/loyalty/adjustments', {
    member: f.memberA.id,
    points: 40,
    reason: tricky,
  })
  expect(adjusted.status).toBe(201)
  // More entries than one page of the export (1,000), through the plugin's ledger writer.
  const options = loyaltyOptionsOf(payload)
  for (let n = 0; n < 1050; n++) {
    await writeLedger(payload, options, [
      {
        account: 'member',
        amount: 1,
        idempotencyKey: `export-test:${n}`,
        kind: 'adjust',
        member: f.memberB.id,
        organisation: f.partnerB.id,
        qualifyingAmount: 1,
        reason: 'Bulk adjustment',
      },
    ])
  }
  await payload.create({
    collection: 'loyalty-progress',
    data: {
      certificateCode: 'PC-TEST-1',
      collection: 'courses',
      completedAt: '2026-11-20T10:00:00.000Z',
      documentId: String(f.openCourse.id),
      item: 'course',
      key: `${f.memberA.id}:courses:${f.openCourse.id}:course`,
      member: f.memberA.id,
      startedAt: '2026-11-19T10:00:00.000Z',
    },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'loyalty-registrations',
    data: {
      attendedAt: '2026-11-21T10:05:00.000Z',
      eventId: String(f.event.id),
      key: `${f.memberB.id}:${f.event.id}`,
      member: f.memberB.id,
      registeredAt: '2026-11-10T09:00:00.000Z',
      status: 'attended',
    },
    overrideAccess: true,
  })
})

afterAll(async () => {
  await server?.close()
})

describe('CSV exports for staff', () => {
  it('streams the whole ledger past one page, with names, and quotes what needs quoting', async () => {
    const before = await payload.count({ collection: 'loyalty-ledger', overrideAccess: true })
    const { response, text } = await download(admin, '/api/loyalty/exports/ledger')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="ledger-all-to-all.csv"',
    )
    const [header, ...lines] = rows(text)
    expect(header.slice(0, 6)).toEqual([
      'entry',
      'created at',
      'account',
      'kind',
      'amount',
      'qualifying amount',
    ])
    expect(lines).toHaveLength(before.totalDocs)
    const ids = lines.map((line) => Number(line[0]))
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    const adjustment = lines.find((line) => line[10] === tricky)
    expect(adjustment?.[7]).toBe(f.memberA.email)
    expect(text).toContain('"Trade show, Hall 3: ""best stand"" bonus"')
    const bulk = lines.filter((line) => line[10] === 'Bulk adjustment')
    expect(bulk).toHaveLength(1050)
    expect(bulk[0][9]).toBe('Beta Distribution')
    // Reading writes nothing.
    expect(await payload.count({ collection: 'loyalty-ledger', overrideAccess: true })).toEqual(
      before,
    )
  })

  it('filters by period', async () => {
    const { text } = await download(admin, '/api/loyalty/exports/ledger?from=2030-01-01')
    expect(rows(text)).toHaveLength(1)
    const { response, text: completions } = await download(
      marketer,
      '/api/loyalty/exports/completions?from=2026-11-20&to=2026-11-20',
    )
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="completions-2026-11-20-to-2026-11-21.csv"',
    )
    expect(rows(completions).slice(1)).toEqual([
      [
        String(f.memberA.id),
        f.memberA.email,
        'Alpha Installations',
        'courses',
        String(f.openCourse.id),
        f.openCourse.title,
        '2026-11-20T10:00:00.000Z',
        'PC-TEST-1',
      ],
    ])
    const outside = await download(marketer, '/api/loyalty/exports/completions?to=2026-11-19')
    expect(rows(outside.text)).toHaveLength(1)
  })

  it('exports members with balances and tiers, and event attendance', async () => {
    const { text } = await download(marketer, '/api/loyalty/exports/members')
    const [header, ...lines] = rows(text)
    expect(header).toContain('spendable')
    const all = await payload.find({
      collection: 'members',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
    })
    expect(lines).toHaveLength(all.totalDocs)
    const b = lines.find((line) => line[2] === f.memberB.email)
    expect(b?.[4]).toBe('Beta Distribution')
    expect(Number(b?.[8])).toBe(1050)
    const a = lines.find((line) => line[2] === f.memberA.email)
    expect(a?.[7]).toBe('Bronze')
    const attendance = await download(admin, '/api/loyalty/exports/attendance')
    expect(rows(attendance.text).slice(1)).toEqual([
      [
        String(f.memberB.id),
        f.memberB.email,
        'Beta Distribution',
        String(f.event.id),
        'Webinar',
        '2026-11-10T09:00:00.000Z',
        '2026-11-21T10:05:00.000Z',
      ],
    ])
  })

  it('is for staff only, and explains bad requests', async () => {
    const anonymous = await client(server.url).request('GET', '/api/loyalty/exports/ledger')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toBe('Sign in as staff to export data.')
    const asMember = await member.request('GET', '/api/loyalty/exports/members')
    expect(asMember.status).toBe(403)
    expect(asMember.body.errors[0].message).toBe('Only staff can export data.')
    const unknown = await admin.request('GET', '/api/loyalty/exports/passwords')
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].message).toBe(
      'Unknown export "passwords": use ledger, members, completions, attendance.',
    )
    const badDate = await admin.request('GET', '/api/loyalty/exports/ledger?to=2026-02-31')
    expect(badDate.status).toBe(400)
    expect(badDate.body.errors[0].message).toBe('to is not a real date (got "2026-02-31").')
  })
})
