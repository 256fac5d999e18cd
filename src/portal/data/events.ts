import type { Payload, Where } from 'payload'

import { cache } from 'react'

import type { Event, LoyaltyRegistration } from '../../payload-types'

import { loyaltyOptionsOf } from '../../../plugins/loyalty'
import { requireMember } from './session'

/** The member's own registrations (Local API with their access: only their own). */
export const myRegistrations = cache(async (): Promise<LoyaltyRegistration[]> => {
  const { member, payload } = await requireMember()
  const { docs } = await payload.find({
    collection: 'loyalty-registrations',
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    user: member,
    where: { status: { not_equals: 'cancelled' } },
  })
  return docs
})

/** Upcoming (not yet ended) events the member is registered or waitlisted for, soonest first. */
export const myUpcomingEvents = async (): Promise<{ event: Event; status: LoyaltyRegistration['status'] }[]> => {
  const [{ member, payload }, registrations] = await Promise.all([requireMember(), myRegistrations()])
  const open = registrations.filter((r) => r.status === 'registered' || r.status === 'waitlisted')
  if (open.length === 0) return []
  const { docs } = await payload.find({
    collection: 'events',
    depth: 0,
    limit: 10,
    overrideAccess: false,
    select: { endsAt: true, startsAt: true, startsAt_tz: true, title: true },
    sort: 'startsAt',
    user: member,
    where: {
      and: [{ id: { in: open.map((r) => r.eventId) } }, { endsAt: { greater_than: new Date().toISOString() } }],
    },
  })
  const statusOf = new Map(open.map((r) => [r.eventId, r.status]))
  return (docs as Event[]).map((event) => ({ event, status: statusOf.get(String(event.id)) ?? 'registered' }))
}

/** Published events, upcoming (soonest first) or past (latest first). */
export const listEvents = async (when: 'past' | 'upcoming', type?: string): Promise<Event[]> => {
  const { member, payload } = await requireMember()
  const now = new Date().toISOString()
  const conditions: Where[] = [when === 'upcoming' ? { endsAt: { greater_than: now } } : { endsAt: { less_than_equal: now } }]
  if (type) conditions.push({ type: { equals: type } })
  const { docs } = await payload.find({
    collection: 'events',
    depth: 1,
    limit: 50,
    overrideAccess: false,
    select: { capacity: true, coverImage: true, eligibleTiers: true, endsAt: true, format: true, startsAt: true, startsAt_tz: true, summary: true, title: true, type: true, venue: true },
    sort: when === 'upcoming' ? 'startsAt' : '-startsAt',
    user: member,
    where: { and: conditions },
  })
  return docs as Event[]
}

/**
 * 1-based place on the event's waitlist. Members may not read others' registrations, so this
 * counts them without access control and returns only the number.
 */
export const waitlistPosition = async (registration: LoyaltyRegistration): Promise<null | number> => {
  if (registration.status !== 'waitlisted' || !registration.registeredAt) return null
  const { payload } = await requireMember()
  const { totalDocs } = await payload.count({
    collection: 'loyalty-registrations',
    overrideAccess: true,
    where: {
      and: [
        { eventId: { equals: registration.eventId } },
        { status: { equals: 'waitlisted' } },
        { registeredAt: { less_than_equal: registration.registeredAt } },
      ],
    },
  })
  return totalDocs
}

/** Seats already taken (registered or attended), for "12 of 24 seats left". */
export const seatsTaken = async (eventId: number | string): Promise<number> => {
  const { payload } = await requireMember()
  const { totalDocs } = await payload.count({
    collection: 'loyalty-registrations',
    overrideAccess: true,
    where: { and: [{ eventId: { equals: String(eventId) } }, { status: { in: ['registered', 'attended'] } }] },
  })
  return totalDocs
}

/** How long before the start members may check in (the plugin's option). */
export const checkInOpensMinutesBefore = (payload: Payload): number => loyaltyOptionsOf(payload).checkInOpensMinutesBefore
