import { describe, expect, it } from 'vitest'

import {
  attemptOutcome,
  checkWebhookSecret,
  checkWebhookUrl,
  generateWebhookSecret,
  isPrivateAddress,
  isWebhookEventType,
  retryDelays,
  signatureHeader,
  verifySignatureHeader,
  webhookBody,
  webhookSignature,
} from './webhooks'

const secret = 'whsec_test_secret_0123456789abcdef'

describe('signature', () => {
  it('matches a vector computed independently (openssl dgst -sha256 -hmac)', () => {
    // printf '%s' '1767225600.{"id":"evt"}' | openssl dgst -sha256 -hmac 'whsec_test_secret_0123456789abcdef'
    expect(webhookSignature(secret, 1767225600, '{"id":"evt"}')).toBe(
      '31adf15207d03d723c01616c3b73942d80cb61c70b86222b3adf5e615e413506',
    )
    expect(signatureHeader(secret, 1767225600, '{"id":"evt"}')).toBe(
      't=1767225600,v1=31adf15207d03d723c01616c3b73942d80cb61c70b86222b3adf5e615e413506',
    )
  })

  it('verifies its own header, and refuses another body, secret, old timestamp or junk', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    const t = Math.floor(now.getTime() / 1000)
    const body = '{"id":"a","type":"points.awarded"}'
    const header = signatureHeader(secret, t, body)
    expect(verifySignatureHeader(header, body, secret, now)).toBe(true)
    expect(verifySignatureHeader(header, `${body} `, secret, now)).toBe(false)
    expect(verifySignatureHeader(header, body, `${secret}x`, now)).toBe(false)
    expect(verifySignatureHeader(header, body, secret, new Date(now.getTime() + 301_000))).toBe(
      false,
    )
    expect(verifySignatureHeader(`t=${t},v1=zz`, body, secret, now)).toBe(false)
    expect(verifySignatureHeader('', body, secret, now)).toBe(false)
    expect(
      verifySignatureHeader(`v1=${webhookSignature(secret, t, body)}`, body, secret, now),
    ).toBe(false)
  })

  it('builds the body as id, type, createdAt, data in that order', () => {
    expect(
      webhookBody({ createdAt: '2026-01-01T00:00:00.000Z', data: { b: 1 }, id: 'x', type: 't' }),
    ).toBe('{"id":"x","type":"t","createdAt":"2026-01-01T00:00:00.000Z","data":{"b":1}}')
  })
})

describe('secrets', () => {
  it('generates long random secrets that pass the check', () => {
    const one = generateWebhookSecret()
    expect(one).toMatch(/^whsec_[\w-]{43}$/)
    expect(one).not.toBe(generateWebhookSecret())
    expect(checkWebhookSecret(one)).toBeNull()
  })

  it('refuses short secrets and whitespace with a sentence', () => {
    expect(checkWebhookSecret('short')).toMatch(/24 to 200 characters/)
    expect(checkWebhookSecret('a secret with spaces in it, long enough')).toMatch(/spaces/)
    expect(checkWebhookSecret(42)).toMatch(/text/)
  })
})

describe('URLs', () => {
  const strict = { allowPrivateAddresses: false }
  const loose = { allowPrivateAddresses: true }

  it('accepts public http(s) URLs', () => {
    expect(checkWebhookUrl('https://hooks.example.com/partner-club?x=1', strict)).toBeNull()
    expect(checkWebhookUrl('http://93.184.216.34:8080/in', strict)).toBeNull()
  })

  it('refuses other schemes, credentials and garbage, saying why', () => {
    expect(checkWebhookUrl('ftp://example.com/x', strict)).toMatch(/https:\/\//)
    expect(checkWebhookUrl('javascript:alert(1)', strict)).toMatch(/https:\/\//)
    expect(checkWebhookUrl('file:///etc/passwd', strict)).toMatch(/https:\/\//)
    expect(checkWebhookUrl('not a url', strict)).toMatch(/is not a URL/)
    expect(checkWebhookUrl('', strict)).toMatch(/Enter the URL/)
    expect(checkWebhookUrl('https://user:pw@example.com/', strict)).toMatch(/password/)
    expect(checkWebhookUrl(`https://example.com/${'a'.repeat(2000)}`, strict)).toMatch(/2,000/)
  })

  it('refuses loopback and private hosts unless the app allows them', () => {
    for (const url of [
      'http://127.0.0.1:3000/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/',
      'http://192.168.0.10/',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/',
    ]) {
      expect(checkWebhookUrl(url, strict), url).toMatch(/public address/)
      expect(checkWebhookUrl(url, loose), url).toBeNull()
    }
  })

  it('classifies addresses', () => {
    expect(isPrivateAddress('127.0.0.1')).toBe(true)
    expect(isPrivateAddress('172.20.1.1')).toBe(true)
    expect(isPrivateAddress('172.32.0.1')).toBe(false)
    expect(isPrivateAddress('fd12::1')).toBe(true)
    expect(isPrivateAddress('fe80::1')).toBe(true)
    expect(isPrivateAddress('2606:4700::1111')).toBe(false)
    expect(isPrivateAddress('8.8.8.8')).toBe(false)
    expect(isPrivateAddress('example.com')).toBe(false)
  })
})

describe('retries', () => {
  it('waits exponentially longer between attempts, as Payload schedules them', () => {
    expect(retryDelays(5, 60_000)).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(retryDelays(1, 60_000)).toEqual([])
  })

  it('delivers on 2xx, retries anything else, and fails after the last attempt', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(attemptOutcome({ statusCode: 204 }, 1, 3, 1000, now)).toEqual({
      deliveredAt: now.toISOString(),
      lastError: null,
      nextAttemptAt: null,
      status: 'delivered',
    })
    expect(attemptOutcome({ statusCode: 500 }, 1, 3, 1000, now)).toEqual({
      deliveredAt: null,
      lastError: 'The receiver answered 500.',
      nextAttemptAt: '2026-01-01T00:00:01.000Z',
      status: 'retrying',
    })
    expect(attemptOutcome({ statusCode: 500 }, 2, 3, 1000, now).nextAttemptAt).toBe(
      '2026-01-01T00:00:02.000Z',
    )
    expect(attemptOutcome({ error: 'Timed out after 10 s.' }, 3, 3, 1000, now)).toEqual({
      deliveredAt: null,
      lastError: 'Timed out after 10 s.',
      nextAttemptAt: null,
      status: 'failed',
    })
    expect(attemptOutcome({ statusCode: 301 }, 1, 1, 1000, now).lastError).toMatch(
      /redirects are not followed/,
    )
    expect(attemptOutcome({ error: 'x'.repeat(1000) }, 1, 1, 1000, now).lastError).toHaveLength(300)
  })

  it('knows the event types', () => {
    expect(isWebhookEventType('points.awarded')).toBe(true)
    expect(isWebhookEventType('points.stolen')).toBe(false)
  })
})
