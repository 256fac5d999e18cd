import type { Metadata } from 'next'

import Link from 'next/link'

import { Badge, PointsBadge } from '@/portal/components/Badge'
import { Card } from '@/portal/components/Card'
import { EmptyState } from '@/portal/components/EmptyState'
import { FilterForm } from '@/portal/components/FilterForm'
import { PageHeader } from '@/portal/components/PageHeader'
import { eventTypes } from '@/config/programme'
import { listEvents, myRegistrations } from '@/portal/data/events'
import { formatDateTime, labelOf, param } from '@/portal/data/format'
import { pointsPreview } from '@/portal/data/pointsPreview'

export const metadata: Metadata = { title: 'Events' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const formats: Record<string, string> = {
  hybrid: 'Hybrid',
  'in-person': 'In person',
  online: 'Online',
}
const statusLabel = {
  attended: '✓ Attended',
  registered: '✓ Registered',
  waitlisted: 'On the waitlist',
} as const

/** Webinars, trainings and club events: upcoming (soonest first) or past. */
export default async function EventsPage({ searchParams }: Props) {
  const query = await searchParams
  const when = param(query.when) === 'past' ? 'past' : 'upcoming'
  const type = param(query.type)
  const [events, registrations, points] = await Promise.all([
    listEvents(when, type || undefined),
    myRegistrations(),
    pointsPreview(),
  ])
  const statusOf = new Map(registrations.map((r) => [r.eventId, r.status]))
  const tab = (value: 'past' | 'upcoming', label: string) => (
    <Link
      aria-current={when === value ? 'page' : undefined}
      className={when === value ? 'pc-button' : 'pc-button pc-button--secondary'}
      href={value === 'past' ? '/events?when=past' : '/events'}
    >
      {label}
    </Link>
  )
  return (
    <>
      <PageHeader title="Events">
        <p>
          Webinars, hands-on trainings and Club evenings. Register, check in with the code announced
          at the event, and earn points.
        </p>
      </PageHeader>
      <nav
        aria-label="Upcoming or past events"
        className="pc-row"
        style={{ marginBottom: 'var(--pc-space-4)' }}
      >
        {tab('upcoming', 'Upcoming')}
        {tab('past', 'Past')}
      </nav>
      <FilterForm
        action="/events"
        fields={[{ label: 'Type', name: 'type', options: eventTypes, value: type }]}
      >
        {when === 'past' ? <input name="when" type="hidden" value="past" /> : null}
      </FilterForm>
      {events.length === 0 ? (
        <EmptyState
          title={when === 'past' ? 'No past events yet.' : 'No upcoming events right now.'}
        />
      ) : (
        <ul className="pc-grid pc-grid--2">
          {events.map((event) => {
            const status = statusOf.get(String(event.id))
            const earn = points.get(`events:${event.id}`)
            return (
              <Card as="li" key={event.id}>
                <p className="pc-eyebrow">
                  {labelOf(eventTypes, event.type)} · {formats[event.format] ?? event.format}
                  {event.venue?.city ? ` · ${event.venue.city}` : ''}
                </p>
                <h2 className="pc-card__title">
                  <Link href={`/events/${event.id}`}>{event.title}</Link>
                </h2>
                <p className="pc-card__meta">
                  <time dateTime={event.startsAt}>
                    {formatDateTime(event.startsAt, event.startsAt_tz)}
                  </time>
                </p>
                <p className="pc-card__meta">{event.summary}</p>
                <div className="pc-card__footer">
                  {status && status !== 'cancelled' ? (
                    <Badge tone={status === 'waitlisted' ? 'warning' : 'success'}>
                      {statusLabel[status]}
                    </Badge>
                  ) : null}
                  {when === 'upcoming' && earn ? <PointsBadge points={earn} /> : null}
                </div>
              </Card>
            )
          })}
        </ul>
      )}
    </>
  )
}
