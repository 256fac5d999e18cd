'use client'

import type { NoticeTone } from '../components/Notice'

export type FeedbackState = null | { text: string; tone: NoticeTone }

/**
 * A live region that is always in the page, so screen readers announce what is put into it.
 * Success reads politely; errors assertively.
 */
export function Feedback({ state }: { state: FeedbackState }) {
  return (
    <div
      aria-live={state?.tone === 'error' ? 'assertive' : 'polite'}
      role={state?.tone === 'error' ? 'alert' : 'status'}
    >
      {state ? (
        <p className={state.tone === 'info' ? 'pc-notice' : `pc-notice pc-notice--${state.tone}`}>
          {state.text}
        </p>
      ) : null}
    </div>
  )
}
