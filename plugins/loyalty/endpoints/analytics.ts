import type { CollectionSlug, Endpoint, Payload, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { type AnalyticsQuery, parseAnalyticsQuery } from '../engine/analyticsQuery'
import { analyticsChoices, programmeAnalytics, selectChoices } from '../services/analytics'
import { cached } from '../services/cache'
import { isSqlAdapter } from '../services/sqlDatabase'
import { HttpError, handle, ok, requireStaff } from '../utilities/http'

/** Only staff (admins and marketers) read the programme's analytics, and only on SQL. */
const requireAnalyticsStaff = (req: PayloadRequest, options: ResolvedLoyaltyOptions) => {
  requireStaff(req, options, {
    forbidden: 'Only staff can see the programme analytics.',
    signIn: 'Sign in as staff to see the programme analytics.',
  })
  if (!isSqlAdapter(req.payload)) {
    throw new HttpError(
      501,
      'The programme analytics need a SQL database (SQLite or PostgreSQL); this one is MongoDB.',
    )
  }
}

/** A 400 when a filter names an organisation or a tier that does not exist. */
const checkExists = async (
  payload: Payload,
  collection: CollectionSlug,
  id: null | string,
  what: string,
) => {
  if (id === null) return
  const missing = () => new HttpError(400, `There is no ${what} with the id ${id}.`)
  // SQL adapters number documents with 32-bit integers: a larger number names nothing.
  // (The analytics run on SQL adapters only, whose ids are numbers.)
  if (!/^\d+$/.test(id) || Number(id) > 2_147_483_647) throw missing()
  const { totalDocs } = await payload.count({
    collection,
    overrideAccess: true,
    where: { id: { equals: Number(id) } },
  })
  if (totalDocs === 0) throw missing()
}

/**
 * `GET /api/loyalty/analytics?from=YYYY-MM-DD&to=YYYY-MM-DD&partner=&region=&jobRole=&tier=`
 * (staff): the programme in figures for a period (default the last 30 days) and the members in
 * scope — reach, points and liability, course funnel, events, tiers, top content and partners
 * at risk, with NPS per partner. `GET /api/loyalty/analytics/choices`: what the filters can be
 * set to. Answers are reused for `analytics.cacheSeconds`.
 */
export const analyticsEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => {
  const analytics = options.analytics
  if (!analytics) return []
  const ttl = analytics.cacheSeconds * 1000
  return [
    {
      handler: handle(async (req) => {
        requireAnalyticsStaff(req, options)
        const regionField = analytics.regionField
        const regions = regionField
          ? (selectChoices(req.payload, options.organisations, regionField)?.map(
              (choice) => choice.value,
            ) ?? null)
          : null
        const jobRoles =
          selectChoices(req.payload, options.members, options.jobRoleField)?.map(
            (choice) => choice.value,
          ) ?? options.jobRoles
        const parsed = parseAnalyticsQuery(req.searchParams, new Date(), {
          jobRoles,
          maxRangeDays: analytics.maxRangeDays,
          regions,
        })
        if ('error' in parsed) throw new HttpError(400, parsed.error)
        const query: AnalyticsQuery = parsed.query
        await checkExists(req.payload, options.organisations, query.partner, 'partner')
        await checkExists(req.payload, options.tiers, query.tier, 'tier')
        const key = `analytics:${JSON.stringify(query)}`
        const result = await cached(
          req.payload,
          key,
          () => programmeAnalytics(req.payload, options, query),
          ttl,
        )
        return ok(result)
      }),
      method: 'get',
      path: '/loyalty/analytics',
    },
    {
      handler: handle(async (req) => {
        requireAnalyticsStaff(req, options)
        return ok(
          await cached(
            req.payload,
            'analytics:choices',
            () => analyticsChoices(req.payload, options),
            ttl,
          ),
        )
      }),
      method: 'get',
      path: '/loyalty/analytics/choices',
    },
  ]
}
