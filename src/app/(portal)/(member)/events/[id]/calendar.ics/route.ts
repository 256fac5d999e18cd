import { createEvent } from 'ics'

import { requireMember } from '@/portal/data/session'

/** The event as an iCalendar file for the member's calendar (made with the `ics` library). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { member, payload } = await requireMember()
  if (!/^\d{1,18}$/.test(id)) return new Response('Not found', { status: 404 })
  const event = await payload
    .findByID({ collection: 'events', depth: 0, id, overrideAccess: false, user: member })
    .catch(() => null)
  if (!event) return new Response('Not found', { status: 404 })
  const venue = [event.venue?.name, event.venue?.address, event.venue?.city]
    .filter(Boolean)
    .join(', ')
  const { error, value } = createEvent({
    description: `${event.summary}\n\nPartner Club: ${new URL(`/events/${event.id}`, process.env.PUBLIC_URL || 'http://localhost').pathname}`,
    end: new Date(event.endsAt).getTime(),
    location: event.format === 'online' ? 'Online' : venue || undefined,
    organizer: { name: 'Nordwind Heat Systems Partner Club' },
    productId: 'nordwind/partner-club',
    start: new Date(event.startsAt).getTime(),
    title: event.title,
    uid: `event-${event.id}@partner-club`,
    url: event.format !== 'in-person' && event.onlineUrl ? event.onlineUrl : undefined,
  })
  if (error || !value) return new Response('The calendar file could not be made.', { status: 500 })
  return new Response(value, {
    headers: {
      'cache-control': 'private, no-store',
      'content-disposition': `attachment; filename="${event.slug || `event-${event.id}`}.ics"`,
      'content-type': 'text/calendar; charset=utf-8',
    },
  })
}
