import type { DateFieldValidation } from 'payload'

/** An event must end after it starts, and registration must close before it ends. */
export const validateEventSchedule: DateFieldValidation = (value, { siblingData }) => {
  if (!value) return 'Enter when the event ends.'
  const data = siblingData as { registrationDeadline?: null | string; startsAt?: null | string }
  const ends = new Date(value).getTime()
  if (Number.isNaN(ends)) return 'The end is not a valid date.'
  if (data.startsAt) {
    const starts = new Date(data.startsAt).getTime()
    if (!Number.isNaN(starts) && ends <= starts) return 'The event must end after it starts.'
  }
  if (data.registrationDeadline) {
    const deadline = new Date(data.registrationDeadline).getTime()
    if (!Number.isNaN(deadline) && deadline > ends) {
      return 'The registration deadline must not be after the event ends.'
    }
  }
  return true
}
