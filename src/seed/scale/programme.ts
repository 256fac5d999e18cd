import type { EarningRule, Tier } from '../../../plugins/loyalty/engine/types'

/** The verbs the scale seed books points for. */
export type ScaleVerb =
  | 'case-study.read'
  | 'course.completed'
  | 'event.attended'
  | 'event.registered'
  | 'lesson.completed'

/**
 * What the generated history is made of: the programme's tiers, rules and content as they are in
 * the database (read once by content.ts), and the loyalty options that shape every entry.
 */
export type ScaleProgramme = {
  caseStudies: { id: number | string; title: string }[]
  courses: {
    id: number | string
    issuesCertificate: boolean
    lessons: { id: string; title: string }[]
    quiz: boolean
    title: string
  }[]
  events: { id: number | string; startsAt: Date; title: string }[]
  /** Days after the qualifying period before a downgrade applies. */
  graceDays: number
  /** The moment the history ends (the seed's "now"). */
  now: Date
  /** Months after which earned points expire (0: never). */
  pointsExpireAfterMonths: number
  rules: Partial<
    Record<ScaleVerb, { id: number | string; name: string; rule: EarningRule; verb: ScaleVerb }>
  >
  tiers: Tier[]
}

export const jobRoles = ['engineer', 'technician', 'sales', 'purchasing', 'management'] as const
export const regions = ['dach', 'benelux', 'france', 'uk-ie', 'nordics', 'south', 'cee'] as const
export const partnerTypes = ['installer', 'reseller', 'distributor', 'integrator'] as const
export const locales = ['en', 'de', 'nl', 'fr', 'pl'] as const

/** The e-mail domain of every member and partner the scale seed makes (how a resume finds them). */
export const scaleDomain = 'scale.example'
