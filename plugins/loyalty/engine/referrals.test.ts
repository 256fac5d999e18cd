import { describe, expect, it } from 'vitest'

import {
  closedInvitationRefusal,
  invitationAwardKeys,
  invitationExpiry,
  invitationRefusal,
  invitationState,
  leadAwardKey,
  leadTransitionRefusal,
  monthStartUTC,
  normaliseEmail,
  parseLead,
} from './referrals'

const now = new Date('2027-03-15T12:00:00Z')

describe('invitations', () => {
  const facts = {
    existingMember: false,
    inviterEmail: 'Anna@Alpha.example',
    limit: 3,
    openInvitation: false,
    sentThisMonth: 2,
  }

  it('allows an invitation to a new address within the monthly limit', () => {
    expect(invitationRefusal('jana@alpha.example', facts)).toBeNull()
  })

  it('refuses oneself, an existing member, an open invitation and the limit, in that order', () => {
    expect(invitationRefusal('anna@alpha.example', facts)?.status).toBe(400)
    expect(invitationRefusal('x@alpha.example', { ...facts, existingMember: true })).toEqual({
      message: 'x@alpha.example is already a member of the club.',
      status: 409,
    })
    const open = invitationRefusal('x@alpha.example', { ...facts, openInvitation: true })
    expect(open?.status).toBe(409)
    expect(open?.message).toMatch(/already open/)
    const capped = invitationRefusal('x@alpha.example', { ...facts, sentThisMonth: 3 })
    expect(capped?.status).toBe(429)
    expect(capped?.message).toMatch(/3 invitations this month/)
  })

  it('expires an open invitation at its expiry, not before; closed ones keep their status', () => {
    const expiresAt = invitationExpiry(now, 14)
    expect(expiresAt.toISOString()).toBe('2027-03-29T12:00:00.000Z')
    const justBefore = new Date(expiresAt.getTime() - 1)
    expect(invitationState({ expiresAt, status: 'open' }, justBefore)).toBe('open')
    expect(invitationState({ expiresAt, status: 'open' }, expiresAt)).toBe('expired')
    expect(invitationState({ expiresAt, status: 'revoked' }, expiresAt)).toBe('revoked')
    expect(invitationState({ expiresAt: expiresAt.toISOString(), status: 'accepted' }, now)).toBe(
      'accepted',
    )
  })

  it('explains why a closed invitation cannot be used', () => {
    expect(closedInvitationRefusal('open')).toBeNull()
    expect(closedInvitationRefusal('accepted')?.status).toBe(409)
    expect(closedInvitationRefusal('revoked')?.status).toBe(410)
    expect(closedInvitationRefusal('expired')?.message).toMatch(/expired/)
  })

  it('counts the month from its first day in UTC', () => {
    expect(monthStartUTC(now).toISOString()).toBe('2027-03-01T00:00:00.000Z')
    expect(monthStartUTC(new Date('2027-12-31T23:59:59Z')).toISOString()).toBe(
      '2027-12-01T00:00:00.000Z',
    )
  })

  it('names the invitation or the lead in the idempotency keys', () => {
    expect(invitationAwardKeys(7)).toEqual({
      invitee: 'referral.joined:invitation:7:invitee',
      inviter: 'referral.accepted:invitation:7:inviter',
    })
    expect(leadAwardKey('12')).toBe('referral.lead-converted:lead:12')
  })
})

describe('e-mail addresses', () => {
  it('trims and lower-cases valid addresses', () => {
    expect(normaliseEmail('  Jana.Novak@Alpha-Install.example ')).toBe(
      'jana.novak@alpha-install.example',
    )
  })

  it.each([
    undefined,
    null,
    42,
    '',
    'jana',
    'jana@',
    '@alpha.example',
    'a b@c.de',
    'x@y',
    `${'a'.repeat(250)}@b.de`,
  ])('refuses %s', (value) => expect(normaliseEmail(value)).toBeNull())
})

describe('leads', () => {
  it('moves new → qualified → converted; converted and rejected are final', () => {
    expect(leadTransitionRefusal('new', 'qualified')).toBeNull()
    expect(leadTransitionRefusal('new', 'converted')).toBeNull()
    expect(leadTransitionRefusal('qualified', 'converted')).toBeNull()
    expect(leadTransitionRefusal('qualified', 'rejected')).toBeNull()
    expect(leadTransitionRefusal('converted', 'converted')?.message).toBe(
      'This lead is already converted.',
    )
    expect(leadTransitionRefusal('converted', 'rejected')?.status).toBe(409)
    expect(leadTransitionRefusal('rejected', 'converted')?.status).toBe(409)
    expect(leadTransitionRefusal('qualified', 'new')?.status).toBe(409)
  })

  it('accepts a complete lead form, trimmed, with an optional note', () => {
    expect(
      parseLead({
        company: ' Gamma Heating ',
        contactEmail: 'Lee@Gamma.example',
        contactName: 'Lee Park',
      }),
    ).toEqual({
      lead: {
        company: 'Gamma Heating',
        contactEmail: 'lee@gamma.example',
        contactName: 'Lee Park',
        note: null,
      },
      ok: true,
    })
  })

  it.each([
    [{}, /company name is required/],
    [{ company: 'G', contactEmail: 'a@b.de', contactName: 'Lee' }, /company name is required/],
    [{ company: 'Gamma', contactEmail: 'a@b.de' }, /contact name is required/],
    [{ company: 'Gamma', contactName: 'Lee', contactEmail: 'nope' }, /valid e-mail/],
    [{ company: ['x'], contactName: 'Lee', contactEmail: 'a@b.de' }, /at most 200/],
    [
      { company: 'Gamma', contactName: 'Lee', contactEmail: 'a@b.de', note: 'x'.repeat(2001) },
      /at most 2000/,
    ],
  ])('refuses %j with a 400 that says why', (body, message) => {
    const parsed = parseLead(body)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.refusal.status).toBe(400)
      expect(parsed.refusal.message).toMatch(message)
    }
  })
})
