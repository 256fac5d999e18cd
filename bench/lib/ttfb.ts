/**
 * Time to first byte of a page, signed in with the member's cookie: `count` requests one after
 * another, each timed from the request to the response headers (first byte) and to the end.
 */
import http from 'node:http'

import { percentile, round } from './measure'

const once = (url: string, token: string) =>
  new Promise<{ status: number; total: number; ttfb: number }>((resolve, reject) => {
    const started = process.hrtime.bigint()
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6
    const request = http.get(url, { headers: { cookie: `payload-token=${token}` } }, (response) => {
      const ttfb = elapsed()
      response.resume()
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, total: elapsed(), ttfb }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
  })

export const timeToFirstByte = async (url: string, token: string, count: number) => {
  const ttfb: number[] = []
  const total: number[] = []
  const statusCodes: Record<string, number> = {}
  await once(url, token) // warm-up: the first render compiles and caches
  for (let n = 0; n < count; n++) {
    const result = await once(url, token)
    statusCodes[result.status] = (statusCodes[result.status] ?? 0) + 1
    ttfb.push(result.ttfb)
    total.push(result.total)
  }
  ttfb.sort((a, b) => a - b)
  total.sort((a, b) => a - b)
  return {
    statusCodes,
    totalP50: round(percentile(total, 50)),
    totalP99: round(percentile(total, 99)),
    ttfbP50: round(percentile(ttfb, 50)),
    ttfbP99: round(percentile(ttfb, 99)),
  }
}
