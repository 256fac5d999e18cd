import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { addDaysUTC, addMonthsUTC } from '../engine/calendar'
import { progressToNextTier } from '../engine/tiers'
import { loadOrganisationSummary, loadTiers, memberSnapshot } from '../services/context'
import { nextBestActionsFor } from '../services/nextActions'
import { type LotTotals, lotTotalsOf, pointsExpiringByEach } from '../services/expiring'
import { amountSince } from '../services/sums'
import { loyaltySlugs } from '../types'
import { HttpError, handle, ok, requireMember } from '../utilities/http'

type ID = number | string

const kinds = ['earn', 'redeem', 'refund', 'expire', 'reverse', 'adjust', 'move']

/** Points expiring within 30 and 90 days, from the running totals and one indexed read. */
const expiringWithin = async (
  req: PayloadRequest,
  account: 'member' | 'organisation',
  id: ID,
  totals: LotTotals,
  now: Date,
) => {
  const horizons = [30, 90]
  const points = await pointsExpiringByEach(
    req.payload,
    account,
    id,
    totals,
    horizons.map((days) => addDaysUTC(now, days)),
  )
  return Object.fromEntries(horizons.map((days, index) => [`within${days}Days`, points[index]]))
}

/** `GET /api/loyalty/me` and `GET /api/loyalty/statement`. */
export const accountEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      // req.user was read from the database by Payload's authentication for this request.
      const signedIn = requireMember(req, options)
      const member = memberSnapshot(signedIn, options)
      const now = new Date()
      const tiers = await loadTiers(req.payload, options)
      const tier = tiers.find((candidate) => String(candidate.id) === String(member.tierId)) ?? null
      const progress = progressToNextTier(tiers, member.tierId, member.qualifying)
      const windowEnd =
        tier && member.tierSince ? addMonthsUTC(member.tierSince, tier.qualifyingMonths) : null
      // Independent reads, in parallel: the company, the lots falling due, the next actions.
      const [summary, expiring, nextActions] = await Promise.all([
        member.organisation === null
          ? null
          : loadOrganisationSummary(req.payload, options, member.organisation),
        expiringWithin(req, 'member', member.id, lotTotalsOf(signedIn), now),
        nextBestActionsFor(req.payload, options, member, tiers, now, 5),
      ])
      const orgTier = summary
        ? (tiers.find((candidate) => String(candidate.id) === String(summary.tierId)) ?? null)
        : null
      const organisation = summary
        ? {
            id: summary.id,
            name: summary.name,
            spendable: summary.spendable,
            tier: orgTier ? { id: orgTier.id, name: orgTier.name } : null,
          }
        : null
      return ok({
        balances: {
          lifetime: member.lifetime,
          qualifying: member.qualifying,
          spendable: member.spendable,
        },
        expiring,
        member: { id: member.id, jobRole: member.jobRole },
        nextActions,
        nextTier: progress.nextTier
          ? {
              id: progress.nextTier.id,
              name: progress.nextTier.name,
              percent: progress.percent,
              pointsNeeded: progress.pointsNeeded,
              threshold: progress.nextTier.threshold,
            }
          : null,
        organisation,
        qualifyingWindowEnds: windowEnd?.toISOString() ?? null,
        tier: tier
          ? { id: tier.id, multiplier: tier.multiplier, name: tier.name, since: member.tierSince }
          : null,
      })
    }),
    method: 'get',
    path: '/loyalty/me',
  },
  {
    // Every open item the member could earn points for (not only the top five of /me), for
    // catalogues that show "+N points" on each card.
    handler: handle(async (req) => {
      const signedIn = requireMember(req, options)
      const member = memberSnapshot(signedIn, options)
      const tiers = await loadTiers(req.payload, options)
      const items = await nextBestActionsFor(req.payload, options, member, tiers, new Date(), 1000)
      return ok({ items })
    }),
    method: 'get',
    path: '/loyalty/earnable',
  },
  {
    handler: handle(async (req) => {
      const signedIn = requireMember(req, options)
      const query = req.searchParams
      const page = Number(query.get('page') ?? 1)
      const limit = Number(query.get('limit') ?? 20)
      const kind = query.get('kind')
      if (!Number.isInteger(page) || page < 1 || page > 100_000) {
        throw new HttpError(400, 'page must be a whole number from 1.')
      }
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw new HttpError(400, 'limit must be a whole number from 1 to 100.')
      }
      if (kind !== null && !kinds.includes(kind)) {
        throw new HttpError(400, `kind must be one of: ${kinds.join(', ')}.`)
      }
      const conditions: Where[] = [
        { account: { equals: 'member' } },
        { member: { equals: signedIn.id } },
      ]
      if (kind) conditions.push({ kind: { equals: kind } })
      const result = await req.payload.find({
        collection: loyaltySlugs.ledger as CollectionSlug,
        depth: 0,
        limit,
        overrideAccess: true,
        page,
        sort: '-createdAt',
        where: { and: conditions },
      })
      const docs = result.docs as unknown as {
        amount: number
        createdAt: string
        id: ID
        kind: string
        qualifyingAmount: number
        reason: string
        sourceCollection?: null | string
        sourceId?: null | string
        sourceTitle?: null | string
      }[]
      // Running balance (unfiltered statements only): the balance after the newest line on this
      // page is today's balance minus everything booked after it.
      let balanceAfter: null | number = null
      if (!kind && docs.length > 0) {
        // req.user holds the balances as read for this request.
        const member = memberSnapshot(signedIn, options)
        const newer = await amountSince(
          req.payload,
          'member',
          signedIn.id,
          new Date(docs[0].createdAt),
        )
        balanceAfter = (member?.spendable ?? 0) - newer
      }
      const lines = docs.map((doc) => {
        const line = {
          amount: doc.amount,
          balanceAfter,
          date: doc.createdAt,
          id: doc.id,
          kind: doc.kind,
          qualifyingAmount: doc.qualifyingAmount,
          reason: doc.reason,
          source: doc.sourceCollection
            ? { collection: doc.sourceCollection, id: doc.sourceId, title: doc.sourceTitle }
            : null,
        }
        if (balanceAfter !== null) balanceAfter -= doc.amount
        return line
      })
      return ok({
        hasNextPage: result.hasNextPage,
        lines,
        page: result.page,
        totalLines: result.totalDocs,
        totalPages: result.totalPages,
      })
    }),
    method: 'get',
    path: '/loyalty/statement',
  },
]
