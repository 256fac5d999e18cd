import type { Payload, PayloadRequest } from 'payload'

import { Faker, en } from '@faker-js/faker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ScaleProgramme } from '../src/seed/scale/programme'
import type { ScaleResult } from '../src/seed/scale/seedScale'

import { pointsToExpire } from '../plugins/loyalty/engine/expiry'
import { callEndpoint } from '../plugins/loyalty/local'
import { closeDatabase } from '../src/server/readiness'
import { parseScaleArgs } from '../src/seed/scale/args'
import { loadProgramme } from '../src/seed/scale/content'
import { planActions, simulateHistory } from '../src/seed/scale/history'
import { seedScale } from '../src/seed/scale/seedScale'
import { verifyInvariants } from '../src/seed/scale/verify'
import { bootPayload } from './helpers/payload'

let payload: Payload
let interrupted: ScaleResult
let resumed: ScaleResult
let programme: ScaleProgramme
const options = { chunkSize: 100, ledger: 3000, members: 300, partners: 8, seed: 7 }

beforeAll(async () => {
  ;({ payload } = await bootPayload())
  // Stopped after the first chunk, as Ctrl-C does, then run again with the same options.
  let chunks = 0
  interrupted = await seedScale(payload, options, {
    onProgress: (progress) => {
      if (progress.phase === 'members' && progress.done > 0) chunks++
    },
    shouldStop: () => chunks >= 1,
  })
  resumed = await seedScale(payload, options)
  programme = await loadProgramme(payload, new Date())
})

afterAll(async () => {
  if (payload) await closeDatabase(payload)
})

const scaleMembers = async () =>
  (
    await payload.find({
      collection: 'members',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'id',
      where: { email: { like: '%.scale.example' } },
    })
  ).docs

describe('npm run seed:scale', () => {
  it('stops after the chunk in flight and resumes where it stopped', async () => {
    expect(interrupted.members).toBe(100)
    expect(resumed.resumedAt).toBe(100)
    expect(resumed.membersCreated).toBe(200)
    const members = await scaleMembers()
    expect(members).toHaveLength(300)
    expect(new Set(members.map((member) => member.email)).size).toBe(300)
    // Member numbers run 1…300 without a gap or a repeat across the interruption.
    const numbers = members
      .map((member) => Number(/\.(\d+)@/.exec(member.email)?.[1]))
      .sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 300 }, (_, index) => index + 1))
    expect(resumed.partners).toBe(8)
  })

  it('keeps every loyalty invariant: balances equal ledger sums, tiers follow the rules', async () => {
    const report = await verifyInvariants(payload, resumed.now)
    expect(report.problems).toEqual([])
    expect(report.accounts.members).toBeGreaterThanOrEqual(300)
  })

  it('makes about the ledger asked for, with most members earning and some never', async () => {
    const ledgerRows = (await payload.count({ collection: 'loyalty-ledger', overrideAccess: true }))
      .totalDocs
    expect(ledgerRows).toBe(resumed.ledgerRows)
    expect(ledgerRows).toBeGreaterThan(options.ledger * 0.8)
    expect(ledgerRows).toBeLessThan(options.ledger * 1.25)
    const members = await scaleMembers()
    const earners = members.filter((member) => Number(member.loyalty?.lifetime ?? 0) > 0).length
    expect(earners / members.length).toBeGreaterThan(0.45)
    expect(earners / members.length).toBeLessThan(0.85)
    const tiers = new Set(members.map((member) => String(member.loyalty?.tier ?? 'none')))
    expect(tiers.size).toBeGreaterThanOrEqual(3)
    const roles = new Set(members.map((member) => member.jobRole))
    expect(roles.size).toBe(5)
  })

  it('writes history the live endpoints recognise: a seeded lesson completion is not paid twice', async () => {
    const progress = await payload.find({
      collection: 'loyalty-progress',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      where: { and: [{ item: { like: 'lesson:' } }, { completedAt: { exists: true } }] },
    })
    const record = progress.docs[0]
    expect(record).toBeDefined()
    const memberId = typeof record.member === 'object' ? record.member.id : record.member
    const member = await payload.findByID({
      collection: 'members',
      depth: 0,
      id: memberId,
      overrideAccess: true,
    })
    const before = (await payload.count({ collection: 'loyalty-ledger', overrideAccess: true }))
      .totalDocs
    const lessonId = record.item.replace('lesson:', '')
    const user = { ...member, collection: 'members' } as unknown as PayloadRequest['user']
    const answer = await callEndpoint(
      payload,
      user,
      'post',
      `/courses/${record.documentId}/lessons/${lessonId}/complete`,
    )
    expect(answer.status).toBeLessThan(500)
    const after = (await payload.count({ collection: 'loyalty-ledger', overrideAccess: true }))
      .totalDocs
    expect(after).toBe(before)
  })

  it('is idempotent once complete: a second run adds nothing', async () => {
    const again = await seedScale(payload, options)
    expect(again.membersCreated).toBe(0)
    expect(again.ledgerRows).toBe(resumed.ledgerRows)
    expect((await verifyInvariants(payload, again.now)).problems).toEqual([])
  })
})

describe('the generated history', () => {
  const plan = {
    jobRole: 'engineer',
    joinedAt: new Date(Date.now() - 600 * 86_400_000),
    targetRows: 40,
  }
  const generate = (seed: number) => {
    const faker = new Faker({ locale: en })
    faker.seed(seed)
    return simulateHistory(programme, plan, planActions(faker, programme, plan))
  }

  it('is the same for the same seed and differs for another', () => {
    expect(generate(11)).toEqual(generate(11))
    expect(generate(11).entries).not.toEqual(generate(12).entries)
  })

  it('books what the engine books: balances are the sums of the entries, nothing due is left unexpired', () => {
    const history = generate(3)
    const sum = history.entries.reduce((total, entry) => total + entry.amount, 0)
    expect(history.balances.spendable).toBe(sum)
    expect(history.balances.spendable).toBeGreaterThanOrEqual(0)
    const ledger = history.entries.map((entry) => ({
      amount: entry.amount,
      createdAt: entry.at,
      expiresAt: entry.expiresAt,
      kind: entry.kind,
      qualifyingAmount: entry.kind === 'earn' ? entry.amount : 0,
    }))
    expect(pointsToExpire(ledger, programme.now)).toBe(0)
    // Completions follow their lessons, registrations come before attendance.
    const courseDone = history.actions.filter(
      (action) => action.kind === 'award' && action.verb === 'course.completed',
    )
    for (const done of courseDone) {
      const lessons = history.actions.filter(
        (action) =>
          action.kind === 'award' &&
          action.verb === 'lesson.completed' &&
          action.source.id === done.source.id,
      )
      expect(lessons.every((lesson) => lesson.at.getTime() <= done.at.getTime())).toBe(true)
    }
  })

  it('never earns for a member who is dormant', () => {
    const faker = new Faker({ locale: en })
    faker.seed(5)
    const dormant = { ...plan, targetRows: 0 }
    const history = simulateHistory(programme, dormant, planActions(faker, programme, dormant))
    expect(history.entries).toEqual([])
    expect(history.tier).toBeNull()
  })
})

describe('the command line', () => {
  it('explains a bad option', () => {
    expect(parseScaleArgs(['--members', 'many'])).toEqual({
      error: '--members needs a whole number (got many).',
    })
    expect(parseScaleArgs(['--members', '0'])).toEqual({
      error: '--members must be between 1 and 10,000,000 (got 0).',
    })
    expect(parseScaleArgs(['--speed', '3'])).toEqual({ error: 'Unknown option: --speed' })
  })

  it('defaults to ten ledger rows and one partner per fifty members', () => {
    expect(parseScaleArgs(['--members=100_000'])).toEqual({
      options: { chunkSize: 1000, ledger: 1_000_000, members: 100_000, partners: 2000, seed: 1 },
      verify: false,
    })
  })
})
