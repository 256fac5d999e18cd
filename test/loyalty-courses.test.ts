import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type Client, bootServer, client, signIn } from './helpers/server'

let server: RunningServer
let payload: Payload
let f: Fixtures
let memberA: Client
let memberB: Client
let marketer: Client
let admin: Client
let quick: {
  id: number
  lessons: { id: string }[]
  questions: { id: string; options: { correct: boolean; id: string }[] }[]
}
let slow: { id: number; lessonId: string }

/** Sums of a member's (or organisation's) ledger, straight from the database. */
const ledgerSums = async (account: 'member' | 'organisation', id: number) => {
  const { docs } = await payload.find({
    collection: 'loyalty-ledger',
    limit: 0,
    pagination: false,
    where: { and: [{ account: { equals: account } }, { [account]: { equals: id } }] },
  })
  return {
    count: docs.length,
    qualifying: docs.reduce((sum, doc) => sum + doc.qualifyingAmount, 0),
    spendable: docs.reduce((sum, doc) => sum + doc.amount, 0),
  }
}

const balances = async (collection: 'members' | 'partners', id: number) => {
  const doc = await payload.findByID({ collection, depth: 0, id })
  return { qualifying: doc.loyalty?.qualifying ?? 0, spendable: doc.loyalty?.spendable ?? 0 }
}

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: true,
      name: 'Course completed',
      organisationSharePercent: 50,
      points: 200,
      roleOverrides: [{ jobRole: 'engineer', points: 250 }],
      verb: 'course.completed',
    },
  })
  await payload.create({
    collection: 'loyalty-earning-rules',
    data: {
      creditsOrganisation: false,
      name: 'Lesson completed',
      points: 10,
      verb: 'lesson.completed',
    },
  })
  const body = f.openCourse.lessons?.[0]?.body
  if (!body) throw new Error('the fixture course has no lesson body')
  const quickData: RequiredDataFromCollectionSlug<'courses'> = {
    _status: 'published',
    estimatedMinutes: 10,
    issuesCertificate: true,
    lessons: [
      { body, minimumSeconds: 0, title: 'One' },
      { body, minimumSeconds: 0, title: 'Two' },
    ],
    level: 'foundation',
    quiz: {
      attemptsAllowed: 3,
      passMarkPercent: 100,
      questions: [
        {
          options: [
            { correct: true, label: 'Right' },
            { correct: false, label: 'Wrong' },
          ],
          question: 'Pick right',
        },
      ],
    },
    slug: 'quick-course',
    summary: 'Quick',
    title: 'Quick course',
  }
  const quickCourse = await payload.create({ collection: 'courses', data: quickData })
  quick = {
    id: quickCourse.id,
    lessons: (quickCourse.lessons ?? []).map((lesson) => ({ id: String(lesson.id) })),
    questions: (quickCourse.quiz?.questions ?? []).map((question) => ({
      id: String(question.id),
      options: question.options.map((option) => ({
        correct: Boolean(option.correct),
        id: String(option.id),
      })),
    })),
  }
  const slowCourse = await payload.create({
    collection: 'courses',
    data: {
      _status: 'published',
      estimatedMinutes: 60,
      lessons: [{ body, minimumSeconds: 3600, title: 'Long read' }],
      level: 'advanced',
      slug: 'slow-course',
      summary: 'Slow',
      title: 'Slow course',
    },
  })
  slow = { id: slowCourse.id, lessonId: String(slowCourse.lessons?.[0]?.id) }
  memberA = await signIn(server.url, 'members', f.memberA.email, password)
  memberB = await signIn(server.url, 'members', f.memberB.email, password)
  marketer = await signIn(server.url, 'users', f.marketer.email, password)
  admin = await signIn(server.url, 'users', f.admin.email, password)
})

afterAll(async () => {
  await server?.close()
})

const lessonPath = (courseId: number, lessonId: string, action: 'complete' | 'start') =>
  `/api/courses/${courseId}/lessons/${lessonId}/${action}`

describe('lessons: proof of time spent', () => {
  it('refuses completion before the lesson was started', async () => {
    const { body, status } = await memberA.request(
      'POST',
      lessonPath(slow.id, slow.lessonId, 'complete'),
    )
    expect(status).toBe(409)
    expect(body.errors[0].message).toMatch(/start the lesson/i)
  })

  it('refuses completion before the minimum time, saying how long is left', async () => {
    const started = await memberA.request('POST', lessonPath(slow.id, slow.lessonId, 'start'))
    expect(started.status).toBe(200)
    expect(started.body.minimumSeconds).toBe(3600)
    const { body, status } = await memberA.request(
      'POST',
      lessonPath(slow.id, slow.lessonId, 'complete'),
    )
    expect(status).toBe(409)
    expect(body.secondsRemaining).toBeGreaterThan(3500)
    expect(body.errors[0].message).toMatch(/s to go/)
    expect((await ledgerSums('member', f.memberA.id)).count).toBe(0)
  })

  it('keeps the first start time when a lesson is started again', async () => {
    const first = await memberA.request('POST', lessonPath(slow.id, slow.lessonId, 'start'))
    const again = await memberA.request('POST', lessonPath(slow.id, slow.lessonId, 'start'))
    expect(again.body.startedAt).toBe(first.body.startedAt)
  })

  it('answers who may do this: anonymous 401, staff 403, locked course 403, unknown lesson 404, bad id 400', async () => {
    const anonymous = await client(server.url).request(
      'POST',
      lessonPath(quick.id, quick.lessons[0].id, 'start'),
    )
    expect(anonymous.status).toBe(401)
    const staff = await marketer.request('POST', lessonPath(quick.id, quick.lessons[0].id, 'start'))
    expect(staff.status).toBe(403)
    expect(staff.body.errors[0].message).toMatch(/staff accounts do not earn/i)
    const goldLessonId = String(f.goldCourse.lessons?.[0]?.id)
    const locked = await memberA.request('POST', lessonPath(f.goldCourse.id, goldLessonId, 'start'))
    expect(locked.status).toBe(403)
    expect(locked.body.errors[0].message).toMatch(/Gold/)
    expect((await memberA.request('POST', lessonPath(quick.id, 'nope', 'start'))).status).toBe(404)
    expect((await memberA.request('POST', `/api/courses/abc/lessons/x/start`)).status).toBe(400)
    expect((await memberA.request('POST', lessonPath(f.draftCourse.id, 'x', 'start'))).status).toBe(
      404,
    )
  })
})

describe('a course from first lesson to certificate', () => {
  it('awards lessons, grades the quiz server-side, then awards the course once with the organisation share', async () => {
    for (const lesson of quick.lessons) {
      expect((await memberA.request('POST', lessonPath(quick.id, lesson.id, 'start'))).status).toBe(
        200,
      )
      const done = await memberA.request('POST', lessonPath(quick.id, lesson.id, 'complete'))
      expect(done.status).toBe(200)
      expect(done.body.award.points).toBe(10)
      expect(done.body.courseCompleted).toBe(false)
    }
    const question = quick.questions[0]
    const wrong = question.options.find((option) => !option.correct)!.id
    const right = question.options.find((option) => option.correct)!.id
    const failed = await memberA.request('POST', `/api/courses/${quick.id}/quiz`, {
      answers: { [question.id]: [wrong] },
    })
    expect(failed.status).toBe(200)
    expect(failed.body).toMatchObject({
      attemptsLeft: 2,
      courseCompleted: false,
      passed: false,
      scorePercent: 0,
    })
    expect(failed.body.answers).toBeNull()
    expect(JSON.stringify(failed.body)).not.toContain(right)

    const passed = await memberA.request('POST', `/api/courses/${quick.id}/quiz`, {
      answers: { [question.id]: [right] },
    })
    expect(passed.body).toMatchObject({ courseCompleted: true, passed: true, scorePercent: 100 })
    expect(passed.body.answers[0].correctOptionIds).toEqual([right])
    expect(passed.body.certificateCode).toMatch(/^PC-/)
    // Engineer override 250 × Bronze 1.0; half to the organisation.
    expect(passed.body.courseAward).toMatchObject({ organisationPoints: 125, points: 250 })
    expect(passed.body.courseAward.reason).toBe('Course completed: Quick course')

    expect(await balances('members', f.memberA.id)).toEqual({ qualifying: 270, spendable: 270 })
    expect(await balances('partners', f.partnerA.id)).toEqual({ qualifying: 125, spendable: 125 })
    const member = await ledgerSums('member', f.memberA.id)
    expect(member).toEqual({ count: 3, qualifying: 270, spendable: 270 })
    expect(await ledgerSums('organisation', f.partnerA.id)).toMatchObject({
      qualifying: 125,
      spendable: 125,
    })
  })

  it('a course without a quiz completes with its last lesson, in any order, and only then', async () => {
    const course = await payload.create({
      collection: 'courses',
      data: {
        _status: 'published',
        estimatedMinutes: 10,
        lessons: ['First', 'Second', 'Third'].map((title) => ({
          body: f.openCourse.lessons![0].body,
          minimumSeconds: 0,
          title,
        })),
        level: 'foundation',
        slug: 'no-quiz-course',
        summary: 'Lessons only',
        title: 'Lessons only',
      },
    })
    const ids = (course.lessons ?? []).map((lesson) => String(lesson.id))
    const colleague = await signIn(server.url, 'members', f.colleagueA.email, password)
    const results: boolean[] = []
    for (const id of [ids[2], ids[0], ids[1]]) {
      await colleague.request('POST', lessonPath(course.id, id, 'start'))
      const done = await colleague.request('POST', lessonPath(course.id, id, 'complete'))
      expect(done.status).toBe(200)
      results.push(done.body.courseCompleted)
      if (done.body.courseCompleted) {
        // Course rule: 200 base (an engineer: 250), no tier ×1; half to the company.
        expect(done.body.courseAward).toMatchObject({ organisationPoints: 125, points: 250 })
      }
    }
    expect(results).toEqual([false, false, true])
    // Completing a lesson again does not complete the course twice.
    const again = await colleague.request('POST', lessonPath(course.id, ids[1], 'complete'))
    expect(again.body.courseAward).toMatchObject({ duplicate: true, points: 250 })
  })

  it('stores every field of the entries written on the fast path, as Payload reads them', async () => {
    const { docs } = await payload.find({
      collection: 'loyalty-ledger',
      depth: 0,
      sort: 'account',
      where: {
        idempotencyKey: {
          in: [
            `course.completed:${f.memberA.id}:courses:${quick.id}`,
            `course.completed:${f.memberA.id}:courses:${quick.id}:organisation`,
          ],
        },
      },
    })
    expect(docs).toHaveLength(2)
    const [memberEntry, organisationEntry] = docs
    expect(memberEntry).toMatchObject({
      account: 'member',
      actor: { relationTo: 'members', value: f.memberA.id },
      amount: 250,
      kind: 'earn',
      member: f.memberA.id,
      organisation: f.partnerA.id,
      qualifyingAmount: 250,
      reason: 'Course completed: Quick course',
      sourceCollection: 'courses',
      sourceId: String(quick.id),
      sourceTitle: 'Quick course',
    })
    expect(typeof memberEntry.rule).toBe('number')
    expect(new Date(String(memberEntry.expiresAt)).getTime()).toBeGreaterThan(Date.now())
    expect(new Date(String(memberEntry.createdAt)).getTime()).toBeLessThanOrEqual(Date.now())
    const breakdown = memberEntry.breakdown as { steps: { points: number }[] }
    expect(breakdown.steps.at(-1)?.points).toBe(250)
    expect(organisationEntry).toMatchObject({
      account: 'organisation',
      actor: { relationTo: 'members', value: f.memberA.id },
      amount: 125,
      organisation: f.partnerA.id,
      reason: 'Course completed: Quick course (by a member)',
    })
  })

  it('repeating a completion is a no-op that returns the original award', async () => {
    const again = await memberA.request(
      'POST',
      lessonPath(quick.id, quick.lessons[0].id, 'complete'),
    )
    expect(again.status).toBe(200)
    expect(again.body.award).toMatchObject({ duplicate: true, points: 10 })
    expect(again.body.courseAward).toMatchObject({ duplicate: true, points: 250 })
    expect((await ledgerSums('member', f.memberA.id)).count).toBe(3)
  })

  it('refuses another quiz attempt after a pass, and malformed answers with a 400', async () => {
    const question = quick.questions[0]
    const again = await memberA.request('POST', `/api/courses/${quick.id}/quiz`, {
      answers: { [question.id]: [question.options[0].id] },
    })
    expect(again.status).toBe(409)
    for (const answers of [
      undefined,
      'all of them',
      { [question.id]: 'x' },
      { [question.id]: ['no-such-option'] },
      {},
    ]) {
      const { body, status } = await memberB.request('POST', `/api/courses/${quick.id}/quiz`, {
        answers,
      })
      expect(status).toBe(400)
      expect(body.errors[0].message.length).toBeGreaterThan(10)
    }
  })
})

describe('under concurrency', () => {
  it('50 identical completion requests award exactly once, and the balance equals the ledger', async () => {
    const lesson = quick.lessons[0]
    await memberB.request('POST', lessonPath(quick.id, lesson.id, 'start'))
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        memberB.request('POST', lessonPath(quick.id, lesson.id, 'complete')),
      ),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200))
    expect(responses.filter((response) => response.body.award.duplicate === false)).toHaveLength(1)
    expect(new Set(responses.map((response) => response.body.award.entryId)).size).toBe(1)
    const sums = await ledgerSums('member', f.memberB.id)
    expect(sums).toMatchObject({ count: 1, spendable: 10 })
    expect(await balances('members', f.memberB.id)).toEqual({ qualifying: 10, spendable: 10 })
    const activities = await payload.find({
      collection: 'loyalty-activities',
      depth: 0,
      where: {
        and: [{ member: { equals: f.memberB.id } }, { verb: { equals: 'lesson.completed' } }],
      },
    })
    expect(activities.totalDocs).toBe(1)
    expect(activities.docs[0]).toMatchObject({
      details: {},
      member: f.memberB.id,
      objectCollection: 'courses',
      objectId: String(quick.id),
      objectTitle: 'Quick course: One',
    })
  })
})

describe('the ledger from the outside', () => {
  it('a member reads only their own entries', async () => {
    const own = await memberA.request('GET', '/api/loyalty-ledger?limit=100')
    expect(own.body.totalDocs).toBe(3)
    expect(
      own.body.docs.every(
        (doc: { member: { id: number } | number }) =>
          (typeof doc.member === 'object' ? doc.member.id : doc.member) === f.memberA.id,
      ),
    ).toBe(true)
    const other = await memberB.request('GET', '/api/loyalty-ledger?limit=100')
    expect(other.body.totalDocs).toBe(1)
  })

  it('nobody creates, edits or deletes entries through the API, admins included', async () => {
    const entry = (await memberA.request('GET', '/api/loyalty-ledger?limit=1')).body.docs[0]
    for (const actor of [memberA, admin]) {
      expect(
        (await actor.request('POST', '/api/loyalty-ledger', { ...entry, idempotencyKey: 'x' }))
          .status,
      ).toBe(403)
      expect(
        (await actor.request('PATCH', `/api/loyalty-ledger/${entry.id}`, { amount: 9999 })).status,
      ).toBe(403)
      expect((await actor.request('DELETE', `/api/loyalty-ledger/${entry.id}`)).status).toBe(403)
    }
    expect(await ledgerSums('member', f.memberA.id)).toEqual({
      count: 3,
      qualifying: 270,
      spendable: 270,
    })
  })
})
