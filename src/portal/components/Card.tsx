import type { ReactNode } from 'react'

type CardProps = {
  as?: 'article' | 'div' | 'li' | 'section'
  children: ReactNode
  labelledBy?: string
  tone?: 'highlight' | 'locked' | 'plain'
}

/** A white panel with a border and a soft shadow. */
export function Card({ as: Tag = 'div', children, labelledBy, tone = 'plain' }: CardProps) {
  const classes = ['pc-card', tone !== 'plain' && `pc-card--${tone}`].filter(Boolean).join(' ')
  return (
    <Tag aria-labelledby={labelledBy} className={classes}>
      {children}
    </Tag>
  )
}
