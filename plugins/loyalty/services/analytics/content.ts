import { sql } from 'drizzle-orm'

import { loyaltySlugs } from '../../types'
import { type AnalyticsContext, and, from, idOf, memberScope, num, ref, within } from './sql'

export type CourseFunnelRow = {
  certified: number
  completed: number
  course: string
  lessonsCompleted: number
  passed: number
  quizAttempts: number
  started: number
}

/**
 * The course funnel in the period, per course: members who started a lesson, lessons completed,
 * quiz attempts, members who passed the quiz, courses completed and certificates issued. Three
 * GROUP BYs: lessons started, items completed (progress records) and quiz activities.
 */
export const courseFunnel = async (
  context: AnalyticsContext,
  serial: boolean,
): Promise<CourseFunnelRow[]> => {
  const { options, query } = context
  if (!options.courses) return []
  const progress = context.sql.table(loyaltySlugs.progress)
  const activities = context.sql.table(loyaltySlugs.activities)
  const p = (key: string) => ref('p', progress, key)
  const a = (key: string) => ref('a', activities, key)
  const isLesson = sql`${p('item')} like 'lesson:%'`
  const ofCourses = sql`${p('collection')} = ${options.courses}`
  // Members who started a lesson in the period, per course: distinct (course, member) pairs
  // first, then counted (hash aggregates, no COUNT(DISTINCT …) sort).
  const startedRows = () =>
    context.rows(sql`
      select s.course, count(*) as started
      from (
        select distinct ${p('documentId')} as course, ${p('member')} as member
        from ${from(progress, 'p')}
        where ${and([
          ofCourses,
          isLesson,
          within(p('startedAt'), query.from, query.to),
          ...memberScope(context, p('member')),
        ])}
      ) s
      group by s.course
    `)
  // What was completed in the period: lessons, courses and certificates.
  const completedRows = () =>
    context.rows(sql`
      select ${p('documentId')} as course,
        count(case when ${isLesson} then 1 end) as lessons_completed,
        count(case when ${p('item')} = 'course' then 1 end) as completed,
        count(case when ${p('item')} = 'course' and ${p('certificateCode')} is not null then 1 end) as certified
      from ${from(progress, 'p')}
      where ${and([
        ofCourses,
        within(p('completedAt'), query.from, query.to),
        ...memberScope(context, p('member')),
      ])}
      group by ${p('documentId')}
    `)
  const quizRows = () =>
    context.rows(sql`
      select q.course, sum(q.attempts) as attempts, count(case when q.passes > 0 then 1 end) as passed
      from (
        select ${a('objectId')} as course, ${a('member')} as member, count(*) as attempts,
          count(case when ${a('verb')} = 'quiz.passed' then 1 end) as passes
        from ${from(activities, 'a')}
        where ${and([
          sql`${a('verb')} in ('quiz.passed', 'quiz.failed')`,
          within(a('createdAt'), query.from, query.to),
          sql`${a('objectCollection')} = ${options.courses}`,
          ...memberScope(context, a('member')),
        ])}
        group by 1, 2
      ) q
      group by q.course
    `)
  const [started, completed, fromQuizzes] = serial
    ? [await startedRows(), await completedRows(), await quizRows()]
    : await Promise.all([startedRows(), completedRows(), quizRows()])
  const courses = new Map<string, CourseFunnelRow>()
  const rowOf = (course: string) => {
    let row = courses.get(course)
    if (!row) {
      row = {
        certified: 0,
        completed: 0,
        course,
        lessonsCompleted: 0,
        passed: 0,
        quizAttempts: 0,
        started: 0,
      }
      courses.set(course, row)
    }
    return row
  }
  for (const item of started) rowOf(String(item.course)).started = num(item.started)
  for (const item of completed) {
    const row = rowOf(String(item.course))
    row.lessonsCompleted = num(item.lessons_completed)
    row.completed = num(item.completed)
    row.certified = num(item.certified)
  }
  for (const item of fromQuizzes) {
    const row = rowOf(String(item.course))
    row.quizAttempts = num(item.attempts)
    row.passed = num(item.passed)
  }
  return [...courses.values()]
}

export type EventRow = {
  attended: number
  cancelled: number
  endsAt: null | string
  event: string
  registered: number
  startsAt: null | string
  title: string
  waitlisted: number
}

/** Most events listed for one period. */
export const EVENTS_LISTED = 100

/**
 * Events that start in the period (published and drafts alike, the latest first, at most
 * `EVENTS_LISTED`) with their registrations by status, of the members in scope.
 */
export const eventRegistrations = async (context: AnalyticsContext): Promise<EventRow[]> => {
  const { options, query } = context
  if (!options.events) return []
  const events = context.sql.table(options.events)
  const registrations = context.sql.table(loyaltySlugs.registrations)
  const e = (key: string) => ref('e', events, key)
  const r = (key: string) => ref('r', registrations, key)
  const count = (status: string) => sql`count(case when ${r('status')} = ${status} then 1 end)`
  const rows = await context.rows(sql`
    select ${e('id')} as event, ${e('title')} as title, ${e('startsAt')} as starts_at,
      ${e('endsAt')} as ends_at,
      ${count('registered')} as registered, ${count('waitlisted')} as waitlisted,
      ${count('cancelled')} as cancelled, ${count('attended')} as attended
    from ${from(events, 'e')}
    left join ${from(registrations, 'r')}
      on ${r('eventId')} = cast(${e('id')} as varchar(32))
      ${filtersMembersSql(context, r('member'))}
    where ${within(e('startsAt'), query.from, query.to)}
    group by ${e('id')}, ${e('title')}, ${e('startsAt')}, ${e('endsAt')}
    order by ${e('startsAt')} desc
    limit ${EVENTS_LISTED}
  `)
  return rows.map((row) => ({
    attended: num(row.attended),
    cancelled: num(row.cancelled),
    endsAt: row.ends_at ? new Date(String(row.ends_at)).toISOString() : null,
    event: String(row.event),
    registered: num(row.registered),
    startsAt: row.starts_at ? new Date(String(row.starts_at)).toISOString() : null,
    title: String(row.title ?? ''),
    waitlisted: num(row.waitlisted),
  }))
}

const filtersMembersSql = (context: AnalyticsContext, column: ReturnType<typeof ref>) => {
  const scope = memberScope(context, column)
  return scope.length > 0 ? sql`and ${and(scope)}` : sql``
}

export type ContentRow = {
  collection: string
  count: number
  document: string
  title: null | string
}

/** How many items each top list holds. */
export const TOP_CONTENT = 10

/**
 * The content that earned members the most points in the period (by the ledger's source), and
 * the content completed most often (courses completed, case studies read, events attended).
 */
export const topContent = async (
  context: AnalyticsContext,
  serial: boolean,
): Promise<{ byCompletions: ContentRow[]; byPoints: ContentRow[] }> => {
  const { options, query } = context
  const ledger = context.sql.table(loyaltySlugs.ledger)
  const progress = context.sql.table(loyaltySlugs.progress)
  const registrations = context.sql.table(loyaltySlugs.registrations)
  const l = (key: string) => ref('l', ledger, key)
  const p = (key: string) => ref('p', progress, key)
  const r = (key: string) => ref('r', registrations, key)
  const byPoints = () =>
    context.rows(sql`
      select ${l('sourceCollection')} as collection, ${l('sourceId')} as document,
        max(${l('sourceTitle')}) as title, sum(${l('qualifyingAmount')}) as total
      from ${from(ledger, 'l')}
      where ${and([
        sql`${l('account')} = 'member'`,
        sql`${l('kind')} = 'earn'`,
        within(l('createdAt'), query.from, query.to),
        sql`${l('sourceId')} is not null`,
        ...memberScope(context, l('member')),
      ])}
      group by ${l('sourceCollection')}, ${l('sourceId')}
      order by total desc
      limit ${TOP_CONTENT}
    `)
  const completedProgress = () =>
    context.rows(sql`
      select ${p('collection')} as collection, ${p('documentId')} as document, count(*) as total
      from ${from(progress, 'p')}
      where ${and([
        sql`${p('item')} in ('course', 'read')`,
        within(p('completedAt'), query.from, query.to),
        ...memberScope(context, p('member')),
      ])}
      group by ${p('collection')}, ${p('documentId')}
      order by total desc
      limit ${TOP_CONTENT}
    `)
  const attended = () =>
    options.events
      ? context.rows(sql`
          select ${r('eventId')} as document, count(*) as total
          from ${from(registrations, 'r')}
          where ${and([
            sql`${r('status')} = 'attended'`,
            within(r('attendedAt'), query.from, query.to),
            ...memberScope(context, r('member')),
          ])}
          group by ${r('eventId')}
          order by total desc
          limit ${TOP_CONTENT}
        `)
      : Promise.resolve([])
  const tasks = [byPoints, completedProgress, attended]
  const [points, completions, attendances] = serial
    ? [await tasks[0](), await tasks[1](), await tasks[2]()]
    : await Promise.all(tasks.map((task) => task()))
  const completionRows: ContentRow[] = [
    ...completions.map((row) => ({
      collection: String(row.collection),
      count: num(row.total),
      document: String(row.document),
      title: null,
    })),
    ...attendances.map((row) => ({
      collection: String(options.events),
      count: num(row.total),
      document: String(row.document),
      title: null,
    })),
  ]
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_CONTENT)
  return {
    byCompletions: completionRows,
    byPoints: points.map((row) => ({
      collection: String(row.collection ?? ''),
      count: num(row.total),
      document: String(idOf(row.document) ?? ''),
      title: row.title === null || row.title === undefined ? null : String(row.title),
    })),
  }
}
