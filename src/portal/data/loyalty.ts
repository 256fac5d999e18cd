import { cache } from 'react'

import { callEndpoint } from '../../../plugins/loyalty'
import { requireMember } from './session'

type ID = number | string

export type NextAction = { collection: string; id: string; kind: string; points: number; title: string }

/** `GET /api/loyalty/me`. */
export type LoyaltyMe = {
  balances: { lifetime: number; qualifying: number; spendable: number }
  expiring: { within30Days: number; within90Days: number }
  member: { id: ID; jobRole: string }
  nextActions: NextAction[]
  nextTier: null | { id: ID; name: string; percent: number; pointsNeeded: number; threshold: number }
  organisation: null | { id: ID; name: string; spendable: number; tier: null | { id: ID; name: string } }
  qualifyingWindowEnds: null | string
  tier: null | { id: ID; multiplier: number; name: string; since: null | string }
}

export type StatementLine = {
  amount: number
  balanceAfter: null | number
  date: string
  id: ID
  kind: string
  qualifyingAmount: number
  reason: string
  source: null | { collection: string; id: null | string; title: null | string }
}

/** `GET /api/loyalty/statement`. */
export type Statement = { hasNextPage: boolean; lines: StatementLine[]; page: number; totalLines: number; totalPages: number }

/** `GET /api/loyalty/leaderboard`. */
export type Leaderboard = {
  entries: { company?: null | string; name: string; points: number; rank: number }[]
  period: string
  scope: string
  since: string
}

export type PendingRedemption = { createdAt: string; id: ID; member: ID; points: number; rewardTitle?: string; status: string }

/** `GET /api/loyalty/organisation`. */
export type OrganisationOverview = {
  members: {
    coursesCompleted: number
    id: ID
    jobRole: null | string
    lifetime: number
    name: null | string
    qualifying: number
    spendable: number
    status: null | string
    tier: null | string
  }[]
  organisation: { id: ID; lifetime: number; name: null | string; qualifying: number; spendable: number; tier: null | string }
  pendingRedemptions: PendingRedemption[]
}

/**
 * Calls one of the loyalty plugin's GET endpoints in process as the signed-in member, so the
 * page shows exactly what the REST API answers. Throws on an unexpected failure (error page).
 */
export const loyaltyGet = async <T>(path: string): Promise<{ data: T; ok: true } | { message: string; ok: false; status: number }> => {
  const { member, payload } = await requireMember()
  const result = await callEndpoint<T>(payload, { ...member, collection: 'members' }, 'get', path)
  if (result.ok) return { data: result.data, ok: true }
  return { message: result.message, ok: false, status: result.status }
}

/** `/loyalty/me` once per request (the layout and the page share it). */
export const loyaltyMe = cache(async (): Promise<LoyaltyMe> => {
  const result = await loyaltyGet<LoyaltyMe>('/loyalty/me')
  if (!result.ok) throw new Error(`/loyalty/me: ${result.message}`)
  return result.data
})
