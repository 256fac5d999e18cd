/**
 * Table rows (Drizzle keys of the tables Payload made) for one member's generated history, in
 * the formats the plugin itself writes: the same idempotency keys, progress keys, reasons and
 * activity verbs, so that the live endpoints treat seeded history exactly like their own (a
 * seeded lesson completion is a duplicate when completed again).
 */
import type { MemberHistory, SimEntry } from './history'

type ID = number | string
export type Row = Record<string, unknown>

export type MemberRows = {
  activities: Row[]
  /** Ledger rows; the actor relation of each is written once its id is known. */
  ledger: Row[]
  progress: Row[]
  registrations: Row[]
  tierChanges: Row[]
}

const iso = (date: Date) => date.toISOString()

const entryKey = (memberId: ID, entry: SimEntry) =>
  entry.verb === 'expire'
    ? `expire:member:${memberId}:${entry.keyParts[0]}`
    : [entry.verb, String(memberId), ...entry.keyParts].join(':')

const progressRow = (
  memberId: ID,
  collection: string,
  documentId: ID,
  item: string,
  values: {
    attempts?: number
    certificateCode?: null | string
    completedAt: Date
    scorePercent?: null | number
    startedAt: Date
  },
): Row => ({
  attempts: values.attempts ?? 0,
  certificateCode: values.certificateCode ?? null,
  collection,
  completedAt: iso(values.completedAt),
  createdAt: iso(values.startedAt),
  documentId: String(documentId),
  item,
  key: `${memberId}:${collection}:${documentId}:${item}`,
  member: memberId,
  scorePercent: values.scorePercent ?? null,
  startedAt: iso(values.startedAt),
  updatedAt: iso(values.completedAt),
})

/** When the member last signed in: a minute before their last action (null if they never acted). */
export const lastSignInAt = (history: MemberHistory): null | string => {
  let last: Date | null = null
  for (const action of history.actions) if (!last || action.at > last) last = action.at
  return last ? iso(new Date(last.getTime() - 60_000)) : null
}

export const memberRows = (
  memberId: ID,
  partnerId: ID,
  history: MemberHistory,
  certificates: Set<string>,
): MemberRows => {
  const rows: MemberRows = {
    activities: [],
    ledger: [],
    progress: [],
    registrations: [],
    tierChanges: [],
  }
  const common = (entry: SimEntry) => ({
    breakdown: entry.breakdown,
    createdAt: iso(entry.at),
    expiresAt: entry.expiresAt ? iso(entry.expiresAt) : null,
    kind: entry.kind,
    member: memberId,
    organisation: partnerId,
    promotion: null,
    rule: entry.ruleId,
    sourceCollection: entry.source?.collection ?? null,
    sourceId: entry.source ? String(entry.source.id) : null,
    sourceTitle: entry.source?.title ?? null,
    updatedAt: iso(entry.at),
  })
  for (const entry of history.entries) {
    const key = entryKey(memberId, entry)
    rows.ledger.push({
      ...common(entry),
      account: 'member',
      amount: entry.amount,
      idempotencyKey: key,
      qualifyingAmount: entry.kind === 'earn' ? entry.amount : 0,
      reason: entry.reason,
    })
    if (entry.organisationAmount > 0) {
      rows.ledger.push({
        ...common(entry),
        account: 'organisation',
        amount: entry.organisationAmount,
        idempotencyKey: `${key}:organisation`,
        qualifyingAmount: entry.organisationAmount,
        reason: `${entry.reason} (by a member)`,
      })
    }
  }

  const registrations = new Map<string, Row>()
  for (const action of history.actions) {
    const { source } = action
    const activity = (verb: string, title = source.title, details: Row = {}) =>
      rows.activities.push({
        createdAt: iso(action.at),
        details,
        member: memberId,
        objectCollection: source.collection,
        objectId: String(source.id),
        objectTitle: title,
        updatedAt: iso(action.at),
        verb,
      })
    if (action.kind === 'quiz') {
      rows.progress.push(
        progressRow(memberId, source.collection, source.id, 'quiz', {
          attempts: action.attempts,
          completedAt: action.at,
          scorePercent: action.scorePercent,
          startedAt: action.at,
        }),
      )
      activity('quiz.passed', source.title, {
        attempt: action.attempts,
        scorePercent: action.scorePercent,
      })
      continue
    }
    switch (action.verb) {
      case 'lesson.completed':
        rows.progress.push(
          progressRow(memberId, source.collection, source.id, `lesson:${action.lessonId}`, {
            completedAt: action.at,
            startedAt: action.startedAt,
          }),
        )
        activity('lesson.completed', source.title, { lesson: action.lessonId })
        break
      case 'course.completed': {
        const code = certificates.has(String(source.id))
          ? `PC-${String(source.id)}-${String(memberId)}-${action.at.getTime().toString(36).toUpperCase()}`
          : null
        rows.progress.push(
          progressRow(memberId, source.collection, source.id, 'course', {
            certificateCode: code,
            completedAt: action.at,
            startedAt: action.startedAt,
          }),
        )
        activity('course.completed')
        break
      }
      case 'case-study.read':
        rows.progress.push(
          progressRow(memberId, source.collection, source.id, 'read', {
            completedAt: action.at,
            startedAt: action.startedAt,
          }),
        )
        activity('case-study.read')
        break
      case 'event.registered':
        registrations.set(String(source.id), {
          attendedAt: null,
          createdAt: iso(action.at),
          eventId: String(source.id),
          key: `${memberId}:${source.id}`,
          member: memberId,
          registeredAt: iso(action.at),
          status: 'registered',
          updatedAt: iso(action.at),
        })
        activity('event.registered')
        break
      case 'event.attended': {
        const registration = registrations.get(String(source.id))
        if (registration) {
          registration.status = 'attended'
          registration.attendedAt = iso(action.at)
          registration.updatedAt = iso(action.at)
        }
        activity('event.attended')
        break
      }
    }
  }
  // Members sign in before they act: one sign-in a day on which they did anything, as the
  // plugin records them (a `member.signed-in` activity per member and day).
  const signInDays = new Map<string, Date>()
  for (const action of history.actions) {
    const day = iso(action.at).slice(0, 10)
    const first = signInDays.get(day)
    if (!first || action.at < first) signInDays.set(day, action.at)
  }
  for (const at of signInDays.values()) {
    const signedIn = iso(new Date(at.getTime() - 60_000))
    rows.activities.push({
      createdAt: signedIn,
      details: {},
      member: memberId,
      objectCollection: 'members',
      objectId: String(memberId),
      objectTitle: null,
      updatedAt: signedIn,
      verb: 'member.signed-in',
    })
  }
  rows.registrations = [...registrations.values()]
  rows.tierChanges = history.tierChanges.map((change) => ({
    account: 'member',
    change: change.change,
    createdAt: iso(change.at),
    fromTier: change.from,
    member: memberId,
    reason: change.reason,
    toTier: change.to,
    updatedAt: iso(change.at),
  }))
  return rows
}
