import type { Metadata } from 'next'

import Link from 'next/link'

import { PointsBadge } from '@/portal/components/Badge'
import { ButtonLink } from '@/portal/components/Button'
import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { ProgressBar } from '@/portal/components/ProgressBar'
import { Stat } from '@/portal/components/Stat'
import { formatDate, formatDateTime, formatPoints } from '@/portal/data/format'
import { loyaltyMe } from '@/portal/data/loyalty'
import { myUpcomingEvents } from '@/portal/data/events'
import { requireMember } from '@/portal/data/session'

export const metadata: Metadata = { title: 'Home' }

const actionVerb: Record<string, string> = {
  'case-study.read': 'Read',
  'course.completed': 'Finish',
  'event.attended': 'Attend',
}

const actionHref = (collection: string, id: string): string => `/${collection}/${id}`

/** Home: points, tier progress, expiring points, the company, next best actions, my events. */
export default async function HomePage() {
  const [{ member }, me, events] = await Promise.all([
    requireMember(),
    loyaltyMe(),
    myUpcomingEvents(),
  ])
  const firstName = member.name.split(/\s+/)[0]
  const next = me.nextTier
  return (
    <>
      <header className="pc-page-header">
        <p className="pc-eyebrow">{me.organisation?.name ?? 'Partner Club'}</p>
        <h1>Hello, {firstName}</h1>
      </header>

      <section aria-labelledby="points-heading">
        <h2 className="pc-visually-hidden" id="points-heading">
          Your points
        </h2>
        <dl className="pc-stats">
          <Stat
            label="Spendable points"
            tone="points"
            value={<span data-testid="spendable">{formatPoints(me.balances.spendable)}</span>}
          />
          <Stat
            label="Tier"
            value={me.tier?.name ?? 'None yet'}
            hint={me.tier && me.tier.multiplier > 1 ? `${me.tier.multiplier}× points` : undefined}
          />
          <Stat
            label="Expiring soon"
            value={formatPoints(me.expiring.within30Days)}
            hint={
              me.expiring.within90Days > me.expiring.within30Days
                ? `${formatPoints(me.expiring.within90Days)} within 90 days`
                : 'within 30 days'
            }
          />
          <Stat label="Lifetime points" value={formatPoints(me.balances.lifetime)} />
        </dl>
      </section>

      <div className="pc-home">
        <div>
          <section aria-labelledby="tier-heading" className="pc-section">
            <Card tone="highlight">
              <h2 id="tier-heading">Your tier: {me.tier?.name ?? 'none yet'}</h2>
              {next ? (
                <ProgressBar
                  detail={
                    <strong data-testid="points-to-next">
                      {formatPoints(next.pointsNeeded)} points to {next.name}
                    </strong>
                  }
                  label={`Progress to ${next.name}`}
                  value={next.percent}
                  valueText={`${next.percent} %, ${next.pointsNeeded} points to ${next.name}`}
                />
              ) : (
                <p>You are in the top tier. Thank you for being one of our best partners.</p>
              )}
              <p className="pc-card__meta">
                {formatPoints(me.balances.qualifying)} qualifying points
                {me.qualifyingWindowEnds
                  ? ` · window ends ${formatDate(me.qualifyingWindowEnds)}`
                  : ''}
              </p>
            </Card>
          </section>

          <section aria-labelledby="actions-heading" className="pc-section">
            <h2 id="actions-heading">Your next best actions</h2>
            {me.nextActions.length === 0 ? (
              <EmptyState title="You have done everything on offer.">
                <p>New courses and events appear here first.</p>
              </EmptyState>
            ) : (
              <Card>
                <ol className="pc-list" data-testid="next-actions">
                  {me.nextActions.map((action) => (
                    <li key={`${action.kind}:${action.id}`}>
                      <div className="pc-list__row">
                        <Link href={actionHref(action.collection, action.id)}>
                          {actionVerb[action.kind] ?? 'Do'} <strong>{action.title}</strong>
                        </Link>
                        <PointsBadge points={action.points} />
                      </div>
                    </li>
                  ))}
                </ol>
              </Card>
            )}
          </section>
        </div>

        <div>
          {me.organisation ? (
            <section aria-labelledby="company-heading" className="pc-section">
              <h2 id="company-heading">Your company</h2>
              <Card>
                <p>
                  <strong>{me.organisation.name}</strong>
                </p>
                <dl className="pc-stats pc-stats--pair">
                  <Stat label="Company points" value={formatPoints(me.organisation.spendable)} />
                  <Stat label="Company tier" value={me.organisation.tier?.name ?? 'None yet'} />
                </dl>
                {member.partnerManager ? (
                  <p className="pc-section">
                    <ButtonLink href="/company" variant="secondary">
                      Manage your company
                    </ButtonLink>
                  </p>
                ) : null}
              </Card>
            </section>
          ) : null}

          <section aria-labelledby="events-heading" className="pc-section">
            <h2 id="events-heading">Your upcoming events</h2>
            {events.length === 0 ? (
              <EmptyState title="You are not registered for any event.">
                <ButtonLink href="/events" variant="secondary">
                  Browse events
                </ButtonLink>
              </EmptyState>
            ) : (
              <Card>
                <ul className="pc-list">
                  {events.map(({ event, status }) => (
                    <li key={event.id}>
                      <Link href={`/events/${event.id}`}>
                        <strong>{event.title}</strong>
                      </Link>
                      <div className="pc-card__meta">
                        {formatDateTime(event.startsAt, event.startsAt_tz ?? 'UTC')}
                        {status === 'waitlisted' ? ' · on the waitlist' : ''}
                      </div>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </section>
        </div>
      </div>
    </>
  )
}
