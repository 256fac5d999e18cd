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

type CardMediaProps = {
  /** The cover image (see `mediaOf`); nothing is rendered without one. */
  image: null | { url: string }
  /** Load at once (the first cards, above the fold on a phone) instead of when scrolled to. */
  eager?: boolean
}

/** A card's cover image, decorative (the card's title names it). */
export function CardMedia({ eager = false, image }: CardMediaProps) {
  if (!image) return null
  return (
    <div className="pc-card__media">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img alt="" height={175} loading={eager ? 'eager' : 'lazy'} src={image.url} width={400} />
    </div>
  )
}
