import type { Metadata } from 'next'

import Link from 'next/link'

import type { Course } from '@/payload-types'

import { Badge, LockedBadge, PointsBadge } from '@/portal/components/Badge'
import { Card, CardMedia } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { FilterForm } from '@/portal/components/FilterForm'
import { PageHeader } from '@/portal/components/PageHeader'
import { courseLevels, jobRoles } from '@/config/programme'
import { mediaOf, tierGate } from '@/portal/data/content'
import { progressByCourse } from '@/portal/data/courses'
import { labelOf, param, plural } from '@/portal/data/format'
import { pointsPreview } from '@/portal/data/pointsPreview'
import { requireMember } from '@/portal/data/session'

export const metadata: Metadata = { title: 'Courses' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The course catalogue, filtered by job role, product and level. */
export default async function CoursesPage({ searchParams }: Props) {
  const query = await searchParams
  const [role, product, level] = [param(query.role), param(query.product), param(query.level)]
  const { member, payload } = await requireMember()
  const [{ docs }, gate, progress, points] = await Promise.all([
    payload.find({
      collection: 'courses',
      depth: 1,
      limit: 100,
      overrideAccess: false,
      select: {
        coverImage: true,
        estimatedMinutes: true,
        issuesCertificate: true,
        level: true,
        productTags: true,
        requiredTier: true,
        summary: true,
        targetJobRoles: true,
        title: true,
      },
      sort: 'title',
      user: member,
    }),
    tierGate(),
    progressByCourse(),
    pointsPreview(),
  ])
  const courses = docs as Course[]
  const products = [...new Set(courses.flatMap((course) => course.productTags ?? []))].sort()
  const shown = courses.filter(
    (course) =>
      (!level || course.level === level) &&
      (!product || (course.productTags ?? []).includes(product)) &&
      (!role ||
        (course.targetJobRoles ?? []).length === 0 ||
        (course.targetJobRoles ?? []).includes(role as never)),
  )
  return (
    <>
      <PageHeader title="Courses">
        <p>
          Learn the Nordwind range at your own pace. Finish a course, pass its quiz and earn points
          for you and your company.
        </p>
      </PageHeader>
      <FilterForm
        action="/courses"
        fields={[
          { label: 'Job role', name: 'role', options: jobRoles, value: role },
          {
            label: 'Product',
            name: 'product',
            options: products.map((p) => ({ label: p, value: p })),
            value: product,
          },
          { label: 'Level', name: 'level', options: courseLevels, value: level },
        ]}
      />
      <p aria-live="polite" className="pc-card__meta">
        {plural(shown.length, 'course')}
      </p>
      {shown.length === 0 ? (
        <EmptyState title="No course matches these filters.">
          <Link href="/courses">Show all courses</Link>
        </EmptyState>
      ) : (
        <ul className="pc-grid pc-grid--3" data-testid="course-list">
          {shown.map((course, index) => {
            const locked = gate.missingTier(course.requiredTier)
            const mine = progress.get(String(course.id))
            const earn = points.get(`courses:${course.id}`)
            return (
              <Card as="li" key={course.id} tone={locked ? 'locked' : 'plain'}>
                <CardMedia eager={index < 2} image={mediaOf(course.coverImage)} />
                <h2 className="pc-card__title">
                  <Link href={`/courses/${course.id}`}>{course.title}</Link>
                </h2>
                <div className="pc-row">
                  <Badge>{labelOf(courseLevels, course.level)}</Badge>
                  <Badge>{course.estimatedMinutes} min</Badge>
                  {course.issuesCertificate ? <Badge>Certificate</Badge> : null}
                </div>
                <p className="pc-card__meta pc-section" style={{ marginTop: 'var(--pc-space-3)' }}>
                  {course.summary}
                </p>
                <div className="pc-card__footer">
                  {locked ? (
                    <LockedBadge tier={locked.name} />
                  ) : mine?.completed ? (
                    <Badge tone="success">✓ Completed</Badge>
                  ) : earn ? (
                    <PointsBadge points={earn} />
                  ) : null}
                  {!locked && mine && !mine.completed && mine.lessonsDone.size > 0 ? (
                    <Badge tone="warning">In progress</Badge>
                  ) : null}
                </div>
              </Card>
            )
          })}
        </ul>
      )}
    </>
  )
}
