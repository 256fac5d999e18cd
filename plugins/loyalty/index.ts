import type { CollectionConfig, Config, Plugin } from 'payload'

import type { LoyaltyPluginOptions } from './types'

import { activitiesCollection } from './collections/activities'
import { earningRulesCollection } from './collections/earningRules'
import { invitationsCollection } from './collections/invitations'
import { leadsCollection } from './collections/leads'
import { feedbackCollection } from './collections/feedback'
import { importsCollection } from './collections/imports'
import { ledgerCollection } from './collections/ledger'
import { movesCollection } from './collections/moves'
import { notificationsCollection } from './collections/notifications'
import { progressCollection } from './collections/progress'
import { redemptionsCollection } from './collections/redemptions'
import { registrationsCollection } from './collections/registrations'
import { rewardsCollection } from './collections/rewards'
import { promotionsCollection } from './collections/promotions'
import { tierChangesCollection } from './collections/tierChanges'
import { webhookDeliveriesCollection } from './collections/webhookDeliveries'
import { webhooksCollection } from './collections/webhooks'
import { loyaltyEndpoints } from './endpoints'
import { caseStudyEndpoints } from './endpoints/caseStudies'
import { courseEndpoints } from './endpoints/courses'
import { eventEndpoints } from './endpoints/events'
import { feedbackEndpoints } from './endpoints/feedback'
import { redemptionEndpoints, rewardEndpoints } from './endpoints/rewards'
import { balanceFields } from './fields/balanceFields'
import { recordSignIn } from './hooks/recordSignIn'
import { refuseOrganisationChange } from './hooks/refuseOrganisationChange'
import { feedbackQuestionsField, feedbackSummaryField } from './fields/feedbackQuestions'
import { notificationPreferencesField } from './fields/notificationPreferences'
import { notifyRedemptionStatus, notifyTierUpgrade } from './hooks/notify'
import { notificationTasks } from './jobs/notifications'
import { attendanceMinimumField } from './fields/attendanceMinimum'
import { clearOnChange } from './services/cache'
import { contentCacheKey } from './services/context'
import { organisationCacheKey } from './services/organisationStatus'
import { deliverWebhookTask } from './jobs/deliverWebhook'
import { pruneWebhookDeliveriesTask } from './jobs/pruneWebhookDeliveries'
import { expirePointsTask } from './jobs/expirePoints'
import { reviewTiersTask } from './jobs/reviewTiers'
import { releaseStaleJobs } from './services/staleJobs'
import { resolveOptions } from './types'

/**
 * The "Programme" analytics view in the admin (`admin.components.views`) and its link in the
 * navigation (`afterNavLinks`), unless analytics, the view or the plugin are switched off.
 */
const programmeAdmin = (
  admin: Config['admin'],
  options: ReturnType<typeof resolveOptions>,
): Config['admin'] => {
  const analytics = options.analytics
  if (!analytics || !analytics.adminView || options.disabled) return admin
  return {
    ...admin,
    components: {
      ...admin?.components,
      afterNavLinks: [
        ...(admin?.components?.afterNavLinks ?? []),
        ...(analytics.navLink
          ? [{ clientProps: { href: analytics.viewPath }, path: analytics.navLink }]
          : []),
      ],
      views: {
        ...admin?.components?.views,
        programme: {
          Component: analytics.adminView,
          exact: true,
          path: analytics.viewPath as `/${string}`,
        },
      },
    },
  }
}

export type { LoyaltyPluginOptions } from './types'
export { loyaltySlugs } from './types'
export { callEndpoint, loyaltyOptionsOf } from './local'
export type { LocalCallResult } from './local'
export type { NextAction } from './services/nextActions'
export { releaseStaleJobs } from './services/staleJobs'
export { publishLoyaltyEvents } from './services/domainEvents'
export type {
  LoyaltyEvent,
  LoyaltyEventContext,
  LoyaltyEventData,
  LoyaltyEventSubscriber,
  LoyaltyEventType,
  PublishedLoyaltyEvent,
} from './services/domainEvents'
export { verifySignatureHeader } from './engine/webhooks'
export { databaseUnavailableMessage, isDatabaseUnavailable } from './utilities/databaseErrors'

/**
 * The Partner Club loyalty plugin: points ledger, earning rules, promotions and tiers for
 * people and their organisations. Add it to `plugins` in a Payload config and name the
 * collections it works with; it owns no content of its own.
 */
export const loyaltyPlugin =
  (pluginOptions: LoyaltyPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const existing = incomingConfig.collections ?? []
    for (const slug of [options.members, options.organisations, options.tiers, options.staff]) {
      if (!existing.some((collection) => collection.slug === slug)) {
        throw new Error(`loyaltyPlugin: collection "${slug}" named in the options does not exist.`)
      }
    }
    for (const slug of [options.courses, options.caseStudies, options.events]) {
      if (slug && !existing.some((collection) => collection.slug === slug)) {
        throw new Error(`loyaltyPlugin: collection "${slug}" named in the options does not exist.`)
      }
    }
    const contentEndpoints = (slug: string) => {
      if (options.disabled) return []
      if (slug === options.courses) {
        return [...courseEndpoints(options, slug), ...feedbackEndpoints(options, slug)]
      }
      if (slug === options.caseStudies) return caseStudyEndpoints(options, slug)
      if (slug === options.events) {
        return [...eventEndpoints(options, slug), ...feedbackEndpoints(options, slug)]
      }
      return []
    }
    // The admin's feedback panel reads the summary endpoint, which `disabled` leaves out.
    const summaryPanel = (scope: 'item' | 'organisation') =>
      options.feedback && options.feedback.adminSummary && !options.disabled
        ? [feedbackSummaryField(options.feedback.adminSummary, scope)]
        : []
    // Members give feedback on the events they attended and the courses they completed; each
    // event and course may add its own questions (an array field the plugin adds).
    const withFeedbackQuestions = (collection: CollectionConfig): CollectionConfig =>
      options.feedback &&
      (collection.slug === options.courses || collection.slug === options.events)
        ? {
            ...collection,
            fields: [
              ...collection.fields,
              feedbackQuestionsField(
                options.feedback.questionsField,
                options.feedback.maxQuestions,
              ),
              ...summaryPanel('item'),
            ],
          }
        : collection
    // Webinar imports read each event's minimum minutes (a number field the plugin adds).
    const withAttendanceMinimum = (collection: CollectionConfig): CollectionConfig =>
      options.imports && collection.slug === options.events
        ? {
            ...collection,
            fields: [...collection.fields, attendanceMinimumField(options.imports)],
          }
        : collection
    const collections = existing
      .map(withFeedbackQuestions)
      .map(withAttendanceMinimum)
      .map((collection) => {
        if (collection.slug === options.members) {
          // A member changes organisation only through a move (POST /api/loyalty/members/:id/move).
          return {
            ...collection,
            fields: [
              ...collection.fields,
              balanceFields(options, 'member'),
              ...(options.notifications
                ? [notificationPreferencesField(options.notifications.preferencesField)]
                : []),
            ],
            hooks: {
              ...collection.hooks,
              // Sign-ins, for the programme analytics' reach.
              afterLogin: [
                ...(collection.hooks?.afterLogin ?? []),
                ...(options.analytics && !options.disabled ? [recordSignIn(options)] : []),
              ],
              beforeChange: [
                ...(collection.hooks?.beforeChange ?? []),
                refuseOrganisationChange(options),
              ],
            },
          }
        }
        if (collection.slug === options.organisations) {
          // Awards cache whether an organisation is active (it gets no share when it is not).
          const clear = clearOnChange(organisationCacheKey)
          return {
            ...collection,
            fields: [
              ...collection.fields,
              balanceFields(options, 'organisation'),
              ...summaryPanel('organisation'),
            ],
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), ...clear.afterChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), ...clear.afterDelete],
            },
          }
        }
        if (collection.slug === options.tiers) {
          const clear = clearOnChange('tiers:')
          return {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), ...clear.afterChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), ...clear.afterDelete],
            },
          }
        }
        const added = contentEndpoints(collection.slug)
        if (added.length > 0) {
          // The award path caches what it reads of a content document (title, tags, lessons).
          const clear = clearOnChange(contentCacheKey(collection.slug))
          return {
            ...collection,
            endpoints: [
              ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
              ...added,
            ],
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), ...clear.afterChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), ...clear.afterDelete],
            },
          }
        }
        return collection
      })
    // Tier upgrades and redemption decisions queue their mails (in the same transaction).
    const notify = Boolean(options.notifications) && !options.disabled
    const withAfterChange = (
      collection: CollectionConfig,
      hook: NonNullable<NonNullable<CollectionConfig['hooks']>['afterChange']>[number],
    ): CollectionConfig =>
      notify
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), hook],
            },
          }
        : collection
    collections.push(
      ledgerCollection(options),
      activitiesCollection(options),
      progressCollection(options),
      registrationsCollection(options),
      {
        ...rewardsCollection(options),
        endpoints: options.disabled ? [] : rewardEndpoints(options),
      },
      withAfterChange(
        {
          ...redemptionsCollection(options),
          endpoints: options.disabled ? [] : redemptionEndpoints(options),
        },
        notifyRedemptionStatus(options),
      ),
      earningRulesCollection(options),
      promotionsCollection(options),
      withAfterChange(tierChangesCollection(options), notifyTierUpgrade(options)),
      movesCollection(options),
      invitationsCollection(options),
      leadsCollection(options),
      webhooksCollection(options),
      webhookDeliveriesCollection(options),
    )
    if (options.feedback) collections.push(feedbackCollection(options))
    if (options.notifications) collections.push(notificationsCollection(options))
    if (options.imports) collections.push(importsCollection(options))
    const tasks = options.disabled
      ? []
      : [
          ...(options.pointsExpireAfterMonths > 0 ? [expirePointsTask(options)] : []),
          reviewTiersTask(options),
          deliverWebhookTask(options),
          pruneWebhookDeliveriesTask(options),
          ...notificationTasks(options),
        ]
    const shouldAutoRun = incomingConfig.jobs?.shouldAutoRun
    // The admin's "Imports" view (staff upload webinar reports and bulk adjustments); its module
    // also exports the navigation link.
    const importsView =
      options.imports && options.imports.adminView && !options.disabled
        ? options.imports.adminView
        : null
    const components = incomingConfig.admin?.components
    const admin = importsView
      ? {
          ...incomingConfig.admin,
          components: {
            ...components,
            afterNavLinks: [
              ...(components?.afterNavLinks ?? []),
              `${importsView.split('#')[0]}#ImportsNavLink`,
            ],
            views: {
              ...components?.views,
              loyaltyImports: { Component: importsView, exact: true, path: '/imports' as const },
            },
          },
        }
      : incomingConfig.admin
    return {
      ...incomingConfig,
      admin: programmeAdmin(admin, options),
      collections,
      // Server-side helpers (`local.ts`) read the resolved options from the running config.
      custom: { ...incomingConfig.custom, loyalty: options },
      jobs: {
        ...incomingConfig.jobs,
        // Before each automatic run of the queue: release the plugin's runs whose worker died.
        shouldAutoRun: async (payload) => {
          const run = shouldAutoRun ? await shouldAutoRun(payload) : true
          if (!run || tasks.length === 0) return run
          try {
            const slugs = tasks.map((task) => task.slug)
            await releaseStaleJobs(payload, slugs, options.staleJobMinutes)
          } catch (error) {
            payload.logger.error({ err: error }, 'loyalty: could not release stale jobs')
          }
          return run
        },
        tasks: [...(incomingConfig.jobs?.tasks ?? []), ...tasks],
      },
      endpoints: [
        ...(incomingConfig.endpoints ?? []),
        ...(options.disabled ? [] : loyaltyEndpoints(options)),
      ],
    }
  }
