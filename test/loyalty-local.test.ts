import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { callEndpoint, loyaltyOptionsOf } from '../plugins/loyalty'
import { type Fixtures, createFixtures } from './helpers/fixtures'
import { bootPayload } from './helpers/payload'

let payload: Payload
let f: Fixtures

const asMember = (member: Fixtures['memberA']) => ({ ...member, collection: 'members' as const })

beforeAll(async () => {
  ;({ payload } = await bootPayload())
  f = await createFixtures(payload)
})

describe('callEndpoint: the REST endpoints in process, for server-rendered pages', () => {
  it('exposes the resolved plugin options', () => {
    const options = loyaltyOptionsOf(payload)
    expect(options.members).toBe('members')
    expect(options.pointsExpireAfterMonths).toBeGreaterThan(0)
  })

  it('answers as the REST API does: 401 without a user, 403 for staff, 200 for a member', async () => {
    const anonymous = await callEndpoint(payload, null, 'get', '/loyalty/me')
    expect(anonymous).toMatchObject({ ok: false, status: 401 })
    expect(anonymous.ok ? '' : anonymous.message).toMatch(/sign in/i)

    const staff = await callEndpoint(
      payload,
      { ...f.admin, collection: 'users' },
      'get',
      '/loyalty/me',
    )
    expect(staff).toMatchObject({ ok: false, status: 403 })

    const me = await callEndpoint<{ balances: { spendable: number }; member: { id: number } }>(
      payload,
      asMember(f.memberA),
      'get',
      '/loyalty/me',
    )
    expect(me.ok).toBe(true)
    if (me.ok) {
      expect(me.data.member.id).toBe(f.memberA.id)
      expect(me.data.balances.spendable).toBe(0)
    }
  })

  it('passes route parameters and enforces the same rules (minimum lesson time)', async () => {
    const lessonId = String(f.openCourse.lessons?.[0]?.id)
    const path = `/courses/${f.openCourse.id}/lessons/${lessonId}`
    const started = await callEndpoint<{ minimumSeconds: number; secondsRemaining: number }>(
      payload,
      asMember(f.colleagueA),
      'post',
      `${path}/start`,
    )
    expect(started).toMatchObject({ data: { minimumSeconds: 30 }, ok: true })
    const early = await callEndpoint(payload, asMember(f.colleagueA), 'post', `${path}/complete`)
    expect(early).toMatchObject({ ok: false, status: 409 })
    expect(early.ok ? '' : early.message).toMatch(/s to go/)
  })

  it('passes the query string, and bad input gets the 400 with its message', async () => {
    const bad = await callEndpoint(
      payload,
      asMember(f.memberA),
      'get',
      '/loyalty/statement?limit=0',
    )
    expect(bad).toMatchObject({ ok: false, status: 400 })
    expect(bad.ok ? '' : bad.message).toMatch(/limit must be/)
    const good = await callEndpoint<{ lines: unknown[] }>(
      payload,
      asMember(f.memberA),
      'get',
      '/loyalty/statement?limit=5',
    )
    expect(good).toMatchObject({ data: { lines: [] }, ok: true })
  })

  it('GET /loyalty/earnable lists every open item with its points, not only the top five', async () => {
    await payload.create({
      collection: 'loyalty-earning-rules',
      data: { name: 'Course completed', points: 100, verb: 'course.completed' },
    })
    const earnable = await callEndpoint<{
      items: { collection: string; id: string; points: number; title: string }[]
    }>(payload, asMember(f.memberA), 'get', '/loyalty/earnable')
    expect(earnable.ok).toBe(true)
    if (!earnable.ok) return
    const { docs: courses } = await payload.find({
      collection: 'courses',
      depth: 0,
      where: { _status: { equals: 'published' } },
    })
    const open = courses.filter((course) => !course.requiredTier)
    expect(earnable.data.items.filter((item) => item.collection === 'courses')).toHaveLength(
      open.length,
    )
    expect(earnable.data.items.every((item) => item.points === 100)).toBe(true)
    const staff = await callEndpoint(
      payload,
      { ...f.admin, collection: 'users' },
      'get',
      '/loyalty/earnable',
    )
    expect(staff).toMatchObject({ ok: false, status: 403 })
  })

  it('refuses a path that is not an endpoint', async () => {
    await expect(callEndpoint(payload, null, 'get', '/loyalty/nothing-here')).rejects.toThrow(
      /no GET endpoint/,
    )
  })
})
