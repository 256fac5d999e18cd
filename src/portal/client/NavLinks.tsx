'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

export type NavItem = { href: string; label: string }

/** The portal's main navigation; marks the current section with aria-current. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname()
  const current = (href: string) =>
    href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)
  return (
    <nav aria-label="Main" className="pc-nav">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link aria-current={current(item.href) ? 'page' : undefined} href={item.href}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
