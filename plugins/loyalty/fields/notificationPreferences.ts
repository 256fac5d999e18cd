import type { Field } from 'payload'

import { notificationCategories, notificationCategoryLabels } from '../engine/notifications'

/**
 * The member's choice of mails, one checkbox per category (on unless switched off). Members
 * change it in the portal (`PATCH /api/loyalty/notifications/preferences`) or with the
 * unsubscribe link of a mail.
 */
export const notificationPreferencesField = (name: string): Field => ({
  name,
  type: 'group',
  admin: { description: 'Which emails this member receives from the programme.' },
  fields: notificationCategories.map((category) => ({
    name: category,
    type: 'checkbox' as const,
    defaultValue: true,
    label: notificationCategoryLabels[category].label,
  })),
  label: 'Email notifications',
})
