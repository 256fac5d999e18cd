'use client'

import { useEffect, useState } from 'react'

/** A JSON answer of the API as a component shows it: loading, failed with a sentence, or ready. */
export type Loaded<T> =
  { data: T; status: 'ready' } | { message: string; status: 'failed' } | { status: 'loading' }

/**
 * GETs `url` with the admin's session cookie and keeps its JSON answer: loading again whenever
 * the URL changes (the answer of the old one is dropped), `failed` with the API's own error
 * message or `failedMessage` when it gives none or the server is not reached. A null URL loads
 * nothing (the state stays `loading`).
 */
export const useApiJson = <T>(url: null | string, failedMessage: string): Loaded<T> => {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  useEffect(() => {
    if (!url) return
    const controller = new AbortController()
    setState({ status: 'loading' })
    fetch(url, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as {
          errors?: { message?: string }[]
        }
        setState(
          response.ok
            ? { data: body as T, status: 'ready' }
            : { message: body?.errors?.[0]?.message ?? failedMessage, status: 'failed' },
        )
      })
      .catch((error: unknown) => {
        if ((error as { name?: string })?.name === 'AbortError') return
        setState({ message: failedMessage, status: 'failed' })
      })
    return () => controller.abort()
  }, [failedMessage, url])
  return state
}
