import type { ButtonHTMLAttributes, ReactNode } from 'react'

import Link from 'next/link'

export type ButtonVariant = 'danger' | 'ghost' | 'primary' | 'secondary'

const className = (variant: ButtonVariant, block?: boolean, extra?: string) =>
  [
    'pc-button',
    variant !== 'primary' && `pc-button--${variant}`,
    block && 'pc-button--block',
    extra,
  ]
    .filter(Boolean)
    .join(' ')

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  block?: boolean
  variant?: ButtonVariant
}

/** A button of the design system; at least 44 × 44 px. */
export function Button({
  block,
  className: extra,
  type = 'button',
  variant = 'primary',
  ...rest
}: ButtonProps) {
  return <button className={className(variant, block, extra)} type={type} {...rest} />
}

type ButtonLinkProps = {
  block?: boolean
  children: ReactNode
  download?: boolean
  href: string
  prefetch?: boolean
  variant?: ButtonVariant
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({
  block,
  children,
  download,
  href,
  prefetch,
  variant = 'primary',
}: ButtonLinkProps) {
  if (download || /^https?:/.test(href)) {
    return (
      <a className={className(variant, block)} download={download || undefined} href={href}>
        {children}
      </a>
    )
  }
  return (
    <Link className={className(variant, block)} href={href} prefetch={prefetch}>
      {children}
    </Link>
  )
}
