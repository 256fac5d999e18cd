/**
 * `npm run seed`: seeds the demo programme into the database named by DATABASE_URI.
 *
 * The Payload config is imported before anything else that imports `payload`: under tsx, importing
 * `payload` first and the config afterwards deadlocks on a top-level await (the process then exits
 * silently with code 13).
 */
const { default: config } = await import('../../payload.config')
const { getPayload } = await import('payload')
const { seed } = await import('./index')

const payload = await getPayload({ config })
const summary = await seed(payload)
payload.logger.info({ summary }, 'Demo content seeded')
await payload.destroy()
process.exit(0)
export {}
