import type { Payload, PayloadRequest, Where } from 'payload'

import { and, eq } from 'drizzle-orm'
import { createHash, randomBytes } from 'node:crypto'

import type { ResolvedLoyaltyOptions } from '../types'
import type { MemberSnapshot } from './context'

import {
  type InvitationState,
  closedInvitationRefusal,
  invitationExpiry,
  invitationRefusal,
  invitationState,
  monthStartUTC,
} from '../engine/referrals'
import { loyaltySlugs } from '../types'
import { flushEmail } from '../utilities/email'
import { HttpError } from '../utilities/http'
import { type ID, relationId } from '../utilities/ids'
import { inTurn } from './eventLock'
import { beginTransaction } from './ledgerWriter'
import { settleInvitationReferral } from './referralAwards'
import { sqlAccess } from './sqlDatabase'

/** An invitation as stored (the token hash and open key are never read back to callers). */
export type InvitationDoc = {
  acceptedAt?: null | string
  acceptedMember?: ID | null | { id: ID }
  createdAt: string
  email: string
  expiresAt: string
  id: ID
  inviter: ID | { id: ID }
  jobRole: string
  name?: null | string
  organisation: ID | { id: ID }
  rewardedAt?: null | string
  revokedAt?: null | string
  status: InvitationState
}

/** An invitation as the inviter sees it: its state now, without secrets. */
export const invitationView = (doc: InvitationDoc, now: Date) => ({
  acceptedAt: doc.acceptedAt ?? null,
  createdAt: doc.createdAt,
  email: doc.email,
  expiresAt: doc.expiresAt,
  id: doc.id,
  jobRole: doc.jobRole,
  name: doc.name ?? null,
  rewardedAt: doc.rewardedAt ?? null,
  revokedAt: doc.revokedAt ?? null,
  state: invitationState(doc, now),
})

/** The SHA-256 of a token: only the hash is stored, so a database read reveals no link. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex')

/** The link the colleague opens: the portal's acceptance page with the token. */
export const invitationLink = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  token: string,
  req?: PayloadRequest,
): string => {
  const origin = payload.config.serverURL || (req?.url ? new URL(req.url).origin : '')
  return `${origin}${options.invitationPath}?token=${encodeURIComponent(token)}`
}

const findInvitations = async (payload: Payload, where: Where, limit = 0) =>
  (
    await payload.find({
      collection: loyaltySlugs.invitations,
      depth: 0,
      limit,
      overrideAccess: true,
      pagination: false,
      sort: '-createdAt',
      where,
    })
  ).docs as unknown as InvitationDoc[]

/** The invitation with this id, or null. */
export const loadInvitation = async (payload: Payload, id: ID): Promise<InvitationDoc | null> =>
  (await payload.findByID({
    collection: loyaltySlugs.invitations,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as unknown as InvitationDoc | null

/** The invitation a token belongs to, or null. */
export const invitationByToken = async (
  payload: Payload,
  token: string,
): Promise<InvitationDoc | null> =>
  (await findInvitations(payload, { tokenHash: { equals: hashToken(token) } }, 1))[0] ?? null

/**
 * Closes an open invitation in one conditional statement (`… WHERE id = :id AND status =
 * 'open'`), so of two concurrent requests (accept and accept, accept and revoke) exactly one
 * wins. True when this call closed it. The open key is cleared so the address can be invited
 * again (revoked, expired) — or not at all once it is a member's.
 */
const closeInvitation = async (
  payload: Payload,
  id: ID,
  changes: Record<string, unknown>,
  transactionID: null | number | string,
  req?: PayloadRequest,
): Promise<boolean> => {
  const sql = sqlAccess(payload, transactionID)
  const data = { ...changes, openKey: null, updatedAt: new Date().toISOString() }
  if (sql) {
    const table = sql.table(loyaltySlugs.invitations)
    const rows = await sql.db
      .update(table)
      .set(data)
      .where(and(eq(table.id, id), eq(table.status, 'open')))
      .returning({ id: table.id })
    return rows.length === 1
  }
  // MongoDB: a filtered update (not atomic across requests; the member's unique e-mail still
  // stops a second account).
  const { docs } = await payload.update({
    collection: loyaltySlugs.invitations,
    data,
    overrideAccess: true,
    req,
    where: { and: [{ id: { equals: id } }, { status: { equals: 'open' } }] },
  })
  return docs.length === 1
}

/** Marks the open invitations to `email` that are past their expiry as expired. */
const expireStale = async (payload: Payload, email: string, now: Date): Promise<void> => {
  const stale = await findInvitations(payload, {
    and: [
      { openKey: { equals: email } },
      { status: { equals: 'open' } },
      { expiresAt: { less_than_equal: now.toISOString() } },
    ],
  })
  for (const doc of stale) await closeInvitation(payload, doc.id, { status: 'expired' }, null)
}

/**
 * Sends an invitation: checks the address and the inviter's monthly limit, stores the
 * invitation with the token's hash, and returns it with the link (the only time the token is
 * shown). The e-mail goes out through `payload.sendEmail` (the host's adapter; without one
 * Payload logs it).
 */
export const createInvitation = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  inviter: MemberSnapshot & { email: string; name: string },
  input: { email: string; jobRole: string; name: null | string },
  now: Date,
  req?: PayloadRequest,
) => {
  if (inviter.organisation === null) {
    throw new HttpError(409, 'You do not belong to a company, so you cannot invite colleagues.')
  }
  await expireStale(payload, input.email, now)
  const [members, open, sentThisMonth] = await Promise.all([
    payload.count({
      collection: options.members,
      overrideAccess: true,
      where: { email: { equals: input.email } },
    }),
    payload.count({
      collection: loyaltySlugs.invitations,
      overrideAccess: true,
      where: { openKey: { equals: input.email } },
    }),
    payload.count({
      collection: loyaltySlugs.invitations,
      overrideAccess: true,
      where: {
        and: [
          { inviter: { equals: inviter.id } },
          { createdAt: { greater_than_equal: monthStartUTC(now).toISOString() } },
        ],
      },
    }),
  ])
  const refusal = invitationRefusal(input.email, {
    existingMember: members.totalDocs > 0,
    inviterEmail: inviter.email,
    limit: options.invitationsPerMonth,
    openInvitation: open.totalDocs > 0,
    sentThisMonth: sentThisMonth.totalDocs,
  })
  if (refusal) throw new HttpError(refusal.status, refusal.message)

  const token = randomBytes(32).toString('base64url')
  let doc: InvitationDoc
  try {
    doc = (await payload.create({
      collection: loyaltySlugs.invitations,
      data: {
        email: input.email,
        expiresAt: invitationExpiry(now, options.invitationExpiryDays).toISOString(),
        inviter: inviter.id,
        jobRole: input.jobRole,
        name: input.name,
        openKey: input.email,
        organisation: inviter.organisation,
        status: 'open',
        tokenHash: hashToken(token),
      } as never,
      depth: 0,
      overrideAccess: true,
    })) as unknown as InvitationDoc
  } catch (error) {
    // A concurrent invitation to the same address took the unique open key first.
    const raced = await payload.count({
      collection: loyaltySlugs.invitations,
      overrideAccess: true,
      where: { openKey: { equals: input.email } },
    })
    if (raced.totalDocs > 0) {
      throw new HttpError(409, `An invitation to ${input.email} is already open.`)
    }
    throw error
  }
  const link = invitationLink(payload, options, token, req)
  const emailed = await sendInvitationEmail(payload, inviter.name, input, link)
  return { emailed, invitation: invitationView(doc, now), link }
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** Sends the invitation e-mail; false (logged) when the adapter fails, the link still works. */
const sendInvitationEmail = async (
  payload: Payload,
  inviterName: string,
  input: { email: string; name: null | string },
  link: string,
): Promise<boolean> => {
  try {
    await payload.sendEmail({
      html: [
        `<p>${input.name ? `Hello ${escape(input.name)},` : 'Hello,'}</p>`,
        `<p>${escape(inviterName)} invites you to join the Partner Club: courses, events and rewards for your company's team.</p>`,
        `<p><a href="${escape(link)}">Accept the invitation and choose a password</a></p>`,
      ].join('\n'),
      subject: `${inviterName} invites you to the Partner Club`,
      to: input.email,
    })
    // Before answering: the client's next request must not race the adapter's writes.
    await flushEmail(payload)
    return true
  } catch (error) {
    payload.logger.warn({ err: error }, 'loyalty: invitation e-mail not sent')
    return false
  }
}

/** Revokes the inviter's own open invitation; 404 for anyone else's, 409/410 when closed. */
export const revokeInvitation = async (payload: Payload, inviterId: ID, id: ID, now: Date) => {
  const doc = await loadInvitation(payload, id)
  if (!doc || String(relationId(doc.inviter)) !== String(inviterId)) {
    throw new HttpError(404, 'There is no such invitation.')
  }
  const refuse = () => {
    const refusal = closedInvitationRefusal(invitationState(doc, now))
    if (refusal) throw new HttpError(409, refusal.message)
  }
  refuse()
  const closed = await closeInvitation(
    payload,
    doc.id,
    { revokedAt: now.toISOString(), status: 'revoked' },
    null,
  )
  const after = (await loadInvitation(payload, id)) as InvitationDoc
  if (!closed) {
    // Accepted (or revoked) by a concurrent request in the meantime.
    const refusal = closedInvitationRefusal(invitationState(after, now))
    throw new HttpError(409, refusal?.message ?? 'This invitation can no longer be revoked.')
  }
  return invitationView(after, now)
}

/** What the acceptance page shows before the colleague chooses a password. */
export const previewInvitation = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  token: string,
  now: Date,
) => {
  const doc = await invitationByToken(payload, token)
  if (!doc)
    throw new HttpError(404, 'This invitation link is not valid. Check that it is complete.')
  const state = invitationState(doc, now)
  const [inviter, organisation] = await Promise.all([
    payload.findByID({
      collection: options.members,
      depth: 0,
      disableErrors: true,
      id: relationId(doc.inviter) as ID,
      overrideAccess: true,
    }) as Promise<null | Record<string, unknown>>,
    payload.findByID({
      collection: options.organisations,
      depth: 0,
      disableErrors: true,
      id: relationId(doc.organisation) as ID,
      overrideAccess: true,
    }) as Promise<null | Record<string, unknown>>,
  ])
  const titleField = payload.collections[options.organisations]?.config.admin?.useAsTitle ?? 'id'
  const inviterName = String(inviter?.[options.memberNameField] ?? '')
  return {
    email: doc.email,
    expiresAt: doc.expiresAt,
    // A first name only: the link may be forwarded.
    inviter: inviterName.split(/\s+/)[0] ?? '',
    name: doc.name ?? null,
    organisation: String(organisation?.[titleField] ?? ''),
    state,
  }
}

/**
 * Accepts an invitation: in one transaction, closes it (only if still open: a conditional
 * update) and creates the colleague's account in the inviter's organisation, active, with the
 * chosen password. Activation is this moment; the referral points follow once the colleague
 * completes a first course (`settleInvitationReferral`).
 */
export const acceptInvitation = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  input: { name: null | string; password: string; token: string },
  now: Date,
) =>
  // One acceptance at a time in this process: creating an account hashes the password inside
  // the transaction, and concurrent acceptances wait their turn here and then find the
  // invitation accepted, without hashing. Across processes (PostgreSQL) the conditional update
  // below decides.
  inTurn(payload, 'loyalty:accept-invitation', () => accept(payload, options, input, now))

const accept = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  input: { name: null | string; password: string; token: string },
  now: Date,
) => {
  const doc = await invitationByToken(payload, input.token)
  if (!doc)
    throw new HttpError(404, 'This invitation link is not valid. Check that it is complete.')
  const refusal = closedInvitationRefusal(invitationState(doc, now))
  if (refusal) throw new HttpError(refusal.status, refusal.message)
  const name = input.name ?? doc.name
  if (!name) throw new HttpError(400, 'Please enter your name.')
  const existing = await payload.count({
    collection: options.members,
    overrideAccess: true,
    where: { email: { equals: doc.email } },
  })
  if (existing.totalDocs > 0) {
    throw new HttpError(409, 'There is already an account with this address. Please sign in.')
  }

  const { req, transactionID } = await beginTransaction(payload)
  let memberId: ID
  try {
    const memberData = {
      email: doc.email,
      [options.jobRoleField]: doc.jobRole,
      [options.memberNameField]: name,
      [options.organisationField]: relationId(doc.organisation),
      password: input.password,
      status: 'active',
    }
    const member = await payload.create({
      collection: options.members,
      data: memberData as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    memberId = member.id as ID
    const closed = await closeInvitation(
      payload,
      doc.id,
      { acceptedAt: now.toISOString(), acceptedMember: memberId, status: 'accepted' },
      transactionID,
      req,
    )
    if (!closed) throw new InvitationTaken()
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    // Lost a race: accepted, revoked or an account made meanwhile. Say what happened.
    const after = await loadInvitation(payload, doc.id)
    const closedNow = after ? closedInvitationRefusal(invitationState(after, now)) : null
    if (closedNow) throw new HttpError(closedNow.status, closedNow.message)
    const taken = await payload.count({
      collection: options.members,
      overrideAccess: true,
      where: { email: { equals: doc.email } },
    })
    if (taken.totalDocs > 0) {
      throw new HttpError(409, 'There is already an account with this address. Please sign in.')
    }
    if (error instanceof InvitationTaken) throw new HttpError(409, 'Please try again.')
    throw error
  }
  // Nothing to award yet for a brand-new account; this also settles any later change of the
  // rules (idempotent).
  await settleInvitationReferral(payload, options, memberId, now)
  return { email: doc.email, member: { id: memberId } }
}

/** The invitation was closed by a concurrent request between the read and the update. */
class InvitationTaken extends Error {
  constructor() {
    super('loyalty: invitation closed concurrently')
    this.name = 'InvitationTaken'
  }
}

/** The inviter's invitations, newest first, with their state now. */
export const invitationsOf = async (payload: Payload, inviterId: ID, now: Date) =>
  (await findInvitations(payload, { inviter: { equals: inviterId } }, 100)).map((doc) =>
    invitationView(doc, now),
  )
