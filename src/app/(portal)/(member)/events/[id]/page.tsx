import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Metadata } from 'next'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { notFound } from 'next/navigation'

import type { Event } from '@/payload-types'

import { CheckInForm } from '@/portal/client/CheckInForm'
import { EventRegistration } from '@/portal/client/EventRegistration'
import { FeedbackSurvey } from '@/portal/client/FeedbackSurvey'
import { Badge, PointsBadge } from '@/portal/components/Badge'
import { ButtonLink } from '@/portal/components/Button'
import { Card } from '@/portal/components/Card'
import { Notice } from '@/portal/components/Notice'
import { PageHeader } from '@/portal/components/PageHeader'
import { eventTypes } from '@/config/programme'
import { tierGate } from '@/portal/data/content'
import {
  checkInOpensMinutesBefore,
  myRegistrations,
  seatsTaken,
  waitlistPosition,
} from '@/portal/data/events'
import { feedbackForm } from '@/portal/data/feedback'
import { formatDateTime, labelOf } from '@/portal/data/format'
import { pointsPreview } from '@/portal/data/pointsPreview'
import { requireMember } from '@/portal/data/session'

type Props = { params: Promise<{ id: string }> }

const loadEvent = async (id: string): Promise<Event> => {
  if (!/^\d{1,18}$/.test(id)) notFound()
  const { member, payload } = await requireMember()
  const event = await payload
    .findByID({ collection: 'events', depth: 1, id, overrideAccess: false, user: member })
    .catch(() => null)
  if (!event) notFound()
  return event
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadEvent((await params).id)).title }
}

/** One event: details, registration or waitlist, calendar file, join link, check-in, recording. */
export default async function EventPage({ params }: Props) {
  const { id } = await params
  const [{ payload }, event, registrations, gate, points] = await Promise.all([
    requireMember(),
    loadEvent(id),
    myRegistrations(),
    tierGate(),
    pointsPreview(),
  ])
  const registration = registrations.find((r) => r.eventId === String(event.id)) ?? null
  const status = registration && registration.status !== 'cancelled' ? registration.status : 'none'
  const [position, taken, feedback] = await Promise.all([
    registration ? waitlistPosition(registration) : null,
    event.capacity ? seatsTaken(event.id) : 0,
    status === 'attended' ? feedbackForm('events', event.id) : null,
  ])

  const now = Date.now()
  const starts = new Date(event.startsAt).getTime()
  const ends = new Date(event.endsAt).getTime()
  const checkInOpens = starts - checkInOpensMinutesBefore(payload) * 60_000
  const isPast = now > ends
  const isLive = now >= checkInOpens && now <= ends
  const closesAt = new Date(event.registrationDeadline ?? event.startsAt).getTime()
  const eligible = (event.eligibleTiers ?? [])
    .map((tier) => (typeof tier === 'object' ? tier : null))
    .filter((tier) => tier !== null)
  const tierOk =
    eligible.length === 0 ||
    (gate.own !== null && eligible.some((tier) => tier.id === gate.own?.id))
  const canRegister = !isPast && now <= closesAt && tierOk
  const seatsLeft = event.capacity ? Math.max(0, event.capacity - taken) : null
  const seatHolder = status === 'registered' || status === 'attended'
  const earn = points.get(`events:${event.id}`)
  const venue = [event.venue?.name, event.venue?.address, event.venue?.city]
    .filter(Boolean)
    .join(', ')

  return (
    <article>
      <PageHeader
        back={{ href: '/events', label: 'All events' }}
        eyebrow={labelOf(eventTypes, event.type)}
        title={event.title}
      >
        <p>{event.summary}</p>
      </PageHeader>
      <div className="pc-home pc-event">
        <div>
          <Card>
            <dl className="pc-list">
              <div className="pc-list__row" style={{ padding: 'var(--pc-space-2) 0' }}>
                <dt>When</dt>
                <dd style={{ margin: 0, textAlign: 'right' }}>
                  <time dateTime={event.startsAt}>
                    {formatDateTime(event.startsAt, event.startsAt_tz)}
                  </time>
                  <br />
                  until{' '}
                  <time dateTime={event.endsAt}>
                    {formatDateTime(event.endsAt, event.endsAt_tz)}
                  </time>
                </dd>
              </div>
              <div className="pc-list__row" style={{ padding: 'var(--pc-space-2) 0' }}>
                <dt>Where</dt>
                <dd style={{ margin: 0, textAlign: 'right' }}>
                  {event.format === 'online' ? 'Online' : venue || 'To be announced'}
                  {event.format === 'hybrid' ? ' and online' : ''}
                </dd>
              </div>
              {seatsLeft !== null ? (
                <div className="pc-list__row" style={{ padding: 'var(--pc-space-2) 0' }}>
                  <dt>Seats</dt>
                  <dd style={{ margin: 0 }}>
                    {seatsLeft > 0
                      ? `${seatsLeft} of ${event.capacity} left`
                      : 'Full: waitlist open'}
                  </dd>
                </div>
              ) : null}
              {eligible.length > 0 ? (
                <div className="pc-list__row" style={{ padding: 'var(--pc-space-2) 0' }}>
                  <dt>For</dt>
                  <dd style={{ margin: 0 }}>
                    {eligible.map((tier) => tier.name).join(' and ')} members
                  </dd>
                </div>
              ) : null}
            </dl>
          </Card>
          <div className="pc-prose pc-section">
            <h2>About the event</h2>
            <RichText data={event.description as unknown as SerializedEditorState} />
            {(event.speakers ?? []).length > 0 ? (
              <>
                <h2>Speakers</h2>
                <ul>
                  {(event.speakers ?? []).map((speaker) => (
                    <li key={speaker.id ?? speaker.name}>
                      <strong>{speaker.name}</strong>
                      {speaker.role ? `, ${speaker.role}` : ''}
                      {speaker.company ? ` (${speaker.company})` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </div>
        <aside aria-labelledby="your-place">
          <Card tone="highlight">
            <h2 id="your-place">Your place</h2>
            <div
              className="pc-row"
              style={{ marginBottom: 'var(--pc-space-3)' }}
              data-testid="registration-status"
            >
              {status === 'registered' ? <Badge tone="success">✓ Registered</Badge> : null}
              {status === 'attended' ? <Badge tone="success">✓ Attended</Badge> : null}
              {status === 'waitlisted' ? (
                <Badge tone="warning">Waitlist: number {position ?? '?'}</Badge>
              ) : null}
              {status === 'none' && !isPast ? <Badge>Not registered</Badge> : null}
              {!isPast && status !== 'attended' && earn ? (
                <PointsBadge points={earn} reason="for attending" />
              ) : null}
            </div>
            {!tierOk && status === 'none' ? (
              <Notice tone="warning">
                This event is for {eligible.map((tier) => tier.name).join(' and ')} members.
              </Notice>
            ) : null}
            {tierOk && status === 'none' && !isPast && now > closesAt ? (
              <Notice tone="warning">Registration has closed.</Notice>
            ) : null}
            {!isPast && status !== 'attended' ? (
              <EventRegistration canRegister={canRegister} eventId={event.id} status={status} />
            ) : null}
            {!isPast ? (
              <p className="pc-section" style={{ marginTop: 'var(--pc-space-3)' }}>
                <ButtonLink download href={`/events/${event.id}/calendar.ics`} variant="secondary">
                  Add to calendar (.ics)
                </ButtonLink>
              </p>
            ) : null}
            {isLive && seatHolder && event.onlineUrl ? (
              <p>
                <ButtonLink href={event.onlineUrl}>Join the event now</ButtonLink>
              </p>
            ) : null}
            {isLive && status === 'registered' ? (
              <section aria-labelledby="check-in" className="pc-section">
                <h3 id="check-in">Check in</h3>
                <p className="pc-card__meta">Enter the attendance code announced at the event.</p>
                <CheckInForm eventId={event.id} />
              </section>
            ) : null}
            {isPast && event.recordingUrl ? (
              <p>
                <ButtonLink href={event.recordingUrl}>Watch the recording</ButtonLink>
              </p>
            ) : null}
            {isPast && !event.recordingUrl ? (
              <p className="pc-card__meta">This event has ended.</p>
            ) : null}
          </Card>
          {feedback?.canGive ? (
            <section aria-labelledby="feedback-heading" className="pc-section">
              <Card>
                <h2 id="feedback-heading">{feedback.feedback ? 'Your feedback' : 'How was it?'}</h2>
                {!feedback.feedback && feedback.points > 0 ? (
                  <p>
                    <PointsBadge points={feedback.points} reason="for your feedback" />
                  </p>
                ) : null}
                <FeedbackSurvey data={feedback} noun="event" />
              </Card>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  )
}
