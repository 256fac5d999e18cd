import { notFound } from 'next/navigation'

import type { Course, LoyaltyProgress } from '../../payload-types'

import { progressOn } from './content'
import { requireMember } from './session'

export type CourseProgress = {
  certificateCode: null | string
  completed: boolean
  lessonsDone: Set<string>
  quizAttempts: number
  quizPassed: boolean
  quizScore: null | number
}

/** Sums up the member's progress records of one course. */
export const summariseProgress = (records: LoyaltyProgress[]): CourseProgress => {
  const lessonsDone = new Set<string>()
  let course: LoyaltyProgress | undefined
  let quiz: LoyaltyProgress | undefined
  for (const record of records) {
    if (record.item === 'course') course = record
    else if (record.item === 'quiz') quiz = record
    else if (record.item.startsWith('lesson:') && record.completedAt) lessonsDone.add(record.item.slice(7))
  }
  return {
    certificateCode: course?.certificateCode ?? null,
    completed: Boolean(course?.completedAt),
    lessonsDone,
    quizAttempts: quiz?.attempts ?? 0,
    quizPassed: Boolean(quiz?.completedAt),
    quizScore: quiz?.scorePercent ?? null,
  }
}

/** Progress on every course, by course id. */
export const progressByCourse = async (): Promise<Map<string, CourseProgress>> => {
  const records = await progressOn('courses')
  const grouped = new Map<string, LoyaltyProgress[]>()
  for (const record of records) grouped.set(record.documentId, [...(grouped.get(record.documentId) ?? []), record])
  return new Map([...grouped].map(([id, list]) => [id, summariseProgress(list)]))
}

/**
 * One published course as the member may see it (lessons and quiz are withheld below the
 * required tier), or the 404 page.
 */
export const loadCourse = async (id: string): Promise<Course> => {
  if (!/^\d{1,18}$/.test(id)) notFound()
  const { member, payload } = await requireMember()
  const course = await payload
    .findByID({ collection: 'courses', depth: 1, id, overrideAccess: false, user: member })
    .catch(() => null)
  if (!course) notFound()
  return course
}

/** The course's progress for the member. */
export const courseProgress = async (id: number | string): Promise<CourseProgress> => summariseProgress(await progressOn('courses', id))
