import type { ReactNode } from 'react'

import Link from 'next/link'

type PageHeaderProps = {
  back?: { href: string; label: string }
  children?: ReactNode
  eyebrow?: string
  title: string
}

/** The page's h1, with an optional eyebrow, back link and intro. */
export function PageHeader({ back, children, eyebrow, title }: PageHeaderProps) {
  return (
    <header className="pc-page-header">
      {back ? (
        <Link className="pc-back pc-no-print" href={back.href}>
          ← {back.label}
        </Link>
      ) : null}
      {eyebrow ? <p className="pc-eyebrow">{eyebrow}</p> : null}
      <h1>{title}</h1>
      {children}
    </header>
  )
}
