import type { ReactNode } from 'react'

export type NoticeTone = 'error' | 'info' | 'success' | 'warning'

/** A message box; errors are announced at once (role=alert), others politely. */
export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: NoticeTone }) {
  return (
    <div
      className={tone === 'info' ? 'pc-notice' : `pc-notice pc-notice--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      {children}
    </div>
  )
}
