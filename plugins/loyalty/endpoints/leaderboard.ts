import type { Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { signedInMember, signedInStaff } from '../access'
import { cached } from '../services/cache'
import { topEarners } from '../services/sums'
import { HttpError, handle, ok } from '../utilities/http'

type ID = number | string

const periods = { all: null, month: 1, quarter: 3, year: 12 } as const

/** Start of the current calendar month, quarter or year (UTC); null for all time. */
const periodStart = (period: keyof typeof periods, now: Date): Date => {
  if (period === 'all') return new Date(0)
  const month =
    period === 'month'
      ? now.getUTCMonth()
      : period === 'quarter'
        ? now.getUTCMonth() - (now.getUTCMonth() % 3)
        : 0
  return new Date(Date.UTC(now.getUTCFullYear(), month, 1))
}

/**
 * `GET /api/loyalty/leaderboard?scope=members|organisations&period=month|quarter|year|all`.
 * Ranks by qualifying points earned in the period (a GROUP BY in the database). Members see
 * first names and company only; staff see full names.
 */
export const leaderboardEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const staff = signedInStaff(req, options)
      if (!staff && !signedInMember(req, options)) {
        throw new HttpError(401, 'Sign in to see the leaderboard.')
      }
      const scope = req.searchParams.get('scope') ?? 'members'
      const period = req.searchParams.get('period') ?? 'month'
      if (scope !== 'members' && scope !== 'organisations') {
        throw new HttpError(400, 'scope must be members or organisations.')
      }
      if (!(period in periods))
        throw new HttpError(400, 'period must be month, quarter, year or all.')
      const now = new Date()
      const since = periodStart(period as keyof typeof periods, now)
      const account = scope === 'members' ? 'member' : 'organisation'
      // The ranking is the same for everyone: computed once per period and scope, then reused
      // for leaderboardCacheSeconds (at 1,000,000 ledger rows one ranking takes a few hundred ms).
      const top = await cached(
        req.payload,
        `leaderboard:${account}:${since.toISOString()}`,
        () => topEarners(req.payload, account, since, 20),
        options.leaderboardCacheSeconds * 1000,
      )
      const collection = scope === 'members' ? options.members : options.organisations
      const { docs } = await req.payload.find({
        collection,
        depth: 0,
        limit: top.length,
        overrideAccess: true,
        pagination: false,
        where: { id: { in: top.map((row) => row.id) } },
      })
      const byId = new Map(
        (docs as unknown as Record<string, unknown>[]).map((doc) => [String(doc.id), doc]),
      )
      const organisationIds =
        scope === 'members'
          ? [
              ...new Set(
                (docs as unknown as Record<string, unknown>[])
                  .map((doc) => doc[options.organisationField])
                  .filter(Boolean),
              ),
            ]
          : []
      const organisations = organisationIds.length
        ? (
            await req.payload.find({
              collection: options.organisations,
              depth: 0,
              limit: organisationIds.length,
              overrideAccess: true,
              pagination: false,
              where: { id: { in: organisationIds as ID[] } },
            })
          ).docs
        : []
      const organisationName = new Map(
        (organisations as unknown as Record<string, unknown>[]).map((doc) => [
          String(doc.id),
          String(doc.name ?? ''),
        ]),
      )
      const entries = top.map((row, index) => {
        const doc = byId.get(String(row.id)) ?? {}
        const fullName = String(doc.name ?? '')
        return scope === 'members'
          ? {
              company: organisationName.get(String(doc[options.organisationField] ?? '')) ?? null,
              name: staff ? fullName : fullName.split(/\s+/)[0],
              points: row.points,
              rank: index + 1,
            }
          : { name: fullName, points: row.points, rank: index + 1 }
      })
      return ok({ entries, period, scope, since: since.toISOString() })
    }),
    method: 'get',
    path: '/loyalty/leaderboard',
  },
]
