/** What a REST call answered, with the API's first error message in plain words on failure. */
export type ApiResult<T> =
  | { data: T; ok: true; status: number }
  | { data: Record<string, unknown>; message: string; ok: false; status: number }

/** The award part of the plugin's answers (a subset of its AwardResult). */
export type AwardSummary = {
  duplicate: boolean
  points: number
  reason: string
  tierUpgrade: null | { reason: string }
}

const fallbackMessage = (status: number): string => {
  if (status === 401) return 'Your session has ended. Please sign in again.'
  if (status === 403) return 'You are not allowed to do this.'
  if (status === 404) return 'This could not be found. It may have been removed.'
  if (status >= 500) return 'Something went wrong on our side. Please try again.'
  return 'That did not work. Please try again.'
}

/**
 * Calls the same-origin REST API with the HTTP-only session cookie. `path` is relative to
 * `/api`. Never throws: a network failure is a result with a message, like an API error.
 */
export async function apiRequest<T = Record<string, unknown>>(
  method: 'DELETE' | 'GET' | 'PATCH' | 'POST',
  path: string,
  body?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      method,
    })
  } catch {
    return {
      data: {},
      message: 'No connection. Check your network and try again.',
      ok: false,
      status: 0,
    }
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.ok) return { data: json as T, ok: true, status: response.status }
  const errors = json.errors as { message?: string }[] | undefined
  return {
    data: json,
    message: errors?.[0]?.message || fallbackMessage(response.status),
    ok: false,
    status: response.status,
  }
}

/** "+80 points" (or null when nothing new was awarded), for feedback after an action. */
export const pointsGained = (award: AwardSummary | null | undefined): null | string =>
  award && !award.duplicate && award.points > 0
    ? `+${award.points.toLocaleString('en-GB')} points`
    : null
