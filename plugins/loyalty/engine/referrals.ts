import { DAY_MS } from './calendar'

/**
 * Referral rules: invitations of colleagues and recommendations of companies (leads). Pure
 * functions: the services read the facts, these decide.
 */

/** What an invitation is now: `expired` is an open invitation past its expiry. */
export type InvitationState = 'accepted' | 'expired' | 'open' | 'revoked'

/** An invitation as stored (status is what was written; expiry is derived from the date). */
export type InvitationFacts = {
  expiresAt: Date | string
  status: InvitationState
}

/** The invitation's state at `now`. */
export const invitationState = (invitation: InvitationFacts, now: Date): InvitationState =>
  invitation.status === 'open' && new Date(invitation.expiresAt).getTime() <= now.getTime()
    ? 'expired'
    : invitation.status

/** When an invitation sent at `now` expires. */
export const invitationExpiry = (now: Date, days: number): Date =>
  new Date(now.getTime() + days * DAY_MS)

/** The first moment of `now`'s calendar month (UTC): the monthly invitation cap counts from here. */
export const monthStartUTC = (now: Date): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))

/** A refusal: the HTTP status and a sentence for the person. */
export type Refusal = { message: string; status: number }

const EMAIL =
  /^[^\s@"<>()[\]\\,;:]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/

/** The address trimmed and in lower case, or null when it is not an e-mail address. */
export const normaliseEmail = (value: unknown): null | string => {
  if (typeof value !== 'string') return null
  const email = value.trim().toLowerCase()
  return email.length <= 254 && EMAIL.test(email) ? email : null
}

/** Text of at most `max` characters (trimmed), null when empty, or a refusal naming the field. */
export const optionalText = (
  value: unknown,
  field: string,
  max: number,
): { ok: false; refusal: Refusal } | { ok: true; value: null | string } => {
  if (value === undefined || value === null) return { ok: true, value: null }
  if (typeof value !== 'string' || value.length > max) {
    return {
      ok: false,
      refusal: { message: `${field} must be text of at most ${max} characters.`, status: 400 },
    }
  }
  return { ok: true, value: value.trim() || null }
}

/** What the invitation check needs to know about the address and the inviter. */
export type InvitationCheck = {
  /** Someone already has an account with this address. */
  existingMember: boolean
  /** The inviter's own address. */
  inviterEmail: string
  /** The most invitations a member may send per month. */
  limit: number
  /** An invitation to this address is open (sent, not accepted, revoked or expired). */
  openInvitation: boolean
  /** Invitations the inviter sent since the start of the month, revoked ones included. */
  sentThisMonth: number
}

/** Why a member may not invite this address now, or null when they may. */
export const invitationRefusal = (email: string, facts: InvitationCheck): null | Refusal => {
  if (email === facts.inviterEmail.toLowerCase()) {
    return { message: 'You cannot invite yourself.', status: 400 }
  }
  if (facts.existingMember) {
    return { message: `${email} is already a member of the club.`, status: 409 }
  }
  if (facts.openInvitation) {
    return {
      message: `An invitation to ${email} is already open. It can be sent again once it has expired or been revoked.`,
      status: 409,
    }
  }
  if (facts.sentThisMonth >= facts.limit) {
    return {
      message: `You have sent ${facts.limit} invitations this month, the most allowed. You can invite more colleagues next month.`,
      status: 429,
    }
  }
  return null
}

/** Why an invitation cannot be accepted (or revoked) now, or null when it can. */
export const closedInvitationRefusal = (state: InvitationState): null | Refusal => {
  if (state === 'open') return null
  if (state === 'accepted') {
    return { message: 'This invitation has already been accepted. Please sign in.', status: 409 }
  }
  if (state === 'revoked') {
    return { message: 'This invitation was withdrawn by the colleague who sent it.', status: 410 }
  }
  return {
    message: 'This invitation has expired. Ask your colleague to send you a new one.',
    status: 410,
  }
}

/** Idempotency keys of the two referral awards of an invitation: one each side, once. */
export const invitationAwardKeys = (invitationId: number | string) => ({
  invitee: `referral.joined:invitation:${invitationId}:invitee`,
  inviter: `referral.accepted:invitation:${invitationId}:inviter`,
})

/** The idempotency key of a lead's conversion award. */
export const leadAwardKey = (leadId: number | string) => `referral.lead-converted:lead:${leadId}`

/** Statuses of a recommended company (lead). */
export const leadStatuses = ['new', 'qualified', 'converted', 'rejected'] as const
export type LeadStatus = (typeof leadStatuses)[number]

/**
 * Why a lead may not move from `from` to `to`, or null when it may. New leads may be qualified,
 * converted or rejected; qualified ones converted or rejected; converted and rejected are final.
 */
export const leadTransitionRefusal = (from: LeadStatus, to: LeadStatus): null | Refusal => {
  if (from === to) {
    return { message: `This lead is already ${to}.`, status: 409 }
  }
  if (from === 'converted' || from === 'rejected') {
    return { message: `This lead is ${from}; its status can no longer change.`, status: 409 }
  }
  if (to === 'new') {
    return { message: 'A lead cannot go back to new.', status: 409 }
  }
  return null
}

/** A lead as a member submits it, checked. */
export type LeadInput = {
  company: string
  contactEmail: string
  contactName: string
  note: null | string
}

/** The lead form's fields, checked, or the first refusal. */
export const parseLead = (
  body: Record<string, unknown>,
): { lead: LeadInput; ok: true } | { ok: false; refusal: Refusal } => {
  const required = (field: string, label: string, max: number) => {
    const text = optionalText(body[field], label, max)
    if (!text.ok) return text
    if (!text.value || text.value.length < 2) {
      return {
        ok: false as const,
        refusal: { message: `${label} is required (2–${max} characters).`, status: 400 },
      }
    }
    return { ok: true as const, value: text.value }
  }
  const company = required('company', 'The company name', 200)
  if (!company.ok) return company
  const contactName = required('contactName', 'The contact name', 200)
  if (!contactName.ok) return contactName
  const contactEmail = normaliseEmail(body.contactEmail)
  if (!contactEmail) {
    return {
      ok: false,
      refusal: { message: 'The contact e-mail must be a valid e-mail address.', status: 400 },
    }
  }
  const note = optionalText(body.note, 'The note', 2000)
  if (!note.ok) return note
  return {
    lead: {
      company: company.value,
      contactEmail,
      contactName: contactName.value,
      note: note.value,
    },
    ok: true,
  }
}
