/**
 * Crash under load: the real server, in a child process, is killed with SIGKILL while 32
 * members' clients earn and spend points; it is started again on the same database, and every
 * client retries what was not acknowledged and re-sends some of what was, with the same keys.
 * Nothing acknowledged may be lost, nothing may be booked twice, the ledger stays whole and the
 * cached balances equal it, and the reward is never sold beyond its stock.
 */
import type { Payload } from 'payload'

import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeDatabase } from '../src/server/readiness'
import {
  type Action,
  type Answer,
  type MemberClient,
  acknowledged,
  perform,
} from './helpers/faultLoad'
import { type FaultProgramme, faultPassword, seedFaultProgramme } from './helpers/faultProgramme'
import { auditLedger, ledgerEntries } from './helpers/ledgerAudit'
import { bootPayload } from './helpers/payload'
import { signIn } from './helpers/server'
import {
  type ServerProcess,
  freePort,
  killProcess,
  startServerProcess,
  stopServerProcess,
  testServerEnv,
} from './helpers/serverProcess'

const members = 16
const clientsPerMember = 2
const lessons = 16
const redeemsPerClient = 2
/** The kill comes after this many acknowledged actions (about a third of them). */
const killAfter = 100

let payload: Payload
let databaseURI: string
let programme: FaultProgramme
let server: ServerProcess
let tokens: string[]
const logFile = path.join(os.tmpdir(), `fault-crash-${process.pid}.log`)

const startServer = async () => {
  const port = await freePort()
  return startServerProcess({ env: testServerEnv(databaseURI, port), logFile, port })
}

beforeAll(async () => {
  ;({ payload, uri: databaseURI } = await bootPayload())
  programme = await seedFaultProgramme(payload, {
    lessons,
    members,
    reward: { cost: 30, stock: 40 },
  })
  server = await startServer()
  tokens = await Promise.all(
    programme.members.map(
      async (member) =>
        (await signIn(server.url, 'members', member.email, faultPassword)).token as string,
    ),
  )
})

afterAll(async () => {
  if (server) await stopServerProcess(server)
  if (payload) await closeDatabase(payload)
})

type Plan = {
  actions: Action[]
  client: MemberClient
  /** The answer to each action before the kill (undefined: never sent). */
  first: (Answer | undefined)[]
  memberId: number
  /** Re-sent after the restart although acknowledged before it. */
  resent: (Answer | undefined)[]
  /** Sent again after the restart because it was not acknowledged before it. */
  retried: (Answer | undefined)[]
}

/** Client `index`: every other lesson of its member, and a redemption after every fourth. */
const plan = (index: number): Plan => {
  const memberIndex = Math.floor(index / clientsPerMember)
  const share = programme.lessonIds.filter(
    (_, lesson) => lesson % clientsPerMember === index % clientsPerMember,
  )
  const actions: Action[] = []
  share.forEach((lessonId, position) => {
    actions.push({ kind: 'lesson', lessonId })
    if ((position + 1) % (share.length / redeemsPerClient) === 0) {
      actions.push({ key: `fault-crash-c${index}-r${actions.length}`, kind: 'redeem' })
    }
  })
  return {
    actions,
    client: {
      baseURL: () => server.url,
      courseId: programme.courseId,
      rewardId: programme.reward.id,
      token: tokens[memberIndex],
    },
    first: [],
    memberId: programme.members[memberIndex].id,
    resent: [],
    retried: [],
  }
}

let plans: Plan[]
let killedWith: null | string = null
let acknowledgedBeforeKill = 0

const lessonKey = (memberId: number, lessonId: string) =>
  `lesson.completed:${memberId}:courses:${programme.courseId}:${lessonId}`
const redemptionKey = (memberId: number, key: string) => `redeem:${memberId}:${key}`

/** Every answer of one kind of action, with its plan and action. */
const answers = (which: 'first' | 'resent' | 'retried') =>
  plans.flatMap((p) =>
    p.actions.flatMap((action, index) => {
      const answer = p[which][index]
      return answer ? [{ action, answer, plan: p, index }] : []
    }),
  )

describe('a server killed under load', () => {
  it('is killed after the first acknowledged actions, restarted, and answers every retry', async () => {
    plans = Array.from({ length: members * clientsPerMember }, (_, index) => plan(index))
    let killed: null | Promise<string> = null
    await Promise.all(
      plans.map(async (p) => {
        for (const [index, action] of p.actions.entries()) {
          const answer = await perform(p.client, action)
          p.first[index] = answer
          // After the kill the server is gone: this client stops at its first lost request.
          if ('error' in answer) return
          if (acknowledged(answer) && ++acknowledgedBeforeKill === killAfter) {
            killed = killProcess(server)
          }
        }
      }),
    )
    killedWith = killed ? await killed : null
    expect(killedWith).toBe('SIGKILL')

    server = await startServer()
    await Promise.all(
      plans.map(async (p) => {
        for (const [index, action] of p.actions.entries()) {
          if (!acknowledged(p.first[index])) p.retried[index] = await perform(p.client, action)
          else if (index % 2 === 0) p.resent[index] = await perform(p.client, action)
        }
      }),
    )
  }, 150_000)

  it('lost requests when it died, and answered nothing but successes and refusals before', () => {
    const first = answers('first')
    expect(first.filter(({ answer }) => 'error' in answer).length).toBeGreaterThan(0)
    expect(first.filter(({ answer }) => acknowledged(answer)).length).toBeGreaterThanOrEqual(
      killAfter,
    )
    const unexpected = first.filter(
      ({ action, answer }) =>
        'status' in answer &&
        !(action.kind === 'lesson' ? [200] : [201, 409]).includes(answer.status),
    )
    expect(unexpected.map(({ answer }) => answer)).toEqual([])
  })

  it('after the restart, every retried lesson is awarded and every retried redemption answered', () => {
    const retried = answers('retried')
    expect(retried.length).toBeGreaterThan(0)
    for (const { action, answer } of retried) {
      if (!('status' in answer)) throw new Error(`a retry got no answer: ${answer.error}`)
      if (action.kind === 'lesson') {
        expect(answer.status, JSON.stringify(answer.body)).toBe(200)
        expect(answer.body.award.points).toBe(10)
      } else {
        expect([200, 201, 409], JSON.stringify(answer.body)).toContain(answer.status)
        if (answer.status === 409) {
          expect(answer.body.errors[0].message).toMatch(/out of stock|enough points|maximum number/)
        }
      }
    }
  })

  it('re-sent acknowledged actions return the first answer and book nothing new', () => {
    const resent = answers('resent')
    expect(resent.length).toBeGreaterThan(0)
    for (const { action, answer, index, plan: p } of resent) {
      const first = p.first[index]
      if (!acknowledged(first) || !acknowledged(answer)) {
        throw new Error(`re-sent ${JSON.stringify(action)}: ${JSON.stringify(answer)}`)
      }
      if (action.kind === 'lesson') {
        expect(answer.body.award.duplicate).toBe(true)
        expect(answer.body.award.entryId).toBe(first.body.award.entryId)
      } else {
        expect(answer.status).toBe(200)
        expect(answer.body.duplicate).toBe(true)
        expect(answer.body.redemption.id).toBe(first.body.redemption.id)
      }
    }
  })

  it('every acknowledged award is in the ledger, once, and the ledger is whole', async () => {
    const entries = await ledgerEntries(payload)
    const byKey = new Map(entries.map((entry) => [entry.idempotencyKey, entry]))
    for (const { action, answer, plan: p } of [...answers('first'), ...answers('retried')]) {
      if (action.kind !== 'lesson' || !acknowledged(answer)) continue
      const entry = byKey.get(lessonKey(p.memberId, action.lessonId))
      expect(entry?.id).toBe(answer.body.award.entryId)
      expect(entry?.amount).toBe(10)
    }
    // Every member completed every lesson once: one member and one company entry each.
    const earned = entries.filter((entry) => entry.kind === 'earn')
    const expected = programme.members.flatMap((member) =>
      programme.lessonIds.map((lessonId) => lessonKey(member.id, lessonId)),
    )
    expect(
      earned
        .filter((entry) => entry.account === 'member')
        .map((entry) => entry.idempotencyKey)
        .sort(),
    ).toEqual([...expected].sort())
    expect(
      earned
        .filter((entry) => entry.account === 'organisation')
        .map((entry) => entry.idempotencyKey)
        .sort(),
    ).toEqual(expected.map((key) => `${key}:organisation`).sort())
    expect(await auditLedger(payload)).toEqual([])
  })

  it('booked exactly the acknowledged redemptions, within stock and the per-member limit', async () => {
    const acknowledgedKeys = new Map<string, number>()
    for (const { action, answer, plan: p } of [...answers('first'), ...answers('retried')]) {
      if (action.kind === 'redeem' && acknowledged(answer)) {
        acknowledgedKeys.set(redemptionKey(p.memberId, action.key), answer.body.redemption.id)
      }
    }
    const { docs: redemptions } = await payload.find({
      collection: 'loyalty-redemptions',
      depth: 0,
      limit: 0,
      pagination: false,
    })
    expect(
      new Map(redemptions.map((redemption) => [redemption.idempotencyKey, redemption.id])),
    ).toEqual(acknowledgedKeys)
    const reward = await payload.findByID({
      collection: 'loyalty-rewards',
      id: programme.reward.id,
    })
    expect(redemptions.length).toBeLessThanOrEqual(programme.reward.stock)
    expect(reward.stock).toBe(programme.reward.stock - redemptions.length)
    const perMember = new Map<number, number>()
    for (const redemption of redemptions) {
      const member = Number(redemption.member)
      perMember.set(member, (perMember.get(member) ?? 0) + 1)
    }
    expect(Math.max(...perMember.values())).toBeLessThanOrEqual(programme.reward.perMemberLimit)
    // Each redemption has its one redeem entry for the reward's cost.
    const entries = await ledgerEntries(payload)
    const redeemed = entries.filter((entry) => entry.kind === 'redeem')
    expect(redeemed.map((entry) => entry.id).sort()).toEqual(
      redemptions.map((redemption) => Number(redemption.redeemEntry)).sort(),
    )
    expect(redeemed.every((entry) => entry.amount === -programme.reward.cost)).toBe(true)
  })

  it('every lesson is marked complete', async () => {
    const { totalDocs } = await payload.count({
      collection: 'loyalty-progress',
      where: { and: [{ item: { like: 'lesson:' } }, { completedAt: { exists: true } }] },
    })
    expect(totalDocs).toBe(members * lessons)
  })
})
