/**
 * While the database cannot be reached, requests fail quickly with 503 and a sentence, never with
 * a 500 or a refusal: in Payload's REST routes (an `afterError` hook), in the loyalty plugin's
 * endpoints (its `handle` wrapper) and in the Express server (below). What counts as "cannot be
 * reached" is decided by `isDatabaseUnavailable` alone.
 */
import type { AfterErrorHook, Payload } from 'payload'

import { databaseUnavailableMessage, isDatabaseUnavailable } from '../../plugins/loyalty'

/** Seconds a client is asked to wait before trying again. */
const retryAfterSeconds = '5'

/** The answer while the database is down, in Payload's error shape. */
export const outageBody = { errors: [{ message: databaseUnavailableMessage }] }

/** Payload `afterError` hook: a database that cannot be reached is a 503 that says so. */
export const databaseOutageAfterError: AfterErrorHook = ({ error }) => {
  if (!isDatabaseUnavailable(error)) return
  return { response: outageBody, status: 503 }
}

/** Set on `req.context` when the signed-in user could not be read because of an outage. */
const signInFailed = 'databaseUnavailableAtSignIn'
const watched = new WeakSet<Payload>()

/**
 * Payload's sign-in check (the `local-jwt` strategy) reads the user from the database and, when
 * that fails, carries on as if nobody were signed in: during an outage a signed-in member would
 * be refused (401/403) as a stranger. This wraps the strategy so that such a failure is noted on
 * the request (`answerDuringOutage` then answers 503 instead). The strategy reads
 * the user with `payload.findByID` of the arguments it is given, which is watched here.
 * (Noted only for an outage: an expired token or a deleted user stays an anonymous request.)
 */
export const noteSignInOutages = (payload: Payload): void => {
  if (watched.has(payload)) return
  watched.add(payload)
  payload.authStrategies = payload.authStrategies.map((strategy) => {
    if (strategy.name !== 'local-jwt') return strategy
    return {
      ...strategy,
      authenticate: async (args) => {
        let failure: unknown = null
        const lookups = Object.create(args.payload) as Payload
        lookups.findByID = (async (options: Parameters<Payload['findByID']>[0]) => {
          try {
            return await args.payload.findByID(options)
          } catch (error) {
            failure = error
            throw error
          }
        }) as Payload['findByID']
        const result = await strategy.authenticate({ ...args, payload: lookups })
        if (!result.user && args.req && isDatabaseUnavailable(failure)) {
          args.req.context[signInFailed] = true
        }
        return result
      },
    }
  })
}

/**
 * The response to send for an API request (`request` is the one Payload handled: it keeps the
 * request context). A request whose signed-in user could not be read because the database is
 * down (see `noteSignInOutages`) is answered 503, whatever the route made of it as a stranger (a
 * refusal, or `{ user: null }` from `/me`); every 503 gets a `Retry-After`.
 */
export const answerDuringOutage = async (
  response: Response,
  request: Request,
): Promise<Response> => {
  const context = (request as Request & { context?: Record<string, unknown> }).context
  if (context?.[signInFailed] === true && response.status !== 503) {
    await response.body?.cancel()
    return Response.json(outageBody, {
      headers: { 'retry-after': retryAfterSeconds },
      status: 503,
    })
  }
  if (response.status === 503 && !response.headers.has('retry-after')) {
    const withRetry = new Headers(response.headers)
    withRetry.set('retry-after', retryAfterSeconds)
    return new Response(response.body, {
      headers: withRetry,
      status: response.status,
      statusText: response.statusText,
    })
  }
  return response
}

type ErrorAnswer = { body: { errors: { message: string }[] }; status: number }

/**
 * The status and body for an error that reached Express: 503 when the database is down, the
 * error's own 4xx for a request Express could not read (e.g. a path that is not valid
 * percent-encoding), else 500 without details.
 */
export const expressErrorAnswer = (error: unknown): ErrorAnswer => {
  if (isDatabaseUnavailable(error)) return { body: outageBody, status: 503 }
  const { expose, message, status } = (error ?? {}) as {
    expose?: unknown
    message?: unknown
    status?: unknown
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const text =
      expose === true && typeof message === 'string' ? message : 'The request could not be read.'
    return { body: { errors: [{ message: text }] }, status }
  }
  return { body: { errors: [{ message: 'Something went wrong.' }] }, status: 500 }
}
