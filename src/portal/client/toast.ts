import type { NoticeTone } from '../components/Notice'

export type ToastMessage = { text: string; tone: NoticeTone }

const eventName = 'pc-toast'

/**
 * Shows a message in the page-wide toast region (in the signed-in layout). Used for outcomes
 * whose button disappears when the page refreshes, e.g. an approved redemption leaving the list.
 */
export const showToast = (message: ToastMessage): void => {
  window.dispatchEvent(new CustomEvent<ToastMessage>(eventName, { detail: message }))
}

/** Subscribes to toasts; returns the unsubscribe function. */
export const onToast = (listener: (message: ToastMessage) => void): (() => void) => {
  const handler = (event: Event) => listener((event as CustomEvent<ToastMessage>).detail)
  window.addEventListener(eventName, handler)
  return () => window.removeEventListener(eventName, handler)
}
