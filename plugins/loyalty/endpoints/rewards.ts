import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { signedInAdmin, signedInMember } from '../access'
import { loadMember, loadTiers } from '../services/context'
import { beginTransaction } from '../services/ledgerWriter'
import {
  type RedemptionDoc,
  RedemptionRefused,
  type RewardDoc,
  publishRedemptionDecided,
  redeem,
  undoRedemption,
} from '../services/redemptions'
import { loyaltySlugs } from '../types'
import { HttpError, handle, idParam, jsonBody, ok, requireMember } from '../utilities/http'
import { relationId } from '../utilities/ids'

type ID = number | string

const notesOf = (body: Record<string, unknown>): null | string => {
  if (body.notes === undefined || body.notes === null) return null
  if (typeof body.notes !== 'string' || body.notes.length > 1000) {
    throw new HttpError(400, 'notes must be text of at most 1,000 characters.')
  }
  return body.notes.trim() || null
}

const loadRedemption = async (req: PayloadRequest, id: string): Promise<RedemptionDoc> => {
  const doc = await req.payload.findByID({
    collection: loyaltySlugs.redemptions,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })
  if (!doc) throw new HttpError(404, 'There is no such redemption.')
  return doc as unknown as RedemptionDoc
}

/** `POST /api/loyalty-rewards/:id/redeem` (an `Idempotency-Key` header makes retries safe). */
export const rewardEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const signedIn = requireMember(req, options)
      const id = idParam(req, 'id')
      const key = req.headers.get('idempotency-key')
      if (key !== null && !/^[\w.:-]{8,100}$/.test(key)) {
        throw new HttpError(
          400,
          'The Idempotency-Key header must be 8–100 letters, digits or . : _ -',
        )
      }
      const [member, tiers, reward] = await Promise.all([
        loadMember(req.payload, options, signedIn.id),
        loadTiers(req.payload, options),
        req.payload.findByID({
          collection: loyaltySlugs.rewards,
          depth: 0,
          disableErrors: true,
          id,
          overrideAccess: true,
        }),
      ])
      if (!member) throw new HttpError(401, 'Sign in as a partner member to do this.')
      const doc = reward as unknown as null | RewardDoc
      if (!doc || doc.enabled === false) throw new HttpError(404, 'There is no such reward.')
      const rank = (tierId: ID | null) =>
        tiers.find((tier) => String(tier.id) === String(tierId))?.rank ?? null
      try {
        const result = await redeem(
          req.payload,
          options,
          member,
          doc,
          rank(member.tierId),
          rank(relationId(doc.minimumTier)),
          `redeem:${member.id}:${key ?? crypto.randomUUID()}`,
          new Date(),
        )
        const after = await loadMember(req.payload, options, member.id)
        return ok(
          {
            duplicate: !result.created,
            redemption: result.redemption,
            spendable: after?.spendable ?? null,
          },
          result.created ? 201 : 200,
        )
      } catch (error) {
        if (error instanceof RedemptionRefused) throw new HttpError(error.status, error.message)
        throw error
      }
    }),
    method: 'post',
    path: '/:id/redeem',
  },
]

/**
 * `POST /api/loyalty-redemptions/:id/decide` `{ decision: approve|reject|fulfil, notes }` — an
 * admin, or for rewards that need it the partner manager of the member's organisation (not for
 * their own redemption); fulfilling is for admins.
 * `POST /api/loyalty-redemptions/:id/cancel` — the member, while it is not yet fulfilled.
 */
export const redemptionEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const redemption = await loadRedemption(req, idParam(req, 'id'))
      const body = await jsonBody(req)
      const decision = body.decision
      if (decision !== 'approve' && decision !== 'reject' && decision !== 'fulfil') {
        throw new HttpError(400, 'decision must be approve, reject or fulfil.')
      }
      const notes = notesOf(body)
      if (!req.user) throw new HttpError(401, 'Sign in to decide on redemptions.')
      const admin = signedInAdmin(req, options)
      const member = signedInMember(req, options)
      let decidedBy: { relationTo: string; value: ID }
      if (admin) {
        decidedBy = { relationTo: options.staff, value: req.user.id }
      } else if (member && options.isOrganisationManager(member) && decision !== 'fulfil') {
        const ownOrganisation = relationId(member[options.organisationField] as ID | null)
        if (String(relationId(redemption.organisation)) !== String(ownOrganisation)) {
          throw new HttpError(403, 'You can decide only on your own company’s redemptions.')
        }
        if (String(relationId(redemption.member)) === String(member.id)) {
          throw new HttpError(
            403,
            'Another manager or an admin must decide on your own redemption.',
          )
        }
        decidedBy = { relationTo: options.members, value: member.id }
      } else {
        throw new HttpError(403, 'Only admins and partner managers decide on redemptions.')
      }
      const now = new Date()
      if (decision === 'fulfil') {
        if (redemption.status !== 'approved')
          throw new HttpError(409, `A ${redemption.status} redemption cannot be fulfilled.`)
      } else if (redemption.status !== 'requested') {
        throw new HttpError(409, `This redemption is already ${redemption.status}.`)
      }
      if (decision === 'reject') {
        await undoRedemption(req.payload, options, redemption, 'rejected', decidedBy, notes, now)
      } else {
        const status = decision === 'approve' ? 'approved' : 'fulfilled'
        // The decision and its `redemption.decided` event commit together.
        const { req: inTransaction, transactionID } = await beginTransaction(req.payload)
        try {
          await req.payload.update({
            collection: loyaltySlugs.redemptions,
            data: { decidedAt: now.toISOString(), decidedBy: decidedBy as never, notes, status },
            depth: 0,
            id: redemption.id,
            overrideAccess: true,
            req: inTransaction,
          })
          await publishRedemptionDecided(
            req.payload,
            redemption,
            status,
            decidedBy,
            notes,
            inTransaction,
          )
          if (transactionID !== null) await req.payload.db.commitTransaction(transactionID)
        } catch (error) {
          if (transactionID !== null) await req.payload.db.rollbackTransaction(transactionID)
          throw error
        }
      }
      return ok({ redemption: await loadRedemption(req, String(redemption.id)) })
    }),
    method: 'post',
    path: '/:id/decide',
  },
  {
    handler: handle(async (req) => {
      const signedIn = requireMember(req, options)
      const redemption = await loadRedemption(req, idParam(req, 'id'))
      if (String(relationId(redemption.member)) !== String(signedIn.id)) {
        throw new HttpError(404, 'There is no such redemption.')
      }
      if (redemption.status !== 'requested' && redemption.status !== 'approved') {
        throw new HttpError(409, `A ${redemption.status} redemption cannot be cancelled.`)
      }
      const notes = notesOf(await jsonBody(req))
      await undoRedemption(
        req.payload,
        options,
        redemption,
        'cancelled',
        { relationTo: options.members, value: signedIn.id },
        notes,
        new Date(),
      )
      return ok({ redemption: await loadRedemption(req, String(redemption.id)) })
    }),
    method: 'post',
    path: '/:id/cancel',
  },
]
