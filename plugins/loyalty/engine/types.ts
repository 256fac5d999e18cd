/**
 * Types of the loyalty engine: plain data in, plain data out. Nothing here knows Payload or a
 * database; the plugin's hooks and endpoints load the data, call the engine, and write what it
 * decides.
 */

/** Kinds of ledger entry. */
export type EntryKind = 'adjust' | 'earn' | 'expire' | 'move' | 'redeem' | 'refund' | 'reverse'

/**
 * What one ledger entry does to the balances. Every entry carries two signed integers:
 * - `amount`: change of the spendable balance
 * - `qualifyingAmount`: change of the qualifying and lifetime balances
 *
 * | kind    | amount                          | qualifyingAmount |
 * | ------- | ------------------------------- | ---------------- |
 * | earn    | +p                              | +p               |
 * | redeem  | −p                              | 0                |
 * | refund  | +p (returns redeemed points)    | 0                |
 * | expire  | −p                              | 0                |
 * | reverse | −min(p, spendable) of the earn  | −p               |
 * | adjust  | ±p (never below 0 spendable)    | ±p               |
 * | move    | 0 (the member changed company)  | 0                |
 */
export type LedgerEffect = {
  amount: number
  qualifyingAmount: number
}

/** A ledger entry as the engine sees it. Dates are ISO strings or Date objects. */
export type LedgerEntry = LedgerEffect & {
  /** When the entry was written. */
  createdAt: Date | string
  /** For positive earn/adjust entries: when these points expire (null: never). */
  expiresAt?: Date | null | string
  kind: EntryKind
}

/** Cached balances of a member or an organisation. */
export type Balances = {
  /** Sum of `qualifyingAmount` over all entries. */
  lifetime: number
  /** Sum of `qualifyingAmount` over entries inside the qualifying window. */
  qualifying: number
  /** Sum of `amount` over all entries; never below zero. */
  spendable: number
}

/** Period of an earning cap. */
export type CapPeriod = 'day' | 'month' | 'total' | 'week'

/** An earning rule, as edited by admins. */
export type EarningRule = {
  /** Caps: the most points this rule may give one member per period. */
  caps: { maxPoints: number; period: CapPeriod }[]
  /** Human name used in reasons, e.g. "Course completed". */
  name: string
  /** Percentage of the member's points also credited to their organisation (0–100); null: none. */
  organisationSharePercent: null | number
  /** Base points. */
  points: number
  /** Points by job role, replacing the base points for that role. */
  roleOverrides: { jobRole: string; points: number }[]
}

/** A promotion that matches the award being computed (the glue filters by target and dates). */
export type ActivePromotion = {
  multiplier: number
  name: string
}

/** Points this rule already gave this member in each cap period that contains `now`. */
export type AwardedInPeriods = Record<CapPeriod, number>

export type AwardInput = {
  /** Points already awarded by the same rule to the same member, per period. */
  alreadyAwarded: AwardedInPeriods
  /** Job role of the member. */
  jobRole: string
  /** Promotions whose target and window match this award. */
  promotions: ActivePromotion[]
  rule: EarningRule
  /** Earning multiplier of the member's current tier (1 when none). */
  tierMultiplier: number
}

/** One step of the award computation, shown to members and staff ("why did I get 132?"). */
export type AwardStep = { detail: string; points: number }

export type AwardDecision = {
  /** True when a cap reduced the award. */
  capped: boolean
  /** Points for the member (integer ≥ 0). */
  memberPoints: number
  /** Points credited to the organisation (integer ≥ 0). */
  organisationPoints: number
  /** The promotion applied, if any. */
  promotion: ActivePromotion | null
  steps: AwardStep[]
}

/** A club tier as the engine sees it. */
export type Tier = {
  id: number | string
  multiplier: number
  name: string
  /** Months over which qualifying points count. */
  qualifyingMonths: number
  rank: number
  threshold: number
}

export type TierChange = 'downgrade' | 'none' | 'upgrade'

export type TierInput = {
  /** Current tier id, or null when the member has none yet. */
  currentTierId: null | number | string
  /** Days after the end of the qualifying period before a downgrade takes effect. */
  graceDays: number
  now: Date
  /** Whether each tier's organisation requirement is met (organisations only); absent: met. */
  organisationRequirementMet?: Record<string, boolean>
  /** Qualifying points inside the current window. */
  qualifying: number
  /** When the current tier was reached or last confirmed (start of the qualifying period). */
  tierSince: Date | null
  tiers: Tier[]
}

export type TierDecision = {
  change: TierChange
  /** A sentence for the member: "Reached Gold with 1,540 qualifying points." */
  reason: string
  /** The tier after the decision (null when no tier applies). */
  tierId: null | number | string
  /** Start of the (new) qualifying period. */
  tierSince: Date | null
}

/** A reward, as far as redemption rules are concerned. */
export type RewardTerms = {
  activeFrom?: Date | null
  activeUntil?: Date | null
  cost: number
  /** Lowest tier rank allowed to redeem; null: anyone. */
  minimumTierRank: null | number
  /** How many times one member may redeem it; null: no limit. */
  perMemberLimit: null | number
  /** Units left; null: unlimited. */
  stock: null | number
}

export type RedemptionCheck =
  { code: 'forbidden' | 'conflict'; message: string; ok: false } | { ok: true }

/** A quiz question with its answer key (never sent to members before they pass). */
export type QuizQuestion = {
  id: string
  options: { correct: boolean; id: string; label: string }[]
}

export type QuizGrade = {
  correctCount: number
  passed: boolean
  /** Per question id: whether the chosen options were exactly the correct ones. */
  perQuestion: Record<string, boolean>
  scorePercent: number
}

/** Labels the award steps may use: the engine knows the tier's multiplier, not its name. */
export type AwardLabels = {
  /** Name of the member's tier, for the step "Gold tier ×1.25". */
  tierName?: string
}

/** Progress towards the next tier, for progress bars. */
export type TierProgress = {
  /** The next tier up, or null at the top. */
  nextTier: null | Tier
  /** Progress from the current tier's threshold to the next one, 0–100. */
  percent: number
  /** Qualifying points still missing for the next tier (0 at the top). */
  pointsNeeded: number
}

/** Points due to expire at one moment. */
export type ExpiryForecast = {
  date: Date
  points: number
}

/** What a redemption check needs to know about the member. */
export type RedemptionMember = {
  /** How many times the member has redeemed this reward (not counting refunded redemptions). */
  redeemedCount: number
  spendable: number
  /** Rank of the member's tier; null: no tier. */
  tierRank: null | number
}

/** Result of checking submitted quiz answers before grading them. */
export type QuizAnswersValidation =
  { answers: Record<string, string[]>; ok: true } | { message: string; ok: false }

/** Options of the minimum reading time of a case study. */
export type ReadingTimeOptions = {
  /** Longest minimum, in seconds (default 300). */
  max?: number
  /** Shortest minimum, in seconds (default 15). */
  min?: number
  /** Share of the full reading time required (default 0.5). */
  share?: number
  /** Reading speed (default 230 words per minute). */
  wordsPerMinute?: number
}

/** Something a member could do next to earn points. */
export type ActionCandidate = {
  id: string
  kind: string
  points: number
  title: string
}
