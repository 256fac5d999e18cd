import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { authCookies } from '../src/config/authCookies'
import { createFixtures, password } from './helpers/fixtures'
import { bootServer } from './helpers/server'

let server: RunningServer
let memberEmail: string
let staffEmail: string

beforeAll(async () => {
  server = await bootServer()
  const fixtures = await createFixtures(server.payload)
  memberEmail = fixtures.memberA.email
  staffEmail = fixtures.marketer.email
})

afterAll(async () => {
  await server?.close()
})

describe('security headers and session cookies', () => {
  it('sends the security headers on health checks, API answers and errors alike', async () => {
    for (const path of ['/healthz', '/api/courses', '/api/no-such-thing']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin')
      expect(response.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/)
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy, path).toContain("frame-ancestors 'self'")
      expect(policy, path).toContain("object-src 'none'")
      expect(policy, path).toContain("base-uri 'self'")
      expect(response.headers.get('x-powered-by'), path).toBeNull()
    }
  })

  it('signs members in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await fetch(`${server.url}/api/members/login`, {
      body: JSON.stringify({ email: memberEmail, password }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    const cookie = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('payload-token='))
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    // Not Secure outside production (plain HTTP on loopback); production sets Secure unless
    // PUBLIC_URL is http:// (collections/Members, collections/Users).
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })

  it('signs staff in with the same cookie policy', async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      body: JSON.stringify({ email: staffEmail, password }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    const cookie = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('payload-token='))
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('makes session cookies Secure in production, unless the public address is plain http', () => {
    expect(authCookies({ NODE_ENV: 'production' })).toEqual({ sameSite: 'Lax', secure: true })
    expect(
      authCookies({ NODE_ENV: 'production', PUBLIC_URL: 'https://club.example.com' }).secure,
    ).toBe(true)
    expect(
      authCookies({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1:3000' }).secure,
    ).toBe(false)
    expect(authCookies({ NODE_ENV: 'development' }).secure).toBe(false)
    // Both auth collections use it.
    const config = server.payload.config.collections
    for (const slug of ['members', 'users']) {
      const auth = config.find((collection) => collection.slug === slug)?.auth
      expect(auth && typeof auth === 'object' ? auth.cookies : null, slug).toMatchObject({
        sameSite: 'Lax',
      })
    }
  })
})
