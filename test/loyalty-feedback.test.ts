import type { Payload, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, type JsonBody, bootServer, client, signIn } from './helpers/server'

/**
 * Feedback after an event (attended) or a course (completed), over HTTP: once-only points,
 * validation, eligibility, the 7-day edit window, who reads what, and the staff summary (NPS,
 * rating, response rate, filters by partner, job role and period).
 */

let server: RunningServer
let payload: Payload
let f: Fixtures
let anonymous: Client
let memberA: Client
let colleagueA: Client
let managerA: Client
let memberB: Client
let goldB: Client
let marketer: Client
/** Extra members for the NPS set: a1 (A, sales), b1 (B, sales), b2 (B, technician), b3 (B, sales). */
const extra: Record<'a1' | 'b1' | 'b2' | 'b3', { client: Client; id: number }> = {} as never
/** The course every member can complete in seconds (no minimum time, no quiz), with questions. */
let course: {
  id: number
  questions: { choice: string; options: string[]; scale: string; text: string }
}
/** The event of the NPS set, with its own questions. */
let summit: {
  id: number
  questions: { choice: string; options: string[]; scale: string; text: string }
}
/** An event nobody attends. */
let webinar: { id: number }

const POINTS = 20

const feedbackOf = (who: Client, collection: 'courses' | 'events', id: number) =>
  who.request('GET', `/api/${collection}/${id}/feedback`)
const give = (who: Client, collection: 'courses' | 'events', id: number, body: unknown) =>
  who.request('POST', `/api/${collection}/${id}/feedback`, body)
const summary = (who: Client, query: string) =>
  who.request('GET', `/api/loyalty/feedback/summary?${query}`)

const find = async (
  collection: 'loyalty-activities' | 'loyalty-feedback' | 'loyalty-ledger',
  where: Where,
) => (await payload.find({ collection, depth: 0, limit: 0, pagination: false, where })).docs

const feedbackDoc = async (member: number, collection: string, id: number) =>
  (await find('loyalty-feedback', { key: { equals: `${member}:${collection}:${id}` } }))[0] as
    (JsonBody & { createdAt: string; id: number }) | undefined

const awardEntries = (member: number, collection: string, id: number) =>
  find('loyalty-ledger', {
    idempotencyKey: { equals: `feedback.given:${member}:${collection}:${id}` },
  })

const spendable = async (member: number) =>
  (await payload.findByID({ collection: 'members', depth: 0, id: member })).loyalty?.spendable ?? 0

/** Everything a refused request must leave as it was. */
const state = async () => {
  const count = async (collection: 'loyalty-activities' | 'loyalty-feedback' | 'loyalty-ledger') =>
    (await payload.count({ collection })).totalDocs
  const feedback = await find('loyalty-feedback', {})
  return {
    activities: await count('loyalty-activities'),
    feedback: (feedback as JsonBody[]).map((doc) =>
      JSON.stringify([doc.id, doc.recommend, doc.rating, doc.comment, doc.answers]),
    ),
    ledger: await count('loyalty-ledger'),
  }
}

/** Moves a feedback's creation time back, straight in the database. */
const givenAgo = async (doc: { id: number }, ms: number) => {
  const createdAt = new Date(Date.now() - ms).toISOString()
  await payload.db.updateOne({
    collection: 'loyalty-feedback',
    data: { createdAt },
    id: doc.id,
    returning: false,
  })
  const stored = await payload.findByID({ collection: 'loyalty-feedback', depth: 0, id: doc.id })
  expect(new Date(stored.createdAt).toISOString()).toBe(createdAt)
}

/** Completes the course through the API: start and complete its only lesson (no minimum time). */
const completeCourse = async (who: Client) => {
  const lessonId = (await payload.findByID({ collection: 'courses', depth: 0, id: course.id }))
    .lessons?.[0]?.id
  expect(
    (await who.request('POST', `/api/courses/${course.id}/lessons/${lessonId}/start`)).status,
  ).toBe(200)
  const done = await who.request('POST', `/api/courses/${course.id}/lessons/${lessonId}/complete`)
  expect(done.status).toBe(200)
  expect(done.body.courseCompleted).toBe(true)
}

const questionIds = (doc: JsonBody) => {
  const rows = doc.feedbackQuestions as { id: string; kind: string; options?: { id: string }[] }[]
  const byKind = (kind: string) => rows.find((row) => row.kind === kind)!
  return {
    choice: byKind('choice').id,
    options: (byKind('choice').options ?? []).map((option) => option.id),
    scale: byKind('scale').id,
    text: byKind('text').id,
  }
}

const questions = [
  {
    kind: 'choice' as const,
    options: [{ label: 'Too slow' }, { label: 'Just right' }, { label: 'Too fast' }],
    question: 'How was the pace?',
    required: true,
  },
  {
    kind: 'scale' as const,
    question: 'How useful for your daily work?',
    required: false,
    scaleMax: 5,
  },
  { kind: 'text' as const, question: 'What should we cover next?', required: false },
]

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: false,
      name: 'Feedback given',
      points: POINTS,
      verb: 'feedback.given',
    },
  })
  const body = f.openCourse.lessons?.[0]?.body
  if (!body) throw new Error('the fixture course has no lesson body')
  const courseDoc = await payload.create({
    collection: 'courses',
    data: {
      _status: 'published',
      estimatedMinutes: 5,
      feedbackQuestions: questions,
      lessons: [{ body, minimumSeconds: 0, title: 'Only lesson' }],
      level: 'foundation',
      slug: 'feedback-course',
      summary: 'A short course',
      title: 'Short course',
    },
  })
  course = { id: courseDoc.id, questions: questionIds(courseDoc) }
  const event = async (title: string, slug: string, extraData: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        description: body,
        endsAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        endsAt_tz: 'Europe/Berlin',
        format: 'online',
        slug,
        startsAt: new Date(Date.now() - 3 * 60 * 60_000).toISOString(),
        startsAt_tz: 'Europe/Berlin',
        summary: title,
        title,
        type: 'webinar',
        ...extraData,
      },
    })
  const summitDoc = await event('Installer summit', 'installer-summit', {
    feedbackQuestions: questions,
  })
  summit = { id: summitDoc.id, questions: questionIds(summitDoc) }
  webinar = { id: (await event('Quiet webinar', 'quiet-webinar')).id }

  const member = (email: string, partner: number, jobRole: 'sales' | 'technician') =>
    payload.create({
      collection: 'members',
      data: { email, jobRole, name: email.split('@')[0], partner, password },
    })
  const people = {
    a1: await member('a1@test.example', f.partnerA.id, 'sales'),
    b1: await member('b1@test.example', f.partnerB.id, 'sales'),
    b2: await member('b2@test.example', f.partnerB.id, 'technician'),
    b3: await member('b3@test.example', f.partnerB.id, 'sales'),
  }
  anonymous = client(server.url)
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  colleagueA = await signIn(server.url, 'members', f.colleagueA.email, password)
  managerA = await signIn(server.url, 'members', f.managerA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  goldB = await signIn(server.url, 'members', f.goldMemberB.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  for (const [key, doc] of Object.entries(people)) {
    extra[key as keyof typeof extra] = {
      client: await signIn(server.url, 'members', doc.email, password),
      id: doc.id,
    }
  }
  // Staff record who attended the summit (the NPS set; b3 attends and says nothing).
  const attended = await marketer.request('POST', `/api/events/${summit.id}/attendance`, {
    members: [
      f.memberA.id,
      f.colleagueA.id,
      f.managerA.id,
      f.memberB.id,
      f.goldMemberB.id,
      ...Object.values(people).map((doc) => doc.id),
    ],
  })
  expect(attended.status).toBe(200)
})

afterAll(async () => {
  await server?.close()
})

describe('who may give feedback', () => {
  it('only members who attended the event: 401 signed out, 403 staff, 409 not attended, 404 missing', async () => {
    const before = await state()
    const body = { answers: {}, rating: 4, recommend: 9 }
    expect((await give(anonymous, 'events', summit.id, body)).status).toBe(401)
    const staff = await give(marketer, 'events', summit.id, body)
    expect(staff.status).toBe(403)
    expect(staff.body.errors[0].message).toMatch(/staff accounts/i)
    // Registered for the webinar, never attended.
    expect((await memberA.request('POST', `/api/events/${f.event.id}/register`)).status).toBe(200)
    const afterRegistering = await state()
    for (const event of [f.event.id, webinar.id]) {
      const refused = await give(memberA, 'events', event, body)
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0].message).toBe(
        'Feedback opens once you have attended this event.',
      )
      const form = await feedbackOf(memberA, 'events', event)
      expect(form.status).toBe(200)
      expect(form.body).toMatchObject({
        canGive: false,
        feedback: null,
        points: 0,
        reason: 'Feedback opens once you have attended this event.',
      })
    }
    expect(await state()).toEqual(afterRegistering)
    expect(afterRegistering.feedback).toEqual(before.feedback)
    const missing = await give(memberA, 'events', 999999, body)
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0].message).toBe('This event does not exist.')
    expect((await give(memberA, 'events', 'abc' as never, body)).status).toBe(400)
  })

  it('only members who completed the course: 409 before, with the reason on the form', async () => {
    const before = await state()
    const refused = await give(memberB, 'courses', course.id, { rating: 4, recommend: 9 })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toBe(
      'Feedback opens once you have completed this course.',
    )
    const form = await feedbackOf(memberB, 'courses', course.id)
    expect(form.body).toMatchObject({
      canGive: false,
      reason: 'Feedback opens once you have completed this course.',
    })
    expect(await state()).toEqual(before)
    // The fixture course (not completed, no questions) and a draft are refused the same way.
    expect(
      (await give(memberB, 'courses', f.openCourse.id, { rating: 4, recommend: 9 })).status,
    ).toBe(409)
    expect(
      (await give(memberB, 'courses', f.draftCourse.id, { rating: 4, recommend: 9 })).status,
    ).toBe(404)
  })
})

describe('validation', () => {
  it('refuses every kind of garbage with a 400 that says why, and writes nothing', async () => {
    const { choice, options, scale, text } = summit.questions
    const ok = { answers: { [choice]: options[1] }, rating: 4, recommend: 9 }
    const cases: [unknown, RegExp][] = [
      [{}, /score from 0 to 10/],
      [{ answers: { [choice]: options[1] }, rating: 4 }, /score from 0 to 10/],
      [{ ...ok, recommend: 11 }, /whole number from 0 to 10/],
      [{ ...ok, recommend: -1 }, /whole number from 0 to 10/],
      [{ ...ok, recommend: 8.5 }, /whole number from 0 to 10/],
      [{ ...ok, recommend: '9' }, /whole number from 0 to 10/],
      [{ answers: ok.answers, recommend: 9 }, /Rate the content from 1 to 5/],
      [{ ...ok, rating: 0 }, /whole number from 1 to 5/],
      [{ ...ok, rating: 6 }, /whole number from 1 to 5/],
      [{ ...ok, comment: 'x'.repeat(2001) }, /comment is too long: at most 2,000 characters/],
      [{ ...ok, comment: 'nul \u0000 byte' }, /characters that are not allowed/],
      [{ ...ok, comment: { $ne: null } }, /comment must be text/],
      [{ ...ok, answers: { ...ok.answers, 'not-a-question': 'x' } }, /not one of the questions/],
      [
        { ...ok, answers: { [course.questions.choice]: course.questions.options[1] } },
        /not one of the questions/,
      ],
      [{ ...ok, answers: {} }, /Question 1 needs an answer: How was the pace\?/],
      [{ ...ok, answers: { [choice]: 'no-such-option' } }, /Question 1: choose one of its options/],
      [
        { ...ok, answers: { ...ok.answers, [scale]: 6 } },
        /Question 2: give a whole number from 1 to 5/,
      ],
      [
        { ...ok, answers: { ...ok.answers, [text]: 'y'.repeat(501) } },
        /Question 3: the answer is too long/,
      ],
      [{ ...ok, answers: [options[1]] }, /answers as an object/],
      [{ ...ok, member: f.memberB.id }, /"member" is not part of feedback/],
      [[1, 2, 3], /JSON object/],
    ]
    const before = await state()
    for (const [body, message] of cases) {
      const answer = await give(memberA, 'events', summit.id, body)
      expect(answer.status, JSON.stringify(body).slice(0, 120)).toBe(400)
      expect(answer.body.errors[0].message).toMatch(message)
    }
    const notJson = await fetch(`${server.url}/api/events/${summit.id}/feedback`, {
      body: '{"recommend": 9,',
      headers: { authorization: `JWT ${memberA.token}`, 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(notJson.status).toBe(400)
    expect(await state()).toEqual(before)
    expect(await feedbackDoc(f.memberA.id, 'events', summit.id)).toBeUndefined()
  })
})

describe('points once, answers editable', () => {
  it('shows the points on offer, earns them on the first submission only; the second updates', async () => {
    await completeCourse(memberA)
    const form = await feedbackOf(memberA, 'courses', course.id)
    expect(form.status).toBe(200)
    expect(form.body).toMatchObject({
      canGive: true,
      earnedPoints: null,
      editWindowDays: 7,
      feedback: null,
      points: POINTS,
      reason: null,
      title: 'Short course',
    })
    expect(form.body.questions).toEqual([
      {
        id: course.questions.choice,
        kind: 'choice',
        options: course.questions.options.map((id, index) => ({
          id,
          label: questions[0].options![index].label,
        })),
        question: 'How was the pace?',
        required: true,
      },
      {
        id: course.questions.scale,
        kind: 'scale',
        question: 'How useful for your daily work?',
        required: false,
        scaleMax: 5,
      },
      {
        id: course.questions.text,
        kind: 'text',
        question: 'What should we cover next?',
        required: false,
      },
    ])

    const balanceBefore = await spendable(f.memberA.id)
    const first = await give(memberA, 'courses', course.id, {
      answers: {
        [course.questions.choice]: course.questions.options[1],
        [course.questions.scale]: 4,
      },
      comment: '  Clear and practical.  ',
      rating: 5,
      recommend: 9,
    })
    expect(first.status).toBe(200)
    expect(first.body.created).toBe(true)
    expect(first.body.award).toMatchObject({
      duplicate: false,
      points: POINTS,
      reason: 'Feedback given: Short course',
    })
    expect(first.body.feedback).toMatchObject({
      answers: {
        [course.questions.choice]: course.questions.options[1],
        [course.questions.scale]: 4,
      },
      comment: 'Clear and practical.',
      editable: true,
      rating: 5,
      recommend: 9,
    })
    expect(await spendable(f.memberA.id)).toBe(balanceBefore + POINTS)

    const second = await give(memberA, 'courses', course.id, {
      answers: {
        [course.questions.choice]: course.questions.options[2],
        [course.questions.text]: 'Defrosting',
      },
      rating: 3,
      recommend: 6,
    })
    expect(second.status).toBe(200)
    expect(second.body.created).toBe(false)
    expect(second.body.award).toMatchObject({ duplicate: true, points: POINTS })
    expect(await spendable(f.memberA.id)).toBe(balanceBefore + POINTS)
    expect(await awardEntries(f.memberA.id, 'courses', course.id)).toHaveLength(1)
    expect(
      await find('loyalty-activities', {
        and: [{ member: { equals: f.memberA.id } }, { verb: { equals: 'feedback.given' } }],
      }),
    ).toHaveLength(1)

    const stored = await feedbackDoc(f.memberA.id, 'courses', course.id)
    expect(stored).toMatchObject({ comment: null, rating: 3, recommend: 6, title: 'Short course' })
    // Each answer keeps the question as it was asked.
    expect(stored?.answers).toEqual([
      {
        kind: 'choice',
        label: 'Too fast',
        question: 'How was the pace?',
        questionId: course.questions.choice,
        value: course.questions.options[2],
      },
      {
        kind: 'text',
        question: 'What should we cover next?',
        questionId: course.questions.text,
        value: 'Defrosting',
      },
    ])
    const after = await feedbackOf(memberA, 'courses', course.id)
    expect(after.body).toMatchObject({
      earnedPoints: POINTS,
      feedback: {
        answers: {
          [course.questions.choice]: course.questions.options[2],
          [course.questions.text]: 'Defrosting',
        },
        comment: null,
        editable: true,
        rating: 3,
        recommend: 6,
      },
      points: 0,
    })
    expect(
      Date.parse(after.body.feedback.editableUntil) - Date.parse(after.body.feedback.givenAt),
    ).toBe(7 * 24 * 60 * 60 * 1000)
  })

  it('earns once when the same member submits twice at the same moment', async () => {
    // Completed straight in the database (the colleague's lesson path is tested above).
    await payload.create({
      collection: 'loyalty-progress',
      data: {
        collection: 'courses',
        completedAt: new Date().toISOString(),
        documentId: String(course.id),
        item: 'course',
        key: `${f.colleagueA.id}:courses:${course.id}:course`,
        member: f.colleagueA.id,
        startedAt: new Date().toISOString(),
      },
    })
    const balanceBefore = await spendable(f.colleagueA.id)
    const answers = { [course.questions.choice]: course.questions.options[0] }
    const results = await Promise.all(
      [10, 9, 8, 7].map((recommend) =>
        give(colleagueA, 'courses', course.id, { answers, rating: 4, recommend }),
      ),
    )
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200])
    expect(results.filter((result) => result.body.created)).toHaveLength(1)
    expect(results.filter((result) => result.body.award.duplicate === false)).toHaveLength(1)
    expect(await awardEntries(f.colleagueA.id, 'courses', course.id)).toHaveLength(1)
    expect(await find('loyalty-feedback', { member: { equals: f.colleagueA.id } })).toHaveLength(1)
    expect(await spendable(f.colleagueA.id)).toBe(balanceBefore + POINTS)
    expect(
      await find('loyalty-activities', {
        and: [{ member: { equals: f.colleagueA.id } }, { verb: { equals: 'feedback.given' } }],
      }),
    ).toHaveLength(1)
  })

  it('lets the member change their answers for 7 days after giving them, then no more', async () => {
    await completeCourse(memberB)
    const answers = { [course.questions.choice]: course.questions.options[1] }
    const first = await give(memberB, 'courses', course.id, {
      answers,
      comment: 'First thoughts',
      rating: 4,
      recommend: 8,
    })
    expect(first.status).toBe(200)
    const doc = (await feedbackDoc(f.memberB.id, 'courses', course.id))!
    const day = 24 * 60 * 60 * 1000

    await givenAgo(doc, 7 * day - 60_000)
    const late = await give(memberB, 'courses', course.id, {
      answers,
      comment: 'Second thoughts',
      rating: 4,
      recommend: 9,
    })
    expect(late.status).toBe(200)
    expect(late.body.award.duplicate).toBe(true)
    expect(await feedbackDoc(f.memberB.id, 'courses', course.id)).toMatchObject({
      comment: 'Second thoughts',
      recommend: 9,
    })

    await givenAgo(doc, 7 * day + 60_000)
    const before = await state()
    const tooLate = await give(memberB, 'courses', course.id, {
      answers,
      comment: 'Third thoughts',
      rating: 1,
      recommend: 0,
    })
    expect(tooLate.status).toBe(409)
    expect(tooLate.body.errors[0].message).toMatch(
      /^Feedback can be changed for 7 days after giving it; yours was given on \d{1,2} \w+ \d{4}\.$/,
    )
    expect(await state()).toEqual(before)
    const form = await feedbackOf(memberB, 'courses', course.id)
    expect(form.body.feedback).toMatchObject({
      comment: 'Second thoughts',
      editable: false,
      recommend: 9,
    })
    expect(await awardEntries(f.memberB.id, 'courses', course.id)).toHaveLength(1)
  })
})

describe('who reads feedback', () => {
  it("members read their own only: not another company's member, not their manager", async () => {
    const mine = (await feedbackDoc(f.memberA.id, 'courses', course.id))!
    for (const who of [memberB, managerA]) {
      const list = await who.request('GET', '/api/loyalty-feedback?limit=100&depth=0')
      expect(list.status).toBe(200)
      const me = who === memberB ? f.memberB.id : f.managerA.id
      expect(list.body.docs.every((doc: JsonBody) => doc.member === me)).toBe(true)
      expect((await who.request('GET', `/api/loyalty-feedback/${mine.id}`)).status).toBe(404)
      // Filtering or sorting on someone else's member finds nothing either.
      const filtered = await who.request(
        'GET',
        `/api/loyalty-feedback?where[member][equals]=${f.memberA.id}`,
      )
      expect(filtered.body.docs ?? []).toHaveLength(0)
      // The item endpoint answers the caller's own feedback, never anyone else's.
      const form = await feedbackOf(who, 'courses', course.id)
      if (who === memberB)
        expect(form.body.feedback).toMatchObject({ comment: 'Second thoughts', recommend: 9 })
      else expect(form.body.feedback).toBeNull()
    }
    expect((await memberA.request('GET', `/api/loyalty-feedback/${mine.id}`)).status).toBe(200)
    expect((await anonymous.request('GET', '/api/loyalty-feedback')).status).toBe(403)
    const staff = await marketer.request('GET', `/api/loyalty-feedback/${mine.id}`)
    expect(staff.status).toBe(200)
    expect(staff.body.recommend).toBe(6)
    const all = await marketer.request('GET', '/api/loyalty-feedback?limit=100&depth=0')
    expect(all.body.totalDocs).toBe(
      (await payload.count({ collection: 'loyalty-feedback' })).totalDocs,
    )
  })

  it('nobody writes feedback around the endpoint (the edit window holds), members and staff alike', async () => {
    const mine = (await feedbackDoc(f.memberB.id, 'courses', course.id))!
    const before = await state()
    for (const who of [memberB, marketer]) {
      expect(
        (await who.request('PATCH', `/api/loyalty-feedback/${mine.id}`, { recommend: 10 })).status,
      ).toBe(403)
      expect(
        (
          await who.request('POST', '/api/loyalty-feedback', {
            collection: 'courses',
            documentId: String(course.id),
            key: 'forged',
            member: f.memberB.id,
            rating: 5,
            recommend: 10,
          })
        ).status,
      ).toBe(403)
    }
    expect((await memberB.request('DELETE', `/api/loyalty-feedback/${mine.id}`)).status).toBe(403)
    expect(await state()).toEqual(before)
  })

  it('the summary is for staff only', async () => {
    expect((await summary(anonymous, 'collection=courses')).status).toBe(401)
    for (const who of [memberA, managerA]) {
      const refused = await summary(who, `collection=courses&id=${course.id}`)
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/Only staff/)
    }
    expect((await summary(marketer, `collection=courses&id=${course.id}`)).status).toBe(200)
  })
})

describe('the summary: NPS, rating, response rate, comments, filters', () => {
  /** The summit's responses: who, recommendation, rating, comment. b3 attended and said nothing. */
  const responses = (): [Client, number, number, null | string][] => [
    [memberA, 10, 5, 'Best summit so far.'], // A, engineer: promoter
    [colleagueA, 9, 4, null], // A, engineer: promoter
    [managerA, 7, 3, 'Too long.'], // A, management: passive
    [extra.a1.client, 8, 2, null], // A, sales: passive
    [memberB, 8, 4, null], // B, engineer: passive
    [goldB, 0, 1, 'Sound was broken.'], // B, engineer: detractor
    [extra.b1.client, 10, 5, 'Great people.'], // B, sales: promoter
    [extra.b2.client, 6, 3, null], // B, technician: detractor
  ]

  beforeAll(async () => {
    const { choice, options, scale, text } = summit.questions
    const pace = [1, 1, 2, 1, 0, 2, 1, 1]
    for (const [index, [who, recommend, rating, comment]] of responses().entries()) {
      const answered = await give(who, 'events', summit.id, {
        answers: {
          [choice]: options[pace[index]],
          ...(index % 2 === 0 ? { [scale]: (index % 5) + 1 } : {}),
          ...(index === 2 ? { [text]: 'Heat pump noise' } : {}),
        },
        comment,
        rating,
        recommend,
      })
      expect(answered.status, JSON.stringify(answered.body)).toBe(200)
    }
  })

  it('computes NPS, the rating and the response rate of a known set', async () => {
    const answer = await summary(marketer, `collection=events&id=${summit.id}`)
    expect(answer.status).toBe(200)
    // 3 promoters, 3 passives, 2 detractors of 8: (3 − 2) / 8 = 12.5 % → 13.
    expect(answer.body).toMatchObject({
      averageRating: 3.38, // 27 / 8 = 3.375
      eligible: 9,
      nps: {
        detractors: 2,
        detractorsPercent: 25,
        passives: 3,
        passivesPercent: 37.5,
        promoters: 3,
        promotersPercent: 37.5,
        score: 13,
      },
      ratingCounts: { 1: 1, 2: 1, 3: 2, 4: 2, 5: 2 },
      responded: 8,
      responseRate: 88.9,
      responses: 8,
      scope: {
        collection: 'events',
        id: String(summit.id),
        jobRole: null,
        partner: null,
        title: 'Installer summit',
      },
    })
    // Comments only, newest first, with who wrote them.
    expect(answer.body.comments.totalDocs).toBe(4)
    expect(answer.body.comments.docs.map((doc: JsonBody) => doc.comment)).toEqual([
      'Great people.',
      'Sound was broken.',
      'Too long.',
      'Best summit so far.',
    ])
    expect(answer.body.comments.docs[1]).toMatchObject({
      collection: 'events',
      documentId: String(summit.id),
      member: {
        id: f.goldMemberB.id,
        jobRole: 'engineer',
        partner: { id: f.partnerB.id, name: 'Beta Distribution' },
      },
      rating: 1,
      recommend: 0,
      title: 'Installer summit',
    })
    const paged = await summary(marketer, `collection=events&id=${summit.id}&limit=3&page=2`)
    expect(paged.body.comments).toMatchObject({
      hasNextPage: false,
      limit: 3,
      page: 2,
      totalDocs: 4,
    })
    expect(paged.body.comments.docs.map((doc: JsonBody) => doc.comment)).toEqual([
      'Best summit so far.',
    ])

    // The event's own questions, tallied.
    const [pace, useful, next] = answer.body.questions.summaries
    expect(answer.body.questions).toMatchObject({ basedOn: 8, truncated: false })
    expect(pace).toMatchObject({ answered: 8, kind: 'choice' })
    expect(pace.options.map((option: JsonBody) => option.count)).toEqual([1, 5, 2])
    // Scale answers of responses 0, 2, 4, 6: 1, 3, 5, 2 → 2.75.
    expect(useful).toMatchObject({
      answered: 4,
      average: 2.75,
      counts: [1, 1, 1, 0, 1],
      kind: 'scale',
      max: 5,
    })
    expect(next).toMatchObject({ answered: 1, kind: 'text', latest: ['Heat pump noise'] })
  })

  it('filters by partner and by job role (response rate over the same members)', async () => {
    const partnerA = await summary(
      marketer,
      `collection=events&id=${summit.id}&partner=${f.partnerA.id}`,
    )
    expect(partnerA.body).toMatchObject({
      averageRating: 3.5,
      eligible: 4,
      nps: { detractors: 0, passives: 2, promoters: 2, score: 50 },
      responded: 4,
      responseRate: 100,
      responses: 4,
      scope: { partner: { id: f.partnerA.id, name: 'Alpha Installations' } },
    })
    expect(partnerA.body.comments.docs.map((doc: JsonBody) => doc.comment)).toEqual([
      'Too long.',
      'Best summit so far.',
    ])
    const partnerB = await summary(
      marketer,
      `collection=events&id=${summit.id}&partner=${f.partnerB.id}`,
    )
    expect(partnerB.body).toMatchObject({
      averageRating: 3.25,
      eligible: 5,
      nps: { detractors: 2, passives: 1, promoters: 1, score: -25 },
      responded: 4,
      responseRate: 80,
      responses: 4,
    })
    const engineers = await summary(marketer, `collection=events&id=${summit.id}&jobRole=engineer`)
    expect(engineers.body).toMatchObject({
      averageRating: 3.5,
      eligible: 4,
      nps: { detractors: 1, passives: 1, promoters: 2, score: 25 },
      responses: 4,
    })
    const salesB = await summary(
      marketer,
      `collection=events&id=${summit.id}&partner=${f.partnerB.id}&jobRole=sales`,
    )
    expect(salesB.body).toMatchObject({
      eligible: 2,
      nps: { promoters: 1, score: 100 },
      responded: 1,
      responseRate: 50,
      responses: 1,
    })
    expect(salesB.body.comments.docs.map((doc: JsonBody) => doc.comment)).toEqual(['Great people.'])
    const nobody = await summary(marketer, `collection=events&id=${summit.id}&jobRole=purchasing`)
    expect(nobody.body).toMatchObject({
      averageRating: null,
      eligible: 0,
      nps: { score: null },
      responseRate: null,
      responses: 0,
    })
    expect(nobody.body.comments.docs).toEqual([])
  })

  it('per partner across every event and course, and per course', async () => {
    // Partner B: the summit (4 of 5) and the course (memberB's, completed and answered).
    const partnerB = await summary(marketer, `partner=${f.partnerB.id}`)
    expect(partnerB.body).toMatchObject({
      eligible: 6,
      nps: { detractors: 2, passives: 1, promoters: 2 },
      responded: 5,
      responses: 5,
      scope: { collection: null, id: null },
    })
    expect(partnerB.body.questions).toBeNull()
    const shortCourse = await summary(marketer, `collection=courses&id=${course.id}`)
    // memberA 6, colleagueA one of 10/9/8/7, memberB 9: completed by three, answered by three.
    expect(shortCourse.body).toMatchObject({
      eligible: 3,
      responded: 3,
      responseRate: 100,
      responses: 3,
    })
    const events = await summary(marketer, 'collection=events')
    expect(events.body).toMatchObject({ eligible: 9, responses: 8 })
  })

  it('filters by period: when feedback was given (and, for the rate, when members attended)', async () => {
    const doc = (await feedbackDoc(f.goldMemberB.id, 'events', summit.id))!
    await payload.db.updateOne({
      collection: 'loyalty-feedback',
      data: { createdAt: '2025-06-15T10:00:00.000Z' },
      id: doc.id,
      returning: false,
    })
    const june = await summary(
      marketer,
      `collection=events&id=${summit.id}&from=2025-06-15&to=2025-06-15`,
    )
    expect(june.body).toMatchObject({
      eligible: 0,
      nps: { detractors: 1, score: -100 },
      responseRate: null,
      responses: 1,
      scope: { from: '2025-06-15T00:00:00.000Z', to: '2025-06-16T00:00:00.000Z' },
    })
    const later = await summary(marketer, `collection=events&id=${summit.id}&from=2025-06-16`)
    // 3 promoters, 3 passives, 1 detractor of 7: 28.57 % → 29.
    expect(later.body).toMatchObject({
      eligible: 9,
      nps: { detractors: 1, promoters: 3, score: 29 },
      responses: 7,
    })
    const moment = await summary(
      marketer,
      `collection=events&id=${summit.id}&to=2025-06-15T10:00:00Z`,
    )
    expect(moment.body.responses).toBe(0)
  })

  it('refuses unclear questions with a 400 (or 404 for what does not exist)', async () => {
    const cases: [string, number, RegExp][] = [
      ['collection=case-studies', 400, /collection must be courses or events/],
      [`id=${summit.id}`, 400, /Name the item's collection too/],
      ['collection=events&id=abc', 400, /not a valid id/],
      ['collection=events&id=999999', 404, /This event does not exist/],
      ['from=yesterday', 400, /from must be a date/],
      ['from=2026-02-31', 400, /from must be a date/],
      ['from=2026-03-02&to=2026-03-01', 400, /from must be before to/],
      ['jobRole=astronaut', 400, /jobRole must be one of/],
      ['partner=999999', 404, /This partner does not exist/],
      ["partner=1' OR '1'='1", 400, /not a valid partner/],
      ['limit=0', 400, /limit must be a whole number from 1 to 100/],
      ['limit=101', 400, /limit must be a whole number from 1 to 100/],
      ['page=-1', 400, /page must be a whole number/],
    ]
    for (const [query, status, message] of cases) {
      const answer = await summary(marketer, query)
      expect(answer.status, query).toBe(status)
      expect(answer.body.errors[0].message).toMatch(message)
    }
  })
})
