import type { ReactNode } from 'react'

/** What a list shows when it has nothing in it, with what to do instead. */
export function EmptyState({ children, title }: { children?: ReactNode; title: string }) {
  return (
    <div className="pc-card">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  )
}
