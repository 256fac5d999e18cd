import type { CollectionSlug } from 'payload'

import type { LoyaltyEventSubscriber } from './services/domainEvents'

/** Options of the loyalty plugin. Every collection it works with is named here; it owns no content. */
export type LoyaltyPluginOptions = {
  /**
   * The "Programme" analytics for staff: `GET /api/loyalty/analytics` (reach, points, course
   * funnel, events, tiers, top content, partners at risk) and an admin view with charts.
   * Members' sign-ins are recorded for it (`loyalty.lastSignInAt` and one `member.signed-in`
   * activity per member and day). `false` leaves out the endpoint, the view and the tracking.
   * Needs a SQL database (SQLite or PostgreSQL); on MongoDB the endpoint answers 501.
   * @default {}
   */
  analytics?: false | AnalyticsOptions
  /**
   * Collections whose documents earn points when consumed, e.g. courses and case studies.
   * Used as targets of earning rules, promotions and ledger sources.
   * @default ['courses', 'case-studies', 'events']
   */
  contentCollections?: CollectionSlug[]
  /**
   * Disable the plugin's behaviour (endpoints and jobs) while keeping its collections and fields
   * in the schema, so the database schema does not change when toggled.
   * @default false
   */
  disabled?: boolean
  /**
   * The case-study collection (readable content with `title`, `requiredTier` and rich-text
   * fields named in `readingFields`) that earns points when read. `false`: no endpoints.
   * @default 'case-studies'
   */
  caseStudies?: CollectionSlug | false
  /**
   * Rich-text fields of a case study whose words set its minimum reading time.
   * @default ['challenge', 'solution', 'results']
   */
  readingFields?: string[]
  /**
   * The event collection (`startsAt`, `endsAt`, `capacity`, `registrationDeadline`,
   * `eligibleTiers`, `attendanceCode`) members register for and attend. `false`: no endpoints.
   * @default 'events'
   */
  events?: CollectionSlug | false
  /**
   * Feedback after an event the member attended and a course they completed: a 0–10
   * recommendation score, a 1–5 rating, an optional comment and the questions marketers add
   * to the item (a `feedbackQuestions` array field the plugin adds to the `courses` and `events`
   * collections). Giving it earns the `feedback.given` rule once per member and item. `false`
   * leaves it out: no collection, no fields, no endpoints.
   * @default {}
   */
  feedback?: false | FeedbackOptions
  /**
   * Email notifications to members through the Payload email adapter (`payload.sendEmail`),
   * always sent from the jobs queue (`loyalty`), never inside the request that caused them:
   * a digest of new points with a tip, tier upgrades, points about to expire, event reminders
   * and recordings, and redemption decisions. Members choose which they receive (a
   * `notificationPreferences` group the plugin adds to the member collection) and every mail
   * carries a one-click unsubscribe link. `false` leaves it out: no log collection
   * (`loyalty-notifications`), no field, no jobs, hooks or endpoints.
   * @default {}
   */
  notifications?: false | NotificationOptions
  /**
   * Staff imports from CSV files: webinar attendance (members over an event's minimum minutes are
   * marked attended and awarded once) and bulk point adjustments (all lines or none), each with a
   * preview before it is applied, recorded in the `loyalty-imports` collection, and an "Imports"
   * view in the admin. Adds an `attendanceMinimumMinutes` number field to the event collection.
   * `false` leaves all of it out.
   * @default {}
   */
  imports?: false | ImportOptions
  /**
   * Minutes before an event starts from which members may check in.
   * @default 15
   */
  checkInOpensMinutesBefore?: number
  /**
   * The course collection whose lessons, quiz and certificate the course endpoints work with.
   * Expected fields: `lessons` (array with `id`, `title`, `minimumSeconds`), `quiz` (group with
   * `passMarkPercent`, `attemptsAllowed`, `questions[].options[].correct`), `issuesCertificate`,
   * `requiredTier` (relationship to the tiers). `false` adds no course endpoints.
   * @default 'courses'
   */
  courses?: CollectionSlug | false
  /**
   * Days after the end of a member's qualifying period before a downgrade takes effect.
   * @default 30
   */
  downgradeGraceDays?: number
  /**
   * Job roles members can have (values of the member collection's job-role field); earning
   * rules can override points per role.
   * @default ['management', 'sales', 'engineer', 'purchasing', 'technician']
   */
  jobRoles?: string[]
  /**
   * The select field on the member collection holding the job role.
   * @default 'jobRole'
   */
  jobRoleField?: string
  /**
   * The auth collection of people who earn points (partner employees).
   * @default 'members'
   */
  members?: CollectionSlug
  /**
   * The relationship field on the member collection that points at their organisation.
   * @default 'partner'
   */
  organisationField?: string
  /**
   * The collection of organisations the people belong to; points roll up to it.
   * @default 'partners'
   */
  organisations?: CollectionSlug
  /**
   * Seconds a server process reuses a computed leaderboard (the same for every member) before
   * ranking again; concurrent requests share one computation. 0 ranks on every request.
   * @default 30
   */
  leaderboardCacheSeconds?: number
  /**
   * Other consumers of the plugin's domain events (`points.awarded`, `tier.changed`,
   * `redemption.requested`, `redemption.decided`, `event.attended`, `course.completed`), called
   * after the built-in webhook subscriber, e.g. e-mail notifications. See `services/domainEvents.ts`.
   * @default []
   */
  eventSubscribers?: LoyaltyEventSubscriber[]
  /**
   * Months after which earned points expire (first in, first out); 0 disables expiry.
   * @default 24
   */
  pointsExpireAfterMonths?: number
  /**
   * Minutes after which a run of the plugin's jobs that never finished (its worker died while
   * running it) is released, so that the queue runs it again. Checked before every automatic run
   * of the queue (`jobs.autoRun`); see `releaseStaleJobs`. Longer than the longest run.
   * @default 60
   */
  staleJobMinutes?: number
  /**
   * The auth collection of staff (admins and marketers), used for actors of corrections.
   * @default 'users'
   */
  staff?: CollectionSlug
  /**
   * Tells whether a signed-in staff user is an admin (who may correct points).
   * @default (user) => user.roles includes 'admin'
   */
  isAdmin?: (user: unknown) => boolean
  /**
   * Tells whether a signed-in staff user may manage promotions and read analytics.
   * @default (user) => user.roles includes 'admin' or 'marketer'
   */
  isStaff?: (user: unknown) => boolean
  /**
   * Tells whether a member manages their organisation in the programme (sees its members and
   * approves its redemptions).
   * @default (member) => member.partnerManager === true
   */
  isOrganisationManager?: (member: Record<string, unknown>) => boolean
  /**
   * Tells whether an organisation takes part in the programme. Members of an inactive
   * organisation keep their points, still earn for themselves and may redeem, but nothing is
   * credited to the organisation; nobody can be moved into it.
   * @default (organisation) => organisation.status !== 'inactive'
   */
  isOrganisationActive?: (organisation: Record<string, unknown>) => boolean
  /**
   * Upload collection for reward images; `false` for none.
   * @default 'media'
   */
  media?: CollectionSlug | false
  /**
   * Days an invitation to a colleague stays valid.
   * @default 14
   */
  invitationExpiryDays?: number
  /**
   * The most invitations one member may send per calendar month (UTC), revoked ones included.
   * @default 10
   */
  invitationsPerMonth?: number
  /**
   * The portal page that accepts an invitation; the link is `<serverURL><path>?token=…`.
   * @default '/accept-invitation'
   */
  invitationPath?: string
  /**
   * The text field on the member collection holding the person's name (set when an invited
   * colleague accepts).
   * @default 'name'
   */
  memberNameField?: string
  /**
   * The collection holding the club tiers (needs numeric `rank`, `threshold`, `multiplier` and
   * `qualifyingMonths` fields).
   * @default 'club-tiers'
   */
  tiers?: CollectionSlug
  /**
   * Outbound webhooks that admins register (collections `loyalty-webhooks` and
   * `loyalty-webhook-deliveries`, task `loyaltyDeliverWebhook` on the `loyalty` queue).
   * @default {}
   */
  webhooks?: WebhookOptions
}

/** Options of the outbound webhooks. */
export type WebhookOptions = {
  /**
   * Allow URLs on localhost and private networks (loopback, 10/8, 192.168/16, link-local…).
   * Off in production, so that an admin account cannot make the server call internal services;
   * on for local receivers in development and tests.
   * @default false
   */
  allowPrivateAddresses?: boolean
  /**
   * Days a finished delivery (delivered or failed) is kept, counted from its last attempt; the
   * daily task `loyaltyPruneWebhookDeliveries` (04:30 UTC) deletes older ones. 0 keeps them all.
   * @default 30
   */
  keepDeliveriesDays?: number
  /**
   * Attempts per delivery, the first included; then the delivery is `failed`.
   * @default 8
   */
  maxAttempts?: number
  /**
   * Seconds before the first retry; each later retry waits twice as long (exponential backoff:
   * 1, 2, 4, 8… minutes by default). The queue runs when its cron fires, so a retry may wait up
   * to one cron period longer.
   * @default 60
   */
  retryDelaySeconds?: number
  /**
   * Seconds one attempt may take (connecting, sending, the answer's status) before it counts
   * as failed.
   * @default 10
   */
  timeoutSeconds?: number
}

/** Options of the programme analytics (`GET /api/loyalty/analytics` and the admin view). */
export type AnalyticsOptions = {
  /**
   * The admin view (a Payload component path, relative to the admin import map's `baseDir`)
   * shown at `viewPath` with a "Programme" link in the navigation; `false` for none. Point it
   * at `plugins/loyalty/admin/ProgrammeView.tsx` wherever the plugin lives in your project.
   * @default '/plugins/loyalty/admin/ProgrammeView#ProgrammeView'
   */
  adminView?: false | string
  /**
   * The navigation link to the view (a client component path); `false` for none.
   * @default '/plugins/loyalty/admin/ProgrammeNavLink#ProgrammeNavLink'
   */
  navLink?: false | string
  /**
   * A partner is "at risk" when the points its people earned fell by at least this percentage
   * compared with the previous period of the same length (or fell to zero).
   * @default 50
   */
  atRiskDropPercent?: number
  /**
   * Seconds a server process reuses the answer to the same analytics question; 0 computes it
   * on every request.
   * @default 60
   */
  cacheSeconds?: number
  /**
   * Longest period one request may cover, in days.
   * @default 731
   */
  maxRangeDays?: number
  /**
   * The select field on the organisation collection that holds its region (the `region`
   * filter); `false` when organisations have none.
   * @default 'region'
   */
  regionField?: false | string
  /**
   * The admin path of the view (under the admin route).
   * @default '/programme'
   */
  viewPath?: string
}

/** Options of the feedback members give after an event or a course. */
export type FeedbackOptions = {
  /**
   * The admin component (a Payload component path, relative to the admin import map's
   * `baseDir`) shown in the sidebar of each event and course with its feedback in figures;
   * `false` for none. Point it at `plugins/loyalty/admin/FeedbackSummary.tsx` wherever the
   * plugin lives in your project.
   * @default '/plugins/loyalty/admin/FeedbackSummary#FeedbackSummary'
   */
  adminSummary?: false | string
  /**
   * Most characters of the comment.
   * @default 2000
   */
  commentMaxLength?: number
  /**
   * Days after giving feedback during which the member may change it (changes earn nothing).
   * @default 7
   */
  editWindowDays?: number
  /**
   * Most questions marketers may add to one item.
   * @default 5
   */
  maxQuestions?: number
  /**
   * Name of the array field the plugin adds to the course and event collections for the
   * item's own questions.
   * @default 'feedbackQuestions'
   */
  questionsField?: string
  /**
   * Most characters of an answer to a text question.
   * @default 500
   */
  textAnswerMaxLength?: number
}

/** Options of the members' email notifications. */
export type NotificationOptions = {
  /**
   * Cron (UTC) of the digest of new points.
   * @default '0 7 * * *'
   */
  digestCron?: string
  /**
   * Days back the first digest of a member looks for new points (later digests start where
   * the previous one ended).
   * @default 7
   */
  digestLookbackDays?: number
  /**
   * Days ahead of expiry from which members are warned about points that will expire.
   * @default 30
   */
  expiringDays?: number
  /**
   * Name of the group field (one checkbox per category) the plugin adds to the member
   * collection.
   * @default 'notificationPreferences'
   */
  preferencesField?: string
  /**
   * The portal page where a signed-in member changes their notification preferences.
   * @default '/settings/notifications'
   */
  preferencesPath?: string
  /**
   * Public base URL of the portal for the links in mails, e.g. `https://club.example.com`.
   * Empty: the Payload config's `serverURL`.
   * @default ''
   */
  portalURL?: string
  /**
   * Days after an event ends during which its recording is still sent to those registered.
   * @default 14
   */
  recordingWithinDays?: number
  /**
   * Hours before an event starts when registered members get a reminder.
   * @default 24
   */
  reminderHours?: number
  /**
   * Attempts after a failed send (exponential backoff from `retryDelaySeconds`).
   * @default 5
   */
  retries?: number
  /**
   * Delay before the first retry of a failed send; it doubles with each attempt.
   * @default 60
   */
  retryDelaySeconds?: number
  /**
   * Name of the programme in subjects and greetings.
   * @default 'Partner Club'
   */
  programmeName?: string
  /**
   * The public portal page that confirms an unsubscribe (the link in mails goes through
   * `GET /api/loyalty/notifications/unsubscribe`, which checks the token and redirects here).
   * @default '/unsubscribe'
   */
  unsubscribePath?: string
}

/** Options of the staff imports (webinar attendance, bulk adjustments). */
export type ImportOptions = {
  /**
   * The admin view (a Payload component path, relative to the admin import map's `baseDir`)
   * shown at `<admin>/imports` with a link in the navigation; `false` for none. Point it at
   * `plugins/loyalty/admin/ImportsView.tsx` wherever the plugin lives in your project.
   * @default '/plugins/loyalty/admin/ImportsView#ImportsView'
   */
  adminView?: false | string
  /**
   * The share of an event's scheduled length (in percent, rounded up to whole minutes) a member
   * must attend when the event sets no minimum of its own.
   * @default 60
   */
  attendanceMinimumPercent?: number
  /**
   * Name of the number field the plugin adds to the event collection: the minutes a member must
   * attend, according to the webinar report, to count as attended.
   * @default 'attendanceMinimumMinutes'
   */
  minimumMinutesField?: string
  /**
   * Most points one line of a bulk adjustment may add or remove.
   * @default 10000
   */
  maxAdjustmentPoints?: number
  /**
   * Largest file accepted, in bytes (larger uploads are answered 413).
   * @default 2000000
   */
  maxFileBytes?: number
  /**
   * Most lines of one file, header excluded.
   * @default 10000
   */
  maxRows?: number
}

/** Options with every default applied. */
export type ResolvedLoyaltyOptions = Omit<
  Required<LoyaltyPluginOptions>,
  'analytics' | 'feedback' | 'imports' | 'notifications' | 'webhooks'
> & {
  analytics: false | Required<AnalyticsOptions>
  feedback: false | Required<FeedbackOptions>
  imports: false | Required<ImportOptions>
  notifications: false | Required<NotificationOptions>
  webhooks: Required<WebhookOptions>
}

const hasRole = (user: unknown, roles: string[]): boolean => {
  const value = (user as null | { roles?: unknown })?.roles
  return Array.isArray(value) && value.some((role) => roles.includes(String(role)))
}

export const resolveOptions = (options: LoyaltyPluginOptions = {}): ResolvedLoyaltyOptions => ({
  analytics:
    options.analytics === false
      ? false
      : {
          adminView:
            options.analytics?.adminView ?? '/plugins/loyalty/admin/ProgrammeView#ProgrammeView',
          atRiskDropPercent: options.analytics?.atRiskDropPercent ?? 50,
          cacheSeconds: options.analytics?.cacheSeconds ?? 60,
          maxRangeDays: options.analytics?.maxRangeDays ?? 731,
          navLink:
            options.analytics?.navLink ??
            '/plugins/loyalty/admin/ProgrammeNavLink#ProgrammeNavLink',
          regionField: options.analytics?.regionField ?? 'region',
          viewPath: options.analytics?.viewPath ?? '/programme',
        },
  contentCollections:
    options.contentCollections ?? (['courses', 'case-studies', 'events'] as CollectionSlug[]),
  caseStudies: options.caseStudies ?? ('case-studies' as CollectionSlug),
  checkInOpensMinutesBefore: options.checkInOpensMinutesBefore ?? 15,
  courses: options.courses ?? ('courses' as CollectionSlug),
  disabled: options.disabled ?? false,
  downgradeGraceDays: options.downgradeGraceDays ?? 30,
  eventSubscribers: options.eventSubscribers ?? [],
  events: options.events ?? ('events' as CollectionSlug),
  feedback:
    options.feedback === false
      ? false
      : {
          adminSummary:
            options.feedback?.adminSummary ??
            '/plugins/loyalty/admin/FeedbackSummary#FeedbackSummary',
          commentMaxLength: options.feedback?.commentMaxLength ?? 2000,
          editWindowDays: options.feedback?.editWindowDays ?? 7,
          maxQuestions: options.feedback?.maxQuestions ?? 5,
          questionsField: options.feedback?.questionsField ?? 'feedbackQuestions',
          textAnswerMaxLength: options.feedback?.textAnswerMaxLength ?? 500,
        },
  imports:
    options.imports === false
      ? false
      : {
          adminView: options.imports?.adminView ?? '/plugins/loyalty/admin/ImportsView#ImportsView',
          attendanceMinimumPercent: options.imports?.attendanceMinimumPercent ?? 60,
          maxAdjustmentPoints: options.imports?.maxAdjustmentPoints ?? 10_000,
          maxFileBytes: options.imports?.maxFileBytes ?? 2_000_000,
          maxRows: options.imports?.maxRows ?? 10_000,
          minimumMinutesField: options.imports?.minimumMinutesField ?? 'attendanceMinimumMinutes',
        },
  isAdmin: options.isAdmin ?? ((user) => hasRole(user, ['admin'])),
  isOrganisationActive:
    options.isOrganisationActive ?? ((organisation) => organisation.status !== 'inactive'),
  isOrganisationManager:
    options.isOrganisationManager ?? ((member) => member.partnerManager === true),
  invitationExpiryDays: options.invitationExpiryDays ?? 14,
  invitationPath: options.invitationPath ?? '/accept-invitation',
  invitationsPerMonth: options.invitationsPerMonth ?? 10,
  isStaff: options.isStaff ?? ((user) => hasRole(user, ['admin', 'marketer'])),
  jobRoles: options.jobRoles ?? ['management', 'sales', 'engineer', 'purchasing', 'technician'],
  jobRoleField: options.jobRoleField ?? 'jobRole',
  leaderboardCacheSeconds: options.leaderboardCacheSeconds ?? 30,
  notifications:
    options.notifications === false
      ? false
      : {
          digestCron: options.notifications?.digestCron ?? '0 7 * * *',
          digestLookbackDays: options.notifications?.digestLookbackDays ?? 7,
          expiringDays: options.notifications?.expiringDays ?? 30,
          portalURL: (options.notifications?.portalURL ?? '').replace(/\/+$/, ''),
          preferencesField: options.notifications?.preferencesField ?? 'notificationPreferences',
          preferencesPath: options.notifications?.preferencesPath ?? '/settings/notifications',
          programmeName: options.notifications?.programmeName ?? 'Partner Club',
          recordingWithinDays: options.notifications?.recordingWithinDays ?? 14,
          reminderHours: options.notifications?.reminderHours ?? 24,
          retries: options.notifications?.retries ?? 5,
          retryDelaySeconds: options.notifications?.retryDelaySeconds ?? 60,
          unsubscribePath: options.notifications?.unsubscribePath ?? '/unsubscribe',
        },
  media: options.media ?? ('media' as CollectionSlug),
  memberNameField: options.memberNameField ?? 'name',
  members: options.members ?? ('members' as CollectionSlug),
  organisationField: options.organisationField ?? 'partner',
  organisations: options.organisations ?? ('partners' as CollectionSlug),
  pointsExpireAfterMonths: options.pointsExpireAfterMonths ?? 24,
  readingFields: options.readingFields ?? ['challenge', 'solution', 'results'],
  staff: options.staff ?? ('users' as CollectionSlug),
  staleJobMinutes: options.staleJobMinutes ?? 60,
  tiers: options.tiers ?? ('club-tiers' as CollectionSlug),
  webhooks: {
    allowPrivateAddresses: options.webhooks?.allowPrivateAddresses ?? false,
    keepDeliveriesDays: Math.max(0, options.webhooks?.keepDeliveriesDays ?? 30),
    maxAttempts: Math.max(1, Math.floor(options.webhooks?.maxAttempts ?? 8)),
    retryDelaySeconds: Math.max(0, options.webhooks?.retryDelaySeconds ?? 60),
    timeoutSeconds: Math.max(1, options.webhooks?.timeoutSeconds ?? 10),
  },
})

/** Slugs of the collections the plugin adds. */
export const loyaltySlugs = {
  activities: 'loyalty-activities',
  earningRules: 'loyalty-earning-rules',
  invitations: 'loyalty-invitations',
  leads: 'loyalty-leads',
  feedback: 'loyalty-feedback',
  imports: 'loyalty-imports',
  ledger: 'loyalty-ledger',
  moves: 'loyalty-moves',
  notifications: 'loyalty-notifications',
  progress: 'loyalty-progress',
  promotions: 'loyalty-promotions',
  redemptions: 'loyalty-redemptions',
  registrations: 'loyalty-registrations',
  rewards: 'loyalty-rewards',
  tierChanges: 'loyalty-tier-changes',
  webhookDeliveries: 'loyalty-webhook-deliveries',
  webhooks: 'loyalty-webhooks',
} as const

/** Verbs of activities; earning rules attach points to them. */
export const activityVerbs = [
  'lesson.started',
  'lesson.completed',
  'course.completed',
  'quiz.passed',
  'quiz.failed',
  'case-study.opened',
  'case-study.read',
  'event.registered',
  'event.cancelled',
  'event.attended',
  'feedback.given',
  /** The member signed in (recorded once per member and UTC day, for the analytics' reach). */
  'member.signed-in',
  /** The inviter: a colleague they invited joined and completed a first course. */
  'referral.accepted',
  /** The invited colleague: joined through an invitation and completed a first course. */
  'referral.joined',
  /** The referrer: a company they recommended became a partner. */
  'referral.lead-converted',
] as const

export type ActivityVerb = (typeof activityVerbs)[number]
