import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { MoveCompany } from '../engine/moves'
import type { TierDecision } from '../engine/types'
import type { ResolvedLoyaltyOptions } from '../types'

import { decideMove, organisationTierAtMove } from '../engine/moves'
import { loyaltySlugs } from '../types'
import { HttpError } from '../utilities/http'
import { relationId } from '../utilities/ids'
import { loadTiers } from './context'
import {
  beginTransaction,
  DuplicateIdempotencyKey,
  writeEntriesInTransaction,
} from './ledgerWriter'
import { organisationRequirementsMet } from './organisationTiers'
import { recordTierChange } from './tierChanges'

type ID = number | string

type Organisation = MoveCompany & {
  qualifying: number
  tierId: ID | null
  tierSince: Date | null
}

export type MoveRequest = {
  actorId: ID
  memberId: ID
  now?: Date
  reason: string
  toId: ID
}

export type OrganisationTierOutcome = {
  change: TierDecision['change']
  organisation: ID
  reason: string
  tierId: ID | null
}

export type MoveResult = {
  move: { actor: ID; createdAt: string; from: ID | null; id: ID; member: ID; to: ID }
  /** The tier changes recorded for the two organisations (none when the move changed nothing). */
  organisationTiers: OrganisationTierOutcome[]
  statementLine: { id: ID; reason: string }
}

const titleOf = (
  payload: Payload,
  collection: CollectionSlug,
  doc: Record<string, unknown>,
): string => {
  const field = payload.collections[collection]?.config.admin?.useAsTitle ?? 'id'
  return String(doc[field] ?? `#${String(doc.id)}`)
}

const loadOrganisation = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  id: ID | null,
): Promise<null | Organisation> => {
  if (id === null) return null
  const doc = (await payload.findByID({
    collection: options.organisations,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as null | Record<string, unknown>
  if (!doc) return null
  const loyalty = (doc.loyalty ?? {}) as {
    qualifying?: null | number
    tier?: unknown
    tierSince?: null | string
  }
  return {
    active: options.isOrganisationActive(doc),
    id: doc.id as ID,
    name: titleOf(payload, options.organisations, doc),
    qualifying: loyalty.qualifying ?? 0,
    tierId: relationId(loyalty.tier),
    tierSince: loyalty.tierSince ? new Date(loyalty.tierSince) : null,
  }
}

/**
 * Moves a member to another organisation. Their points, tier, certificates and history stay
 * with them; the ledger entries of the old organisation stay where they are (nothing is moved or
 * reversed), and from now on the organisation share of their awards goes to the new one (the
 * award reads the member's organisation). In one transaction:
 * - the move record (from, to, by whom, why);
 * - a line on the member's statement (a `move` entry of 0 points, keyed `move:<member>:<n>`, so
 *   two concurrent moves of the same member cannot both be written: the second is a 409);
 * - the member's new organisation;
 * - both organisations' tiers re-evaluated with their certified people counted after the move
 *   (`organisationTierAtMove`: upgrades at once, downgrades only after the period and grace),
 *   each change recorded in the tier changes.
 * Refusals (unknown member or company, the same company, an inactive company) write nothing.
 */
export const moveMember = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  request: MoveRequest,
): Promise<MoveResult> => {
  const now = request.now ?? new Date()
  const member = (await payload.findByID({
    collection: options.members,
    depth: 0,
    disableErrors: true,
    id: request.memberId,
    overrideAccess: true,
  })) as null | Record<string, unknown>
  if (!member) throw new HttpError(404, 'There is no such member.')
  const memberName = titleOf(payload, options.members, member)
  const [from, to] = await Promise.all([
    loadOrganisation(payload, options, relationId(member[options.organisationField])),
    loadOrganisation(payload, options, request.toId),
  ])
  const decided = decideMove(from, to)
  if (!decided.ok) throw new HttpError(decided.refusal.status, decided.refusal.message)
  const target = to as Organisation
  const companies = from ? [from, target] : [target]
  const [tiers, metBefore] = await Promise.all([
    loadTiers(payload, options),
    Promise.all(
      companies.map((company) => organisationRequirementsMet(payload, options, company.id)),
    ),
  ])

  const { req, transactionID } = await beginTransaction(payload)
  try {
    // Another move of this member may have committed since the read above.
    const current = (await payload.findByID({
      collection: options.members,
      depth: 0,
      disableErrors: true,
      id: member.id as ID,
      overrideAccess: true,
      req,
      select: { [options.organisationField]: true },
    })) as null | Record<string, unknown>
    if (String(relationId(current?.[options.organisationField])) !== String(from?.id ?? null)) {
      throw new DuplicateIdempotencyKey()
    }
    const previousMoves = (
      await payload.count({
        collection: loyaltySlugs.moves,
        overrideAccess: true,
        req,
        where: { member: { equals: member.id } },
      })
    ).totalDocs
    const move = (await payload.db.create({
      collection: loyaltySlugs.moves,
      data: {
        actor: request.actorId,
        createdAt: now.toISOString(),
        from: from?.id ?? null,
        member: member.id,
        reason: request.reason,
        to: target.id,
        updatedAt: now.toISOString(),
      },
      req,
    })) as unknown as { id: ID }
    const [line] = await writeEntriesInTransaction(
      payload,
      options,
      [
        {
          account: 'member',
          actor: { relationTo: options.staff, value: request.actorId },
          amount: 0,
          idempotencyKey: `move:${member.id}:${previousMoves + 1}`,
          kind: 'move',
          member: member.id as ID,
          organisation: target.id,
          qualifyingAmount: 0,
          reason: decided.statementReason,
          source: { collection: loyaltySlugs.moves, id: move.id, title: target.name },
        },
      ],
      transactionID,
      req,
    )
    await payload.db.updateOne({
      collection: options.members,
      data: { [options.organisationField]: target.id },
      id: member.id as ID,
      req,
      returning: false,
    })
    const organisationTiers: OrganisationTierOutcome[] = []
    for (const [index, company] of companies.entries()) {
      const outcome = await reviewOrganisationTier(payload, options, req, {
        company,
        metBefore: metBefore[index],
        note: `Re-evaluated when ${memberName} moved ${from ? `from ${from.name} ` : ''}to ${target.name}.`,
        now,
        tiers,
      })
      if (outcome) organisationTiers.push(outcome)
    }
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
    return {
      move: {
        actor: request.actorId,
        createdAt: now.toISOString(),
        from: from?.id ?? null,
        id: move.id,
        member: member.id as ID,
        to: target.id,
      },
      organisationTiers,
      statementLine: { id: line.id, reason: line.reason },
    }
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    if (error instanceof DuplicateIdempotencyKey) {
      throw new HttpError(409, 'This member was moved by someone else just now. Reload and check.')
    }
    throw error
  }
}

/** One organisation's tier at a move, applied and recorded inside the move's transaction. */
const reviewOrganisationTier = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  req: PayloadRequest,
  input: {
    company: Organisation
    metBefore: Record<string, boolean>
    note: string
    now: Date
    tiers: Awaited<ReturnType<typeof loadTiers>>
  },
): Promise<null | OrganisationTierOutcome> => {
  const { company, now } = input
  const result = organisationTierAtMove({
    currentTierId: company.tierId,
    graceDays: options.downgradeGraceDays,
    now,
    organisationRequirementMet: await organisationRequirementsMet(
      payload,
      options,
      company.id,
      req,
    ),
    qualifying: company.qualifying,
    requirementMetBefore: input.metBefore,
    tierSince: company.tierSince,
    tiers: input.tiers,
  })
  if (!result.record) return null
  const { decision } = result
  if (result.apply) {
    await payload.db.updateOne({
      collection: options.organisations,
      data: {
        loyalty: {
          tier: decision.tierId,
          tierSince: (decision.tierSince ?? now).toISOString(),
        },
      },
      id: company.id,
      req,
      returning: false,
    })
  }
  const reason = `${decision.reason} ${input.note}`
  // In the move's transaction: the record and its `tier.changed` event commit with the move.
  await recordTierChange(
    payload,
    {
      account: 'organisation',
      change: decision.change,
      fromTier: company.tierId,
      holder: company.id,
      reason,
      toTier: decision.tierId,
    },
    input.tiers,
    now,
    req,
  )
  return { change: decision.change, organisation: company.id, reason, tierId: decision.tierId }
}
