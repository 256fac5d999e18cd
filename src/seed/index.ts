import type { Payload } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'

import type { ClubTier, Partner, SupportedTimezones } from '../payload-types'

import { eventTimezones } from '../config/timezones'

import { caseStudies, courses, events, members, partners, tiers } from './content'
import { coverImage } from './images'
import { demoLogins } from './logins'
import { seedProgramme } from './programme'

export type SeedSummary = {
  /** Documents created by this run, per collection. */
  created: Record<string, number>
  /** Documents that already existed and were left as they were. */
  existing: Record<string, number>
}

type Lexical = ReturnType<typeof convertMarkdownToLexical>

/** An event time zone from the content, checked against the zones the config offers. */
const timezone = (zone: string): SupportedTimezones => {
  const known = eventTimezones.find((option) => option.value === zone)
  if (!known) throw new Error(`seed: time zone "${zone}" is not offered in the config`)
  return known.value as SupportedTimezones
}

/**
 * Seeds the demo programme of Nordwind Heat Systems: tiers, partners, members, courses,
 * case studies, events and two staff logins. Idempotent: every document is looked up by its
 * natural key (email, slug, name) and only created when missing, so running it twice creates
 * nothing new and never overwrites edits made in the admin.
 */
export const seed = async (payload: Payload, now: Date = new Date()): Promise<SeedSummary> => {
  const summary: SeedSummary = { created: {}, existing: {} }
  const count = (kind: keyof SeedSummary, collection: string) => {
    summary[kind][collection] = (summary[kind][collection] ?? 0) + 1
  }
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const richText = (markdown: string): Lexical =>
    convertMarkdownToLexical({ editorConfig, markdown })

  /** Finds a document by one field or creates it; returns its id. */
  const ensure = async <T extends { id: number | string }>(
    collection: Parameters<Payload['find']>[0]['collection'],
    field: string,
    value: string,
    create: () => Promise<T>,
  ): Promise<T['id']> => {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      draft: true,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      where: { [field]: { equals: value } },
    })
    if (docs[0]) {
      count('existing', collection)
      return docs[0].id as T['id']
    }
    const doc = await create()
    count('created', collection)
    return doc.id
  }

  const upload = async (title: string, eyebrow: string, hue: number): Promise<number> => {
    const data = await coverImage(title, eyebrow, hue)
    const name = `${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}.png`
    const alt = `${eyebrow}: ${title}`
    // Looked up by alt text: the stored file name gains a suffix when the file already exists.
    const id = await ensure('media', 'alt', alt, () =>
      payload.create({
        collection: 'media',
        data: { alt },
        file: { data, mimetype: 'image/png', name, size: data.length },
        overrideAccess: true,
      }),
    )
    return Number(id)
  }

  for (const login of [
    { ...demoLogins.admin, roles: ['admin' as const] },
    { ...demoLogins.marketer, roles: ['marketer' as const] },
  ]) {
    await ensure('users', 'email', login.email, () =>
      payload.create({ collection: 'users', data: login, overrideAccess: true }),
    )
  }

  const tierIds = new Map<string, ClubTier['id']>()
  for (const tier of tiers) {
    const id = await ensure('club-tiers', 'name', tier.name, () =>
      payload.create({
        collection: 'club-tiers',
        data: {
          benefits: richText(tier.benefitsMarkdown),
          colour: tier.colour,
          multiplier: tier.multiplier,
          name: tier.name,
          qualifyingMonths: tier.qualifyingMonths,
          rank: tier.rank,
          threshold: tier.threshold,
        },
        overrideAccess: true,
      }),
    )
    tierIds.set(tier.key, Number(id))
  }
  const tierId = (key: null | string): ClubTier['id'] | null => {
    if (key === null) return null
    const id = tierIds.get(key)
    if (id === undefined) throw new Error(`seed: unknown tier "${key}"`)
    return id
  }

  const { docs: staffUsers } = await payload.find({
    collection: 'users',
    limit: 1,
    overrideAccess: true,
    where: { email: { equals: demoLogins.marketer.email } },
  })
  const partnerIds = new Map<string, Partner['id']>()
  for (const partner of partners) {
    const id = await ensure('partners', 'name', partner.name, () =>
      payload.create({
        collection: 'partners',
        data: {
          accountManager: staffUsers[0]?.id ?? null,
          city: partner.city,
          name: partner.name,
          region: partner.region,
          type: partner.type,
          website: partner.website,
        },
        overrideAccess: true,
      }),
    )
    partnerIds.set(partner.key, Number(id))
  }
  const partnerId = (key: string): Partner['id'] => {
    const id = partnerIds.get(key)
    if (id === undefined) throw new Error(`seed: unknown partner "${key}"`)
    return id
  }

  for (const member of members) {
    await ensure('members', 'email', member.email, () =>
      payload.create({
        collection: 'members',
        data: {
          email: member.email,
          jobRole: member.jobRole,
          locale: member.locale,
          loyalty: { tier: tierId(member.tierKey), tierSince: now.toISOString() },
          name: member.name,
          partner: partnerId(member.partnerKey),
          partnerManager: member.partnerManager,
          password: demoLogins.memberPassword,
          status: 'active',
        },
        overrideAccess: true,
      }),
    )
  }

  for (const [index, course] of courses.entries()) {
    const cover = await upload(course.title, 'Course', 200 + index * 25)
    await ensure('courses', 'slug', course.slug, () =>
      payload.create({
        collection: 'courses',
        data: {
          _status: 'published',
          coverImage: cover,
          estimatedMinutes: course.estimatedMinutes,
          feedbackQuestions: course.feedbackQuestions ?? [],
          issuesCertificate: course.issuesCertificate,
          lessons: course.lessons.map((lesson) => ({
            body: richText(lesson.bodyMarkdown),
            minimumSeconds: lesson.minimumSeconds,
            title: lesson.title,
            videoUrl: lesson.videoUrl ?? null,
          })),
          level: course.level,
          productTags: course.productTags,
          quiz: course.quiz,
          requiredTier: tierId(course.requiredTierKey),
          slug: course.slug,
          summary: course.summary,
          targetJobRoles: course.targetJobRoles,
          title: course.title,
        },
        overrideAccess: true,
      }),
    )
  }

  for (const [index, story] of caseStudies.entries()) {
    const cover = await upload(story.title, story.customer, 150 + index * 30)
    await ensure('case-studies', 'slug', story.slug, () =>
      payload.create({
        collection: 'case-studies',
        data: {
          _status: 'published',
          challenge: richText(story.challengeMarkdown),
          coverImage: cover,
          customer: story.customer,
          industry: story.industry,
          keyResults: story.keyResults,
          partner: story.partnerKey ? partnerId(story.partnerKey) : null,
          products: story.products,
          publishedAt: new Date(`${story.publishedAt}T09:00:00Z`).toISOString(),
          region: story.region,
          requiredTier: tierId(story.requiredTierKey),
          results: richText(story.resultsMarkdown),
          slug: story.slug,
          solution: richText(story.solutionMarkdown),
          summary: story.summary,
          title: story.title,
        },
        overrideAccess: true,
      }),
    )
  }

  for (const event of events) {
    const startsAt = new Date(now)
    startsAt.setUTCDate(startsAt.getUTCDate() + event.startsInDays)
    startsAt.setUTCHours(event.startHourUtc, 0, 0, 0)
    const endsAt = new Date(startsAt.getTime() + event.durationMinutes * 60_000)
    await ensure('events', 'slug', event.slug, () =>
      payload.create({
        collection: 'events',
        data: {
          _status: 'published',
          attendanceCode: event.attendanceCode,
          capacity: event.capacity,
          description: richText(event.descriptionMarkdown),
          eligibleTiers: event.eligibleTierKeys.map((key) => tierId(key) as number),
          endsAt: endsAt.toISOString(),
          endsAt_tz: timezone(event.timezone),
          feedbackQuestions: event.feedbackQuestions ?? [],
          format: event.format,
          onlineUrl: event.onlineUrl ?? null,
          recordingUrl: event.recordingUrl ?? null,
          slug: event.slug,
          speakers: event.speakers,
          startsAt: startsAt.toISOString(),
          startsAt_tz: timezone(event.timezone),
          summary: event.summary,
          title: event.title,
          type: event.type,
          venue: event.venue ?? undefined,
        },
        overrideAccess: true,
      }),
    )
  }

  await seedProgramme(payload, tierIds as Map<string, number>, now, count)

  return summary
}
