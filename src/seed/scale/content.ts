/**
 * The programme the scale data is made on: the demo programme (`npm run seed`, idempotent) plus
 * two years of extra content — courses, case studies and a fortnightly webinar — made through the
 * Local API as copies of the demo documents (so every field is valid), and found again by slug on
 * a resumed run. Then everything the generator needs is read back once.
 */
import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { EarningRule, Tier } from '../../../plugins/loyalty/engine/types'
import type { ScaleProgramme, ScaleVerb } from './programme'

import { loyaltyOptionsOf } from '../../../plugins/loyalty/local'
import { seed } from '../index'

const DAY = 86_400_000

const courseTopics = [
  'F-gas refresher for R290 systems',
  'Hydraulic balancing in existing homes',
  'Sizing buffer tanks and hot water cylinders',
  'Noise: siting outdoor units',
  'Commissioning checklist, step by step',
  'Heat pumps in multi-family buildings',
  'Smart grid ready: tariffs and controls',
  'Hybrid systems with gas boilers',
  'Selling heat pumps to homeowners',
  'Subsidies and paperwork in 2026',
  'Service contracts that pay',
  'Troubleshooting error codes',
  'Underfloor heating retrofits',
  'Radiator upgrades for low flow temperatures',
  'PV and heat pump together',
  'Ground loops: drilling and permits',
  'Cascades for commercial buildings',
  'Legionella and hot water hygiene',
  'Remote monitoring with the Nordwind app',
  'Winter peak: defrost cycles explained',
]

const caseStudyPlaces = [
  'Bakery in Graz',
  'Farmhouse in Friesland',
  'School in Lyon',
  'Terraced houses in Leeds',
  'Hotel in South Tyrol',
  'Sports hall in Aarhus',
  'Town hall in Poznań',
  'Dairy in Bavaria',
  'Office park in Utrecht',
  'Chalet in Savoie',
  'Care home in Manchester',
  'Apartment block in Vienna',
  'Garden centre in Ghent',
  'Fire station in Malmö',
  'Library in Kraków',
]

type Doc = Record<string, unknown> & { id: number | string }

/** A document's data without ids (arrays get new row ids), timestamps and version state. */
const copyable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(copyable)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      if (['createdAt', 'id', 'updatedAt', '_status'].includes(key)) continue
      out[key] = copyable(inner)
    }
    return out
  }
  return value
}

const findAll = async (payload: Payload, collection: CollectionSlug) =>
  (
    await payload.find({
      collection,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'createdAt',
    })
  ).docs as unknown as Doc[]

/** Creates a copy of `template` under `slug` unless a document with that slug exists. */
const ensureCopy = async (
  payload: Payload,
  collection: 'case-studies' | 'courses' | 'events',
  existing: Set<string>,
  slug: string,
  template: Doc,
  data: Record<string, unknown>,
): Promise<boolean> => {
  if (existing.has(slug)) return false
  const copy = { ...(copyable(template) as object), ...data, _status: 'published', slug }
  await payload.create({
    collection,
    context: { disableRevalidate: true },
    // A copy of a document of the same collection, with a new title, slug and dates.
    data: copy as RequiredDataFromCollectionSlug<typeof collection>,
    draft: false,
    overrideAccess: true,
  })
  return true
}

/** Makes the demo programme and the extra content; returns how many documents were created. */
export const ensureScaleContent = async (payload: Payload, now: Date): Promise<number> => {
  await seed(payload, now)
  let created = 0
  const slugs = async (collection: CollectionSlug) =>
    new Set((await findAll(payload, collection)).map((doc) => String(doc.slug)))

  const courses = await findAll(payload, 'courses')
  const courseSlugs = await slugs('courses')
  const templates = courses.filter((course) => !String(course.slug).startsWith('scale-'))
  for (const [index, topic] of courseTopics.entries()) {
    const template = templates[index % templates.length]
    if (
      await ensureCopy(payload, 'courses', courseSlugs, `scale-course-${index + 1}`, template, {
        requiredTier: null,
        title: topic,
      })
    )
      created++
  }

  const caseStudies = await findAll(payload, 'case-studies')
  const caseStudySlugs = await slugs('case-studies')
  const caseTemplates = caseStudies.filter((doc) => !String(doc.slug).startsWith('scale-'))
  for (const [index, place] of caseStudyPlaces.entries()) {
    const template = caseTemplates[index % caseTemplates.length]
    if (
      await ensureCopy(
        payload,
        'case-studies',
        caseStudySlugs,
        `scale-case-study-${index + 1}`,
        template,
        {
          requiredTier: null,
          title: `${place}: ${String(template.title).split(':').at(-1)?.trim() ?? 'heat pump project'}`,
        },
      )
    )
      created++
  }

  // A webinar every fourteen days over the last two years and the next month.
  const events = await findAll(payload, 'events')
  const eventSlugs = await slugs('events')
  const webinar =
    events.find((event) => event.format === 'online' && !String(event.slug).startsWith('scale-')) ??
    events[0]
  const first = now.getTime() - 730 * DAY
  for (let n = 0, at = first; at < now.getTime() + 30 * DAY; n++, at += 14 * DAY) {
    const startsAt = new Date(Math.floor(at / DAY) * DAY + 15 * 3_600_000)
    const topic = courseTopics[n % courseTopics.length]
    if (
      await ensureCopy(payload, 'events', eventSlugs, `scale-webinar-${n + 1}`, webinar, {
        capacity: null,
        eligibleTiers: [],
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        registrationDeadline: null,
        startsAt: startsAt.toISOString(),
        title: `Partner webinar: ${topic}`,
      })
    )
      created++
  }
  return created
}

/** Reads the programme the generator works from. */
export const loadProgramme = async (payload: Payload, now: Date): Promise<ScaleProgramme> => {
  const options = loyaltyOptionsOf(payload)
  const tiers = (await findAll(payload, options.tiers as CollectionSlug)).map((doc): Tier => ({
    id: doc.id,
    multiplier: Number(doc.multiplier ?? 1),
    name: String(doc.name),
    qualifyingMonths: Number(doc.qualifyingMonths ?? 12),
    rank: Number(doc.rank),
    threshold: Number(doc.threshold ?? 0),
  }))
  const rules: ScaleProgramme['rules'] = {}
  for (const doc of await findAll(payload, 'loyalty-earning-rules')) {
    const verb = String(doc.verb) as ScaleVerb
    if (doc.enabled === false || rules[verb]) continue
    // Rules for one document or tag only are left out: the generic rule of the verb applies.
    const filter = doc.filter as { documentId?: unknown; tag?: unknown } | null
    if (filter?.documentId || filter?.tag) continue
    const rule: EarningRule = {
      caps: ((doc.caps as EarningRule['caps'] | undefined) ?? []).map(({ maxPoints, period }) => ({
        maxPoints: Number(maxPoints),
        period,
      })),
      name: String(doc.name),
      organisationSharePercent: doc.creditsOrganisation
        ? Number(doc.organisationSharePercent ?? 100)
        : null,
      points: Number(doc.points),
      roleOverrides: ((doc.roleOverrides as EarningRule['roleOverrides'] | undefined) ?? []).map(
        ({ jobRole, points }) => ({ jobRole, points: Number(points) }),
      ),
    }
    rules[verb] = { id: doc.id, name: rule.name, rule, verb }
  }
  const published = (doc: Doc) => doc._status === 'published'
  const courses = (await findAll(payload, 'courses')).filter(published).map((doc) => ({
    id: doc.id,
    issuesCertificate: Boolean(doc.issuesCertificate),
    lessons: ((doc.lessons as { id: string; title: string }[] | undefined) ?? []).map((lesson) => ({
      id: String(lesson.id),
      title: lesson.title,
    })),
    quiz: (((doc.quiz as { questions?: unknown[] } | undefined)?.questions ?? []).length ?? 0) > 0,
    title: String(doc.title),
  }))
  const caseStudies = (await findAll(payload, 'case-studies'))
    .filter(published)
    .map((doc) => ({ id: doc.id, title: String(doc.title) }))
  const events = (await findAll(payload, 'events')).filter(published).map((doc) => ({
    id: doc.id,
    startsAt: new Date(String(doc.startsAt)),
    title: String(doc.title),
  }))
  return {
    caseStudies,
    courses: courses.filter((course) => course.lessons.length > 0),
    events,
    graceDays: options.downgradeGraceDays,
    now,
    pointsExpireAfterMonths: options.pointsExpireAfterMonths,
    rules,
    tiers,
  }
}
