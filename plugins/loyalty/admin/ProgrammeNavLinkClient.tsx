'use client'

import { Link, NavGroup, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

/** The navigation link itself, marked as current on the Programme view. */
export function ProgrammeNavLinkClient({ path }: { path: string }) {
  const pathname = usePathname()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const href = `${admin === '/' ? '' : admin}${path}`
  const active = pathname === href
  const label = (
    <>
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">Programme</span>
    </>
  )
  return (
    <NavGroup label="Analytics">
      {active ? (
        <div aria-current="page" className="nav__link" id="nav-programme">
          {label}
        </div>
      ) : (
        <Link className="nav__link" href={href} id="nav-programme" prefetch={false}>
          {label}
        </Link>
      )}
    </NavGroup>
  )
}
