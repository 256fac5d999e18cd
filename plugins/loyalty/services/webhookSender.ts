import type { LookupFunction } from 'node:net'

import { lookup as dnsLookup } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'

import type { AttemptResult } from '../engine/webhooks'

import { isPrivateAddress, shortText } from '../engine/webhooks'

export type SendResult = AttemptResult & { durationMs: number }

/** A resolver that refuses private addresses, so that a public name cannot lead inside. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0)
    const list = addresses as { address: string; family: number }[]
    const refused = list.find((entry) => isPrivateAddress(entry.address))
    if (refused || list.length === 0) {
      return callback(
        new Error(`${hostname} resolves to a private address (${refused?.address ?? 'none'}).`),
        '',
        0,
      )
    }
    if (options.all) return callback(null, list)
    return callback(null, list[0].address, list[0].family)
  })
}

/**
 * POSTs `body` to `url` with `headers` once: no redirects are followed (a 3xx is an answer like
 * any other), the attempt is cut off after `timeoutMs`, and unless `allowPrivateAddresses`
 * the host must resolve to public addresses only (checked at connection time, not just when
 * the URL was saved). Only the status is kept; the answer's body is read and dropped.
 */
export const postWebhook = async (
  url: string,
  body: string,
  headers: Record<string, string>,
  { allowPrivateAddresses, timeoutMs }: { allowPrivateAddresses: boolean; timeoutMs: number },
): Promise<SendResult> => {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return { durationMs: 0, error: 'The webhook URL is not valid.' }
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { durationMs: 0, error: 'Only http and https URLs are delivered to.' }
  }
  const host = target.hostname.replace(/^\[|\]$/g, '')
  if (!allowPrivateAddresses && isIP(host) && isPrivateAddress(host)) {
    return { durationMs: 0, error: `${host} is a private address.` }
  }
  const signal = AbortSignal.timeout(timeoutMs)
  const client = target.protocol === 'https:' ? https : http
  return new Promise<SendResult>((resolve) => {
    let settled = false
    const finish = (result: AttemptResult) => {
      if (settled) return
      settled = true
      resolve({ ...result, durationMs: elapsed() })
    }
    const request = client.request(
      target,
      {
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: allowPrivateAddresses ? undefined : publicOnlyLookup,
        method: 'POST',
        signal,
      },
      (response) => {
        // The status decides; the answer's body is drained so that the socket closes.
        response.on('error', () => undefined)
        response.resume()
        finish({ statusCode: response.statusCode ?? 0 })
      },
    )
    request.on('error', (error: Error & { code?: string }) => {
      if (signal.aborted) {
        finish({ error: `No answer within ${Math.round(timeoutMs / 1000)} s.` })
      } else {
        finish({ error: shortText(error.code ? `${error.code}: ${error.message}` : error.message) })
      }
    })
    request.end(body)
  })
}
