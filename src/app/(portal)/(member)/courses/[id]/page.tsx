import type { Metadata } from 'next'

import Link from 'next/link'

import { FeedbackSurvey } from '@/portal/client/FeedbackSurvey'
import { Badge, LockIcon, LockedBadge, PointsBadge } from '@/portal/components/Badge'
import { ButtonLink } from '@/portal/components/Button'
import { Card } from '@/portal/components/Card'
import { Notice } from '@/portal/components/Notice'
import { PageHeader } from '@/portal/components/PageHeader'
import { ProgressBar } from '@/portal/components/ProgressBar'
import { courseLevels } from '@/config/programme'
import { mediaOf, tierGate } from '@/portal/data/content'
import { courseProgress, loadCourse } from '@/portal/data/courses'
import { feedbackForm } from '@/portal/data/feedback'
import { formatPoints, labelOf, plural } from '@/portal/data/format'
import { pointsPreview } from '@/portal/data/pointsPreview'
import { loyaltyMe } from '@/portal/data/loyalty'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await loadCourse((await params).id)
  return { title: course.title }
}

/** One course: what it covers, the lessons with the member's progress, the quiz, the certificate. */
export default async function CoursePage({ params }: Props) {
  const { id } = await params
  const [course, gate, progress, points] = await Promise.all([
    loadCourse(id),
    tierGate(),
    courseProgress(id),
    pointsPreview(),
  ])
  const locked = gate.missingTier(course.requiredTier)
  const image = mediaOf(course.coverImage)
  const lessons = course.lessons ?? []
  const done = lessons.filter((lesson) => lesson.id && progress.lessonsDone.has(lesson.id)).length
  const nextLesson = lessons.find((lesson) => lesson.id && !progress.lessonsDone.has(lesson.id))
  const hasQuiz = (course.quiz?.questions ?? []).length > 0
  const earn = points.get(`courses:${course.id}`)
  const feedback = progress.completed ? await feedbackForm('courses', course.id) : null

  if (locked) {
    const me = await loyaltyMe()
    const needed = Math.max(0, locked.threshold - me.balances.qualifying)
    return (
      <>
        <PageHeader
          back={{ href: '/courses', label: 'All courses' }}
          eyebrow="Course"
          title={course.title}
        >
          <p>{course.summary}</p>
        </PageHeader>
        <Card tone="locked">
          <h2>
            <LockIcon /> For {locked.name} members
          </h2>
          <LockedBadge tier={locked.name} />
          <p className="pc-section" style={{ marginTop: 'var(--pc-space-3)' }}>
            This course opens when you reach the {locked.name} tier. You are{' '}
            {gate.own ? `in ${gate.own.name}` : 'not in a tier yet'}
            {needed > 0 ? `: ${formatPoints(needed)} more qualifying points to go.` : '.'}
          </p>
          <ButtonLink href="/courses" variant="secondary">
            Find an open course
          </ButtonLink>
        </Card>
      </>
    )
  }

  return (
    <>
      <PageHeader
        back={{ href: '/courses', label: 'All courses' }}
        eyebrow="Course"
        title={course.title}
      >
        <p>{course.summary}</p>
        <div className="pc-row">
          <Badge>{labelOf(courseLevels, course.level)}</Badge>
          <Badge>{course.estimatedMinutes} min</Badge>
          <Badge>{plural(lessons.length, 'lesson')}</Badge>
          {hasQuiz ? <Badge>Quiz</Badge> : null}
          {progress.completed ? (
            <Badge tone="success">✓ Completed</Badge>
          ) : earn ? (
            <PointsBadge points={earn} />
          ) : null}
        </div>
      </PageHeader>
      {image ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img alt={image.alt} className="pc-cover" height={315} src={image.url} width={720} />
      ) : null}
      <div className="pc-home pc-section">
        <section aria-labelledby="lessons-heading">
          <Card>
            <h2 id="lessons-heading">Lessons</h2>
            <ProgressBar
              label="Your progress"
              detail={`${done} of ${lessons.length} lessons`}
              max={lessons.length || 1}
              value={done}
              valueText={`${done} of ${lessons.length} lessons done`}
            />
            <ol className="pc-list pc-lessons" data-testid="lesson-list">
              {lessons.map((lesson, index) => {
                const finished = Boolean(lesson.id && progress.lessonsDone.has(lesson.id))
                return (
                  <li key={lesson.id}>
                    <Link href={`/courses/${course.id}/lessons/${lesson.id}`}>
                      <span aria-hidden="true">{finished ? '✓' : `${index + 1}.`}</span>
                      <span>
                        {lesson.title}
                        <span className="pc-visually-hidden">{finished ? ' (done)' : ''}</span>
                      </span>
                    </Link>
                  </li>
                )
              })}
            </ol>
          </Card>
        </section>
        <section aria-labelledby="next-heading">
          <Card tone="highlight">
            <h2 id="next-heading">{progress.completed ? 'Course complete' : 'Next step'}</h2>
            <div className="pc-stack">
              {progress.completed ? (
                <>
                  <Notice tone="success">
                    You finished this course
                    {progress.quizScore !== null ? ` with ${progress.quizScore} % in the quiz` : ''}
                    .
                  </Notice>
                  {progress.certificateCode ? (
                    <ButtonLink href={`/courses/${course.id}/certificate`}>
                      View your certificate
                    </ButtonLink>
                  ) : null}
                </>
              ) : nextLesson ? (
                <ButtonLink block href={`/courses/${course.id}/lessons/${nextLesson.id}`}>
                  {done === 0 ? 'Start the course' : 'Continue'}: {nextLesson.title}
                </ButtonLink>
              ) : hasQuiz ? (
                <>
                  <p>All lessons done. Pass the quiz to complete the course.</p>
                  <ButtonLink block href={`/courses/${course.id}/quiz`}>
                    Take the quiz
                  </ButtonLink>
                </>
              ) : null}
              {hasQuiz && !progress.completed && nextLesson ? (
                <p className="pc-card__meta">The quiz opens after the last lesson.</p>
              ) : null}
            </div>
          </Card>
          {feedback?.canGive ? (
            <section aria-labelledby="feedback-heading" className="pc-section">
              <Card>
                <h2 id="feedback-heading">
                  {feedback.feedback ? 'Your feedback' : 'How was the course?'}
                </h2>
                {!feedback.feedback && feedback.points > 0 ? (
                  <p>
                    <PointsBadge points={feedback.points} reason="for your feedback" />
                  </p>
                ) : null}
                <FeedbackSurvey data={feedback} noun="course" />
              </Card>
            </section>
          ) : null}
        </section>
      </div>
    </>
  )
}
