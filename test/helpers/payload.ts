import type { Payload } from 'payload'

import { getPayload } from 'payload'

import { freshDatabaseURI } from './database'

/**
 * Boots the real Payload config against a fresh database. The config reads DATABASE_URI when
 * it is imported, so it is imported only after the fresh URI is in place; vitest runs every
 * test file in its own process, so each file gets its own database and Payload instance.
 */
export const bootPayload = async (): Promise<{ payload: Payload; uri: string }> => {
  const uri = await freshDatabaseURI()
  process.env.DATABASE_URI = uri
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  return { payload, uri }
}
