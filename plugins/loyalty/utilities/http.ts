import type { PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { signedInMember, signedInStaff } from '../access'
import { databaseUnavailableMessage, isDatabaseUnavailable } from './databaseErrors'

/** A JSON response in Payload's error shape for errors, `{ errors: [{ message }] }`. */
export const fail = (
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): Response => Response.json({ errors: [{ message }], ...extra }, { status })

export const ok = (body: unknown, status = 200): Response => Response.json(body, { status })

/** Thrown inside a handler to answer with a 4xx; `handle` turns it into the response. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/**
 * Wraps an endpoint handler: answers thrown `HttpError`s with their status and message, a
 * database that cannot be reached with a 503 that says so, and anything else with a 500 that
 * hides the details (which are logged).
 */
export const handle =
  (handler: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof HttpError) return fail(error.status, error.message, error.extra)
      if (isDatabaseUnavailable(error)) {
        req.payload.logger.warn({ err: error }, 'loyalty endpoint: the database is unavailable')
        return fail(503, databaseUnavailableMessage)
      }
      req.payload.logger.error({ err: error }, 'loyalty endpoint failed')
      return fail(500, 'Something went wrong on our side. Please try again.')
    }
  }

/** The signed-in, active member, or a 401/403 explaining who may do this. */
export const requireMember = (req: PayloadRequest, options: ResolvedLoyaltyOptions) => {
  const member = signedInMember(req, options)
  if (member) return member
  if (!req.user) throw new HttpError(401, 'Sign in as a partner member to do this.')
  if ((req.user as { collection?: string }).collection === options.members) {
    throw new HttpError(403, 'Your account is blocked.')
  }
  throw new HttpError(403, 'Only partner members can do this; staff accounts do not earn points.')
}

/**
 * The signed-in staff user's id, or a 401 (nobody signed in) or 403 (a member, or a user
 * without a programme role), each with the endpoint's own sentence.
 */
export const requireStaff = (
  req: PayloadRequest,
  options: ResolvedLoyaltyOptions,
  messages: { forbidden: string; signIn: string },
): number | string => {
  if (!req.user) throw new HttpError(401, messages.signIn)
  if (!signedInStaff(req, options)) throw new HttpError(403, messages.forbidden)
  return req.user.id
}

/** The JSON body as an object, or a 400 when it is not one. */
export const jsonBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.')
  }
  const data = req.data
  if (data === undefined || data === null) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new HttpError(400, 'The request body must be a JSON object.')
  }
  return data as Record<string, unknown>
}

/** A route parameter that must be a document id (digits or a 24-hex ObjectId). */
export const idParam = (req: PayloadRequest, name: string): string => {
  const value = String(req.routeParams?.[name] ?? '')
  if (!/^(\d{1,18}|[0-9a-f]{24})$/i.test(value))
    throw new HttpError(400, `"${value}" is not a valid ${name}.`)
  return value
}
