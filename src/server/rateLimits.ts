import type { RequestHandler } from 'express'

import { rateLimit } from 'express-rate-limit'

/** Requests per window and window length for password-reset requests, from the environment. */
export const passwordResetLimit = (): { limit: number; windowMs: number } => ({
  limit: Number(process.env.PASSWORD_RESET_RATE_LIMIT ?? 5),
  windowMs: 15 * 60 * 1000,
})

/**
 * Throttles `POST /api/<collection>/forgot-password` per client address (5 per 15 minutes by
 * default; `PASSWORD_RESET_RATE_LIMIT=0` turns it off). This replaces Payload's per-account
 * `minRequestInterval`, which the members collection turns off because on SQLite it writes
 * outside the operation's own transaction and waits for that transaction's lock.
 */
export const passwordResetLimiter = (): RequestHandler => {
  const { limit, windowMs } = passwordResetLimit()
  if (!(limit > 0)) return (_req, _res, next) => next()
  return rateLimit({
    legacyHeaders: false,
    limit,
    message: {
      errors: [
        {
          message:
            'Too many password reset requests from this address. Please try again in 15 minutes.',
        },
      ],
    },
    standardHeaders: 'draft-8',
    windowMs,
  })
}
