import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { signedInAdmin } from '../access'
import { ledgerEffect } from '../engine/ledger'
import { loadMember, loadTiers } from '../services/context'
import { type EntryDraft, writeLedger } from '../services/ledgerWriter'
import { applyTierUpgrade } from '../services/tiers'
import { loyaltySlugs } from '../types'
import { HttpError, handle, idParam, jsonBody, ok } from '../utilities/http'

type ID = number | string

const requireAdmin = (req: PayloadRequest, options: ResolvedLoyaltyOptions): ID => {
  if (!req.user) throw new HttpError(401, 'Sign in as an admin to correct points.')
  if (!signedInAdmin(req, options)) throw new HttpError(403, 'Only admins can correct points.')
  return req.user.id
}

const reasonOf = (body: Record<string, unknown>): string => {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
  if (reason.length < 5)
    throw new HttpError(400, 'Give a reason of at least 5 characters; the member sees it.')
  if (reason.length > 300) throw new HttpError(400, 'Keep the reason under 300 characters.')
  return reason
}

/**
 * Admin corrections, the only way to change points by hand. Both write new ledger entries; no
 * entry is ever edited or deleted.
 * - `POST /api/loyalty/adjustments` `{ member, points, reason }` (an `Idempotency-Key` header makes
 *   retries safe)
 * - `POST /api/loyalty/ledger/:id/reverse` `{ reason }` reverses an earn entry once
 */
export const correctionEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const adminId = requireAdmin(req, options)
      const body = await jsonBody(req)
      const reason = reasonOf(body)
      const points = body.points
      if (
        typeof points !== 'number' ||
        !Number.isInteger(points) ||
        points === 0 ||
        Math.abs(points) > 1_000_000
      ) {
        throw new HttpError(
          400,
          'points must be a whole number other than 0 (at most 1,000,000 either way).',
        )
      }
      const memberId = body.member
      if (
        (typeof memberId !== 'number' && typeof memberId !== 'string') ||
        String(memberId).length > 40
      ) {
        throw new HttpError(400, 'member must be the id of a member.')
      }
      const member = await loadMember(req.payload, options, memberId)
      if (!member) throw new HttpError(404, 'There is no such member.')
      if (points < 0 && -points > member.spendable) {
        throw new HttpError(409, `The member has only ${member.spendable} spendable points.`, {
          spendable: member.spendable,
        })
      }
      const key = req.headers.get('idempotency-key')
      if (key !== null && !/^[\w.:-]{8,100}$/.test(key)) {
        throw new HttpError(
          400,
          'The Idempotency-Key header must be 8–100 letters, digits or . : _ -',
        )
      }
      const effect = ledgerEffect('adjust', points, { spendable: member.spendable })
      const draft: EntryDraft = {
        account: 'member',
        actor: { relationTo: options.staff, value: adminId },
        idempotencyKey: `adjust:${key ?? crypto.randomUUID()}`,
        kind: 'adjust',
        member: member.id,
        organisation: member.organisation,
        reason,
        ...effect,
      }
      const written = await writeLedger(req.payload, options, [draft])
      let tierUpgrade = null
      if (written.created && points > 0) {
        const after = await loadMember(req.payload, options, member.id)
        if (after) {
          const tiers = await loadTiers(req.payload, options)
          tierUpgrade = await applyTierUpgrade(req.payload, options, after, tiers, new Date())
        }
      }
      return ok(
        { duplicate: !written.created, entry: written.entries[0], tierUpgrade },
        written.created ? 201 : 200,
      )
    }),
    method: 'post',
    path: '/loyalty/adjustments',
  },
  {
    handler: handle(async (req) => {
      const adminId = requireAdmin(req, options)
      const id = idParam(req, 'id')
      const reason = reasonOf(await jsonBody(req))
      const entry = (await req.payload.findByID({
        collection: loyaltySlugs.ledger as CollectionSlug,
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: true,
      })) as null | {
        account: 'member' | 'organisation'
        id: ID
        kind: string
        member: ID | null
        organisation: ID | null
        qualifyingAmount: number
        reason: string
      }
      if (!entry) throw new HttpError(404, 'There is no such ledger entry.')
      if (entry.kind !== 'earn')
        throw new HttpError(409, 'Only earned points can be reversed; use an adjustment.')
      const holder = entry.account === 'member' ? entry.member : entry.organisation
      const collection = entry.account === 'member' ? options.members : options.organisations
      const account = (await req.payload.findByID({
        collection,
        depth: 0,
        id: holder as ID,
        overrideAccess: true,
      })) as unknown as { loyalty?: { spendable?: number } }
      const effect = ledgerEffect('reverse', entry.qualifyingAmount, {
        spendable: account.loyalty?.spendable ?? 0,
      })
      const written = await writeLedger(req.payload, options, [
        {
          account: entry.account,
          actor: { relationTo: options.staff, value: adminId },
          idempotencyKey: `reverse:${entry.id}`,
          kind: 'reverse',
          member: entry.member,
          organisation: entry.organisation,
          reason: `Reversed: ${entry.reason}. ${reason}`,
          reverses: entry.id,
          ...effect,
        },
      ])
      if (!written.created) throw new HttpError(409, 'This entry has already been reversed.')
      return ok({ entry: written.entries[0] }, 201)
    }),
    method: 'post',
    path: '/loyalty/ledger/:id/reverse',
  },
]
