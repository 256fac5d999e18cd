import type { ReactNode } from 'react'

import Link from 'next/link'

/** The top bar with the Nordwind / Partner Club mark; `children` go on the right. */
export function BrandHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="pc-header">
      <a className="pc-skip" href="#main">
        Skip to content
      </a>
      <div className="pc-header__bar">
        <Link className="pc-brand" href="/">
          <span className="pc-brand__maker">Nordwind Heat Systems</span>
          <span className="pc-brand__name">Partner Club</span>
        </Link>
        {children ? <div className="pc-header__account">{children}</div> : null}
      </div>
    </header>
  )
}
