import type { TierDecision, TierInput } from './types'

import { evaluateTier } from './tiers'

type ID = number | string

/** A company as a move sees it. */
export type MoveCompany = { active: boolean; id: ID; name: string }

/** Why a move is refused: the HTTP status and a sentence for the admin. */
export type MoveRefusal = { message: string; status: 400 | 409 }

/**
 * Whether a member may move from `from` (their company now, null when they have none) to `to`
 * (null when no such company exists). A move goes to another, active company; a company that
 * is inactive takes nobody in, since its people would earn nothing for it.
 * Returns the refusal, or the sentence the member's statement shows for the move.
 */
export const decideMove = (
  from: MoveCompany | null,
  to: MoveCompany | null,
): { ok: false; refusal: MoveRefusal } | { ok: true; statementReason: string } => {
  if (to === null) {
    return { ok: false, refusal: { message: 'There is no such company.', status: 400 } }
  }
  if (from !== null && String(from.id) === String(to.id)) {
    return {
      ok: false,
      refusal: { message: `The member already belongs to ${to.name}.`, status: 409 },
    }
  }
  if (!to.active) {
    return {
      ok: false,
      refusal: {
        message: `${to.name} is inactive: members can only move to an active company.`,
        status: 409,
      },
    }
  }
  return {
    ok: true,
    statementReason: from ? `Moved from ${from.name} to ${to.name}` : `Joined ${to.name}`,
  }
}

/** An organisation's tier decision at a move, and whether it changes or is recorded. */
export type TierAtMove = {
  /** True for an upgrade or a downgrade: the organisation's tier is written. */
  apply: boolean
  decision: TierDecision
  /** True when the decision goes into the tier changes (applied, or a downgrade now waiting). */
  record: boolean
}

/**
 * Re-evaluates an organisation's tier when a member joins or leaves it, with the organisation
 * requirements (certified people) as they are after the move. The usual tier rules apply
 * (`evaluateTier`): an upgrade at once; a downgrade only once the qualifying period and the
 * grace are over. A company whose current tier's requirement was met before the move and no
 * longer is keeps its tier for now; that is recorded (change "none") with the date until which
 * it is kept, so staff see why the downgrade will come.
 */
export const organisationTierAtMove = (
  input: TierInput & { requirementMetBefore: Record<string, boolean> },
): TierAtMove => {
  const { requirementMetBefore, ...tierInput } = input
  const decision = evaluateTier(tierInput)
  const apply = decision.change !== 'none'
  const current = input.currentTierId === null ? null : String(input.currentTierId)
  const lostRequirement =
    current !== null &&
    requirementMetBefore[current] !== false &&
    input.organisationRequirementMet?.[current] === false
  return { apply, decision, record: apply || lostRequirement }
}
