import type { Metadata } from 'next'

import { ActionButton } from '@/portal/client/ActionButton'
import { Badge } from '@/portal/components/Badge'
import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { Notice } from '@/portal/components/Notice'
import { PageHeader } from '@/portal/components/PageHeader'
import { Stat } from '@/portal/components/Stat'
import { jobRoles } from '@/config/programme'
import { formatDate, formatPoints, labelOf } from '@/portal/data/format'
import { type OrganisationOverview, loyaltyGet } from '@/portal/data/loyalty'

export const metadata: Metadata = { title: 'My company' }

/** For partner managers: the company's points and tier, its people, and redemptions to decide. */
export default async function CompanyPage() {
  const result = await loyaltyGet<OrganisationOverview>('/loyalty/organisation')
  if (!result.ok) {
    return (
      <>
        <PageHeader title="My company" />
        <Notice tone="warning">{result.message}</Notice>
      </>
    )
  }
  const { members, organisation, pendingRedemptions } = result.data
  const names = new Map(members.map((person) => [String(person.id), person.name ?? 'A colleague']))
  return (
    <>
      <PageHeader eyebrow="My company" title={organisation.name ?? 'My company'} />
      <dl className="pc-stats">
        <Stat label="Company points" tone="points" value={formatPoints(organisation.spendable)} />
        <Stat label="Company tier" value={organisation.tier ?? 'None yet'} />
        <Stat label="Qualifying points" value={formatPoints(organisation.qualifying)} />
        <Stat label="People" value={members.length} />
      </dl>

      <section aria-labelledby="pending" className="pc-section">
        <h2 id="pending">Redemptions to approve</h2>
        {pendingRedemptions.length === 0 ? (
          <EmptyState title="Nothing waiting for your decision." />
        ) : (
          <Card>
            <ul className="pc-list" data-testid="pending-redemptions">
              {pendingRedemptions.map((redemption) => (
                <li key={redemption.id}>
                  <p>
                    <strong>{names.get(String(redemption.member)) ?? 'A colleague'}</strong> asked
                    for <strong>{redemption.rewardTitle ?? 'a reward'}</strong> (
                    {formatPoints(redemption.points)} points) on {formatDate(redemption.createdAt)}.
                  </p>
                  <div className="pc-row">
                    <ActionButton
                      body={{ decision: 'approve' }}
                      label="Approve"
                      path={`/loyalty-redemptions/${redemption.id}/decide`}
                      success="Approved."
                    />
                    <ActionButton
                      body={{ decision: 'reject' }}
                      confirm={{
                        cancel: 'Keep it',
                        confirm: 'Yes, reject',
                        question: 'Reject this redemption? The points go back to your colleague.',
                      }}
                      label="Reject"
                      path={`/loyalty-redemptions/${redemption.id}/decide`}
                      success="Rejected; the points were refunded."
                      variant="danger"
                    />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>

      <section aria-labelledby="people" className="pc-section">
        <h2 id="people">People and progress</h2>
        <div aria-labelledby="people" className="pc-table-wrap" role="region" tabIndex={0}>
          <table className="pc-table">
            <caption className="pc-visually-hidden">
              Members of {organisation.name} with their points and courses
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Tier</th>
                <th className="pc-num" scope="col">
                  Points
                </th>
                <th className="pc-num" scope="col">
                  Courses done
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    {person.name}
                    <div className="pc-card__meta">{labelOf(jobRoles, person.jobRole)}</div>
                    {person.status === 'blocked' ? <Badge tone="danger">Blocked</Badge> : null}
                  </th>
                  <td>{person.tier ?? '–'}</td>
                  <td className="pc-num">{formatPoints(person.spendable)}</td>
                  <td className="pc-num">{person.coursesCompleted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
