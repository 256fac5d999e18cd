import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Metadata } from 'next'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { notFound, redirect } from 'next/navigation'

import { LessonTimer } from '@/portal/client/LessonTimer'
import { PageHeader } from '@/portal/components/PageHeader'
import { tierGate } from '@/portal/data/content'
import { loadCourse } from '@/portal/data/courses'

type Props = { params: Promise<{ id: string; lessonId: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, lessonId } = await params
  const course = await loadCourse(id)
  const lesson = course.lessons?.find((candidate) => candidate.id === lessonId)
  return { title: lesson ? `${lesson.title} · ${course.title}` : course.title }
}

/** Plays a file video inline; other video links (streaming pages) open in a new tab. */
function LessonVideo({ url }: { url: string }) {
  if (/\.(mp4|webm|ogg)(\?|$)/i.test(url)) {
    return (
      <video className="pc-video" controls preload="metadata" src={url}>
        <a href={url}>Download the lesson video</a>
      </video>
    )
  }
  return (
    <p>
      <a className="pc-button pc-button--secondary" href={url} rel="noreferrer" target="_blank">
        ▶ Watch the lesson video<span className="pc-visually-hidden"> (opens in a new tab)</span>
      </a>
    </p>
  )
}

/** The lesson player: the lesson text (Lexical rich text), its video, and the completion timer. */
export default async function LessonPage({ params }: Props) {
  const { id, lessonId } = await params
  const [course, gate] = await Promise.all([loadCourse(id), tierGate()])
  if (gate.missingTier(course.requiredTier)) redirect(`/courses/${course.id}`)
  const lessons = course.lessons ?? []
  const index = lessons.findIndex((lesson) => lesson.id === lessonId)
  if (index === -1) notFound()
  const lesson = lessons[index]
  const following = lessons[index + 1]
  const hasQuiz = (course.quiz?.questions ?? []).length > 0
  const next = following
    ? {
        href: `/courses/${course.id}/lessons/${following.id}`,
        label: `Next lesson: ${following.title}`,
      }
    : hasQuiz
      ? { href: `/courses/${course.id}/quiz`, label: 'Take the quiz' }
      : { href: `/courses/${course.id}`, label: 'Back to the course' }
  return (
    <article>
      <PageHeader
        back={{ href: `/courses/${course.id}`, label: course.title }}
        eyebrow={`Lesson ${index + 1} of ${lessons.length}`}
        title={lesson.title}
      />
      {lesson.videoUrl ? <LessonVideo url={lesson.videoUrl} /> : null}
      <div className="pc-prose">
        <RichText data={lesson.body as unknown as SerializedEditorState} />
      </div>
      <LessonTimer courseId={course.id} lessonId={lessonId} next={next} />
    </article>
  )
}
