import type { Metadata } from 'next'

import { notFound, redirect } from 'next/navigation'

import { QuizForm } from '@/portal/client/QuizForm'
import { ButtonLink } from '@/portal/components/Button'
import { Notice } from '@/portal/components/Notice'
import { PageHeader } from '@/portal/components/PageHeader'
import { tierGate } from '@/portal/data/content'
import { courseProgress, loadCourse } from '@/portal/data/courses'
import { plural } from '@/portal/data/format'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Quiz · ${(await loadCourse((await params).id)).title}` }
}

/** The course quiz, once every lesson is done. */
export default async function QuizPage({ params }: Props) {
  const { id } = await params
  const [course, gate, progress] = await Promise.all([
    loadCourse(id),
    tierGate(),
    courseProgress(id),
  ])
  if (gate.missingTier(course.requiredTier)) redirect(`/courses/${course.id}`)
  const questions = course.quiz?.questions ?? []
  if (questions.length === 0) notFound()
  const lessons = course.lessons ?? []
  const open = lessons.filter((lesson) => !(lesson.id && progress.lessonsDone.has(lesson.id)))
  const allowed = course.quiz?.attemptsAllowed ?? 3
  const pass = course.quiz?.passMarkPercent ?? 70
  const header = (
    <PageHeader
      back={{ href: `/courses/${course.id}`, label: course.title }}
      eyebrow="Quiz"
      title={`Quiz: ${course.title}`}
    >
      <p>
        {plural(questions.length, 'question')} · pass mark {pass} % · {plural(allowed, 'attempt')}{' '}
        in all
      </p>
    </PageHeader>
  )
  if (open.length > 0 && !progress.quizPassed) {
    return (
      <>
        {header}
        <Notice tone="warning">
          Finish every lesson first: {plural(open.length, 'lesson')} to go.
        </Notice>
        <ButtonLink href={`/courses/${course.id}/lessons/${open[0].id}`}>
          Go to {open[0].title}
        </ButtonLink>
      </>
    )
  }
  return (
    <>
      {header}
      <QuizForm
        alreadyPassed={
          progress.quizPassed
            ? { certificate: Boolean(progress.certificateCode), scorePercent: progress.quizScore }
            : null
        }
        attemptsLeft={Math.max(0, allowed - progress.quizAttempts)}
        courseId={course.id}
        passMarkPercent={pass}
        questions={questions.map((question) => ({
          id: String(question.id),
          options: question.options.map((option) => ({
            id: String(option.id),
            label: option.label,
          })),
          question: question.question,
        }))}
      />
    </>
  )
}
