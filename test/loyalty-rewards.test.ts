import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let memberA: Client
let colleagueA: Client
let managerA: Client
let memberB: Client
let admin: Client

const reward = async (data: Record<string, unknown>) =>
  payload.create({ collection: 'loyalty-rewards', data: { cost: 10, title: 'Reward', ...data } })

const credit = async (member: number, points: number) => {
  const { status } = await admin.request('POST', '/api/loyalty/adjustments', {
    member,
    points,
    reason: 'Points for the test',
  })
  expect(status).toBe(201)
}

const spendable = async (member: number) =>
  (await payload.findByID({ collection: 'members', id: member })).loyalty?.spendable ?? 0

const ledgerSum = async (member: number) => {
  const { docs } = await payload.find({
    collection: 'loyalty-ledger',
    limit: 0,
    pagination: false,
    where: { and: [{ account: { equals: 'member' } }, { member: { equals: member } }] },
  })
  return docs.reduce((sum, doc) => sum + doc.amount, 0)
}

const stock = async (id: number) =>
  (await payload.findByID({ collection: 'loyalty-rewards', id })).stock

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  managerA = await signIn(server.url, 'members', f.managerA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  admin = await signIn(server.url, 'users', f.admin.email, password)
})

afterAll(async () => {
  await server?.close()
})

describe('redeeming under concurrency', () => {
  it('50 concurrent redemptions by a member who can afford 10 succeed exactly 10 times', async () => {
    const voucher = await reward({ cost: 100, stock: 100, title: 'Tool voucher' })
    await credit(f.memberA.id, 1000)
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        memberA.request('POST', `/api/loyalty-rewards/${voucher.id}/redeem`),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(10)
    expect(statuses.filter((status) => status === 409)).toHaveLength(40)
    const refused = responses.find((response) => response.status === 409)!
    expect(refused.body.errors[0].message).toMatch(/points/)
    expect(await spendable(f.memberA.id)).toBe(0)
    expect(await ledgerSum(f.memberA.id)).toBe(0)
    expect(await stock(voucher.id)).toBe(90)
  })

  it('never oversells stock', async () => {
    const cap = await reward({ cost: 10, stock: 3, title: 'Club cap' })
    await credit(f.memberB.id, 1000)
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        memberB.request('POST', `/api/loyalty-rewards/${cap.id}/redeem`),
      ),
    )
    expect(responses.filter((response) => response.status === 201)).toHaveLength(3)
    expect(responses.find((response) => response.status === 409)!.body.errors[0].message).toMatch(
      /out of stock/,
    )
    expect(await stock(cap.id)).toBe(0)
    expect(await spendable(f.memberB.id)).toBe(970)
    expect(await ledgerSum(f.memberB.id)).toBe(970)
  })

  it('keeps the per-member limit, even for concurrent requests', async () => {
    const limited = await reward({ cost: 10, perMemberLimit: 2, title: 'Training seat' })
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        memberB.request('POST', `/api/loyalty-rewards/${limited.id}/redeem`),
      ),
    )
    expect(responses.filter((response) => response.status === 201)).toHaveLength(2)
    expect(responses.find((response) => response.status === 409)!.body.errors[0].message).toMatch(
      /maximum number of times \(2\)/,
    )
    expect(await spendable(f.memberB.id)).toBe(950)
    expect(await ledgerSum(f.memberB.id)).toBe(950)
  })

  it('books one redemption per idempotency key', async () => {
    const mug = await reward({ cost: 5, title: 'Mug' })
    const send = () =>
      fetch(`${server.url}/api/loyalty-rewards/${mug.id}/redeem`, {
        headers: { authorization: `JWT ${memberB.token}`, 'idempotency-key': 'mug-order-0001' },
        method: 'POST',
      })
    const [first, second] = await Promise.all([send(), send()])
    expect([first.status, second.status].sort()).toEqual([200, 201])
    expect(await spendable(f.memberB.id)).toBe(945)
  })
})

describe('what may be redeemed', () => {
  it('refuses rewards above the member’s tier, outside their window, disabled, or unknown', async () => {
    const gold = await reward({ minimumTier: f.gold.id, title: 'Gold trip' })
    const future = await reward({ activeFrom: '2099-01-01T00:00:00.000Z', title: 'Later' })
    const off = await reward({ enabled: false, title: 'Off' })
    const tierRefusal = await memberB.request('POST', `/api/loyalty-rewards/${gold.id}/redeem`)
    expect(tierRefusal.status).toBe(403)
    expect(tierRefusal.body.errors[0].message).toMatch(/higher club tier/)
    expect((await memberB.request('POST', `/api/loyalty-rewards/${future.id}/redeem`)).status).toBe(
      409,
    )
    expect((await memberB.request('POST', `/api/loyalty-rewards/${off.id}/redeem`)).status).toBe(
      404,
    )
    expect((await memberB.request('POST', `/api/loyalty-rewards/987654/redeem`)).status).toBe(404)
    expect(
      (await client(server.url).request('POST', `/api/loyalty-rewards/${gold.id}/redeem`)).status,
    ).toBe(401)
    expect((await admin.request('POST', `/api/loyalty-rewards/${gold.id}/redeem`)).status).toBe(403)
    expect(await spendable(f.memberB.id)).toBe(945)
    const catalogue = await memberA.request('GET', '/api/loyalty-rewards?limit=100')
    expect(catalogue.body.docs.map((doc: { title: string }) => doc.title)).not.toContain('Off')
  })
})

describe('approval by the partner manager, refunds on rejection and cancellation', () => {
  it('a manager approves a colleague’s request, an admin fulfils it', async () => {
    const kit = await reward({
      cost: 50,
      requiresManagerApproval: true,
      stock: 5,
      title: 'Demo kit',
    })
    await credit(f.colleagueA.id, 200)
    const requested = await colleagueA.request('POST', `/api/loyalty-rewards/${kit.id}/redeem`)
    expect(requested.status).toBe(201)
    expect(requested.body.redemption.status).toBe('requested')
    const id = requested.body.redemption.id
    expect(
      (
        await colleagueA.request('POST', `/api/loyalty-redemptions/${id}/decide`, {
          decision: 'approve',
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await memberB.request('POST', `/api/loyalty-redemptions/${id}/decide`, {
          decision: 'approve',
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await managerA.request('POST', `/api/loyalty-redemptions/${id}/decide`, {
          decision: 'maybe',
        })
      ).status,
    ).toBe(400)
    const approved = await managerA.request('POST', `/api/loyalty-redemptions/${id}/decide`, {
      decision: 'approve',
    })
    expect(approved.status).toBe(200)
    expect(approved.body.redemption.status).toBe('approved')
    expect(
      (
        await managerA.request('POST', `/api/loyalty-redemptions/${id}/decide`, {
          decision: 'fulfil',
        })
      ).status,
    ).toBe(403)
    const fulfilled = await admin.request('POST', `/api/loyalty-redemptions/${id}/decide`, {
      decision: 'fulfil',
    })
    expect(fulfilled.body.redemption.status).toBe('fulfilled')
    const managerView = await managerA.request('GET', '/api/loyalty-redemptions')
    expect(managerView.body.docs.map((doc: { id: number }) => doc.id)).toContain(id)
    const otherView = await memberB.request('GET', '/api/loyalty-redemptions?limit=100')
    expect(otherView.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(id)
    expect(await spendable(f.colleagueA.id)).toBe(150)
  })

  it('rejecting refunds the points and returns the unit in one step', async () => {
    const kit = await reward({
      cost: 50,
      requiresManagerApproval: true,
      stock: 1,
      title: 'Last kit',
    })
    const requested = await colleagueA.request('POST', `/api/loyalty-rewards/${kit.id}/redeem`)
    expect(await stock(kit.id)).toBe(0)
    const rejected = await managerA.request(
      'POST',
      `/api/loyalty-redemptions/${requested.body.redemption.id}/decide`,
      {
        decision: 'reject',
        notes: 'Out of budget this quarter',
      },
    )
    expect(rejected.body.redemption).toMatchObject({
      notes: 'Out of budget this quarter',
      status: 'rejected',
    })
    expect(await stock(kit.id)).toBe(1)
    expect(await spendable(f.colleagueA.id)).toBe(150)
    expect(await ledgerSum(f.colleagueA.id)).toBe(150)
    const refunds = await payload.find({
      collection: 'loyalty-ledger',
      where: { and: [{ kind: { equals: 'refund' } }, { member: { equals: f.colleagueA.id } }] },
    })
    expect(refunds.docs.map((doc) => doc.amount)).toEqual([50])
    const again = await managerA.request(
      'POST',
      `/api/loyalty-redemptions/${requested.body.redemption.id}/decide`,
      {
        decision: 'reject',
      },
    )
    expect(again.status).toBe(409)
    expect(await spendable(f.colleagueA.id)).toBe(150)
  })

  it('a member cancels their own open redemption and gets the points back', async () => {
    const mug = await reward({ cost: 30, requiresManagerApproval: true, title: 'Thermos' })
    const requested = await colleagueA.request('POST', `/api/loyalty-rewards/${mug.id}/redeem`)
    const id = requested.body.redemption.id
    expect((await memberA.request('POST', `/api/loyalty-redemptions/${id}/cancel`)).status).toBe(
      404,
    )
    const cancelled = await colleagueA.request('POST', `/api/loyalty-redemptions/${id}/cancel`)
    expect(cancelled.body.redemption.status).toBe('cancelled')
    expect((await colleagueA.request('POST', `/api/loyalty-redemptions/${id}/cancel`)).status).toBe(
      409,
    )
    expect(await spendable(f.colleagueA.id)).toBe(150)
    expect(await ledgerSum(f.colleagueA.id)).toBe(150)
  })

  it('a manager cannot approve their own redemption', async () => {
    const kit = await reward({ cost: 10, requiresManagerApproval: true, title: 'Manager kit' })
    await credit(f.managerA.id, 10)
    const own = await managerA.request('POST', `/api/loyalty-rewards/${kit.id}/redeem`)
    const decided = await managerA.request(
      'POST',
      `/api/loyalty-redemptions/${own.body.redemption.id}/decide`,
      {
        decision: 'approve',
      },
    )
    expect(decided.status).toBe(403)
    expect(decided.body.errors[0].message).toMatch(/your own redemption/)
  })
})
