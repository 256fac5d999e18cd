import type { Metadata } from 'next'

import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { FilterForm } from '@/portal/components/FilterForm'
import { Notice } from '@/portal/components/Notice'
import { PageHeader } from '@/portal/components/PageHeader'
import { formatDate, formatPoints, param } from '@/portal/data/format'
import { type Leaderboard, loyaltyGet } from '@/portal/data/loyalty'

export const metadata: Metadata = { title: 'Leaderboard' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const scopes = [
  { label: 'People', value: 'members' },
  { label: 'Companies', value: 'organisations' },
]
const periods = [
  { label: 'This month', value: 'month' },
  { label: 'This quarter', value: 'quarter' },
  { label: 'This year', value: 'year' },
]

/** Top earners of qualifying points, people or companies, this month, quarter or year. */
export default async function LeaderboardPage({ searchParams }: Props) {
  const query = await searchParams
  const scope = param(query.scope) === 'organisations' ? 'organisations' : 'members'
  const period = periods.some((p) => p.value === param(query.period))
    ? param(query.period)
    : 'month'
  const result = await loyaltyGet<Leaderboard>(
    `/loyalty/leaderboard?scope=${scope}&period=${period}`,
  )
  return (
    <>
      <PageHeader title="Leaderboard">
        <p>
          Who earned the most points{result.ok ? ` since ${formatDate(result.data.since)}` : ''}.
          People are shown by first name and company.
        </p>
      </PageHeader>
      <FilterForm
        action="/leaderboard"
        fields={[
          { label: 'Show', name: 'scope', options: scopes, value: scope },
          { label: 'Period', name: 'period', options: periods, value: period },
        ]}
      />
      {!result.ok ? (
        <Notice tone="error">{result.message}</Notice>
      ) : result.data.entries.length === 0 ? (
        <EmptyState title="Nobody has earned points in this period yet. Be the first!" />
      ) : (
        <Card>
          <ol className="pc-list" data-testid="leaderboard">
            {result.data.entries.map((entry) => (
              <li key={`${entry.rank}-${entry.name}`}>
                <div className="pc-list__row">
                  <div>
                    <strong>
                      <span
                        className={entry.rank <= 3 ? `pc-rank pc-rank--${entry.rank}` : 'pc-rank'}
                      >
                        {entry.rank}
                      </span>
                      <span className="pc-visually-hidden">. </span>
                      {entry.name}
                    </strong>
                    {entry.company ? <div className="pc-card__meta">{entry.company}</div> : null}
                  </div>
                  <span className="pc-badge pc-badge--points">
                    {formatPoints(entry.points)} points
                  </span>
                </div>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  )
}
