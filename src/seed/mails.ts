import type { Payload } from 'payload'

import { capturedEmailsStored } from '../config/email'

/**
 * Sends the programme's notification mails once, as the scheduled jobs would: the points
 * digest, event reminders and recordings, expiry warnings, and whatever the seed queued (tier
 * upgrades). Without SMTP they land in the local capture (admin: "Sent mail (local capture)").
 * Returns how many mails the capture holds.
 */
export const sendDemoMails = async (payload: Payload): Promise<number> => {
  for (const task of [
    'loyaltyQueueDigests',
    'loyaltyQueueReminders',
    'loyaltyQueueExpiryWarnings',
  ] as const) {
    await payload.jobs.queue({ input: {}, queue: 'loyalty', task })
  }
  for (let round = 0; round < 20; round += 1) {
    // One job at a time: SQLite has a single writer.
    const { noJobsRemaining } = await payload.jobs.run({
      limit: 100,
      queue: 'loyalty',
      sequential: true,
    })
    if (noJobsRemaining) break
  }
  await capturedEmailsStored()
  return (await payload.count({ collection: 'captured-emails' })).totalDocs
}
