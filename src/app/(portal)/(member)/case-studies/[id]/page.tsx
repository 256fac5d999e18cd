import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Metadata } from 'next'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { notFound } from 'next/navigation'

import type { CaseStudy } from '@/payload-types'

import { ReadingTracker } from '@/portal/client/ReadingTracker'
import { LockIcon, LockedBadge } from '@/portal/components/Badge'
import { ButtonLink } from '@/portal/components/Button'
import { Card } from '@/portal/components/Card'
import { PageHeader } from '@/portal/components/PageHeader'
import { industries } from '@/config/programme'
import { mediaOf, tierGate } from '@/portal/data/content'
import { labelOf } from '@/portal/data/format'
import { pointsPreview } from '@/portal/data/pointsPreview'
import { requireMember } from '@/portal/data/session'

type Props = { params: Promise<{ id: string }> }

const loadStory = async (id: string): Promise<CaseStudy> => {
  if (!/^\d{1,18}$/.test(id)) notFound()
  const { member, payload } = await requireMember()
  const story = await payload
    .findByID({ collection: 'case-studies', depth: 1, id, overrideAccess: false, user: member })
    .catch(() => null)
  if (!story) notFound()
  return story
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadStory((await params).id)).title }
}

const richText = (value: unknown) => value as SerializedEditorState

/** One case study; opening it and reading it for its reading time earns points. */
export default async function CaseStudyPage({ params }: Props) {
  const { id } = await params
  const [story, gate, points] = await Promise.all([loadStory(id), tierGate(), pointsPreview()])
  const locked = gate.missingTier(story.requiredTier)
  const image = mediaOf(story.coverImage)
  return (
    <article>
      <PageHeader
        back={{ href: '/case-studies', label: 'All case studies' }}
        eyebrow={`${story.customer} · ${labelOf(industries, story.industry)}`}
        title={story.title}
      >
        <p>{story.summary}</p>
      </PageHeader>
      {(story.keyResults ?? []).length > 0 ? (
        <dl className="pc-stats">
          {(story.keyResults ?? []).map((figure) => (
            <div className="pc-stat" key={figure.id ?? figure.label}>
              <dt>{figure.label}</dt>
              <dd>{figure.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {locked ? (
        <Card tone="locked">
          <h2>
            <LockIcon /> The full story is for {locked.name} members
          </h2>
          <LockedBadge tier={locked.name} />
          <p className="pc-section" style={{ marginTop: 'var(--pc-space-3)' }}>
            Reach the {locked.name} tier to read how the project was done.
          </p>
          <ButtonLink href="/case-studies" variant="secondary">
            Back to the stories
          </ButtonLink>
        </Card>
      ) : (
        <>
          <ReadingTracker caseStudyId={story.id} points={points.get(`case-studies:${story.id}`)} />
          {image ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              alt={image.alt}
              className="pc-cover pc-section"
              height={315}
              src={image.url}
              width={720}
            />
          ) : null}
          <div className="pc-prose">
            <section aria-labelledby="challenge">
              <h2 className="pc-section" id="challenge">
                The challenge
              </h2>
              {story.challenge ? <RichText data={richText(story.challenge)} /> : null}
            </section>
            <section aria-labelledby="solution">
              <h2 className="pc-section" id="solution">
                The solution
              </h2>
              {story.solution ? <RichText data={richText(story.solution)} /> : null}
            </section>
            <section aria-labelledby="results">
              <h2 className="pc-section" id="results">
                The results
              </h2>
              {story.results ? <RichText data={richText(story.results)} /> : null}
            </section>
          </div>
          {(story.products ?? []).length > 0 ? (
            <p className="pc-card__meta">Products: {(story.products ?? []).join(', ')}</p>
          ) : null}
        </>
      )}
    </article>
  )
}
