/**
 * `npm run seed:scale`: fills the database with a large programme through bulk inserts, keeping
 * the loyalty plugin's invariants — every cached balance (spendable, qualifying, lifetime, lots,
 * due lots) equals its ledger sums, every tier is what the tier rules give, every ledger entry has
 * its actor and a unique idempotency key in the plugin's own format.
 *
 * Members are written in chunks, each in one transaction with all its rows (ledger, actors,
 * progress, registrations, activities, tier changes), generated from a seed and the chunk's first
 * member number; so an interrupted run resumes at the first missing member and makes the same
 * data it would have made. The organisations' balances, expiry and tiers are settled at the end
 * from the ledger, which is safe to repeat.
 */
import type { Payload } from 'payload'

import { Faker, de, en, fr, nl, pl } from '@faker-js/faker'
import { sql } from 'drizzle-orm'

import type { MemberPlan } from './history'
import type { ScaleProgramme } from './programme'

import { expiringFromTotals } from '../../../plugins/loyalty/engine/expiry'
import { evaluateTier } from '../../../plugins/loyalty/engine/tiers'
import { loyaltyOptionsOf } from '../../../plugins/loyalty/local'
import { organisationRequirementsMet } from '../../../plugins/loyalty/services/organisationTiers'
import {
  type Row,
  type SqlDatabase,
  type Table,
  sqlAccess,
} from '../../../plugins/loyalty/services/sqlDatabase'
import { addMonthsUTC } from '../../../plugins/loyalty/engine/calendar'
import { ensureScaleContent, loadProgramme } from './content'
import { planActions, simulateHistory } from './history'
import { jobRoles, locales, partnerTypes, regions, scaleDomain } from './programme'
import { inTransaction } from './bulkWriter'
import { lastSignInAt, memberRows } from './rows'

export type ScaleOptions = {
  /** Members per transaction. */
  chunkSize: number
  /** Ledger rows (member and organisation entries) to aim for in total. */
  ledger: number
  members: number
  /** Partner companies; by default one per 50 members. */
  partners: number
  /** Makes the same data for the same seed. */
  seed: number
}

export type ScaleProgress = {
  done: number
  ledgerRows: number
  phase: 'content' | 'members' | 'organisations' | 'partners'
  total: number
}

export type ScaleResult = {
  contentCreated: number
  /** Seconds per phase: content, generating histories, writing them, settling organisations. */
  phases: { content: number; generate: number; organisations: number; write: number }
  ledgerRows: number
  members: number
  membersCreated: number
  /** The moment the history ends: the seed's "now". */
  now: Date
  partners: number
  resumedAt: number
  seconds: number
}

type Transactional = SqlDatabase & {
  transaction: <T>(work: (tx: SqlDatabase) => Promise<T>) => Promise<T>
}

/** The share of members who never earn anything (in real programmes, most). */
const DORMANT_SHARE = 0.35
/** Partner company sizes: a few large distributors, many small installers. */
const partnerWeight = (faker: Faker) =>
  faker.helpers.weightedArrayElement([
    { value: 1, weight: 60 },
    { value: 3, weight: 25 },
    { value: 10, weight: 12 },
    { value: 40, weight: 3 },
  ])

const fakerFor = (seed: number, salt: number) => {
  const faker = new Faker({ locale: [de, en, fr, nl, pl] })
  faker.seed([seed, salt])
  return faker
}

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^a-zA-Z0-9]+/g, '')
    .toLowerCase()

export const seedScale = async (
  payload: Payload,
  options: ScaleOptions,
  hooks: {
    onProgress?: (progress: ScaleProgress) => void
    /** Asked before each chunk; true stops after the chunk in flight (Ctrl-C). */
    shouldStop?: () => boolean
  } = {},
): Promise<ScaleResult> => {
  const started = performance.now()
  const access = sqlAccess(payload)
  if (!access) {
    throw new Error('seed:scale writes with bulk SQL: use SQLite or PostgreSQL (not MongoDB).')
  }
  const db = (payload.db as unknown as { drizzle: Transactional }).drizzle
  const table = access.table
  const loyalty = loyaltyOptionsOf(payload)
  const now = new Date()
  const report = (progress: ScaleProgress) => hooks.onProgress?.(progress)

  const phases = { content: 0, generate: 0, organisations: 0, write: 0 }
  let mark = performance.now()
  const lap = (phase: keyof typeof phases) => {
    const at = performance.now()
    phases[phase] += (at - mark) / 1000
    mark = at
  }
  report({ done: 0, ledgerRows: 0, phase: 'content', total: 1 })
  const contentCreated = await ensureScaleContent(payload, now)
  const programme = await loadProgramme(payload, now)
  if (programme.courses.length === 0 || programme.tiers.length === 0) {
    throw new Error('seed:scale needs courses and tiers: the demo seed did not make them.')
  }
  const certificates = new Set(
    programme.courses
      .filter((course) => course.issuesCertificate)
      .map((course) => String(course.id)),
  )

  // A member of the demo programme lends their password hash: every scale member signs in with
  // the demo members' password (600,000 pbkdf2 rounds each would take hours).
  const members = table(loyalty.members)
  const partners = table(loyalty.organisations)
  const [template] = await db
    .select({ hash: members.hash, salt: members.salt })
    .from(members)
    .where(sql`${members.email} = ${'anna.becker@partners.example'}`)
  if (!template?.hash) throw new Error('seed:scale: the demo member anna.becker is missing.')

  // 1. Partners (one transaction; the missing ones only).
  const partnerIds = async () =>
    (
      await db
        .select({ id: partners.id })
        .from(partners)
        .where(sql`${partners.website} like ${`%.${scaleDomain}`}`)
        .orderBy(partners.id)
    ).map((row) => row.id as number)
  let partnerList = await partnerIds()
  if (partnerList.length < options.partners) {
    report({ done: partnerList.length, ledgerRows: 0, phase: 'partners', total: options.partners })
    const rows: Row[] = []
    // Partner names are unique: a repeated company name gets its city, then its number.
    const taken = new Set(
      (
        await db
          .select({ name: partners.name })
          .from(partners)
          .where(sql`1 = 1`)
      ).map((row) => String(row.name)),
    )
    for (let index = partnerList.length; index < options.partners; index++) {
      const faker = fakerFor(options.seed, -1 - index)
      const type = faker.helpers.weightedArrayElement([
        { value: partnerTypes[0], weight: 70 },
        { value: partnerTypes[1], weight: 15 },
        { value: partnerTypes[2], weight: 5 },
        { value: partnerTypes[3], weight: 10 },
      ])
      const created = faker.date.between({
        from: addMonthsUTC(now, -30),
        to: addMonthsUTC(now, -24),
      })
      const city = faker.location.city()
      let name = `${faker.company.name()}${type === 'installer' ? ' Haustechnik' : ''}`.slice(
        0,
        100,
      )
      if (taken.has(name)) name = `${name} ${city}`
      if (taken.has(name)) name = `${name} ${index + 1}`
      taken.add(name)
      rows.push({
        city,
        createdAt: created.toISOString(),
        name,
        region: faker.helpers.arrayElement(regions),
        status: 'active',
        type,
        updatedAt: created.toISOString(),
        website: `https://partner-${index + 1}.${scaleDomain}`,
      })
    }
    await inTransaction(payload, (writer) => writer.insert(partners, rows))
    partnerList = await partnerIds()
  }
  const weights = partnerList.map((_, index) => partnerWeight(fakerFor(options.seed, -1 - index)))
  const cumulative: number[] = []
  weights.reduce((sum, weight, index) => (cumulative[index] = sum + weight), 0)
  const partnerFor = (faker: Faker) => {
    const point = faker.number.float({ max: cumulative.at(-1)!, min: 0 })
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid] < point) low = mid + 1
      else high = mid
    }
    return partnerList[low]
  }

  // 2. Members in chunks, resuming after the last whole chunk.
  const countRows = async (from: Table, where: ReturnType<typeof sql>) =>
    Number(
      (
        await db
          .select({ n: sql`count(*)` })
          .from(from)
          .where(where)
      )[0]?.n ?? 0,
    )
  const existing = await countRows(members, sql`${members.email} like ${`%.${scaleDomain}`}`)
  const ledger = table('loyalty-ledger')
  const ledgerRels = table('loyalty-ledger', '_rels')
  let ledgerRows = await countRows(ledger, sql`1 = 1`)
  const partnerNumber = new Map(partnerList.map((id, index) => [id, index + 1]))
  let done = existing
  let created = 0
  const total = options.members
  report({ done, ledgerRows, phase: 'members', total })
  lap('content')
  while (done < total && !hooks.shouldStop?.()) {
    const first = done
    const size = Math.min(options.chunkSize, total - first)
    const faker = fakerFor(options.seed, first)
    const remainingRows = Math.max(0, options.ledger - ledgerRows)
    const meanRows = remainingRows / (total - first) / (1 - DORMANT_SHARE)
    const drafts = Array.from({ length: size }, (_, offset) => {
      const number = first + offset + 1
      const firstName = faker.person.firstName()
      const lastName = faker.person.lastName()
      const partner = partnerFor(faker)
      const manager = faker.datatype.boolean(0.03)
      const jobRole = manager ? 'management' : faker.helpers.arrayElement(jobRoles)
      const blocked = faker.datatype.boolean(0.01)
      const joinedAt = faker.date.between({
        from: addMonthsUTC(now, -24),
        to: new Date(now.getTime() - 86_400_000),
      })
      const plan: MemberPlan = {
        jobRole,
        joinedAt,
        targetRows:
          blocked || faker.datatype.boolean(DORMANT_SHARE)
            ? 0
            : Math.max(
                1,
                Math.round(-Math.log(1 - faker.number.float({ max: 0.999, min: 0 })) * meanRows),
              ),
      }
      const history = simulateHistory(programme, plan, planActions(faker, programme, plan))
      const member: Row = {
        createdAt: joinedAt.toISOString(),
        email: `${ascii(firstName)}.${ascii(lastName)}.${number}@partner${partnerNumber.get(partner)}.${scaleDomain}`,
        hash: template.hash,
        jobRole,
        locale: faker.helpers.arrayElement(locales),
        loginAttempts: 0,
        loyalty_dueLots: history.balances.dueLots,
        loyalty_dueThrough: now.toISOString(),
        loyalty_lastSignInAt: lastSignInAt(history),
        loyalty_lifetime: history.balances.lifetime,
        loyalty_lots: history.balances.lots,
        loyalty_qualifying: history.balances.qualifying,
        loyalty_spendable: history.balances.spendable,
        loyalty_tier: history.tier?.id ?? null,
        loyalty_tierSince: history.tier?.since.toISOString() ?? null,
        name: `${firstName} ${lastName}`,
        partner,
        partnerManager: manager,
        salt: template.salt,
        status: blocked ? 'blocked' : 'active',
        updatedAt: joinedAt.toISOString(),
      }
      return { history, member, partner }
    })
    lap('generate')
    const written = await inTransaction(payload, async (writer) => {
      const inserted = await writer.insert(
        members,
        drafts.map((draft) => draft.member),
        ['email', 'id'],
      )
      const idOf = new Map(inserted.map((row) => [String(row.email), row.id as number]))
      const all = {
        activities: [] as Row[],
        ledger: [] as Row[],
        progress: [] as Row[],
        registrations: [] as Row[],
        tierChanges: [] as Row[],
      }
      for (const draft of drafts) {
        const rows = memberRows(
          idOf.get(String(draft.member.email))!,
          draft.partner,
          draft.history,
          certificates,
        )
        for (const key of Object.keys(all) as (keyof typeof all)[]) all[key].push(...rows[key])
      }
      const entries = await writer.insert(ledger, all.ledger, ['id', 'member'])
      await writer.insert(
        ledgerRels,
        entries.map((entry) => ({ membersID: entry.member, parent: entry.id, path: 'actor' })),
      )
      await writer.insert(table('loyalty-progress'), all.progress)
      await writer.insert(table('loyalty-registrations'), all.registrations)
      await writer.insert(table('loyalty-activities'), all.activities)
      await writer.insert(table('loyalty-tier-changes'), all.tierChanges)
      return all.ledger.length
    })
    lap('write')
    ledgerRows += written
    done += size
    created += size
    report({ done, ledgerRows, phase: 'members', total })
  }
  if (done < total) {
    return {
      contentCreated,
      ledgerRows,
      members: done,
      membersCreated: created,
      now,
      partners: partnerList.length,
      phases,
      resumedAt: existing,
      seconds: (performance.now() - started) / 1000,
    }
  }

  // 3. Organisations: balances from the ledger, expiry, tiers (safe to repeat).
  mark = performance.now()
  ledgerRows += await settleOrganisations(payload, db, programme, partnerList, (doneCount) =>
    report({ done: doneCount, ledgerRows, phase: 'organisations', total: partnerList.length }),
  )
  // Fresh statistics for the planner after a bulk load.
  const raw = db as unknown as {
    execute?: (q: unknown) => Promise<unknown>
    run?: (q: unknown) => Promise<unknown>
  }
  await (payload.db.name === 'postgres' ? raw.execute?.(sql`analyze`) : raw.run?.(sql`analyze`))
  lap('organisations')
  return {
    contentCreated,
    ledgerRows,
    members: done,
    membersCreated: created,
    now,
    partners: partnerList.length,
    phases,
    resumedAt: existing,
    seconds: (performance.now() - started) / 1000,
  }
}

/**
 * Sets every scale partner's cached balances from its ledger entries, books the expiry of what
 * fell due, and gives it the tier the rules give (with the requirements on certified members).
 * Returns the number of ledger rows written (expiries).
 */
const settleOrganisations = async (
  payload: Payload,
  db: Transactional,
  programme: ScaleProgramme,
  partnerList: number[],
  onProgress: (done: number) => void,
): Promise<number> => {
  const access = sqlAccess(payload)!
  const loyalty = loyaltyOptionsOf(payload)
  const ledger = access.table('loyalty-ledger')
  const partners = access.table(loyalty.organisations)
  const { now } = programme
  const windowMonths = Math.max(...programme.tiers.map((tier) => tier.qualifyingMonths))
  const windowStart = addMonthsUTC(now, -windowMonths).toISOString()
  const nowText = now.toISOString()
  const sums = async () =>
    new Map(
      (
        await db
          .select({
            dueLots: sql`coalesce(sum(case when ${ledger.amount} > 0 and ${ledger.kind} in ('earn', 'adjust') and ${ledger.expiresAt} <= ${nowText} then ${ledger.amount} else 0 end), 0)`,
            id: ledger.organisation,
            lifetime: sql`coalesce(sum(${ledger.qualifyingAmount}), 0)`,
            lots: sql`coalesce(sum(case when ${ledger.amount} > 0 and ${ledger.kind} in ('earn', 'adjust') then ${ledger.amount} else 0 end), 0)`,
            qualifying: sql`coalesce(sum(case when ${ledger.createdAt} >= ${windowStart} then ${ledger.qualifyingAmount} else 0 end), 0)`,
            spendable: sql`coalesce(sum(${ledger.amount}), 0)`,
          })
          .from(ledger)
          .where(sql`${ledger.account} = 'organisation'`)
          .groupBy(ledger.organisation)
          .orderBy(ledger.organisation)
      ).map((row) => [Number(row.id), row]),
    )
  const before = await sums()
  const current = new Map(
    (
      await db
        .select({
          id: partners.id,
          tier: partners.loyalty_tier,
          tierSince: partners.loyalty_tierSince,
        })
        .from(partners)
        .where(sql`${partners.website} like ${`%.${scaleDomain}`}`)
    ).map((row) => [Number(row.id), row]),
  )
  const day = nowText.slice(0, 10)
  let written = 0
  let count = 0
  for (const id of partnerList) {
    const row = before.get(id)
    const spendable = Number(row?.spendable ?? 0)
    const lots = Number(row?.lots ?? 0)
    const dueLots = Number(row?.dueLots ?? 0)
    const due = expiringFromTotals({ dueBy: dueLots, lots, spendable })
    if (due > 0) {
      const inserted = await db
        .insert(ledger)
        .values({
          account: 'organisation',
          amount: -due,
          createdAt: nowText,
          idempotencyKey: `expire:organisation:${id}:${day}`,
          kind: 'expire',
          organisation: id,
          qualifyingAmount: 0,
          reason: `${due} points expired (earned more than ${programme.pointsExpireAfterMonths} months ago)`,
          updatedAt: nowText,
        })
        .onConflictDoNothing({ target: ledger.idempotencyKey })
        .returning({ id: ledger.id })
      written += inserted.length
    }
    const qualifying = Number(row?.qualifying ?? 0)
    const state = current.get(id)
    const decision = evaluateTier({
      currentTierId: (state?.tier as null | number) ?? null,
      graceDays: programme.graceDays,
      now,
      organisationRequirementMet: await organisationRequirementsMet(payload, loyalty, id),
      qualifying,
      tierSince: state?.tierSince ? new Date(String(state.tierSince)) : null,
      tiers: programme.tiers,
    })
    const tierSince = decision.tierSince?.toISOString() ?? null
    await db
      .update(partners)
      .set({
        loyalty_dueLots: dueLots,
        loyalty_dueThrough: nowText,
        loyalty_lifetime: Number(row?.lifetime ?? 0),
        loyalty_lots: lots,
        loyalty_qualifying: qualifying,
        loyalty_spendable: spendable - due,
        loyalty_tier: decision.tierId,
        loyalty_tierSince: tierSince,
      })
      .where(sql`${partners.id} = ${id}`)
    if (decision.change !== 'none') {
      await db.insert(access.table('loyalty-tier-changes')).values({
        account: 'organisation',
        change: decision.change,
        createdAt: nowText,
        fromTier: (state?.tier as null | number) ?? null,
        organisation: id,
        reason: decision.reason,
        toTier: decision.tierId,
        updatedAt: nowText,
      })
    }
    count++
    if (count % 100 === 0) onProgress(count)
  }
  onProgress(count)
  return written
}
