import type { ReactNode } from 'react'

import Link from 'next/link'

import { NavLinks, type NavItem } from '@/portal/client/NavLinks'
import { SignOutButton } from '@/portal/client/SignOutButton'
import { Toaster } from '@/portal/client/Toaster'
import { BrandHeader } from '@/portal/components/BrandHeader'
import { formatPoints } from '@/portal/data/format'
import { isManager, requireMember } from '@/portal/data/session'

export const dynamic = 'force-dynamic'

/** Every signed-in page: header with points and sign-out, main navigation, content. */
export default async function MemberLayout({ children }: { children: ReactNode }) {
  const { member } = await requireMember()
  const items: NavItem[] = [
    { href: '/', label: 'Home' },
    { href: '/courses', label: 'Courses' },
    { href: '/case-studies', label: 'Case studies' },
    { href: '/events', label: 'Events' },
    { href: '/rewards', label: 'Rewards' },
    { href: '/statement', label: 'Statement' },
    { href: '/leaderboard', label: 'Leaderboard' },
    { href: '/invite', label: 'Invite' },
    { href: '/recommend', label: 'Recommend' },
    ...(isManager(member) ? [{ href: '/company', label: 'My company' }] : []),
    { href: '/settings/notifications', label: 'Emails' },
  ]
  return (
    <>
      <BrandHeader>
        <Link className="pc-header__points" data-testid="header-points" href="/statement">
          {formatPoints(member.loyalty?.spendable ?? 0)}
          <span aria-hidden="true"> pts</span>
          <span className="pc-visually-hidden"> points to spend: see your statement</span>
        </Link>
        <SignOutButton />
      </BrandHeader>
      <NavLinks items={items} />
      <main className="pc-main" id="main">
        {children}
      </main>
      <Toaster />
      <footer className="pc-footer">
        Signed in as {member.name} · Nordwind Heat Systems Partner Club
      </footer>
    </>
  )
}
