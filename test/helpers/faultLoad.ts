/**
 * Members' requests for the fault tests: lesson completions (start, then complete) and reward
 * redemptions with an Idempotency-Key, each answered, refused or lost, never retried here.
 */
import type { JsonBody } from './server'

/** One action of a client: completing a lesson, or redeeming the reward under a key. */
export type Action = { kind: 'lesson'; lessonId: string } | { key: string; kind: 'redeem' }

/** An HTTP answer, or the error of a request that got none (connection refused, cut, timed out). */
export type Answer = { body: JsonBody; status: number } | { error: string }

export const acknowledged = (
  answer: Answer | undefined,
): answer is { body: JsonBody; status: number } =>
  answer !== undefined && 'status' in answer && answer.status >= 200 && answer.status < 300

/** A signed-in member's requests to a server whose address may change (after a restart). */
export type MemberClient = {
  baseURL: () => string
  courseId: number
  rewardId: number
  token: string
}

/** Sends a request as the client's member; a request that gets no answer in time fails. */
export const call = async (
  client: MemberClient,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Answer> => {
  try {
    const response = await fetch(`${client.baseURL()}${path}`, {
      headers: { authorization: `JWT ${client.token}`, ...headers },
      method,
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    let body: JsonBody
    try {
      body = text ? (JSON.parse(text) as JsonBody) : {}
    } catch {
      body = { text }
    }
    return { body, status: response.status }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    return { error: cause ? `${String(error)} (${cause})` : String(error) }
  }
}

/**
 * Performs an action: a lesson is started (idempotent) and completed (the award, keyed by
 * member and lesson on the server); a redemption carries the action's Idempotency-Key.
 */
export const perform = async (client: MemberClient, action: Action): Promise<Answer> => {
  if (action.kind === 'redeem') {
    return call(client, 'POST', `/api/loyalty-rewards/${client.rewardId}/redeem`, {
      'idempotency-key': action.key,
    })
  }
  const lesson = `/api/courses/${client.courseId}/lessons/${action.lessonId}`
  const started = await call(client, 'POST', `${lesson}/start`)
  if (!acknowledged(started)) return started
  return call(client, 'POST', `${lesson}/complete`)
}
