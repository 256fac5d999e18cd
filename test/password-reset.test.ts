import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { resetPasswordEmailHTML } from '../collections/Members/auth/resetPasswordEmail'
import { capturedEmailsStored } from '../src/config/email'
import { type Fixtures, createFixtures } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let anonymous: Client

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  anonymous = client(server.url)
})

afterAll(async () => {
  await server?.close()
})

const tokenOf = async (id: number) => {
  const { docs } = await payload.find({
    collection: 'members',
    showHiddenFields: true,
    where: { id: { equals: id } },
  })
  return (docs[0] as { resetPasswordToken?: null | string }).resetPasswordToken ?? null
}

describe('members reset a forgotten password', () => {
  it('asks for a reset over REST, then sets a new password with the token and signs in', async () => {
    const asked = await anonymous.request('POST', '/api/members/forgot-password', {
      email: f.colleagueA.email,
    })
    expect(asked.status).toBe(200)
    // Payload sends the mail inside its transaction; the local capture stores it just after.
    // Wait for that write, so that the reset below does not race it (SQLite: one writer).
    await capturedEmailsStored()
    const token = await tokenOf(f.colleagueA.id)
    expect(token).toMatch(/^[0-9a-f]{40}$/)
    const reset = await anonymous.request('POST', '/api/members/reset-password', {
      password: 'a-new-password-2026',
      token,
    })
    expect(reset.status).toBe(200)
    const signedIn = await signIn(server.url, 'members', f.colleagueA.email, 'a-new-password-2026')
    expect((await signedIn.request('GET', '/api/loyalty/me')).status).toBe(200)
  })

  it('sends members to the portal’s reset page, never the admin', () => {
    const html = resetPasswordEmailHTML({ token: 'abc123', user: { name: 'Anna <Becker>' } })
    expect(html).toContain('href="/reset-password?token=abc123"')
    expect(html).toContain('Hello Anna &#60;Becker&#62;,')
    expect(html).not.toContain('/admin')
  })

  it('throttles reset requests per address: the sixth within 15 minutes gets a 429', async () => {
    // One request was made above; four more are allowed, for any address (known or not).
    for (const email of [
      'a.member@test.example',
      'nobody@test.example',
      'x@test.example',
      'y@test.example',
    ]) {
      expect(
        (await anonymous.request('POST', '/api/members/forgot-password', { email })).status,
      ).toBe(200)
      await capturedEmailsStored()
    }
    const refused = await anonymous.request('POST', '/api/members/forgot-password', {
      email: f.memberA.email,
    })
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].message).toMatch(/Too many password reset requests/)
    // Signing in is not affected.
    expect(
      (
        await anonymous.request('POST', '/api/members/login', {
          email: f.memberB.email,
          password: 'fixture-password-1',
        })
      ).status,
    ).toBe(200)
  })
})
