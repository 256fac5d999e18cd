/**
 * The Partner Club server: Express in front of Payload and Next.js.
 * `npm start` (production, after `npm run build`), `npm run dev` (compile on demand).
 */
import config from '../payload.config'
import { assertProductionSecret } from './config/env'
import { type NextMode, startServer } from './server/app'

const nextMode = (): NextMode => {
  const mode = process.env.NEXT_MODE
  if (mode === 'build' || mode === 'dev' || mode === 'off') return mode
  if (mode) throw new Error(`NEXT_MODE must be build, dev or off (got "${mode}").`)
  return process.env.NODE_ENV === 'production' ? 'build' : 'dev'
}

/** Starts the server; `cron: false` leaves the jobs queue's cron to be started by the caller. */
export const main = async ({ cron = true }: { cron?: boolean } = {}): Promise<
  Awaited<ReturnType<typeof startServer>>
> => {
  assertProductionSecret()
  const running = await startServer({
    config,
    cron,
    host: process.env.HOST || '127.0.0.1',
    nextMode: nextMode(),
    port: Number(process.env.PORT ?? 3000),
    shutdownTimeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS || 15_000),
  })
  const { payload } = running
  payload.logger.info(
    `Partner Club is ready: portal ${running.url}/  admin ${running.url}/admin  database ${payload.db.name}`,
  )
  // A parent that started this process with an IPC channel (tests, benchmarks) hears when it is
  // ready, instead of asking until it answers.
  process.send?.({ ready: running.url })

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    payload.logger.info(`${signal}: finishing in-flight requests, then stopping.`)
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        payload.logger.error({ err: error }, 'Shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  return running
}

const isEntryPoint = import.meta.url === `file://${process.argv[1]}`
if (isEntryPoint) {
  main().catch((error: unknown) => {
    console.error('Partner Club could not start:', error)
    process.exit(1)
  })
}
