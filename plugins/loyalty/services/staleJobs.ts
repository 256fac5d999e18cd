import type { Payload, Where } from 'payload'

/** The queue the plugin's tasks run on. */
export const loyaltyQueue = 'loyalty'

/**
 * Releases the plugin's jobs that a worker took (`processing`) more than `staleAfterMinutes`
 * before `now` and never finished, so the next run of the queue picks them up again.
 *
 * Why: a worker that dies mid-run (a crash, SIGKILL, a deploy, running out of memory) leaves
 * its job marked `processing`. Payload never runs such a job again, and its scheduler enqueues
 * no new run of a task while one is marked processing, so the daily expiry (or tier review)
 * would stop for good. Only the plugin's own tasks are released: both are safe to run again
 * (expiry entries are keyed by account and day and computed from the current balance; the tier
 * review acts on the current state), so releasing a job that is in fact still running, past
 * its lease, costs a second pass, not a second expiry.
 *
 * Returns how many jobs were released.
 */
export const releaseStaleJobs = async (
  payload: Payload,
  taskSlugs: string[],
  staleAfterMinutes: number,
  now = new Date(),
): Promise<number> => {
  if (taskSlugs.length === 0) return 0
  const takenBefore = new Date(now.getTime() - staleAfterMinutes * 60_000).toISOString()
  const where: Where = {
    and: [
      { queue: { equals: loyaltyQueue } },
      { taskSlug: { in: taskSlugs } },
      { processing: { equals: true } },
      { completedAt: { exists: false } },
      // Payload stamps `updatedAt` when a worker takes the job.
      { updatedAt: { less_than_equal: takenBefore } },
    ],
  }
  // A read first: on most ticks nothing is stale, and a bulk update would open a transaction.
  const stale = await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { taskSlug: true },
    where,
  })
  if (stale.docs.length === 0) return 0
  const { docs } = await payload.update({
    collection: 'payload-jobs',
    data: { processing: false },
    depth: 0,
    overrideAccess: true,
    where,
  })
  for (const doc of docs) {
    payload.logger.warn(
      `loyalty: job ${doc.id} (${String(doc.taskSlug)}) was left processing since before ${takenBefore}; released so the queue runs it again`,
    )
  }
  return docs.length
}
