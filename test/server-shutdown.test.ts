import http from 'node:http'
import { once } from 'node:events'
import { beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { bootServer } from './helpers/server'

let server: RunningServer

beforeAll(async () => {
  server = await bootServer()
})

describe('graceful shutdown', () => {
  it('finishes a request that is in flight, refuses new ones, then stops', async () => {
    const { port } = new URL(server.url)
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'wrong-password' })
    const arrived = once(server.server, 'request')
    const request = http.request({
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/users/login',
      port,
    })
    const response = once(request, 'response') as Promise<[http.IncomingMessage]>
    // Half the body is sent; the server has the request but cannot answer yet.
    request.write(body.slice(0, 10))
    await arrived

    const closed = server.close()
    // New connections are refused once shutdown has begun.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()

    request.end(body.slice(10))
    const [res] = await response
    const chunks: Buffer[] = []
    for await (const chunk of res) chunks.push(chunk as Buffer)
    expect(res.statusCode).toBe(401)
    expect(JSON.parse(Buffer.concat(chunks).toString()).errors[0].message).toMatch(/incorrect/)

    await closed
    expect(server.server.listening).toBe(false)
  })
})
