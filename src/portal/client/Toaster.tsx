'use client'

import { useEffect, useState } from 'react'

import { type ToastMessage, onToast } from './toast'

/**
 * The page-wide live region for outcomes ("Approved.", "+80 points"). It lives in the layout,
 * so it survives the refresh that follows an action. Hides itself after a while, or on Dismiss.
 */
export function Toaster() {
  const [message, setMessage] = useState<null | (ToastMessage & { key: number })>(null)
  useEffect(() => onToast((next) => setMessage({ ...next, key: Date.now() })), [])
  useEffect(() => {
    if (!message) return
    const timer = window.setTimeout(() => setMessage(null), 10_000)
    return () => window.clearTimeout(timer)
  }, [message])
  return (
    <div aria-live="polite" className="pc-toaster" role="status">
      {message ? (
        <div className={`pc-toast pc-toast--${message.tone}`} key={message.key}>
          <span>{message.text}</span>
          <button className="pc-toast__close" onClick={() => setMessage(null)} type="button">
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  )
}
