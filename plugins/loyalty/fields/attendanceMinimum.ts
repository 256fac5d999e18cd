import type { Field } from 'payload'

import type { ImportOptions } from '../types'

/**
 * The minutes a member must attend an event, according to the webinar report staff import, to
 * count as attended (and earn `event.attended`). Empty: the plugin's share of the event's length.
 */
export const attendanceMinimumField = (settings: Required<ImportOptions>): Field => ({
  name: settings.minimumMinutesField,
  type: 'number',
  admin: {
    description: `For webinar attendance imports: the minutes a member must attend to count as attended. Empty: ${settings.attendanceMinimumPercent} % of the event's length.`,
    position: 'sidebar',
    step: 1,
  },
  label: 'Minimum minutes attended',
  max: 1440,
  min: 0,
})
