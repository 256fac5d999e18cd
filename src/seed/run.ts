/** `npm run seed`: seeds the demo programme into the database named by DATABASE_URI. */
import { getPayload } from 'payload'

import config from '../../payload.config'
import { seed } from './index'

const payload = await getPayload({ config })
const summary = await seed(payload)
payload.logger.info({ summary }, 'Demo content seeded')
await payload.destroy()
process.exit(0)
