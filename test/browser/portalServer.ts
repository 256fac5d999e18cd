import type { Payload } from 'payload'

import type { RunningServer } from '../../src/server/app'

import { startServer } from '../../src/server/app'
import { seed } from '../../src/seed/index'
import { freshDatabaseURI } from '../helpers/database'

/**
 * The real Express server serving the `next build` output (admin, API and portal), on a free
 * loopback port, against a fresh database seeded with the demo programme.
 */
export const startPortal = async (port = 0): Promise<RunningServer> => {
  process.env.DATABASE_URI = await freshDatabaseURI()
  const { default: config } = await import('../../payload.config')
  const running = await startServer({
    config,
    cron: false,
    host: '127.0.0.1',
    nextMode: 'build',
    port,
    shutdownTimeoutMs: 5000,
  })
  await seed(running.payload)
  return running
}

/** A member of the seed by email (the tests look people up instead of assuming ids). */
export const memberByEmail = async (payload: Payload, email: string) => {
  const { docs } = await payload.find({
    collection: 'members',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { email: { equals: email } },
  })
  if (!docs[0]) throw new Error(`no member ${email} in the seed`)
  return docs[0]
}
