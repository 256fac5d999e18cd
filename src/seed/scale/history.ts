/**
 * One member's two years in the programme, generated without a database: what they did (lessons,
 * quizzes, courses, case studies, events) and what the loyalty engine makes of it — the same
 * pure functions the plugin uses (computeAward with caps and tier multipliers, evaluateTier for
 * upgrades, reviews and downgrades, pointsToExpire for expiry). rows.ts turns it into table rows
 * once the member has an id.
 */
import type { Faker } from '@faker-js/faker'

import type { AwardStep, CapPeriod, LedgerEntry, Tier } from '../../../plugins/loyalty/engine/types'
import type { ScaleProgramme, ScaleVerb } from './programme'

import { capPeriodStart, computeAward } from '../../../plugins/loyalty/engine/award'
import { addDaysUTC, addMonthsUTC } from '../../../plugins/loyalty/engine/calendar'
import { lotPoints, pointsToExpire } from '../../../plugins/loyalty/engine/expiry'
import { evaluateTier } from '../../../plugins/loyalty/engine/tiers'

const HOUR = 3_600_000
const DAY = 24 * HOUR

type Source = { collection: string; id: number | string; title: string }

/** Something the member did, in time order once sorted. */
export type Action =
  | { at: Date; kind: 'award'; lessonId?: string; source: Source; startedAt: Date; verb: ScaleVerb }
  | { at: Date; attempts: number; kind: 'quiz'; scorePercent: number; source: Source }

/** A ledger entry before it has a member id: the key is completed by rows.ts. */
export type SimEntry = {
  amount: number
  at: Date
  breakdown: { capped: boolean; steps: AwardStep[] } | null
  expiresAt: Date | null
  kind: 'earn' | 'expire'
  /** The key without the member: `${verb}:{member}:…`, see rows.ts. */
  keyParts: string[]
  organisationAmount: number
  reason: string
  ruleId: null | number | string
  source: null | Source
  verb: 'expire' | ScaleVerb
}

export type SimTierChange = {
  at: Date
  change: 'downgrade' | 'none' | 'upgrade'
  from: null | number | string
  reason: string
  to: null | number | string
}

export type MemberHistory = {
  actions: Action[]
  balances: {
    dueLots: number
    lifetime: number
    lots: number
    qualifying: number
    spendable: number
  }
  entries: SimEntry[]
  tier: { id: number | string; since: Date } | null
  tierChanges: SimTierChange[]
}

export type MemberPlan = {
  jobRole: string
  joinedAt: Date
  /** Ledger rows (member and organisation entries) to aim for; 0 for a member who never earns. */
  targetRows: number
}

const rowsPerAward = (programme: ScaleProgramme, verb: ScaleVerb) =>
  1 + ((programme.rules[verb]?.rule.organisationSharePercent ?? 0) > 0 ? 1 : 0)

const between = (faker: Faker, from: number, to: number) =>
  new Date(faker.number.int({ max: Math.max(from, to), min: from }))

/**
 * What the member does, in random order of opportunity until the target number of ledger rows is
 * reached or there is nothing left to do: courses lesson by lesson (quiz and completion when all
 * lessons are done), case studies, events (registration before the start; attendance for most
 * past events).
 */
export const planActions = (
  faker: Faker,
  programme: ScaleProgramme,
  plan: MemberPlan,
): Action[] => {
  const actions: Action[] = []
  if (plan.targetRows <= 0) return actions
  const start = plan.joinedAt.getTime()
  const end = programme.now.getTime() - HOUR
  let rows = 0
  const courses = faker.helpers.shuffle([...programme.courses])
  const caseStudies = faker.helpers.shuffle([...programme.caseStudies])
  const events = faker.helpers
    .shuffle([...programme.events])
    .filter((event) => event.startsAt.getTime() > start + DAY)
  const kinds = ['course', 'course', 'case-study', 'event', 'event'] as const
  let idle = 0
  while (rows < plan.targetRows && idle < 20) {
    const kind = faker.helpers.arrayElement(kinds)
    if (kind === 'course' && courses.length > 0) {
      idle = 0
      const course = courses.pop()!
      const source = { collection: 'courses', id: course.id, title: course.title }
      const full = faker.datatype.boolean(0.55)
      const count = full
        ? course.lessons.length
        : faker.number.int({ max: Math.max(1, course.lessons.length - 1), min: 1 })
      let at = between(faker, start, end).getTime()
      let done = 0
      for (const lesson of course.lessons.slice(0, count)) {
        if (at >= end) break
        const startedAt = new Date(at - faker.number.int({ max: 40, min: 5 }) * 60_000)
        actions.push({
          at: new Date(at),
          kind: 'award',
          lessonId: lesson.id,
          source,
          startedAt,
          verb: 'lesson.completed',
        })
        rows += rowsPerAward(programme, 'lesson.completed')
        done++
        at += faker.number.int({ max: 4 * DAY, min: HOUR })
      }
      if (done === course.lessons.length && at < end) {
        if (course.quiz) {
          const attempts = faker.helpers.weightedArrayElement([
            { value: 1, weight: 7 },
            { value: 2, weight: 2 },
            { value: 3, weight: 1 },
          ])
          actions.push({
            at: new Date(at),
            attempts,
            kind: 'quiz',
            scorePercent: faker.helpers.arrayElement([70, 75, 80, 85, 90, 95, 100]),
            source,
          })
        }
        actions.push({
          at: new Date(at + 60_000),
          kind: 'award',
          source,
          startedAt: new Date(at),
          verb: 'course.completed',
        })
        rows += rowsPerAward(programme, 'course.completed')
      }
    } else if (kind === 'case-study' && caseStudies.length > 0) {
      idle = 0
      const caseStudy = caseStudies.pop()!
      const at = between(faker, start, end)
      actions.push({
        at,
        kind: 'award',
        source: { collection: 'case-studies', id: caseStudy.id, title: caseStudy.title },
        startedAt: new Date(at.getTime() - faker.number.int({ max: 15, min: 2 }) * 60_000),
        verb: 'case-study.read',
      })
      rows += rowsPerAward(programme, 'case-study.read')
    } else if (kind === 'event' && events.length > 0) {
      idle = 0
      const event = events.pop()!
      const source = { collection: 'events', id: event.id, title: event.title }
      const registeredAt = Math.max(
        start,
        event.startsAt.getTime() - faker.number.int({ max: 21 * DAY, min: HOUR }),
      )
      if (registeredAt >= end) continue
      actions.push({
        at: new Date(registeredAt),
        kind: 'award',
        source,
        startedAt: new Date(registeredAt),
        verb: 'event.registered',
      })
      rows += rowsPerAward(programme, 'event.registered')
      const attendedAt = event.startsAt.getTime() + faker.number.int({ max: 20, min: 0 }) * 60_000
      if (attendedAt < end && faker.datatype.boolean(0.7)) {
        actions.push({
          at: new Date(attendedAt),
          kind: 'award',
          source,
          startedAt: new Date(attendedAt),
          verb: 'event.attended',
        })
        rows += rowsPerAward(programme, 'event.attended')
      }
    } else {
      idle++
    }
  }
  return actions.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** Qualifying points earned at or after `since` and up to `at`. */
const qualifyingBetween = (entries: SimEntry[], since: Date, at: Date) => {
  let sum = 0
  for (const entry of entries) {
    const time = entry.at.getTime()
    if (entry.kind === 'earn' && time >= since.getTime() && time <= at.getTime())
      sum += entry.amount
  }
  return sum
}

/**
 * Books the actions through the engine, in time order, as the plugin would have:
 * - each award: the rule's points for the job role, the tier multiplier at that moment, the
 *   rule's caps (points already given in the cap period), the organisation share;
 * - after an award, an upgrade when the cached qualifying points reach a higher tier;
 * - the tier review at the end of each qualifying period plus grace (the qualifying points are
 *   recomputed over the window; the tier is confirmed or downgraded) and once more at `now`;
 * - expiry at `now` of whatever fell due, first in, first out.
 */
export const simulateHistory = (
  programme: ScaleProgramme,
  plan: MemberPlan,
  actions: Action[],
): MemberHistory => {
  const { now, tiers } = programme
  const entries: SimEntry[] = []
  const tierChanges: SimTierChange[] = []
  let tierId: null | number | string = null
  let tierSince: Date | null = null
  let cachedQualifying = 0
  const tierOf = (id: null | number | string): null | Tier =>
    tiers.find((tier) => String(tier.id) === String(id)) ?? null

  const review = (at: Date) => {
    const tier = tierOf(tierId)
    if (!tier) return
    cachedQualifying = qualifyingBetween(entries, addMonthsUTC(at, -tier.qualifyingMonths), at)
    const decision = evaluateTier({
      currentTierId: tierId,
      graceDays: programme.graceDays,
      now: at,
      qualifying: cachedQualifying,
      tierSince,
      tiers,
    })
    const since = decision.tierSince?.getTime() ?? null
    if (decision.change === 'none' && since === (tierSince?.getTime() ?? null)) return
    tierChanges.push({
      at,
      change: decision.change,
      from: tierId,
      reason: decision.reason,
      to: decision.tierId,
    })
    tierId = decision.tierId
    tierSince = decision.tierSince
  }
  /** Runs every review whose date (end of period + grace) has come by `until`. */
  const reviewsUntil = (until: Date) => {
    for (;;) {
      const tier = tierOf(tierId)
      if (!tier || !tierSince) return
      const due = addDaysUTC(addMonthsUTC(tierSince, tier.qualifyingMonths), programme.graceDays)
      if (due.getTime() > until.getTime()) return
      review(due)
    }
  }

  for (const action of actions) {
    if (action.kind !== 'award') continue
    reviewsUntil(action.at)
    const rule = programme.rules[action.verb]
    if (!rule) continue
    const periods: CapPeriod[] = ['day', 'week', 'month', 'total']
    const alreadyAwarded = Object.fromEntries(
      periods.map((period) => {
        const start = capPeriodStart(period, action.at)?.getTime() ?? -Infinity
        let sum = 0
        for (const entry of entries) {
          if (entry.ruleId === rule.id && entry.at.getTime() >= start) sum += entry.amount
        }
        return [period, sum]
      }),
    ) as Record<CapPeriod, number>
    const tier = tierOf(tierId)
    const decision = computeAward(
      {
        alreadyAwarded:
          rule.rule.caps.length > 0 ? alreadyAwarded : { day: 0, month: 0, total: 0, week: 0 },
        jobRole: plan.jobRole,
        promotions: [],
        rule: rule.rule,
        tierMultiplier: tier?.multiplier ?? 1,
      },
      { tierName: tier?.name },
    )
    const reason = `${rule.name}: ${action.source.title}`
    const keyParts =
      action.verb === 'lesson.completed'
        ? [String(action.source.collection), String(action.source.id), String(action.lessonId)]
        : action.verb === 'case-study.read' || action.verb === 'course.completed'
          ? [String(action.source.collection), String(action.source.id)]
          : [String(action.source.id)]
    entries.push({
      amount: decision.memberPoints,
      at: action.at,
      breakdown: { capped: decision.capped, steps: decision.steps },
      expiresAt:
        programme.pointsExpireAfterMonths > 0
          ? addMonthsUTC(action.at, programme.pointsExpireAfterMonths)
          : null,
      kind: 'earn',
      keyParts,
      organisationAmount: decision.organisationPoints,
      reason: decision.capped ? `${reason} (cap reached)` : reason,
      ruleId: rule.id,
      source: action.source,
      verb: action.verb,
    })
    cachedQualifying += decision.memberPoints
    if (decision.memberPoints > 0 || tierId === null) {
      const upgrade = evaluateTier({
        currentTierId: tierId,
        graceDays: programme.graceDays,
        now: action.at,
        qualifying: cachedQualifying,
        tierSince,
        tiers,
      })
      if (upgrade.change === 'upgrade') {
        tierChanges.push({
          at: action.at,
          change: 'upgrade',
          from: tierId,
          reason: upgrade.reason,
          to: upgrade.tierId,
        })
        tierId = upgrade.tierId
        tierSince = upgrade.tierSince
      }
    }
  }
  reviewsUntil(now)
  if (tierOf(tierId)) review(now)

  const ledger: LedgerEntry[] = entries.map((entry) => ({
    amount: entry.amount,
    createdAt: entry.at,
    expiresAt: entry.expiresAt,
    kind: entry.kind,
    qualifyingAmount: entry.amount,
  }))
  const expiring = pointsToExpire(ledger, now)
  if (expiring > 0) {
    entries.push({
      amount: -expiring,
      at: now,
      breakdown: null,
      expiresAt: null,
      kind: 'expire',
      keyParts: [now.toISOString().slice(0, 10)],
      organisationAmount: 0,
      reason: `${expiring} points expired (earned more than ${programme.pointsExpireAfterMonths} months ago)`,
      ruleId: null,
      source: null,
      verb: 'expire',
    })
  }

  let spendable = 0
  let lifetime = 0
  let lots = 0
  let dueLots = 0
  for (const entry of entries) {
    spendable += entry.amount
    if (entry.kind === 'earn') lifetime += entry.amount
    const lot = lotPoints(entry)
    lots += lot
    if (lot > 0 && entry.expiresAt && entry.expiresAt.getTime() <= now.getTime()) dueLots += lot
  }
  return {
    actions,
    balances: {
      dueLots,
      lifetime,
      lots,
      qualifying: tierOf(tierId) ? cachedQualifying : lifetime,
      spendable,
    },
    entries,
    tier: tierId !== null && tierSince ? { id: tierId, since: tierSince } : null,
    tierChanges,
  }
}
