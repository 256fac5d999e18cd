/**
 * `npm run seed`: seeds the demo programme into the database named by DATABASE_URI.
 * Started through `scripts/launch.mjs` (see there why).
 */
import config from '../../payload.config'
import { getPayload } from 'payload'

import { seed } from './index'

const payload = await getPayload({ config })
const summary = await seed(payload)
payload.logger.info({ summary }, 'Demo content seeded')
await payload.destroy()
process.exit(0)
