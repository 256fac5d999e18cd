import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import {
  type NotificationCategory,
  type NotificationPreferences,
  isNotificationCategory,
  notificationCategories,
  notificationCategoryLabels,
  parsePreferencesUpdate,
  verifyUnsubscribeToken,
} from '../engine/notifications'
import { memberPreferences, portalBase, updatePreferences } from '../services/notifications'
import { HttpError, handle, jsonBody, ok, requireMember } from '../utilities/http'

const invalidLink =
  'This unsubscribe link is not valid (it may be cut off). Sign in to the portal to change which emails you receive.'

/** The member and category of a signed unsubscribe link (`?m=&c=&t=`), or a 400. */
const unsubscribeLink = (
  req: PayloadRequest,
): { category: NotificationCategory; member: string; token: string } => {
  const member = req.searchParams.get('m') ?? ''
  const category = req.searchParams.get('c') ?? ''
  const token = req.searchParams.get('t') ?? ''
  if (
    !/^(\d{1,18}|[0-9a-f]{24})$/i.test(member) ||
    !isNotificationCategory(category) ||
    !verifyUnsubscribeToken(req.payload.secret, member, category, token)
  ) {
    throw new HttpError(400, invalidLink)
  }
  return { category, member, token }
}

const preferencesBody = (preferences: NotificationPreferences) => ({
  categories: notificationCategories.map((category) => ({
    category,
    ...notificationCategoryLabels[category],
    enabled: preferences[category],
  })),
  preferences,
})

/**
 * `GET /api/loyalty/notifications/unsubscribe?m&c&t` (the link in every mail, no sign-in): checks
 * the signed link and redirects to the portal's confirmation page, changing nothing (mail
 * scanners open links). `POST` the same URL (RFC 8058 one-click, or the confirmation page's
 * button) switches the category off. A forged or cut-off link gets a 400 and changes nothing.
 * `GET`, `PATCH /api/loyalty/notifications/preferences` `{ preferences: { digest: false } }`: the
 * signed-in member's own choices.
 */
export const notificationEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => {
  const settings = options.notifications
  if (!settings) return []
  return [
    {
      handler: handle(async (req) => {
        const link = unsubscribeLink(req)
        const query = new URLSearchParams({ c: link.category, m: link.member, t: link.token })
        return new Response(null, {
          headers: {
            'cache-control': 'no-store',
            location: `${portalBase(req.payload, options)}${settings.unsubscribePath}?${query}`,
          },
          status: 303,
        })
      }),
      method: 'get',
      path: '/loyalty/notifications/unsubscribe',
    },
    {
      handler: handle(async (req) => {
        const link = unsubscribeLink(req)
        const preferences = await updatePreferences(req.payload, options, link.member, {
          [link.category]: false,
        })
        if (!preferences) throw new HttpError(404, 'This account no longer exists.')
        return ok({
          category: link.category,
          label: notificationCategoryLabels[link.category].label,
          message: `You will no longer receive “${notificationCategoryLabels[link.category].label}” emails.`,
          unsubscribed: true,
        })
      }),
      method: 'post',
      path: '/loyalty/notifications/unsubscribe',
    },
    {
      handler: handle(async (req) => {
        const member = requireMember(req, options)
        const preferences = await memberPreferences(req.payload, options, member.id)
        if (!preferences) throw new HttpError(404, 'Your account no longer exists.')
        return ok(preferencesBody(preferences))
      }),
      method: 'get',
      path: '/loyalty/notifications/preferences',
    },
    {
      handler: handle(async (req) => {
        const member = requireMember(req, options)
        const parsed = parsePreferencesUpdate(await jsonBody(req))
        if ('error' in parsed) throw new HttpError(400, parsed.error)
        const preferences = await updatePreferences(
          req.payload,
          options,
          member.id,
          parsed.preferences,
        )
        if (!preferences) throw new HttpError(404, 'Your account no longer exists.')
        return ok(preferencesBody(preferences))
      }),
      method: 'patch',
      path: '/loyalty/notifications/preferences',
    },
  ]
}
