import type { Endpoint } from 'payload'

import { stringify } from 'csv-stringify/sync'

import type { ResolvedLoyaltyOptions } from '../types'

import { parseExportQuery } from '../engine/exportQuery'
import { exportPages } from '../services/exports'
import { HttpError, handle, requireStaff } from '../utilities/http'

/**
 * `GET /api/loyalty/exports/:kind?from=YYYY-MM-DD&to=YYYY-MM-DD` for staff: the ledger, members
 * with balances and tiers, course completions or event attendance as CSV (RFC 4180, UTF-8),
 * streamed page by page, never the whole table in memory. The period filters entries by when
 * they were written, completions and attendance by when they happened, members by when they
 * joined.
 */
export const exportEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      requireStaff(req, options, {
        forbidden: 'Only staff can export data.',
        signIn: 'Sign in as staff to export data.',
      })
      const kind = typeof req.routeParams?.kind === 'string' ? req.routeParams.kind : undefined
      const parsed = parseExportQuery(
        kind,
        req.searchParams.get('from'),
        req.searchParams.get('to'),
      )
      if ('error' in parsed) throw new HttpError(400, parsed.error)
      const { query } = parsed
      const pages = exportPages(req.payload, options, query)
      // The first page is read before answering, so that a failing query is still an error
      // response rather than a cut-off file.
      const first = await pages.next()
      const encoder = new TextEncoder()
      let pending: IteratorResult<(null | number | string)[][]> | null = first
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const page = pending ?? (await pages.next())
            pending = null
            if (page.done) controller.close()
            else controller.enqueue(encoder.encode(stringify(page.value)))
          } catch (error) {
            req.payload.logger.error({ err: error }, 'loyalty export failed part-way')
            controller.error(error)
          }
        },
      })
      const range = [query.from, query.to]
        .map((date) => (date ? date.toISOString().slice(0, 10) : 'all'))
        .join('-to-')
      return new Response(body, {
        headers: {
          'cache-control': 'no-store',
          'content-disposition': `attachment; filename="${query.kind}-${range}.csv"`,
          'content-type': 'text/csv; charset=utf-8',
        },
        status: 200,
      })
    }),
    method: 'get',
    path: '/loyalty/exports/:kind',
  },
]
