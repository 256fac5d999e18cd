import type { CollectionSlug, Payload, Where } from 'payload'

import type { ExportQuery } from '../engine/exportQuery'
import type { ResolvedLoyaltyOptions } from '../types'

import { loyaltySlugs } from '../types'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
type Row = (null | number | string)[]

/** Rows per database page: the export never holds more than one page of documents. */
const PAGE = 1000

const idOf = (value: unknown): ID | null =>
  value && typeof value === 'object' ? ((value as { id: ID }).id ?? null) : ((value as ID) ?? null)

const period = (field: string, query: ExportQuery): Where[] => [
  ...(query.from ? [{ [field]: { greater_than_equal: query.from.toISOString() } }] : []),
  ...(query.to ? [{ [field]: { less_than: query.to.toISOString() } }] : []),
]

/** Names (or e-mails) of documents by id, one query per page. */
const lookup = async (
  payload: Payload,
  collection: CollectionSlug | false,
  ids: (ID | null)[],
  fields: string[],
): Promise<Map<string, Doc>> => {
  if (!collection) return new Map()
  const wanted = [...new Set(ids.filter((id): id is ID => id !== null).map(String))]
  if (wanted.length === 0) return new Map()
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: wanted.length,
    overrideAccess: true,
    pagination: false,
    select: Object.fromEntries(fields.map((field) => [field, true])),
    where: { id: { in: wanted } },
  })
  return new Map((docs as unknown as Doc[]).map((doc) => [String(doc.id), doc]))
}

type Exporter = {
  collection: CollectionSlug
  header: string[]
  rows: (docs: Doc[]) => Promise<Row[]>
  where: Where[]
}

/** What each export reads and how a page of documents becomes CSV rows. */
const exporters = (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  query: ExportQuery,
): Record<ExportQuery['kind'], Exporter> => {
  const people = async (docs: Doc[], field = 'member') => {
    const members = await lookup(
      payload,
      options.members,
      docs.map((doc) => idOf(doc[field])),
      ['email', 'name', options.organisationField],
    )
    const organisations = await lookup(
      payload,
      options.organisations,
      [...members.values()].map((member) => idOf(member[options.organisationField])),
      ['name'],
    )
    return { members, organisations }
  }
  return {
    attendance: {
      collection: loyaltySlugs.registrations,
      header: [
        'member',
        'email',
        'company',
        'event',
        'event title',
        'registered at',
        'attended at',
      ],
      rows: async (docs) => {
        const { members, organisations } = await people(docs)
        const events = await lookup(
          payload,
          options.events,
          docs.map((doc) => doc.eventId as ID),
          ['title'],
        )
        return docs.map((doc) => {
          const member = members.get(String(idOf(doc.member)))
          return [
            idOf(doc.member),
            (member?.email as string) ?? null,
            (organisations.get(String(idOf(member?.[options.organisationField])))
              ?.name as string) ?? null,
            String(doc.eventId),
            (events.get(String(doc.eventId))?.title as string) ?? null,
            (doc.registeredAt as string) ?? null,
            (doc.attendedAt as string) ?? null,
          ]
        })
      },
      where: [{ status: { equals: 'attended' } }, ...period('attendedAt', query)],
    },
    completions: {
      collection: loyaltySlugs.progress,
      header: [
        'member',
        'email',
        'company',
        'collection',
        'course',
        'course title',
        'completed at',
        'certificate',
      ],
      rows: async (docs) => {
        const { members, organisations } = await people(docs)
        const courses = await lookup(
          payload,
          options.courses,
          docs.map((doc) => doc.documentId as ID),
          ['title'],
        )
        return docs.map((doc) => {
          const member = members.get(String(idOf(doc.member)))
          return [
            idOf(doc.member),
            (member?.email as string) ?? null,
            (organisations.get(String(idOf(member?.[options.organisationField])))
              ?.name as string) ?? null,
            String(doc.collection),
            String(doc.documentId),
            (courses.get(String(doc.documentId))?.title as string) ?? null,
            (doc.completedAt as string) ?? null,
            (doc.certificateCode as string) ?? null,
          ]
        })
      },
      where: [
        { item: { equals: 'course' } },
        { collection: { equals: options.courses || 'courses' } },
        { completedAt: { exists: true } },
        ...period('completedAt', query),
      ],
    },
    ledger: {
      collection: loyaltySlugs.ledger,
      header: [
        'entry',
        'created at',
        'account',
        'kind',
        'amount',
        'qualifying amount',
        'member',
        'email',
        'company id',
        'company',
        'reason',
        'source collection',
        'source id',
        'rule',
        'key',
      ],
      rows: async (docs) => {
        const members = await lookup(
          payload,
          options.members,
          docs.map((doc) => idOf(doc.member)),
          ['email'],
        )
        const organisations = await lookup(
          payload,
          options.organisations,
          docs.map((doc) => idOf(doc.organisation)),
          ['name'],
        )
        return docs.map((doc) => [
          doc.id,
          String(doc.createdAt),
          String(doc.account),
          String(doc.kind),
          Number(doc.amount),
          Number(doc.qualifyingAmount),
          idOf(doc.member),
          (members.get(String(idOf(doc.member)))?.email as string) ?? null,
          idOf(doc.organisation),
          (organisations.get(String(idOf(doc.organisation)))?.name as string) ?? null,
          String(doc.reason),
          (doc.sourceCollection as string) ?? null,
          (doc.sourceId as string) ?? null,
          idOf(doc.rule),
          String(doc.idempotencyKey),
        ])
      },
      where: period('createdAt', query),
    },
    members: {
      collection: options.members,
      header: [
        'member',
        'name',
        'email',
        'company id',
        'company',
        'job role',
        'status',
        'tier',
        'spendable',
        'qualifying',
        'lifetime',
        'joined at',
      ],
      rows: async (docs) => {
        const organisations = await lookup(
          payload,
          options.organisations,
          docs.map((doc) => idOf(doc[options.organisationField])),
          ['name'],
        )
        const tiers = await lookup(
          payload,
          options.tiers,
          docs.map((doc) => idOf((doc.loyalty as Doc | undefined)?.tier)),
          ['name'],
        )
        return docs.map((doc) => {
          const loyalty = (doc.loyalty ?? {}) as Record<string, unknown>
          const company = idOf(doc[options.organisationField])
          return [
            doc.id,
            String(doc.name ?? ''),
            String(doc.email ?? ''),
            company,
            (organisations.get(String(company))?.name as string) ?? null,
            (doc[options.jobRoleField] as string) ?? null,
            (doc.status as string) ?? null,
            (tiers.get(String(idOf(loyalty.tier)))?.name as string) ?? null,
            Number(loyalty.spendable ?? 0),
            Number(loyalty.qualifying ?? 0),
            Number(loyalty.lifetime ?? 0),
            String(doc.createdAt),
          ]
        })
      },
      // Members who joined in the period (all members when no period is given).
      where: period('createdAt', query),
    },
  }
}

/**
 * The export as pages of CSV rows (the header first), read page by page in id order: each page
 * is one query for the documents and one per related collection, so memory stays at one page.
 */
export async function* exportPages(
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  query: ExportQuery,
): AsyncGenerator<Row[]> {
  const exporter = exporters(payload, options, query)[query.kind]
  yield [exporter.header]
  let after: ID | null = null
  for (;;) {
    const conditions = [
      ...exporter.where,
      ...(after === null ? [] : [{ id: { greater_than: after } }]),
    ]
    const where: Where = conditions.length > 0 ? { and: conditions } : {}
    const { docs } = await payload.find({
      collection: exporter.collection,
      depth: 0,
      limit: PAGE,
      overrideAccess: true,
      pagination: false,
      sort: 'id',
      where,
    })
    if (docs.length === 0) return
    yield await exporter.rows(docs as unknown as Doc[])
    if (docs.length < PAGE) return
    after = (docs.at(-1) as unknown as Doc).id
  }
}
