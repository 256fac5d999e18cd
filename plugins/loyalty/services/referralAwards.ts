import type { Payload } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'
import type { AwardResult } from './award'

import { invitationAwardKeys, leadAwardKey } from '../engine/referrals'
import { loyaltySlugs } from '../types'
import { type ID, relationId } from '../utilities/ids'
import { award } from './award'

/** Has the member completed at least one course (a completed `course` progress record)? */
const hasCompletedACourse = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  memberId: ID,
): Promise<boolean> => {
  if (!options.courses) return false
  const { totalDocs } = await payload.count({
    collection: loyaltySlugs.progress,
    overrideAccess: true,
    where: {
      and: [
        { member: { equals: memberId } },
        { collection: { equals: options.courses } },
        { item: { equals: 'course' } },
        { completedAt: { exists: true } },
      ],
    },
  })
  return totalDocs > 0
}

/**
 * The referral awards of an accepted invitation, once the invited colleague has completed a
 * first course: `referral.accepted` to the inviter and `referral.joined` to the colleague, each
 * under a key naming the invitation (`referral.accepted:invitation:<id>:inviter`), with the
 * invitation as the ledger entry's source. The keys are unique in the database, so calling this
 * again, or concurrently, never awards twice; `rewardedAt` marks the invitation settled once both
 * awards are written, so later courses cost one indexed read. Null when the member joined
 * without an invitation, has not completed a course yet, or was settled before.
 */
export const settleInvitationReferral = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  inviteeId: ID,
  now: Date,
): Promise<null | { invitee: AwardResult; inviter: AwardResult }> => {
  const { docs } = await payload.find({
    collection: loyaltySlugs.invitations,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: {
      and: [
        { acceptedMember: { equals: inviteeId } },
        { status: { equals: 'accepted' } },
        { rewardedAt: { exists: false } },
      ],
    },
  })
  const invitation = docs[0] as undefined | { id: ID; inviter: unknown; rewardedAt?: null | string }
  if (!invitation) return null
  if (!(await hasCompletedACourse(payload, options, inviteeId))) return null
  const keys = invitationAwardKeys(invitation.id)
  const object = { collection: loyaltySlugs.invitations, id: invitation.id }
  const inviterId = relationId(invitation.inviter) as ID
  const inviter = await award(payload, options, {
    actor: { relationTo: options.members, value: inviteeId },
    idempotencyKey: keys.inviter,
    memberId: inviterId,
    now,
    object,
    verb: 'referral.accepted',
  })
  const invitee = await award(payload, options, {
    actor: { relationTo: options.members, value: inviteeId },
    idempotencyKey: keys.invitee,
    memberId: inviteeId,
    now,
    object,
    verb: 'referral.joined',
  })
  await payload.update({
    collection: loyaltySlugs.invitations,
    data: { rewardedAt: now.toISOString() },
    id: invitation.id,
    overrideAccess: true,
  })
  return { invitee, inviter }
}

/**
 * The referrer's award for a converted lead: `referral.lead-converted`, keyed by the lead
 * (`referral.lead-converted:lead:<id>`), with the lead as the ledger entry's source; once.
 */
export const awardLeadConversion = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  lead: { id: ID; referrer: unknown },
  staff: { relationTo: string; value: ID },
  now: Date,
): Promise<AwardResult> =>
  award(payload, options, {
    actor: staff,
    idempotencyKey: leadAwardKey(lead.id),
    memberId: relationId(lead.referrer) as ID,
    now,
    object: { collection: loyaltySlugs.leads, id: lead.id },
    verb: 'referral.lead-converted',
  })
