import type { SanitizedConfig } from 'payload'

import { admins, staff } from './index'

/**
 * Payload adds some collections and globals of its own, with its default access "any signed-in
 * user", which in this app includes every partner member. They are added while the config is
 * sanitised (after plugins run), so their access is set here, on the built config:
 *
 * - `payload-locked-documents` (who is editing what in the admin panel): a member could list
 *   the locks and create or delete them, e.g. lock another company's member record so that its
 *   owner gets 423 Locked on every change of their profile. Only staff use the admin panel.
 * - the `payload-jobs-stats` global (when each scheduled task last ran): a member could move a
 *   task's last run into the future and so switch off the nightly points expiry and tier review.
 *   Payload's scheduler writes it through the database adapter, past access control; over the
 *   API admins may read it and nobody writes it.
 */
export const restrictPayloadInternals = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find(
    (collection) => collection.slug === 'payload-locked-documents',
  )
  if (locks) {
    locks.access = { ...locks.access, create: staff, delete: staff, read: staff, update: staff }
  }
  const jobStats = config.globals.find((global) => global.slug === 'payload-jobs-stats')
  if (jobStats) {
    jobStats.access = {
      ...jobStats.access,
      read: admins,
      readVersions: admins,
      update: () => false,
    }
  }
  return config
}
