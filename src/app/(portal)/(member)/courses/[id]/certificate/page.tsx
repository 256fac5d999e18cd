import type { Metadata } from 'next'

import { redirect } from 'next/navigation'

import { PrintButton } from '@/portal/client/PrintButton'
import { PageHeader } from '@/portal/components/PageHeader'
import { progressOn } from '@/portal/data/content'
import { loadCourse } from '@/portal/data/courses'
import { formatDate } from '@/portal/data/format'
import { loyaltyMe } from '@/portal/data/loyalty'
import { requireMember } from '@/portal/data/session'

type Props = { params: Promise<{ id: string }> }

export const metadata: Metadata = { title: 'Certificate' }

/** A printable certificate, once the course is complete and it issues one. */
export default async function CertificatePage({ params }: Props) {
  const { id } = await params
  const [{ member }, course, records, me] = await Promise.all([
    requireMember(),
    loadCourse(id),
    progressOn('courses', id),
    loyaltyMe(),
  ])
  const record = records.find((candidate) => candidate.item === 'course')
  if (!record?.completedAt || !record.certificateCode) redirect(`/courses/${course.id}`)
  return (
    <>
      <div className="pc-no-print">
        <PageHeader
          back={{ href: `/courses/${course.id}`, label: course.title }}
          title="Your certificate"
        />
      </div>
      <section aria-label="Certificate" className="pc-certificate">
        <p className="pc-eyebrow">Nordwind Heat Systems · Partner Club</p>
        <h2>Certificate of completion</h2>
        <p>This certifies that</p>
        <p className="pc-certificate__name">{member.name}</p>
        <p>{me.organisation?.name}</p>
        <p>has completed the course</p>
        <p className="pc-certificate__name">{course.title}</p>
        <p>on {formatDate(record.completedAt)}</p>
        <p className="pc-certificate__code">Certificate no. {record.certificateCode}</p>
      </section>
      <p className="pc-section" style={{ textAlign: 'center' }}>
        <PrintButton label="Print or save as PDF" />
      </p>
    </>
  )
}
