import type { RunningServer } from '../../src/server/app'

import { startServer } from '../../src/server/app'
import { freshDatabaseURI } from './database'

/**
 * Starts the real Express server (API and health checks; pages are tested by the browser
 * suite against a build) on a free loopback port, against a fresh database of the kind under
 * test, or against `databaseURI` when given.
 */
export const bootServer = async (databaseURI?: string): Promise<RunningServer> => {
  process.env.DATABASE_URI = databaseURI ?? (await freshDatabaseURI())
  const { default: config } = await import('../../payload.config')
  return startServer({
    config,
    cron: false,
    host: '127.0.0.1',
    nextMode: 'off',
    port: 0,
    shutdownTimeoutMs: 5000,
  })
}

export type Client = {
  /** Sends a request with this client's token (if signed in) and parses JSON. */
  request: (
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ body: JsonBody; status: number }>
  token: null | string
}

/** Parsed JSON from the API under test; its shape is what the tests assert. */
export type JsonBody = Record<string, any>

/** An HTTP client for the server, anonymous or signed in to a collection. */
export const client = (baseURL: string, token: null | string = null): Client => ({
  request: async (method, path, body) => {
    const response = await fetch(`${baseURL}${path}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      method,
    })
    const text = await response.text()
    let parsed: JsonBody = {}
    try {
      parsed = text ? (JSON.parse(text) as JsonBody) : {}
    } catch {
      parsed = { text }
    }
    return { body: parsed, status: response.status }
  },
  token,
})

/** Signs in over REST and returns a client carrying the token. */
export const signIn = async (
  baseURL: string,
  collection: 'members' | 'users',
  email: string,
  password: string,
): Promise<Client> => {
  const anonymous = client(baseURL)
  const { body, status } = await anonymous.request('POST', `/api/${collection}/login`, {
    email,
    password,
  })
  if (status !== 200 || typeof body.token !== 'string') {
    throw new Error(`sign-in as ${email} failed: ${status} ${JSON.stringify(body)}`)
  }
  return client(baseURL, body.token)
}
