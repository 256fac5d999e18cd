import type { Endpoint } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { loadTiers } from '../services/context'
import { loyaltySlugs } from '../types'
import { HttpError, handle, ok, requireMember } from '../utilities/http'

type ID = number | string

/**
 * `GET /api/loyalty/organisation`: for a partner manager, their company's balance and tier, its
 * members with their points, tier and completed courses, and the redemptions waiting for a
 * decision. Nobody else's company, and not for other members.
 */
export const organisationEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const member = requireMember(req, options)
      if (!options.isOrganisationManager(member)) {
        throw new HttpError(403, 'Only partner managers see their company’s overview.')
      }
      const raw = member[options.organisationField] as ID | null | { id: ID }
      const organisationId = raw && typeof raw === 'object' ? raw.id : raw
      if (organisationId === null || organisationId === undefined) {
        throw new HttpError(404, 'Your account is not linked to a company.')
      }
      const [organisation, tiers, people, pending, completions] = await Promise.all([
        req.payload.findByID({
          collection: options.organisations,
          depth: 0,
          id: organisationId,
          overrideAccess: true,
        }),
        loadTiers(req.payload, options),
        req.payload.find({
          collection: options.members,
          depth: 0,
          limit: 500,
          overrideAccess: true,
          sort: 'name',
          where: { [options.organisationField]: { equals: organisationId } },
        }),
        req.payload.find({
          collection: loyaltySlugs.redemptions,
          depth: 0,
          limit: 100,
          overrideAccess: true,
          sort: 'createdAt',
          where: {
            and: [
              { organisation: { equals: organisationId } },
              { status: { equals: 'requested' } },
            ],
          },
        }),
        req.payload.find({
          collection: loyaltySlugs.progress,
          depth: 0,
          limit: 0,
          overrideAccess: true,
          pagination: false,
          select: { member: true },
          // Only this company's members' completions (a join on the member), not every company's.
          where: {
            and: [
              { item: { equals: 'course' } },
              { completedAt: { exists: true } },
              { [`member.${options.organisationField}`]: { equals: organisationId } },
            ],
          },
        }),
      ])
      const tierName = (id: unknown) =>
        tiers.find((tier) => String(tier.id) === String(id))?.name ?? null
      const completed = new Map<string, number>()
      for (const record of completions.docs as unknown as { member: ID }[]) {
        completed.set(String(record.member), (completed.get(String(record.member)) ?? 0) + 1)
      }
      const loyaltyOf = (doc: unknown) =>
        ((doc as { loyalty?: Record<string, unknown> }).loyalty ?? {}) as {
          lifetime?: number
          qualifying?: number
          spendable?: number
          tier?: ID
        }
      const org = loyaltyOf(organisation)
      return ok({
        members: (people.docs as unknown as Record<string, unknown>[]).map((doc) => {
          const loyalty = loyaltyOf(doc)
          return {
            coursesCompleted: completed.get(String(doc.id)) ?? 0,
            id: doc.id,
            jobRole: doc[options.jobRoleField] ?? null,
            lifetime: loyalty.lifetime ?? 0,
            name: doc.name ?? null,
            qualifying: loyalty.qualifying ?? 0,
            spendable: loyalty.spendable ?? 0,
            status: doc.status ?? null,
            tier: tierName(loyalty.tier),
          }
        }),
        organisation: {
          id: organisationId,
          lifetime: org.lifetime ?? 0,
          name: (organisation as unknown as { name?: string }).name ?? null,
          qualifying: org.qualifying ?? 0,
          spendable: org.spendable ?? 0,
          tier: tierName(org.tier),
        },
        pendingRedemptions: pending.docs,
      })
    }),
    method: 'get',
    path: '/loyalty/organisation',
  },
]
