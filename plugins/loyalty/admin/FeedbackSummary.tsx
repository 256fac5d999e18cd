'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'

import { useApiJson } from './useApiJson'

type Summary = {
  averageRating: null | number
  comments: {
    docs: { comment: string; id: number | string; recommend: number }[]
    totalDocs: number
  }
  eligible: number
  nps: { detractors: number; passives: number; promoters: number; score: null | number }
  responded: number
  responseRate: null | number
  responses: number
}

const row = { display: 'flex', gap: '0.5rem', justifyContent: 'space-between' } as const

/**
 * A sidebar panel in the admin: the feedback on an event or a course (`scope: 'item'`), or the
 * feedback a partner company's members gave (`scope: 'organisation'`), in figures from
 * `GET /api/loyalty/feedback/summary`, with the latest comments. Staff only, like the endpoint.
 */
export function FeedbackSummary({ scope = 'item' }: { scope?: 'item' | 'organisation' }) {
  const { collectionSlug, id } = useDocumentInfo()
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const query = new URLSearchParams(
    scope === 'organisation'
      ? { limit: '3', partner: String(id) }
      : { collection: String(collectionSlug), id: String(id), limit: '3' },
  )
  const state = useApiJson<Summary>(
    id && collectionSlug ? `${serverURL}${api}/loyalty/feedback/summary?${query}` : null,
    'The feedback could not be loaded.',
  )

  if (!id) return null
  const responsesLink = `${serverURL}${admin}/collections/loyalty-feedback?${new URLSearchParams({
    'where[and][0][collection][equals]': String(collectionSlug),
    'where[and][1][documentId][equals]': String(id),
  })}`
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <div className="field-label">
        {scope === 'organisation' ? 'Feedback from its members' : 'Feedback'}
      </div>
      {state.status === 'loading' ? <p>Loading…</p> : null}
      {state.status === 'failed' ? <p>{state.message}</p> : null}
      {state.status === 'ready' ? (
        <div style={{ display: 'grid', gap: '0.25rem' }}>
          <div style={row}>
            <span>Responses</span>
            <strong>
              {state.data.responded} of {state.data.eligible}
              {state.data.responseRate !== null ? ` (${state.data.responseRate} %)` : ''}
            </strong>
          </div>
          <div style={row}>
            <span>NPS</span>
            <strong>{state.data.nps.score ?? '–'}</strong>
          </div>
          <div style={{ ...row, fontSize: '0.85em', opacity: 0.8 }}>
            <span>Promoters · passives · detractors</span>
            <span>
              {state.data.nps.promoters} · {state.data.nps.passives} · {state.data.nps.detractors}
            </span>
          </div>
          <div style={row}>
            <span>Content rating</span>
            <strong>
              {state.data.averageRating !== null ? `${state.data.averageRating} / 5` : '–'}
            </strong>
          </div>
          {state.data.comments.docs.length > 0 ? (
            <ul style={{ margin: '0.5rem 0 0', paddingLeft: '1.1rem' }}>
              {state.data.comments.docs.map((comment) => (
                <li key={comment.id}>
                  “{comment.comment}” ({comment.recommend}/10)
                </li>
              ))}
            </ul>
          ) : null}
          {scope === 'item' && state.data.responses > 0 ? (
            <a href={responsesLink}>All {state.data.responses} responses</a>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
