/**
 * `npm run seed`: seeds the demo programme into the database named by DATABASE_URI.
 *
 * The Payload config is imported before anything else that imports `payload`, and statically:
 * under tsx, other orders (or dynamic imports from a module with top-level await) can deadlock
 * on a top-level await inside Payload's dependencies; the process then exits silently with
 * code 13.
 */
import config from '../../payload.config'
import { getPayload } from 'payload'

import { seed } from './index'

const payload = await getPayload({ config })
const summary = await seed(payload)
payload.logger.info({ summary }, 'Demo content seeded')
await payload.destroy()
process.exit(0)
