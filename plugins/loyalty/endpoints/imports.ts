import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import {
  applyAdjustments,
  applyAttendance,
  loadEventForImport,
  previewAdjustments,
  previewAttendance,
} from '../services/imports'
import { HttpError, handle, idParam, ok, requireStaff } from '../utilities/http'
import { readCsvUpload } from '../utilities/upload'

type ID = number | string

/** The signed-in staff user's id, or 401/403. */
const requireImportStaff = (req: PayloadRequest, options: ResolvedLoyaltyOptions): ID =>
  requireStaff(req, options, {
    forbidden: 'Only staff can import files.',
    signIn: 'Sign in as staff to import files.',
  })

/**
 * Staff imports from CSV files (admins and marketers). The file is the request body
 * (`content-type: text/csv`, its name in `?filename=`) or the `file` field of a multipart form.
 * - `POST /api/loyalty/imports/attendance/:eventId/preview` and `/apply`: a webinar report
 * - `POST /api/loyalty/imports/adjustments/preview` and `/apply`: email, points, reason
 * A preview writes nothing; see `services/imports.ts` for what applying does.
 */
export const importEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => {
  const settings = options.imports
  const events = options.events
  if (!settings) return []
  const attendance = (apply: boolean): Endpoint => ({
    handler: handle(async (req) => {
      const staffId = requireImportStaff(req, options)
      if (!events) throw new HttpError(404, 'Events are not part of this programme.')
      const eventId = idParam(req, 'eventId')
      const event = await loadEventForImport(req.payload, settings, events, eventId)
      const file = await readCsvUpload(req, settings.maxFileBytes)
      const now = new Date()
      if (!apply) {
        return ok(await previewAttendance(req.payload, options, settings, event, file, now))
      }
      return ok(
        await applyAttendance(req.payload, options, settings, events, event, file, staffId, now),
        201,
      )
    }),
    method: 'post',
    path: `/loyalty/imports/attendance/:eventId/${apply ? 'apply' : 'preview'}`,
  })
  return [
    attendance(false),
    attendance(true),
    {
      handler: handle(async (req) => {
        requireImportStaff(req, options)
        const file = await readCsvUpload(req, settings.maxFileBytes)
        return ok(await previewAdjustments(req.payload, options, settings, file))
      }),
      method: 'post',
      path: '/loyalty/imports/adjustments/preview',
    },
    {
      handler: handle(async (req) => {
        const staffId = requireImportStaff(req, options)
        const file = await readCsvUpload(req, settings.maxFileBytes)
        return ok(await applyAdjustments(req.payload, options, settings, file, staffId), 201)
      }),
      method: 'post',
      path: '/loyalty/imports/adjustments/apply',
    },
  ]
}
