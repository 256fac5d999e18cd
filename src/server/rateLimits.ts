import type { Request, RequestHandler } from 'express'

import { createHash } from 'node:crypto'

import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

type Limit = {
  /** Requests allowed per window; 0 turns the limit off. */
  limit: number
  /** What the 429 answer says, in Payload's error shape. */
  message: string
  windowMs: number
}

const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback)
  return Number.isFinite(value) && value >= 0 ? value : fallback
}

const limiter = (
  { limit, message, windowMs }: Limit,
  keyGenerator?: (req: Request) => string,
): RequestHandler => {
  if (!(limit > 0)) return (_req, _res, next) => next()
  return rateLimit({
    keyGenerator,
    legacyHeaders: false,
    limit,
    message: { errors: [{ message }] },
    standardHeaders: 'draft-8',
    windowMs,
  })
}

/** The client's address (IPv6 grouped by /56 subnet, as express-rate-limit recommends). */
const byAddress = (req: Request): string => ipKeyGenerator(req.ip ?? '')

/**
 * The signed-in session (a hash of its token, from the `payload-token` cookie or an
 * `Authorization: JWT …` header), or the address when there is none: members behind one
 * office address do not share a budget.
 */
const bySession = (req: Request): string => {
  const header = req.headers.authorization?.match(/^(?:JWT|Bearer)\s+(.+)$/i)?.[1]
  const cookie = req.headers.cookie?.match(/(?:^|;\s*)payload-token=([^;]+)/)?.[1]
  const token = header ?? cookie
  return token
    ? `session:${createHash('sha256').update(token).digest('hex')}`
    : `address:${byAddress(req)}`
}

/**
 * `POST /api/<collection>/forgot-password` per client address: 5 per 15 minutes by default
 * (`PASSWORD_RESET_RATE_LIMIT`). This replaces Payload's per-account `minRequestInterval`,
 * which the members collection turns off because on SQLite it writes outside the operation's
 * own transaction and waits for that transaction's lock.
 */
export const passwordResetLimiter = (): RequestHandler =>
  limiter(
    {
      limit: fromEnv('PASSWORD_RESET_RATE_LIMIT', 5),
      message:
        'Too many password reset requests from this address. Please try again in 15 minutes.',
      windowMs: 15 * 60 * 1000,
    },
    byAddress,
  )

/**
 * `POST /api/<collection>/login` per client address: 100 per 15 minutes by default
 * (`LOGIN_RATE_LIMIT`), against password guessing across many accounts. Payload's lockout (5
 * failed attempts lock an account for 10 minutes) protects each single account.
 */
export const loginLimiter = (): RequestHandler =>
  limiter(
    {
      limit: fromEnv('LOGIN_RATE_LIMIT', 100),
      message: 'Too many sign-in attempts from this address. Please try again in 15 minutes.',
      windowMs: 15 * 60 * 1000,
    },
    byAddress,
  )

/**
 * The member actions that earn or spend points (lesson start and completion, quiz, case-study
 * open and read, event registration and check-in, feedback, redemption) per session: 120 a minute by
 * default (`ACTION_RATE_LIMIT`). Far above what a person does, well below a script hammering
 * the award endpoints.
 */
export const memberActionLimiter = (): RequestHandler =>
  limiter(
    {
      limit: fromEnv('ACTION_RATE_LIMIT', 120),
      message: 'Too many requests in a short time. Please wait a minute and try again.',
      windowMs: 60 * 1000,
    },
    bySession,
  )

/** Express paths (under the API route) of the member actions `memberActionLimiter` covers. */
export const memberActionPaths = [
  '/:collection/:id/lessons/:lessonId/:step',
  '/:collection/:id/quiz',
  '/:collection/:id/open',
  '/:collection/:id/read',
  '/:collection/:id/register',
  '/:collection/:id/check-in',
  '/:collection/:id/redeem',
  '/:collection/:id/feedback',
]
