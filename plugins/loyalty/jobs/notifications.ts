import type { TaskConfig } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import {
  queueDigests,
  queueEventMails,
  queueExpiryWarnings,
  sendNotification,
  sendNotificationTaskSlug,
} from '../services/notifications'

export { sendNotificationTaskSlug }
export const queueDigestsTaskSlug = 'loyaltyQueueDigests'
export const queueRemindersTaskSlug = 'loyaltyQueueReminders'
export const queueExpiryWarningsTaskSlug = 'loyaltyQueueExpiryWarnings'

/**
 * The notification tasks on the `loyalty` queue: one that sends a single mail (retried with
 * exponential backoff) and the scheduled scanners that queue it.
 */
export const notificationTasks = (options: ResolvedLoyaltyOptions): TaskConfig[] => {
  const settings = options.notifications
  if (!settings) return []
  return [
    {
      slug: sendNotificationTaskSlug,
      handler: async ({ input, req }) => {
        const id = (input as { notification: number | string }).notification
        return { output: await sendNotification(req.payload, options, id) }
      },
      inputSchema: [{ name: 'notification', type: 'text', required: true }],
      label: 'Send a loyalty notification',
      outputSchema: [{ name: 'status', type: 'text' }],
      retries: {
        attempts: settings.retries,
        backoff: { type: 'exponential', delay: settings.retryDelaySeconds * 1000 },
      },
    },
    {
      slug: queueDigestsTaskSlug,
      handler: async ({ req }) => {
        const result = await queueDigests(req.payload, options, new Date())
        req.payload.logger.info(result, 'loyalty: digests queued')
        return { output: result }
      },
      label: 'Queue points digests',
      outputSchema: [{ name: 'queued', type: 'number' }],
      retries: 3,
      schedule: [{ cron: settings.digestCron, queue: 'loyalty' }],
    },
    {
      slug: queueRemindersTaskSlug,
      handler: async ({ req }) => {
        const result = await queueEventMails(req.payload, options, new Date())
        req.payload.logger.info(result, 'loyalty: event reminders and recordings queued')
        return { output: result }
      },
      label: 'Queue event reminders and recordings',
      outputSchema: [
        { name: 'reminders', type: 'number' },
        { name: 'recordings', type: 'number' },
      ],
      retries: 3,
      schedule: [{ cron: '5 * * * *', queue: 'loyalty' }],
    },
    {
      slug: queueExpiryWarningsTaskSlug,
      handler: async ({ req }) => {
        const result = await queueExpiryWarnings(req.payload, options, new Date())
        req.payload.logger.info(result, 'loyalty: expiry warnings queued')
        return { output: result }
      },
      label: 'Queue warnings of expiring points',
      outputSchema: [{ name: 'queued', type: 'number' }],
      retries: 3,
      schedule: [{ cron: '30 6 * * *', queue: 'loyalty' }],
    },
  ]
}
