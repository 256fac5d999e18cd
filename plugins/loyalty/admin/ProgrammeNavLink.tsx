import type { ServerProps } from 'payload'

import { loyaltyOptionsOf } from '../local'
import { ProgrammeNavLinkClient } from './ProgrammeNavLinkClient'

/** The "Programme" link in the admin navigation, for staff only (registered by the plugin). */
export function ProgrammeNavLink({ href, payload, user }: ServerProps & { href?: string }) {
  const options = loyaltyOptionsOf(payload)
  const isStaff =
    Boolean(user) &&
    (user as { collection?: string }).collection === options.staff &&
    options.isStaff(user)
  if (!isStaff) return null
  return <ProgrammeNavLinkClient path={href ?? '/programme'} />
}
