import type { CollectionSlug, Payload } from 'payload'

import { and, eq, sql as sqlText } from 'drizzle-orm'

import type { AwardStep, CapPeriod, EarningRule } from '../engine/types'
import type { ActivityVerb, ResolvedLoyaltyOptions } from '../types'
import type { EntryDraft, LedgerRecord } from './ledgerWriter'

import { capPeriodStart, computeAward } from '../engine/award'
import { addMonthsUTC } from '../engine/calendar'
import { evaluateTier } from '../engine/tiers'
import { type PromotionCandidate, matchingPromotions, selectRule } from '../engine/matching'
import { loyaltySlugs } from '../types'
import { sqlAccess } from './sqlDatabase'
import type { MemberSnapshot } from './context'

import { loadEnabledRules, loadMember, loadObject, loadOpenPromotions, loadTiers } from './context'
import { relationId } from '../utilities/ids'
import { writeLedger } from './ledgerWriter'
import { organisationIsActive } from './organisationStatus'
import { applyOrganisationTierUpgrade } from './organisationTiers'
import { applyTierUpgrade } from './tiers'

type ID = number | string

export type AwardRequest = {
  /** Who caused it (the member, or staff marking attendance); null for the system. */
  actor?: null | { relationTo: string; value: ID }
  /** Unique per award: the same key never books twice (retries are safe). */
  idempotencyKey: string
  /** The member as the caller already loaded them (saves a read); must be current. */
  member?: MemberSnapshot
  memberId: ID
  now?: Date
  object: { collection: CollectionSlug; id: ID }
  verb: ActivityVerb
}

export type AwardResult = {
  /** The member's balances after the award. */
  balances: { lifetime: number; qualifying: number; spendable: number }
  /** True when this key had been booked before: the original award is returned, nothing new. */
  duplicate: boolean
  entryId: ID | null
  organisationPoints: number
  points: number
  /** A sentence for the member, e.g. "Course completed: Heat pump fundamentals". */
  reason: string
  steps: AwardStep[]
  /** Set when the award lifted the member into a higher tier. */
  tierUpgrade: null | { reason: string; tierId: ID }
}

type RuleDoc = {
  activeFrom?: null | string
  activeUntil?: null | string
  caps?: null | { maxPoints: number; period: CapPeriod }[]
  creditsOrganisation?: boolean | null
  enabled?: boolean | null
  filter?: null | { collection?: null | string; documentId?: null | string; tag?: null | string }
  id: ID
  name: string
  organisationSharePercent?: null | number
  points: number
  roleOverrides?: null | { jobRole: string; points: number }[]
}

const none = (reason: string, balances: AwardResult['balances']): AwardResult => ({
  balances,
  duplicate: false,
  entryId: null,
  organisationPoints: 0,
  points: 0,
  reason,
  steps: [],
  tierUpgrade: null,
})

/**
 * Points this rule already gave the member since the start of each capped period: one
 * aggregate in the database (a conditional sum per period) on SQL adapters, instead of loading
 * every entry of the rule.
 */
const alreadyAwarded = async (
  payload: Payload,
  memberId: ID,
  ruleId: ID,
  caps: { period: CapPeriod }[],
  now: Date,
): Promise<Record<CapPeriod, number>> => {
  const totals: Record<CapPeriod, number> = { day: 0, month: 0, total: 0, week: 0 }
  if (caps.length === 0) return totals
  const periods: CapPeriod[] = ['day', 'week', 'month', 'total']
  const sql = sqlAccess(payload)
  if (sql) {
    const ledger = sql.table(loyaltySlugs.ledger)
    const sums = Object.fromEntries(
      periods.map((period) => {
        const start = capPeriodStart(period, now)
        return [
          period,
          start
            ? sqlText`coalesce(sum(case when ${ledger.createdAt} >= ${start.toISOString()} then ${ledger.qualifyingAmount} else 0 end), 0)`
            : sqlText`coalesce(sum(${ledger.qualifyingAmount}), 0)`,
        ]
      }),
    )
    const [row] = await sql.db
      .select(sums)
      .from(ledger)
      .where(
        and(eq(ledger.member, memberId), eq(ledger.account, 'member'), eq(ledger.rule, ruleId)),
      )
    for (const period of periods) totals[period] = Number(row?.[period] ?? 0)
    return totals
  }
  const { docs } = await payload.find({
    collection: loyaltySlugs.ledger,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { createdAt: true, qualifyingAmount: true },
    where: {
      and: [
        { account: { equals: 'member' } },
        { member: { equals: memberId } },
        { rule: { equals: ruleId } },
      ],
    },
  })
  for (const period of periods) {
    const start = capPeriodStart(period, now)
    totals[period] = docs
      .filter((doc) => !start || new Date(String(doc.createdAt)) >= start)
      .reduce((sum, doc) => sum + Number(doc.qualifyingAmount ?? 0), 0)
  }
  return totals
}

const resultFromEntries = (
  entries: LedgerRecord[],
  balances: AwardResult['balances'],
  duplicate: boolean,
): AwardResult => {
  const memberEntry = entries.find((entry) => entry.account === 'member')
  const organisationEntry = entries.find((entry) => entry.account === 'organisation')
  const breakdown = memberEntry?.breakdown as { steps?: AwardStep[] } | null | undefined
  return {
    balances,
    duplicate,
    entryId: memberEntry?.id ?? null,
    organisationPoints: organisationEntry?.amount ?? 0,
    points: memberEntry?.amount ?? 0,
    reason: memberEntry?.reason ?? '',
    steps: breakdown?.steps ?? [],
    tierUpgrade: null,
  }
}

/**
 * The one way points are earned. In this order: the earning rule for the verb (most specific
 * match; the job-role override), promotions (highest applies), the tier multiplier, caps, the
 * organisation share (see the engine's `computeAward`). Then the member entry and the
 * organisation entry and both cached balances are written in one transaction, keyed by the
 * idempotency key, so a repeated call is a no-op that returns the original award.
 *
 * Blocked members and staff earn nothing; an action without an applicable rule earns nothing.
 */
export const award = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  request: AwardRequest,
): Promise<AwardResult> => {
  const now = request.now ?? new Date()
  const member =
    request.member && String(request.member.id) === String(request.memberId)
      ? request.member
      : await loadMember(payload, options, request.memberId)
  if (!member) throw new Error(`loyalty: member ${request.memberId} not found`)
  const balances = {
    lifetime: member.lifetime,
    qualifying: member.qualifying,
    spendable: member.spendable,
  }
  if (member.status !== 'active') return none('Blocked members do not earn points.', balances)

  const orgKey = `${request.idempotencyKey}:organisation`
  const object = await loadObject(payload, request.object.collection, request.object.id)
  if (!object)
    throw new Error(`loyalty: ${request.object.collection} ${request.object.id} not found`)
  const actionObject = {
    collection: request.object.collection,
    id: request.object.id,
    tags: object.tags,
  }

  const [allRules, promotionDocs, tiers] = await Promise.all([
    loadEnabledRules(payload),
    loadOpenPromotions(payload),
    loadTiers(payload, options),
  ])
  const ruleDocs = allRules.filter((rule) => rule.verb === request.verb)
  const rule = selectRule(ruleDocs as unknown as RuleDoc[], actionObject, now)
  if (!rule) return none(`No points are given for ${request.verb}.`, balances)

  const promotions = matchingPromotions(
    promotionDocs as unknown as PromotionCandidate[],
    actionObject,
    member.jobRole,
    now,
  )
  const tier = tiers.find((candidate) => String(candidate.id) === String(member.tierId)) ?? null
  const caps = rule.caps ?? []
  const engineRule: EarningRule = {
    caps,
    name: rule.name,
    organisationSharePercent: rule.creditsOrganisation
      ? (rule.organisationSharePercent ?? 100)
      : null,
    points: rule.points,
    roleOverrides: rule.roleOverrides ?? [],
  }
  const decision = computeAward(
    {
      alreadyAwarded: await alreadyAwarded(payload, member.id, rule.id, caps, now),
      jobRole: member.jobRole,
      promotions,
      rule: engineRule,
      tierMultiplier: tier?.multiplier ?? 1,
    },
    { tierName: tier?.name },
  )
  const promotionDoc = decision.promotion
    ? (promotionDocs.find((doc) => doc.name === decision.promotion?.name) ?? null)
    : null
  const reason = `${rule.name}: ${object.title}`
  const expiresAt =
    options.pointsExpireAfterMonths > 0
      ? addMonthsUTC(now, options.pointsExpireAfterMonths).toISOString()
      : null
  const common = {
    actor: request.actor ?? null,
    breakdown: { capped: decision.capped, steps: decision.steps },
    expiresAt,
    kind: 'earn' as const,
    member: member.id,
    organisation: member.organisation,
    promotion: relationId(promotionDoc),
    rule: rule.id,
    source: { collection: request.object.collection, id: request.object.id, title: object.title },
  }
  const drafts: EntryDraft[] = [
    {
      ...common,
      account: 'member',
      amount: decision.memberPoints,
      idempotencyKey: request.idempotencyKey,
      qualifyingAmount: decision.memberPoints,
      reason: decision.capped ? `${reason} (cap reached)` : reason,
    },
  ]
  // A member of an inactive organisation still earns for themselves; the organisation gets
  // nothing until they are moved to an active one.
  const organisationPoints =
    decision.organisationPoints > 0 &&
    member.organisation !== null &&
    (await organisationIsActive(payload, options, member.organisation))
      ? decision.organisationPoints
      : 0
  if (organisationPoints > 0 && member.organisation !== null) {
    drafts.push({
      ...common,
      account: 'organisation',
      amount: organisationPoints,
      idempotencyKey: orgKey,
      qualifyingAmount: organisationPoints,
      reason: `${reason} (by a member)`,
    })
  }
  const written = await writeLedger(payload, options, drafts)
  // The balance update returns the new balances; only adapters that cannot return them (and
  // repeated keys, which wrote nothing) read the member again.
  const returned = written.balances?.get(`member:${member.id}`)
  const after = returned
    ? { ...member, ...returned }
    : await loadMember(payload, options, member.id)
  const newBalances = after
    ? { lifetime: after.lifetime, qualifying: after.qualifying, spendable: after.spendable }
    : balances
  const result = resultFromEntries(written.entries, newBalances, !written.created)
  if (written.created && after && decision.memberPoints > 0) {
    result.tierUpgrade = await applyTierUpgrade(payload, options, after, tiers, now)
  }
  if (written.created && member.organisation !== null && organisationPoints > 0) {
    // The organisation's requirements (certified members) are read only when its points alone
    // would reach a higher tier: the returned balances and tier answer that without a read.
    const organisation = written.balances?.get(`organisation:${member.organisation}`)
    const couldRise =
      !organisation ||
      organisation.tierId === undefined ||
      evaluateTier({
        currentTierId: organisation.tierId,
        graceDays: options.downgradeGraceDays,
        now,
        qualifying: organisation.qualifying,
        tierSince: organisation.tierSince ?? null,
        tiers,
      }).change === 'upgrade'
    if (couldRise) {
      await applyOrganisationTierUpgrade(payload, options, member.organisation, tiers, now)
    }
  }
  return result
}
