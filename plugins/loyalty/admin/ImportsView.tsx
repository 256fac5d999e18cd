import type { AdminViewServerProps, CollectionSlug } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'

import type { ResolvedLoyaltyOptions } from '../types'

import { loyaltySlugs } from '../types'
import { type ImportEvent, ImportsClient, type RecentImport } from './ImportsClient'

export { ImportsNavLink } from './ImportsClient'

/** Events shown to choose from: the most recent that have started, newest first. */
const EVENTS_SHOWN = 40

/**
 * The admin's "Imports" view (`<admin>/imports`): staff upload a webinar report for an event or
 * a bulk point adjustment, see the preview, then apply it (`ImportsClient`, which calls the
 * import endpoints). Staff only, like the endpoints; the latest applied imports are listed.
 */
export async function ImportsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { locale, permissions, req, visibleEntities } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/imports`)}`)
  const options = payload.config.custom?.loyalty as ResolvedLoyaltyOptions | undefined
  const settings = options?.imports
  const staff = Boolean(
    options &&
    (user as { collection?: string }).collection === options.staff &&
    options.isStaff(user),
  )

  let events: ImportEvent[] = []
  let recent: RecentImport[] = []
  if (staff && options && settings) {
    if (options.events) {
      const { docs } = await payload.find({
        collection: options.events,
        depth: 0,
        limit: EVENTS_SHOWN,
        overrideAccess: true,
        sort: '-startsAt',
        where: {
          and: [
            { startsAt: { less_than_equal: new Date().toISOString() } },
            { _status: { equals: 'published' } },
          ],
        },
      })
      events = (docs as unknown as Record<string, unknown>[]).map((doc) => {
        const minimum = doc[settings.minimumMinutesField]
        return {
          endsAt: String(doc.endsAt),
          id: doc.id as number | string,
          minimumMinutes: typeof minimum === 'number' ? minimum : null,
          startsAt: String(doc.startsAt),
          timeZone: typeof doc.startsAt_tz === 'string' ? doc.startsAt_tz : null,
          title: String(doc.title ?? ''),
        }
      })
    }
    const history = await payload.find({
      collection: loyaltySlugs.imports as CollectionSlug,
      depth: 0,
      limit: 5,
      overrideAccess: true,
      sort: '-createdAt',
    })
    recent = (history.docs as unknown as Record<string, unknown>[]).map((doc) => ({
      applied: Number(doc.applied ?? 0),
      createdAt: String(doc.createdAt),
      fileName: String(doc.fileName ?? ''),
      id: doc.id as number | string,
      kind: doc.kind === 'attendance' ? 'attendance' : 'adjustments',
      points: Number(doc.points ?? 0),
    }))
  }

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={{
        collections: visibleEntities?.collections,
        globals: visibleEntities?.globals,
      }}
    >
      <Gutter>
        {staff && settings ? (
          <ImportsClient
            adminRoute={adminRoute}
            apiRoute={payload.config.routes.api}
            defaultPercent={settings.attendanceMinimumPercent}
            events={events}
            maxFileBytes={settings.maxFileBytes}
            recent={recent}
            serverURL={payload.config.serverURL}
          />
        ) : (
          <div style={{ padding: 'calc(var(--base) * 2) 0' }}>
            <h1>Imports</h1>
            <p>Only staff (admins and marketers) can import files.</p>
          </div>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
