import type { Payload } from 'payload'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { bootServer, signIn } from './helpers/server'

// Thousands of requests from one session: no rate limit for this file's own server.
process.env.ACTION_RATE_LIMIT = '0'

let server: RunningServer
let payload: Payload
let f: Fixtures
let memberToken: string
let adminToken: string
let ids: Record<string, number | string> = {}

/** Everything a failed request must leave as it was. */
const counts = async () => {
  const collections = [
    'loyalty-ledger',
    'loyalty-redemptions',
    'loyalty-registrations',
    'loyalty-activities',
    'loyalty-moves',
  ] as const
  const totals = await Promise.all(
    collections.map(async (collection) => (await payload.count({ collection })).totalDocs),
  )
  const members = await payload.find({
    collection: 'members',
    depth: 0,
    limit: 0,
    pagination: false,
  })
  const balances = members.docs
    .map((doc) => `${doc.loyalty?.spendable ?? 0}@${String(doc.partner)}`)
    .join(',')
  return `${totals.join('/')}|${balances}`
}

/** The same, and the referral collections (for the referral endpoints). */
const referralCounts = async () => {
  const [invitations, leads] = await Promise.all(
    (['loyalty-invitations', 'loyalty-leads'] as const).map(
      async (collection) => (await payload.count({ collection })).totalDocs,
    ),
  )
  return `${await counts()}|${invitations}/${leads}`
}

/** Malformed, oversized, wrong-typed and injection-shaped values. */
const hostile = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 20_000 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE loyalty_ledger; --',
    { $gt: '' },
    { $where: 'this.amount > 0' },
    '__proto__',
    { __proto__: { admin: true } },
    '<script>alert(1)</script>',
    '../../etc/passwd',
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    '9'.repeat(400),
    [],
    {},
    null,
    true,
  ),
)
const hostileBody = fc.oneof(
  hostile,
  fc.dictionary(
    fc.constantFrom(
      'code',
      'answers',
      'points',
      'reason',
      'member',
      'decision',
      'notes',
      'members',
      'quantity',
      'id',
      'partner',
      'email',
      'name',
      'jobRole',
      'token',
      'password',
      'company',
      'contactName',
      'contactEmail',
      'note',
      'status',
    ),
    hostile,
  ),
)
/** A raw request body: JSON of a hostile value, or text that is not JSON at all. */
const rawBody = fc.oneof(
  hostileBody.map((value) => JSON.stringify(value) ?? 'undefined'),
  fc.string({ maxLength: 2_000 }),
  fc.constantFrom('{', '{"a":', '\u0000', '[[[[[[[[[[', '{"answers": {"x": [1, {"$ne": 1}]}}'),
)
const hostileParam = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    "1' OR '1'='1",
    '-1',
    '0',
    '1.5',
    '1e9',
    '99999999999999999999',
    '%00',
    '..',
    'null',
  ),
)

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: { name: 'Lesson completed', points: 10, verb: 'lesson.completed' },
  })
  const reward = await payload.create({
    collection: 'loyalty-rewards',
    data: { cost: 100, stock: 5, title: 'Mug' },
  })
  memberToken = (await signIn(server.url, 'members', f.memberA.email, password)).token ?? ''
  adminToken = (await signIn(server.url, 'users', f.admin.email, password)).token ?? ''
  // An event memberA attended, with questions of every kind: feedback is open to them.
  const feedbackEvent = await payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      description: f.event.description,
      endsAt: '2026-01-10T11:00:00.000Z',
      endsAt_tz: 'Europe/Berlin',
      feedbackQuestions: [
        {
          kind: 'choice',
          options: [{ label: 'Yes' }, { label: 'No' }],
          question: 'Again?',
          required: true,
        },
        { kind: 'scale', question: 'Useful?', scaleMax: 5 },
        { kind: 'text', question: 'Next?' },
      ],
      format: 'online',
      slug: 'fuzz-feedback',
      startsAt: '2026-01-10T10:00:00.000Z',
      startsAt_tz: 'Europe/Berlin',
      summary: 'Feedback',
      title: 'Feedback event',
      type: 'webinar',
    },
  })
  const attended = await fetch(`${server.url}/api/events/${feedbackEvent.id}/attendance`, {
    body: JSON.stringify({ members: [f.memberA.id] }),
    headers: { authorization: `JWT ${adminToken}`, 'content-type': 'application/json' },
    method: 'POST',
  })
  expect(attended.status).toBe(200)
  ids = {
    course: f.openCourse.id,
    event: f.event.id,
    feedbackEvent: feedbackEvent.id,
    lesson: String(f.openCourse.lessons?.[0]?.id),
    member: f.memberB.id,
    reward: reward.id,
  }
})

afterAll(async () => {
  await server?.close()
})

type Target = {
  as: 'admin' | 'member'
  method: 'DELETE' | 'GET' | 'PATCH' | 'POST'
  path: string
}

const targets = (): Target[] => [
  { as: 'member', method: 'POST', path: `/api/courses/${ids.course}/lessons/${ids.lesson}/start` },
  {
    as: 'member',
    method: 'POST',
    path: `/api/courses/${ids.course}/lessons/${ids.lesson}/complete`,
  },
  { as: 'member', method: 'POST', path: `/api/courses/${ids.course}/quiz` },
  { as: 'member', method: 'POST', path: `/api/events/${ids.event}/register` },
  { as: 'member', method: 'DELETE', path: `/api/events/${ids.event}/register` },
  { as: 'member', method: 'POST', path: `/api/events/${ids.event}/check-in` },
  { as: 'member', method: 'POST', path: `/api/loyalty-rewards/${ids.reward}/redeem` },
  { as: 'admin', method: 'POST', path: `/api/events/${ids.event}/attendance` },
  { as: 'admin', method: 'POST', path: '/api/loyalty/adjustments' },
  { as: 'admin', method: 'POST', path: '/api/loyalty/ledger/1/reverse' },
  { as: 'admin', method: 'POST', path: '/api/loyalty-redemptions/1/decide' },
  { as: 'member', method: 'POST', path: '/api/loyalty-redemptions/1/cancel' },
  { as: 'admin', method: 'POST', path: `/api/loyalty/members/${ids.member}/move` },
]

/** The referral endpoints (issue 7), fuzzed in a test of their own. */
const referralTargets = (): Target[] => [
  { as: 'member', method: 'POST', path: '/api/loyalty/invitations' },
  { as: 'member', method: 'POST', path: '/api/loyalty/invitations/1/revoke' },
  // The token is the credential: anyone may try, signed in or not.
  { as: 'member', method: 'POST', path: '/api/loyalty/invitations/accept' },
  { as: 'member', method: 'POST', path: '/api/loyalty/leads' },
  { as: 'admin', method: 'POST', path: '/api/loyalty/leads/1/status' },
]

const send = async (target: Target, body: string | undefined, path = target.path) => {
  const response = await fetch(`${server.url}${path}`, {
    body,
    headers: {
      authorization: `JWT ${target.as === 'admin' ? adminToken : memberToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    method: target.method,
  })
  const text = await response.text()
  return { status: response.status, text }
}

/** A 4xx answer carries a sentence for a person. */
const expectClearRefusal = (status: number, text: string, what: string) => {
  expect(status, `${what} → ${status} ${text.slice(0, 300)}`).toBeLessThan(500)
  if (status >= 400) {
    // Payload's own answers (e.g. "Route not found") use `{ message }`; the plugin's use
    // `{ errors: [{ message }] }`.
    const json = JSON.parse(text) as { errors?: { message?: string }[]; message?: string }
    const message = json.errors?.[0]?.message ?? json.message
    expect(
      typeof message === 'string' && message.length > 3,
      `${what}: ${text.slice(0, 300)}`,
    ).toBe(true)
  }
}

describe('hostile input to every custom endpoint', () => {
  const fuzzBodies = async (list: Target[], state: () => Promise<string>) => {
    for (const target of list) {
      await fc.assert(
        fc.asyncProperty(rawBody, async (body) => {
          const before = await state()
          const { status, text } = await send(target, body)
          expectClearRefusal(status, text, `${target.method} ${target.path} ${body.slice(0, 80)}`)
          if (status >= 400) expect(await state()).toBe(before)
        }),
        { numRuns: 150 },
      )
    }
  }

  // In parts, so that each part stays well within the test timeout on a busy machine.
  it('bodies: every answer is below 500, and a refusal says why and writes nothing', () =>
    fuzzBodies(targets().slice(0, 6), counts))

  it('bodies of the reward, correction and redemption endpoints: the same', () =>
    fuzzBodies(targets().slice(6), counts))

  it('bodies of the referral endpoints: the same', () =>
    fuzzBodies(referralTargets(), referralCounts))

  it('feedback bodies: every answer is below 500, and a refusal says why and writes nothing', async () => {
    const target: Target = {
      as: 'member',
      method: 'POST',
      path: `/api/events/${ids.feedbackEvent}/feedback`,
    }
    // Feedback's own fields, hostile, besides everything the other endpoints get.
    const feedbackBody = fc.oneof(
      rawBody,
      fc
        .dictionary(fc.constantFrom('recommend', 'rating', 'comment', 'answers'), hostile)
        .map((value) => JSON.stringify(value)),
    )
    const state = async () =>
      `${await counts()}|${(await payload.count({ collection: 'loyalty-feedback' })).totalDocs}`
    await fc.assert(
      fc.asyncProperty(feedbackBody, async (body) => {
        const before = await state()
        const { status, text } = await send(target, body)
        expectClearRefusal(status, text, `${target.method} ${target.path} ${body.slice(0, 80)}`)
        if (status >= 400) expect(await state()).toBe(before)
      }),
      { numRuns: 300 },
    )
  })

  it('notification preferences and unsubscribe links: below 500, a refusal changes nothing', async () => {
    const preferences = async () =>
      JSON.stringify(
        (
          await payload.find({ collection: 'members', limit: 0, pagination: false, sort: 'id' })
        ).docs.map((doc) => doc.notificationPreferences),
      )
    const target: Target = {
      as: 'member',
      method: 'PATCH',
      path: '/api/loyalty/notifications/preferences',
    }
    const preferencesBody = fc.oneof(
      rawBody,
      fc
        .dictionary(
          fc.oneof(fc.constantFrom('digest', 'expiring', 'redemption', '__proto__'), fc.string()),
          hostile,
        )
        .map((value) => JSON.stringify({ preferences: value })),
    )
    await fc.assert(
      fc.asyncProperty(preferencesBody, async (body) => {
        const before = await preferences()
        const { status, text } = await send(target, body)
        expectClearRefusal(status, text, `PATCH preferences ${body.slice(0, 80)}`)
        if (status >= 400) expect(await preferences()).toBe(before)
      }),
      { numRuns: 150 },
    )
    const link = '/api/loyalty/notifications/unsubscribe'
    const value = fc.oneof(
      hostileParam,
      fc.constantFrom('digest', 'tierUpgrade', String(ids.member), '1', 'A'.repeat(43)),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET' as const, 'POST' as const),
        fc.dictionary(fc.constantFrom('m', 'c', 't'), value),
        async (method, query) => {
          const path = `${link}?${new URLSearchParams(query).toString()}`
          const before = await preferences()
          const { status, text } = await send({ as: 'member', method, path }, undefined, path)
          // Without a valid signature nothing is ever unsubscribed.
          expect(status, `${method} ${path}`).toBe(400)
          expectClearRefusal(status, text, `${method} ${path}`)
          expect(await preferences()).toBe(before)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('path parameters: malformed ids are refused with a 4xx, never a 500', async () => {
    const shapes = [
      (id: string) => `/api/courses/${id}/lessons/${ids.lesson}/start`,
      (id: string) => `/api/courses/${ids.course}/lessons/${id}/complete`,
      (id: string) => `/api/events/${id}/register`,
      (id: string) => `/api/case-studies/${id}/read`,
      (id: string) => `/api/loyalty-rewards/${id}/redeem`,
      (id: string) => `/api/loyalty/invitations/${id}/revoke`,
      (id: string) => `/api/events/${id}/feedback`,
      (id: string) => `/api/courses/${id}/feedback`,
      (id: string) => `/api/loyalty/imports/attendance/${id}/preview`,
    ]
    for (const shape of shapes) {
      await fc.assert(
        fc.asyncProperty(hostileParam, async (param) => {
          const path = shape(encodeURIComponent(param))
          const before = await counts()
          const { status, text } = await send({ as: 'member', method: 'POST', path }, '{}')
          expectClearRefusal(status, text, `POST ${path}`)
          if (status >= 400) expect(await counts()).toBe(before)
        }),
        { numRuns: 60 },
      )
    }
  })

  it('webhooks (admin): hostile webhook bodies and ids are a 4xx that says why, and write nothing', async () => {
    const webhooks = async () =>
      `${await counts()}|${(await payload.count({ collection: 'loyalty-webhooks' })).totalDocs}/${
        (await payload.count({ collection: 'loyalty-webhook-deliveries' })).totalDocs
      }`
    const value = fc.oneof(
      hostile,
      fc.constantFrom(
        'https://hooks.example/in',
        'http://127.0.0.1:1/in',
        'javascript:alert(1)',
        ['points.awarded'],
        ['points.awarded', 'nope'],
        'x'.repeat(30),
      ),
    )
    const body = fc.oneof(
      rawBody,
      fc
        .dictionary(fc.constantFrom('url', 'events', 'secret', 'active', 'description'), value)
        .map((object) => JSON.stringify(object)),
    )
    const create: Target = { as: 'admin', method: 'POST', path: '/api/loyalty-webhooks' }
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const before = await webhooks()
        const { status, text } = await send(create, raw)
        expectClearRefusal(status, text, `POST /api/loyalty-webhooks ${raw.slice(0, 80)}`)
        if (status >= 400) expect(await webhooks()).toBe(before)
      }),
      { numRuns: 200 },
    )
    for (const shape of [
      (id: string) => `/api/loyalty/webhooks/${id}/test`,
      (id: string) => `/api/loyalty/webhook-deliveries/${id}/redeliver`,
    ]) {
      await fc.assert(
        fc.asyncProperty(hostileParam, async (param) => {
          const path = shape(encodeURIComponent(param))
          const before = await webhooks()
          const { status, text } = await send({ as: 'admin', method: 'POST', path }, '{}')
          expectClearRefusal(status, text, `POST ${path}`)
          if (status >= 400) expect(await webhooks()).toBe(before)
        }),
        { numRuns: 60 },
      )
    }
  })

  it('query strings of the read endpoints: below 500, and a refusal says why', async () => {
    const reads = [
      '/api/loyalty/statement',
      '/api/loyalty/leaderboard',
      '/api/loyalty/me',
      '/api/loyalty/earnable',
      '/api/loyalty/invitations',
      '/api/loyalty/invitations/preview',
      '/api/loyalty/leads',
    ]
    const names = [
      'page',
      'limit',
      'kind',
      'scope',
      'period',
      'depth',
      'where[member][equals]',
      'token',
    ]
    for (const read of reads) {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), hostileParam), async (query) => {
          const search = new URLSearchParams(query).toString()
          const { status, text } = await send(
            { as: 'member', method: 'GET', path: read },
            undefined,
            `${read}?${search}`,
          )
          expectClearRefusal(status, text, `GET ${read}?${search}`)
        }),
        { numRuns: 60 },
      )
    }
  })

  it('exports (staff): any kind and period is a CSV or a 4xx that says why', async () => {
    const kind = fc.oneof(
      fc.constantFrom('ledger', 'members', 'completions', 'attendance'),
      hostileParam.map((value) => encodeURIComponent(value)),
    )
    const date = fc.oneof(
      hostileParam,
      fc.constantFrom('2026-01-01', '2026-02-30', '2026-11-22T10:00:00Z'),
    )
    await fc.assert(
      fc.asyncProperty(
        kind,
        fc.dictionary(fc.constantFrom('from', 'to'), date),
        async (name, query) => {
          const path = `/api/loyalty/exports/${name}?${new URLSearchParams(query).toString()}`
          const { status, text } = await send({ as: 'admin', method: 'GET', path }, undefined, path)
          expectClearRefusal(status, text, `GET ${path}`)
        },
      ),
      { numRuns: 120 },
    )
  })

  it('CSV imports (staff): any file is applied, previewed or refused with a 4xx that says why', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        'a.member@test.example',
        'B.MEMBER@test.example',
        'nobody@test.example',
        '2026-01-10T10:00:00Z',
        '2026-01-10T11:00:00Z',
        '01/10/2026 11:30:00 AM',
        '13/45/2026 99:99',
        '45',
        '-5',
        '0',
        '1e9',
        '99999999999',
        'Trade show bonus',
        '"',
        '""',
        '=HYPERLINK("http://x")',
        "' OR 1=1 --",
        '\u0000',
      ),
    )
    const header = fc.constantFrom(
      'email,join,leave',
      'email,points,reason',
      'User Email,Join Time,Leave Time,Duration (Minutes)',
      'Email;Points;Reason',
      '',
    )
    const csv = fc
      .tuple(
        header,
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([head, rows, delimiter, newline]) =>
        [head, ...rows.map((row) => row.join(delimiter))].join(newline),
      )
    const paths = [
      `/api/loyalty/imports/attendance/${ids.feedbackEvent}/preview`,
      `/api/loyalty/imports/attendance/${ids.feedbackEvent}/apply`,
      '/api/loyalty/imports/adjustments/preview',
      '/api/loyalty/imports/adjustments/apply',
    ]
    const state = async () =>
      `${await counts()}|${(await payload.count({ collection: 'loyalty-imports' })).totalDocs}`
    for (const path of paths) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(csv, rawBody),
          fc.constantFrom('text/csv', 'text/plain; charset=utf-8', 'multipart/form-data'),
          async (text, type) => {
            const before = await state()
            const form = new FormData()
            form.append('file', new Blob([text], { type: 'text/csv' }), 'fuzz.csv')
            const response = await fetch(`${server.url}${path}`, {
              body: type === 'multipart/form-data' ? form : text,
              headers: {
                authorization: `JWT ${adminToken}`,
                ...(type === 'multipart/form-data' ? {} : { 'content-type': type }),
              },
              method: 'POST',
            })
            const answer = await response.text()
            expectClearRefusal(response.status, answer, `POST ${path} ${text.slice(0, 80)}`)
            if (response.status >= 400) expect(await state()).toBe(before)
          },
        ),
        { numRuns: 100 },
      )
    }
  })

  it('query strings of the programme analytics (staff): below 500, and a refusal says why', async () => {
    const read = '/api/loyalty/analytics'
    const names = ['from', 'to', 'partner', 'region', 'jobRole', 'tier', 'where']
    const value = fc.oneof(
      hostileParam,
      fc.constantFrom(
        '2026-01-01',
        '2026-02-30',
        '2024-01-01',
        '2026-11-22',
        'benelux',
        'engineer',
        '1',
        '2',
        '999999',
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), value), async (query) => {
        const search = new URLSearchParams(query).toString()
        const { status, text } = await send(
          { as: 'admin', method: 'GET', path: read },
          undefined,
          `${read}?${search}`,
        )
        expectClearRefusal(status, text, `GET ${read}?${search}`)
      }),
      { numRuns: 120 },
    )
  })

  it('query strings of the feedback summary (staff): below 500, and a refusal says why', async () => {
    const read = '/api/loyalty/feedback/summary'
    const names = [
      'collection',
      'id',
      'from',
      'to',
      'partner',
      'organisation',
      'jobRole',
      'page',
      'limit',
    ]
    const value = fc.oneof(
      hostileParam,
      fc.constantFrom('events', 'courses', '2026-01-01', '2026-01-01T10:00:00Z', 'engineer', '1'),
    )
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), value), async (query) => {
        const search = new URLSearchParams(query).toString()
        const { status, text } = await send(
          { as: 'admin', method: 'GET', path: read },
          undefined,
          `${read}?${search}`,
        )
        expectClearRefusal(status, text, `GET ${read}?${search}`)
      }),
      { numRuns: 200 },
    )
  })
})
