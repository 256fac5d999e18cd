import type { Metadata } from 'next'

import Link from 'next/link'

import type { CaseStudy } from '@/payload-types'

import { Badge, LockedBadge, PointsBadge } from '@/portal/components/Badge'
import { Card, CardMedia } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { FilterForm } from '@/portal/components/FilterForm'
import { PageHeader } from '@/portal/components/PageHeader'
import { industries, regions } from '@/config/programme'
import { mediaOf, progressOn, tierGate } from '@/portal/data/content'
import { labelOf, param, plural } from '@/portal/data/format'
import { pointsPreview } from '@/portal/data/pointsPreview'
import { requireMember } from '@/portal/data/session'

export const metadata: Metadata = { title: 'Case studies' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Customer success stories, filtered by industry and product, with their headline figures. */
export default async function CaseStudiesPage({ searchParams }: Props) {
  const query = await searchParams
  const [industry, product] = [param(query.industry), param(query.product)]
  const { member, payload } = await requireMember()
  const [{ docs }, gate, records, points] = await Promise.all([
    payload.find({
      collection: 'case-studies',
      depth: 1,
      limit: 100,
      overrideAccess: false,
      select: {
        coverImage: true,
        customer: true,
        industry: true,
        keyResults: true,
        products: true,
        publishedAt: true,
        region: true,
        requiredTier: true,
        summary: true,
        title: true,
      },
      sort: '-publishedAt',
      user: member,
    }),
    tierGate(),
    progressOn('case-studies'),
    pointsPreview(),
  ])
  const stories = docs as CaseStudy[]
  const read = new Set(
    records.filter((record) => record.completedAt).map((record) => record.documentId),
  )
  const products = [...new Set(stories.flatMap((story) => story.products ?? []))].sort()
  const shown = stories.filter(
    (story) =>
      (!industry || story.industry === industry) &&
      (!product || (story.products ?? []).includes(product)),
  )
  return (
    <>
      <PageHeader title="Case studies">
        <p>
          Real projects by Nordwind partners: the challenge, the solution and the figures that prove
          it. Read one and earn points.
        </p>
      </PageHeader>
      <FilterForm
        action="/case-studies"
        fields={[
          { label: 'Industry', name: 'industry', options: industries, value: industry },
          {
            label: 'Product',
            name: 'product',
            options: products.map((p) => ({ label: p, value: p })),
            value: product,
          },
        ]}
      />
      <p aria-live="polite" className="pc-card__meta">
        {plural(shown.length, 'story', 'stories')}
      </p>
      {shown.length === 0 ? (
        <EmptyState title="No story matches these filters.">
          <Link href="/case-studies">Show all stories</Link>
        </EmptyState>
      ) : (
        <ul className="pc-grid pc-grid--2">
          {shown.map((story, index) => {
            const locked = gate.missingTier(story.requiredTier)
            const earn = points.get(`case-studies:${story.id}`)
            return (
              <Card as="li" key={story.id} tone={locked ? 'locked' : 'plain'}>
                <CardMedia eager={index < 2} image={mediaOf(story.coverImage)} />
                <p className="pc-eyebrow">
                  {story.customer} · {labelOf(industries, story.industry)} ·{' '}
                  {labelOf(regions, story.region)}
                </p>
                <h2 className="pc-card__title">
                  <Link href={`/case-studies/${story.id}`}>{story.title}</Link>
                </h2>
                <p className="pc-card__meta">{story.summary}</p>
                {(story.keyResults ?? []).length > 0 ? (
                  <dl className="pc-figures">
                    {(story.keyResults ?? []).slice(0, 3).map((figure) => (
                      <div key={figure.id ?? figure.label}>
                        <dt>{figure.label}</dt>
                        <dd>{figure.value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                <div className="pc-card__footer">
                  {locked ? (
                    <LockedBadge tier={locked.name} />
                  ) : read.has(String(story.id)) ? (
                    <Badge tone="success">✓ Read</Badge>
                  ) : earn ? (
                    <PointsBadge points={earn} />
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
