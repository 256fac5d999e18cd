import { callEndpoint } from '../../../plugins/loyalty'
import { requireMember } from './session'

type ID = number | string

export type FeedbackQuestionView = {
  id: string
  kind: 'choice' | 'scale' | 'text'
  options?: { id: string; label: string }[]
  question: string
  required: boolean
  scaleMax?: number
}

export type OwnFeedback = {
  answers: Record<string, number | string>
  comment: null | string
  editable: boolean
  editableUntil: string
  givenAt: string
  rating: number
  recommend: number
  updatedAt: string
}

/** `GET /api/<courses|events>/:id/feedback`: the form, the points on offer and the member's own answers. */
export type FeedbackFormData = {
  canGive: boolean
  collection: string
  documentId: string
  earnedPoints: null | number
  editWindowDays: number
  feedback: null | OwnFeedback
  points: number
  questions: FeedbackQuestionView[]
  reason: null | string
  title: string
}

/**
 * The member's feedback form for an event or a course, as the plugin's endpoint answers it
 * (run in process as the signed-in member); null when it cannot be shown.
 */
export const feedbackForm = async (
  collection: 'courses' | 'events',
  id: ID,
): Promise<FeedbackFormData | null> => {
  const { member, payload } = await requireMember()
  const result = await callEndpoint<FeedbackFormData>(
    payload,
    { ...member, collection: 'members' },
    'get',
    `/${collection}/${id}/feedback`,
  )
  return result.ok ? result.data : null
}
