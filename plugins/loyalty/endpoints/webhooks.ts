import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { signedInAdmin } from '../access'
import {
  type DeliveryDoc,
  WebhookActionRefused,
  redeliver,
  sendTestEvent,
} from '../services/webhooks'
import { HttpError, handle, idParam, ok } from '../utilities/http'

const requireAdmin = (req: PayloadRequest, options: ResolvedLoyaltyOptions) => {
  if (!req.user) throw new HttpError(401, 'Sign in as an admin to manage webhooks.')
  if (!signedInAdmin(req, options)) throw new HttpError(403, 'Only admins manage webhooks.')
  return req.user as { collection: string; id: number | string }
}

const refusals = async (work: () => Promise<DeliveryDoc>): Promise<Response> => {
  try {
    return ok({ delivery: await work() })
  } catch (error) {
    if (error instanceof WebhookActionRefused) throw new HttpError(error.status, error.message)
    throw error
  }
}

/**
 * `POST /api/loyalty/webhooks/:id/test`: sends a `webhook.test` event to the webhook now (one
 * attempt) and answers with the delivery and its outcome.
 * `POST /api/loyalty/webhook-deliveries/:id/redeliver`: sends a delivered or failed delivery
 * again (same event id and body), first attempt now, retries as usual. Admins only.
 */
export const webhookEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const admin = requireAdmin(req, options)
      const id = idParam(req, 'id')
      return refusals(() =>
        sendTestEvent(req.payload, id, { collection: admin.collection, id: admin.id }),
      )
    }),
    method: 'post',
    path: '/loyalty/webhooks/:id/test',
  },
  {
    handler: handle(async (req) => {
      requireAdmin(req, options)
      const id = idParam(req, 'id')
      return refusals(() => redeliver(req.payload, id))
    }),
    method: 'post',
    path: '/loyalty/webhook-deliveries/:id/redeliver',
  },
]
