import type { Metadata } from 'next'

import Link from 'next/link'

import { ButtonLink } from '@/portal/components/Button'
import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { FilterForm } from '@/portal/components/FilterForm'
import { Notice } from '@/portal/components/Notice'
import { PageHeader } from '@/portal/components/PageHeader'
import { formatDate, formatPoints, param, signedPoints } from '@/portal/data/format'
import { type Statement, type StatementLine, loyaltyGet } from '@/portal/data/loyalty'

export const metadata: Metadata = { title: 'Statement' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const kinds = [
  { label: 'Earned', value: 'earn' },
  { label: 'Redeemed', value: 'redeem' },
  { label: 'Refunded', value: 'refund' },
  { label: 'Expired', value: 'expire' },
  { label: 'Reversed', value: 'reverse' },
  { label: 'Adjusted', value: 'adjust' },
  { label: 'Company change', value: 'move' },
]

const sourceLabel: Record<string, string> = {
  'case-studies': 'Case study',
  courses: 'Course',
  events: 'Event',
}

const sourceHref = (source: StatementLine['source']): null | string =>
  source?.id && ['courses', 'case-studies', 'events'].includes(source.collection)
    ? `/${source.collection}/${source.id}`
    : null

/** Every points movement with its reason and source, newest first, with the running balance. */
/**
 * Where a line's points came from: a link to the source (named "Open course" when the reason
 * already says its title), its title when there is no page for it, or nothing when the reason
 * already says it all.
 */
const sourcePart = (line: StatementLine, href: null | string) => {
  const title = line.source?.title
  if (!title) return null
  const named = line.reason.includes(title)
  if (!href) return named ? null : title
  return (
    <Link href={href}>
      {named ? (
        <>
          Open {(sourceLabel[line.source?.collection ?? ''] ?? 'source').toLowerCase()}
          <span className="pc-visually-hidden">: {title}</span>
        </>
      ) : (
        title
      )}
    </Link>
  )
}

export default async function StatementPage({ searchParams }: Props) {
  const query = await searchParams
  const kind = kinds.some((k) => k.value === param(query.kind)) ? param(query.kind) : ''
  const page = Math.max(1, Math.floor(Number(param(query.page)) || 1))
  const search = new URLSearchParams({ limit: '20', page: String(page) })
  if (kind) search.set('kind', kind)
  const result = await loyaltyGet<Statement>(`/loyalty/statement?${search}`)
  const link = (to: number) =>
    `/statement?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(to) })}`
  return (
    <>
      <PageHeader title="Statement">
        <p>Every point you earned or spent, with the reason and where it came from.</p>
      </PageHeader>
      <FilterForm
        action="/statement"
        fields={[{ label: 'Kind', name: 'kind', options: kinds, value: kind }]}
      />
      {!result.ok ? (
        <Notice tone="error">{result.message}</Notice>
      ) : result.data.lines.length === 0 ? (
        <EmptyState title={kind ? 'No lines of this kind.' : 'No points yet.'}>
          <ButtonLink href="/courses" variant="secondary">
            Earn your first points
          </ButtonLink>
        </EmptyState>
      ) : (
        <>
          <Card>
            <ol className="pc-list" data-testid="statement-lines">
              {result.data.lines.map((line) => {
                const href = sourceHref(line.source)
                return (
                  <li key={line.id}>
                    <div className="pc-list__row">
                      <div>
                        <strong>{line.reason}</strong>
                        <div className="pc-card__meta">
                          <time dateTime={line.date}>{formatDate(line.date)}</time>
                          {sourcePart(line, href) ? <> · {sourcePart(line, href)}</> : null}
                          {' · '}
                          {kinds.find((k) => k.value === line.kind)?.label ?? line.kind}
                        </div>
                      </div>
                      <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        <div
                          className={
                            line.amount > 0
                              ? 'pc-amount--plus'
                              : line.amount < 0
                                ? 'pc-amount--minus'
                                : undefined
                          }
                        >
                          {line.kind === 'move' ? (
                            // A move carries no points: no "+0".
                            '–'
                          ) : (
                            <>
                              {signedPoints(line.amount)}
                              <span className="pc-visually-hidden"> points</span>
                            </>
                          )}
                        </div>
                        {line.balanceAfter !== null ? (
                          <div className="pc-card__meta">
                            Balance {formatPoints(line.balanceAfter)}
                          </div>
                        ) : null}
                      </div>
                    </div>
                  </li>
                )
              })}
            </ol>
          </Card>
          <nav aria-label="Pages" className="pc-pagination">
            {page > 1 ? (
              <ButtonLink href={link(page - 1)} variant="secondary">
                ← Newer
              </ButtonLink>
            ) : (
              <span />
            )}
            <span className="pc-card__meta">
              Page {result.data.page} of {Math.max(1, result.data.totalPages)} ·{' '}
              {result.data.totalLines} lines
            </span>
            {result.data.hasNextPage ? (
              <ButtonLink href={link(page + 1)} variant="secondary">
                Older →
              </ButtonLink>
            ) : (
              <span />
            )}
          </nav>
        </>
      )}
    </>
  )
}
