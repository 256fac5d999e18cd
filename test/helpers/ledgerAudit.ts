import type { Payload } from 'payload'

import type { LoyaltyLedger } from '../../src/payload-types'

import { lotPoints } from '../../plugins/loyalty/engine/expiry'

type ID = number | string

const idOf = (value: unknown): ID | null => {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return ((value as { id?: ID }).id ?? null) as ID | null
  return value as ID
}

/** Every ledger entry, oldest first, with relationships as ids. */
export const ledgerEntries = async (payload: Payload): Promise<LoyaltyLedger[]> =>
  (
    await payload.find({
      collection: 'loyalty-ledger',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'id',
    })
  ).docs

/** What is wrong with one entry on its own (missing fields), as sentences. */
const entryProblems = (entry: LoyaltyLedger, memberPartner: Map<string, ID | null>): string[] => {
  const problems: string[] = []
  const name = `entry ${entry.id} (${entry.idempotencyKey})`
  const missing = (field: string) => problems.push(`${name} has no ${field}`)
  if (!entry.account) missing('account')
  if (!entry.kind) missing('kind')
  if (!Number.isFinite(entry.amount) || entry.amount === 0) missing('amount')
  if (!Number.isFinite(entry.qualifyingAmount)) missing('qualifying amount')
  if (!entry.reason) missing('reason')
  if (!entry.idempotencyKey) missing('idempotency key')
  if (!entry.createdAt) missing('creation time')
  const member = idOf(entry.member)
  const organisation = idOf(entry.organisation)
  if (entry.account === 'member') {
    if (member === null) missing('member')
    else if (memberPartner.get(String(member)) && organisation === null) missing('organisation')
  }
  if (entry.account === 'organisation' && organisation === null) missing('organisation')
  if (entry.kind === 'earn') {
    if (idOf(entry.rule) === null) missing('rule')
    if (!entry.sourceCollection || !entry.sourceId) missing('source')
    if (!entry.breakdown) missing('breakdown')
  }
  if ((entry.kind === 'earn' || entry.kind === 'redeem') && !entry.actor) missing('actor')
  if ((entry.kind === 'redeem' || entry.kind === 'expire') && entry.amount >= 0) {
    problems.push(`${name} is a ${entry.kind} entry with a positive amount`)
  }
  return problems
}

type Sums = { lifetime: number; lots: number; qualifying: number; spendable: number }

const sumUp = (entries: LoyaltyLedger[], account: 'member' | 'organisation') => {
  const sums = new Map<string, Sums>()
  for (const entry of entries) {
    if (entry.account !== account) continue
    const id = String(idOf(account === 'member' ? entry.member : entry.organisation))
    const sum = sums.get(id) ?? { lifetime: 0, lots: 0, qualifying: 0, spendable: 0 }
    sum.spendable += entry.amount
    sum.qualifying += entry.qualifyingAmount
    sum.lifetime += entry.qualifyingAmount
    sum.lots += lotPoints(entry)
    sums.set(id, sum)
  }
  return sums
}

/**
 * Checks the ledger against the plugin's invariants and returns what is wrong (an empty list
 * when all holds):
 * - every entry is whole: account, kind, amount, reason, key, member and organisation, and for
 *   earn entries the rule, source and breakdown;
 * - every member award under a rule that credits the organisation has its organisation entry
 *   (key + `:organisation`), and every organisation entry its member entry;
 * - the cached balances of every member and company (spendable, qualifying, lifetime, lots)
 *   equal the sums over their ledger.
 */
export const auditLedger = async (payload: Payload): Promise<string[]> => {
  const entries = await ledgerEntries(payload)
  const [members, partners, rules] = await Promise.all([
    payload.find({ collection: 'members', depth: 0, limit: 0, pagination: false }),
    payload.find({ collection: 'partners', depth: 0, limit: 0, pagination: false }),
    payload.find({ collection: 'loyalty-earning-rules', depth: 0, limit: 0, pagination: false }),
  ])
  const memberPartner = new Map(members.docs.map((doc) => [String(doc.id), idOf(doc.partner)]))
  const problems = entries.flatMap((entry) => entryProblems(entry, memberPartner))

  const keys = new Map(entries.map((entry) => [entry.idempotencyKey, entry]))
  const sharing = new Set(
    rules.docs
      .filter((rule) => rule.creditsOrganisation && (rule.organisationSharePercent ?? 100) > 0)
      .map((rule) => String(rule.id)),
  )
  for (const entry of entries) {
    if (entry.kind !== 'earn') continue
    if (entry.account === 'member' && sharing.has(String(idOf(entry.rule)))) {
      const paired = keys.get(`${entry.idempotencyKey}:organisation`)
      if (!paired) problems.push(`award ${entry.idempotencyKey} has no organisation entry`)
      else if (String(idOf(paired.organisation)) !== String(idOf(entry.organisation))) {
        problems.push(`award ${entry.idempotencyKey} credited another organisation`)
      }
    }
    if (entry.account === 'organisation' && entry.idempotencyKey.endsWith(':organisation')) {
      if (!keys.has(entry.idempotencyKey.slice(0, -':organisation'.length))) {
        problems.push(`organisation entry ${entry.idempotencyKey} has no member entry`)
      }
    }
  }

  const compare = (
    kind: string,
    docs: { id: ID; loyalty?: Partial<Record<keyof Sums, null | number>> | null }[],
    sums: Map<string, Sums>,
  ) => {
    for (const doc of docs) {
      const sum = sums.get(String(doc.id)) ?? { lifetime: 0, lots: 0, qualifying: 0, spendable: 0 }
      for (const field of ['spendable', 'qualifying', 'lifetime', 'lots'] as const) {
        const cached = doc.loyalty?.[field] ?? 0
        if (cached !== sum[field]) {
          problems.push(`${kind} ${doc.id}: cached ${field} ${cached}, ledger sum ${sum[field]}`)
        }
      }
    }
  }
  compare('member', members.docs, sumUp(entries, 'member'))
  compare('company', partners.docs, sumUp(entries, 'organisation'))
  return problems
}
