import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'

import { loyaltyOptionsOf } from '../local'
import { ProgrammeDashboard } from './ProgrammeDashboard'

/**
 * The "Programme" view in the admin (registered by the loyalty plugin): the programme's
 * analytics for staff, in Payload's default template (navigation and header). The figures come
 * from `GET /api/loyalty/analytics`, which checks the same rule again.
 */
export function ProgrammeView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { permissions, req, visibleEntities } = initPageResult
  const { i18n, payload, user } = req
  const options = loyaltyOptionsOf(payload)
  const isStaff =
    Boolean(user) &&
    (user as { collection?: string }).collection === options.staff &&
    options.isStaff(user)
  const {
    routes: { admin, api },
    serverURL,
  } = payload.config
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={initPageResult.locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        {isStaff ? (
          <ProgrammeDashboard adminRoute={admin} apiRoute={api} serverURL={serverURL} />
        ) : (
          <div style={{ padding: 'calc(var(--base) * 2) 0' }}>
            <h1>Programme</h1>
            <p>Only staff (admins and marketers) can see the programme analytics.</p>
          </div>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
