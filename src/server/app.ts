import type { Server } from 'node:http'
import type { Payload, SanitizedConfig } from 'payload'

import { createRequest, sendResponse } from '@remix-run/node-fetch-server'
import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import express, {
  type NextFunction,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
} from 'express'
import next from 'next'
import { getPayload, handleEndpoints } from 'payload'
import { pinoHttp } from 'pino-http'

import { rootDir } from '../config/env'
import { allowJobsCron } from '../config/jobsCron'
import { answerDuringOutage, expressErrorAnswer, noteSignInOutages } from './databaseOutage'
import {
  loginLimiter,
  memberActionLimiter,
  memberActionPaths,
  passwordResetLimiter,
} from './rateLimits'
import { securityHeaders } from './securityHeaders'
import { closeDatabase, pingDatabase } from './readiness'

/** How the server serves pages (admin panel and portal). */
export type NextMode = 'build' | 'dev' | 'off'

export type ServerOptions = {
  /** The resolved Payload config (the app's `payload.config.ts`). */
  config: Promise<SanitizedConfig> | SanitizedConfig
  /** Host to listen on. @default '127.0.0.1' */
  host?: string
  /**
   * `build` serves the output of `next build`, `dev` compiles on demand, `off` serves only the
   * API and health checks (used by API tests, which need no page build).
   */
  nextMode: NextMode
  /** Run the jobs queue's cron (autoRun) in this process. @default true */
  cron?: boolean
  /** Port to listen on; 0 picks a free one. */
  port: number
  /** Milliseconds in-flight requests get to finish on shutdown. @default 15000 */
  shutdownTimeoutMs?: number
}

export type RunningServer = {
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  close: () => Promise<void>
  payload: Payload
  server: Server
  /** The base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string
}

/**
 * Adapts a Fetch-API handler (Payload's REST and GraphQL handlers) to Express; a request whose
 * user could not be read during a database outage is answered 503 (see `answerDuringOutage`).
 */
const fetchHandler =
  (handle: (request: globalThis.Request) => Promise<globalThis.Response>) =>
  async (req: ExpressRequest, res: ExpressResponse): Promise<void> => {
    const request = createRequest(req, res)
    const response = await answerDuringOutage(await handle(request), request)
    await sendResponse(res, response)
  }

/**
 * Builds and starts the Express server: health checks, request logging, Payload's REST and
 * GraphQL API, and Next.js for the admin panel and the portal.
 */
export const startServer = async (options: ServerOptions): Promise<RunningServer> => {
  const { config, host = '127.0.0.1', nextMode, port, shutdownTimeoutMs = 15_000 } = options
  if (nextMode !== 'dev') process.env.DISABLE_PAYLOAD_HMR = 'true'
  // Payload would start the cron on the first REST request anyway (see allowJobsCron).
  allowJobsCron(options.cron ?? true)
  const payload = await getPayload({ config, cron: options.cron ?? true })
  noteSignInOutages(payload)
  const app = express()
  app.disable('x-powered-by')
  app.use(securityHeaders())
  app.set('trust proxy', process.env.TRUST_PROXY === 'true')

  let shuttingDown = false

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) })
  })

  app.get('/readyz', async (_req, res) => {
    if (shuttingDown) {
      res.status(503).json({ reason: 'The server is shutting down.', status: 'unavailable' })
      return
    }
    try {
      await pingDatabase(payload)
      res.json({ database: payload.db.name, status: 'ready' })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      res
        .status(503)
        .json({ reason: `The database is not reachable: ${message}`, status: 'unavailable' })
    }
  })

  app.use(
    pinoHttp({
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      logger: payload.logger,
      quietReqLogger: true,
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  )

  const apiRoute = payload.config.routes.api
  const graphQLRoute = `${apiRoute}${payload.config.routes.graphQL}`
  const playgroundRoute = `${apiRoute}${payload.config.routes.graphQLPlayground}`
  const resolvedConfig = payload.config
  app.post(`${apiRoute}/:collection/forgot-password`, passwordResetLimiter())
  app.post(`${apiRoute}/:collection/login`, loginLimiter())
  const actions = memberActionLimiter()
  for (const path of memberActionPaths) {
    app.post(`${apiRoute}${path}`, actions)
    app.delete(`${apiRoute}${path}`, actions)
  }
  app.post(graphQLRoute, fetchHandler(GRAPHQL_POST(resolvedConfig)))
  if (!(
    process.env.NODE_ENV === 'production' && payload.config.graphQL.disablePlaygroundInProduction
  )) {
    app.get(playgroundRoute, fetchHandler(GRAPHQL_PLAYGROUND_GET(Promise.resolve(resolvedConfig))))
  }
  app.all(
    `${apiRoute}{/*splat}`,
    fetchHandler((request) => handleEndpoints({ config, request })),
  )

  let closeNext: () => Promise<void> = async () => {}
  if (nextMode !== 'off') {
    const nextApp = next({ dev: nextMode === 'dev', dir: rootDir, hostname: host, port })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    app.all('/{*splat}', (req, res) => handle(req, res))
    closeNext = () => nextApp.close()
  } else {
    app.all('/{*splat}', (_req, res) => {
      res
        .status(404)
        .json({ errors: [{ message: 'Pages are not served by this server (API only).' }] })
    })
  }

  // Errors that escape a handler: JSON in Payload's shape, without a stack (Express's default
  // answer is an HTML page with one outside production); 503 when the database is down.
  app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const { body, status } = expressErrorAnswer(error)
    if (status === 500) payload.logger.error({ err: error }, 'request failed')
    res.status(status).json(body)
  })

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    )
  })
  const address = server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shuttingDown = true
      const drained = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const forced = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          payload.logger.warn(
            `Shutdown: requests still running after ${shutdownTimeoutMs} ms; closing them.`,
          )
          server.closeAllConnections()
          resolve()
        }, shutdownTimeoutMs)
        timer.unref()
      })
      await Promise.race([drained, forced])
      await closeNext()
      await closeDatabase(payload)
    })()
    return closing
  }

  return { close, payload, server, url }
}
