import { cache } from 'react'

import { type NextAction, callEndpoint } from '../../../plugins/loyalty'
import { requireMember } from './session'

/**
 * Points the member would earn for each open item (course completed, case study read, event
 * attended), by `collection:id`: the plugin's `GET /api/loyalty/earnable` (rule, best promotion,
 * tier multiplier), run in process as the signed-in member.
 */
export const pointsPreview = cache(async (): Promise<Map<string, number>> => {
  const { member, payload } = await requireMember()
  const result = await callEndpoint<{ items: NextAction[] }>(
    payload,
    { ...member, collection: 'members' },
    'get',
    '/loyalty/earnable',
  )
  if (!result.ok) return new Map()
  return new Map(result.data.items.map((item) => [`${item.collection}:${item.id}`, item.points]))
})
