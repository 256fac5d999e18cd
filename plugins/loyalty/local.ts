import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { match } from 'path-to-regexp'
import { createLocalReq } from 'payload'

import type { ResolvedLoyaltyOptions } from './types'

type Method = 'delete' | 'get' | 'patch' | 'post' | 'put'

type Route = {
  handler: Endpoint['handler']
  match: (path: string) => false | { params: Record<string, string> }
  method: string
}

/** What a local call answered: the status and the parsed JSON body. */
export type LocalCallResult<T> =
  | { data: T; ok: true; status: number }
  | { data: Record<string, unknown>; message: string; ok: false; status: number }

const routeTables = new WeakMap<Payload, Route[]>()

const toRoute = (endpoint: Endpoint, prefix: string): Route => ({
  handler: endpoint.handler,
  match: match(`${prefix}${endpoint.path}`, { decode: decodeURIComponent }) as Route['match'],
  method: endpoint.method,
})

/** Every custom endpoint of the config (root and collection), as `/api`-relative routes. */
const routesOf = (payload: Payload): Route[] => {
  let routes = routeTables.get(payload)
  if (routes) return routes
  routes = []
  for (const endpoint of payload.config.endpoints ?? []) routes.push(toRoute(endpoint, ''))
  for (const [slug, collection] of Object.entries(payload.collections)) {
    const endpoints = collection.config.endpoints
    if (!Array.isArray(endpoints)) continue
    for (const endpoint of endpoints) routes.push(toRoute(endpoint as Endpoint, `/${slug}`))
  }
  routeTables.set(payload, routes)
  return routes
}

/**
 * Calls one of the plugin's REST endpoints in process, as `user`, without HTTP: the same
 * handler, the same validation and access rules, the same JSON. Server-rendered pages use it
 * with the signed-in member (Local API style), so what they show is exactly what the REST API
 * answers.
 *
 * `path` is relative to `/api` and may carry a query string: `/loyalty/statement?page=2`.
 */
export const callEndpoint = async <T = Record<string, unknown>>(
  payload: Payload,
  user: PayloadRequest['user'],
  method: Method,
  path: string,
  body?: Record<string, unknown>,
): Promise<LocalCallResult<T>> => {
  const url = new URL(path, 'http://local')
  const route = routesOf(payload).find(
    (candidate) => candidate.method === method && candidate.match(url.pathname),
  )
  if (!route) throw new Error(`callEndpoint: no ${method.toUpperCase()} endpoint at ${path}`)
  const matched = route.match(url.pathname)
  const req = await createLocalReq(
    {
      req: {
        data: body,
        method: method.toUpperCase(),
        routeParams: matched ? matched.params : {},
        searchParams: url.searchParams,
      } as Partial<PayloadRequest>,
      user: user ?? undefined,
    },
    payload,
  )
  const response = await route.handler(req as PayloadRequest)
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.ok) return { data: json as T, ok: true, status: response.status }
  const errors = json.errors as { message?: string }[] | undefined
  return {
    data: json,
    message: errors?.[0]?.message ?? response.statusText,
    ok: false,
    status: response.status,
  }
}

/** The options the plugin was configured with (resolved, with defaults), from a running Payload. */
export const loyaltyOptionsOf = (payload: Payload): ResolvedLoyaltyOptions => {
  const options = (payload.config.custom as { loyalty?: ResolvedLoyaltyOptions } | undefined)
    ?.loyalty
  if (!options) throw new Error('The loyalty plugin is not part of this Payload config.')
  return options
}
