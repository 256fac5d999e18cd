import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { bootServer, client, signIn } from './helpers/server'

// Small limits for this file's own server (each test file runs in its own process).
process.env.LOGIN_RATE_LIMIT = '4'
process.env.ACTION_RATE_LIMIT = '5'

let server: RunningServer
let f: Fixtures

beforeAll(async () => {
  server = await bootServer()
  f = await createFixtures(server.payload)
})

afterAll(async () => {
  await server?.close()
})

describe('rate limits on the Express server', () => {
  it('throttles member actions per session, not per address', async () => {
    const memberA = await signIn(server.url, 'members', f.memberA.email, password)
    const memberB = await signIn(server.url, 'members', f.memberB.email, password)
    const lesson = String(f.openCourse.lessons?.[0]?.id)
    const start = `/api/courses/${f.openCourse.id}/lessons/${lesson}/start`
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await memberA.request('POST', start)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const refused = await memberA.request('POST', start)
    expect(refused.body.errors[0].message).toMatch(/Too many requests in a short time/)
    // Nothing was written by the refused requests: the lesson was started once.
    const { totalDocs } = await server.payload.count({
      collection: 'loyalty-progress',
      where: { member: { equals: f.memberA.id } },
    })
    expect(totalDocs).toBe(1)
    // Another member from the same address has a budget of their own; reads are not limited.
    expect((await memberB.request('POST', start)).status).toBe(200)
    expect((await memberA.request('GET', '/api/loyalty/me')).status).toBe(200)
  })

  it('throttles sign-in attempts per address', async () => {
    // Two sign-ins above; two more are allowed within the window, then 429 even with the
    // right password.
    const anonymous = client(server.url)
    const attempt = (email: string, secret: string) =>
      anonymous.request('POST', '/api/members/login', { email, password: secret })
    expect((await attempt(f.colleagueA.email, 'wrong-password')).status).toBe(401)
    expect((await attempt(f.colleagueA.email, password)).status).toBe(200)
    const blocked = await attempt(f.managerA.email, password)
    expect(blocked.status).toBe(429)
    expect(blocked.body.errors[0].message).toMatch(/Too many sign-in attempts/)
  })
})
