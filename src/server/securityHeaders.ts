import type { RequestHandler } from 'express'

import helmet from 'helmet'

/**
 * Security headers on every response (portal, admin and API), from helmet: `nosniff`,
 * `X-Frame-Options: SAMEORIGIN`, `Referrer-Policy: no-referrer`, cross-origin isolation of
 * windows and resources, HSTS (browsers apply it over HTTPS only), no `X-Powered-By`.
 *
 * The Content-Security-Policy forbids framing by other sites (clickjacking), plugins and
 * foreign `<base>` and form targets. It does not restrict scripts and styles: Next.js and the
 * Payload admin rely on inline scripts, and a script policy needs per-request nonces.
 */
export const securityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        'base-uri': ["'self'"],
        'default-src': helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'object-src': ["'none'"],
        'script-src': null,
        'script-src-attr': null,
        'style-src': null,
        'upgrade-insecure-requests': null,
        'font-src': null,
        'img-src': null,
      },
      useDefaults: true,
    },
  })
