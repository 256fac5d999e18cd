import type { ReactNode } from 'react'

export type BadgeTone = 'danger' | 'locked' | 'neutral' | 'points' | 'success' | 'warning'

/** A small pill: status, level, points, lock. */
export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: BadgeTone }) {
  return <span className={tone === 'neutral' ? 'pc-badge' : `pc-badge pc-badge--${tone}`}>{children}</span>
}

/** "+80 points" as a badge. */
export function PointsBadge({ points }: { points: number }) {
  return <Badge tone="points">+{points.toLocaleString('en-GB')} points</Badge>
}

/** "🔒 Gold members" as a badge, for tier-locked content. */
export function LockedBadge({ tier }: { tier: string }) {
  return (
    <Badge tone="locked">
      <span aria-hidden="true">🔒</span> {tier} tier needed
    </Badge>
  )
}
