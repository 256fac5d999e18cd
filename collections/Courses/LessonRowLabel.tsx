'use client'

import { useRowLabel } from '@payloadcms/ui'

/** Shows "3. Sizing the unit" instead of "Lesson 03" in the lesson list of the course editor. */
export const LessonRowLabel = () => {
  const { data, rowNumber } = useRowLabel<{ title?: string }>()
  const position = (rowNumber ?? 0) + 1
  return <span>{data?.title ? `${position}. ${data.title}` : `Lesson ${position}`}</span>
}
