import type { Payload } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'
import type { AwardResult } from './award'
import type { MemberSnapshot } from './context'

import { type LeadInput, type LeadStatus, leadTransitionRefusal } from '../engine/referrals'
import { loyaltySlugs } from '../types'
import { HttpError } from '../utilities/http'
import type { ID } from '../utilities/ids'
import { awardLeadConversion } from './referralAwards'

/** A lead as stored. */
export type LeadDoc = {
  company: string
  contactEmail: string
  contactName: string
  convertedAt?: null | string
  createdAt: string
  id: ID
  note?: null | string
  qualifiedAt?: null | string
  referrer: ID | { id: ID }
  rejectedAt?: null | string
  status: LeadStatus
}

/** A lead as its referrer sees it (no staff notes). */
export const leadView = (doc: LeadDoc) => ({
  company: doc.company,
  contactEmail: doc.contactEmail,
  contactName: doc.contactName,
  convertedAt: doc.convertedAt ?? null,
  createdAt: doc.createdAt,
  id: doc.id,
  note: doc.note ?? null,
  qualifiedAt: doc.qualifiedAt ?? null,
  status: doc.status,
})

/** Records a member's recommendation of a company; its status starts as `new`. */
export const createLead = async (payload: Payload, member: MemberSnapshot, input: LeadInput) => {
  const doc = (await payload.create({
    collection: loyaltySlugs.leads,
    data: {
      ...input,
      organisation: member.organisation,
      referrer: member.id,
      status: 'new',
      title: input.company,
    } as never,
    depth: 0,
    overrideAccess: true,
  })) as unknown as LeadDoc
  return leadView(doc)
}

/** The member's leads, newest first. */
export const leadsOf = async (payload: Payload, memberId: ID) =>
  (
    (
      await payload.find({
        collection: loyaltySlugs.leads,
        depth: 0,
        limit: 100,
        overrideAccess: true,
        pagination: false,
        sort: '-createdAt',
        where: { referrer: { equals: memberId } },
      })
    ).docs as unknown as LeadDoc[]
  ).map(leadView)

const stampOf: Record<Exclude<LeadStatus, 'new'>, string> = {
  converted: 'convertedAt',
  qualified: 'qualifiedAt',
  rejected: 'rejectedAt',
}

/**
 * Moves a lead to a new status (staff only). Converting awards the referrer's points first,
 * keyed by the lead, then records the status: a retry after a failure completes the conversion
 * without a second award, and concurrent conversions award once (the key is unique).
 */
export const setLeadStatus = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID,
  to: Exclude<LeadStatus, 'new'>,
  staff: { relationTo: string; value: ID },
  now: Date,
): Promise<{ award: AwardResult | null; lead: ReturnType<typeof leadView> }> => {
  const doc = (await payload.findByID({
    collection: loyaltySlugs.leads,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as unknown as LeadDoc | null
  if (!doc) throw new HttpError(404, 'There is no such lead.')
  const refusal = leadTransitionRefusal(doc.status, to)
  if (refusal) throw new HttpError(refusal.status, refusal.message)
  const result =
    to === 'converted'
      ? await awardLeadConversion(
          payload,
          options,
          { id: doc.id, referrer: doc.referrer },
          staff,
          now,
        )
      : null
  const updated = (await payload.update({
    collection: loyaltySlugs.leads,
    data: { decidedBy: staff.value, [stampOf[to]]: now.toISOString(), status: to } as never,
    depth: 0,
    id: doc.id,
    overrideAccess: true,
  })) as unknown as LeadDoc
  return { award: result, lead: leadView(updated) }
}
