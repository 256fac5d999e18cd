import type { ReactNode } from 'react'

export type BadgeTone = 'danger' | 'locked' | 'neutral' | 'points' | 'success' | 'warning'

/** A small pill: status, level, points, lock. */
export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: BadgeTone }) {
  return (
    <span className={tone === 'neutral' ? 'pc-badge' : `pc-badge pc-badge--${tone}`}>
      {children}
    </span>
  )
}

/** "+80 points" as a badge, optionally with what for ("+80 points for attending"). */
export function PointsBadge({ points, reason }: { points: number; reason?: string }) {
  return (
    <Badge tone="points">
      +{points.toLocaleString('en-GB')} points{reason ? ` ${reason}` : ''}
    </Badge>
  )
}

/** A small padlock drawn in SVG (emoji fonts are not everywhere). */
export function LockIcon() {
  return (
    <svg
      aria-hidden="true"
      fill="none"
      focusable="false"
      height="12"
      stroke="currentColor"
      strokeWidth="2.5"
      viewBox="0 0 24 24"
      width="12"
    >
      <rect height="11" rx="2" width="16" x="4" y="11" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  )
}

/** "Gold tier needed" with a padlock, for tier-locked content. */
export function LockedBadge({ tier }: { tier: string }) {
  return (
    <Badge tone="locked">
      <LockIcon /> {tier} tier needed
    </Badge>
  )
}
