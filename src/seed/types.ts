/**
 * Shapes of the demo programme's content. Rich text is written as Markdown and converted to
 * Lexical when seeding. References between documents use the `key` of the referenced item.
 */

export type SeedTier = {
  benefitsMarkdown: string
  colour: string
  key: string
  multiplier: number
  name: string
  qualifyingMonths: number
  rank: number
  threshold: number
}

export type SeedPartner = {
  city: string
  key: string
  name: string
  region: 'benelux' | 'cee' | 'dach' | 'france' | 'nordics' | 'south' | 'uk-ie'
  type: 'distributor' | 'installer' | 'integrator' | 'reseller'
  website: string
}

export type SeedMember = {
  /** Unique; the password of every demo member is the demo member password. */
  email: string
  jobRole: 'engineer' | 'management' | 'purchasing' | 'sales' | 'technician'
  locale: 'de' | 'en' | 'fr' | 'nl' | 'pl'
  name: string
  partnerKey: string
  partnerManager: boolean
  /** Key of the member's current club tier (the loyalty plugin maintains it later). */
  tierKey: string
}

export type SeedLesson = {
  bodyMarkdown: string
  minimumSeconds: number
  title: string
  videoUrl?: string
}

export type SeedQuizQuestion = {
  explanation: string
  options: { correct: boolean; label: string }[]
  question: string
}

/** A question marketers add to an event or a course, asked after the member's score and rating. */
export type SeedFeedbackQuestion = {
  kind: 'choice' | 'scale' | 'text'
  options?: { label: string }[]
  question: string
  required?: boolean
  scaleMax?: number
}

export type SeedCourse = {
  estimatedMinutes: number
  feedbackQuestions?: SeedFeedbackQuestion[]
  issuesCertificate: boolean
  key: string
  lessons: SeedLesson[]
  level: 'advanced' | 'foundation' | 'intermediate'
  productTags: string[]
  quiz: { attemptsAllowed: number; passMarkPercent: number; questions: SeedQuizQuestion[] }
  /** Key of the tier needed, or null for everyone. */
  requiredTierKey: null | string
  slug: string
  summary: string
  targetJobRoles: ('engineer' | 'management' | 'purchasing' | 'sales' | 'technician')[]
  title: string
}

export type SeedCaseStudy = {
  challengeMarkdown: string
  customer: string
  industry:
    | 'commercial'
    | 'education'
    | 'healthcare'
    | 'hospitality'
    | 'industrial'
    | 'public'
    | 'residential'
  keyResults: { label: string; value: string }[]
  partnerKey: null | string
  products: string[]
  /** ISO date, e.g. 2026-05-14 */
  publishedAt: string
  region: 'benelux' | 'cee' | 'dach' | 'france' | 'nordics' | 'south' | 'uk-ie'
  requiredTierKey: null | string
  resultsMarkdown: string
  slug: string
  solutionMarkdown: string
  summary: string
  title: string
}

export type SeedEvent = {
  attendanceCode: string
  capacity: null | number
  descriptionMarkdown: string
  /** Duration in minutes. */
  durationMinutes: number
  /** Empty for all tiers. */
  eligibleTierKeys: string[]
  feedbackQuestions?: SeedFeedbackQuestion[]
  format: 'hybrid' | 'in-person' | 'online'
  onlineUrl?: string
  recordingUrl?: string
  slug: string
  speakers: { company: string; name: string; role: string }[]
  /**
   * Start relative to the moment of seeding, in days (negative = past), at `startHourUtc`.
   * Relative so the demo always has upcoming and past events.
   */
  startsInDays: number
  startHourUtc: number
  summary: string
  timezone: string
  title: string
  type: 'club-event' | 'conference' | 'training' | 'webinar'
  venue?: { address: string; city: string; name: string }
}
