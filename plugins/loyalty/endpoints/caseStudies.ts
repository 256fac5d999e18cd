import type { CollectionSlug, Endpoint, Payload } from 'payload'

import type { MemberSnapshot } from '../services/context'
import type { ResolvedLoyaltyOptions } from '../types'

import { readingSeconds, secondsRemaining } from '../engine/timing'
import { recordActivity } from '../services/activities'
import { award } from '../services/award'
import { assertTierAccess } from '../services/context'
import { claimCompletion, ensureProgress, findProgress, progressKey } from '../services/progress'
import { HttpError, handle, idParam, ok } from '../utilities/http'
import { memberContext } from './memberContext'

type ID = number | string

type CaseStudyDoc = {
  _status?: string
  id: ID
  requiredTier?: ID | null | { id: ID }
  title: string
  [field: string]: unknown
}

/** The progress item of a case study: one per member and story. */
const READ_ITEM = 'read'

/** Lexical node types that run inside a line of text: no word break around them. */
const inlineNodeTypes = new Set(['autolink', 'link', 'text'])

/**
 * Collects the text of a Lexical node list, depth first. Text nodes are joined as they are (a
 * word may be split over bold and plain text); block nodes (paragraphs, headings, list items…)
 * and line breaks end a word.
 */
const collectText = (nodes: unknown, out: string[]): void => {
  if (!Array.isArray(nodes)) return
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue
    const { children, text, type } = node as { children?: unknown; text?: unknown; type?: unknown }
    if (typeof text === 'string') out.push(text)
    if (type === 'linebreak' || type === 'tab') out.push(' ')
    collectText(children, out)
    if (typeof type !== 'string' || !inlineNodeTypes.has(type)) out.push(' ')
  }
}

/** Words (runs containing a letter or digit) in the Lexical rich-text values of `fields`. */
export const countWords = (doc: Record<string, unknown>, fields: string[]): number => {
  const out: string[] = []
  for (const field of fields) {
    const value = doc[field] as null | undefined | { root?: { children?: unknown } }
    collectText(value?.root?.children, out)
  }
  return out
    .join('')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length
}

/** Loads a published case study the member may read (tier), or answers 404/403. */
const openCaseStudy = async (
  payload: Payload,
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
  id: string,
  member: MemberSnapshot,
): Promise<CaseStudyDoc> => {
  const caseStudy = (await payload.findByID({
    collection,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
  })) as unknown as CaseStudyDoc | null
  if (!caseStudy || caseStudy._status === 'draft') {
    throw new HttpError(404, 'This case study does not exist.')
  }
  await assertTierAccess(payload, options, member, caseStudy.requiredTier, 'case study')
  return caseStudy
}

/** Case-study endpoints: open, then read after the minimum reading time. */
export const caseStudyEndpoints = (
  options: ResolvedLoyaltyOptions,
  collection: CollectionSlug,
): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const caseStudy = await openCaseStudy(
        req.payload,
        options,
        collection,
        idParam(req, 'id'),
        member,
      )
      const now = new Date()
      const { created, record } = await ensureProgress(
        req.payload,
        options,
        member.id,
        collection,
        caseStudy.id,
        READ_ITEM,
        now,
      )
      if (created) {
        await recordActivity(req.payload, member.id, 'case-study.opened', {
          collection,
          id: caseStudy.id,
          title: caseStudy.title,
        })
      }
      const openedAt = new Date(record.startedAt ?? now)
      const minimumSeconds = readingSeconds(countWords(caseStudy, options.readingFields))
      return ok({
        minimumSeconds,
        openedAt: openedAt.toISOString(),
        read: Boolean(record.completedAt),
        secondsRemaining: secondsRemaining(openedAt, minimumSeconds, now),
      })
    }),
    method: 'post',
    path: '/:id/open',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const caseStudy = await openCaseStudy(
        req.payload,
        options,
        collection,
        idParam(req, 'id'),
        member,
      )
      const now = new Date()
      const record = await findProgress(
        req.payload,
        progressKey(member.id, collection, caseStudy.id, READ_ITEM),
      )
      if (!record?.startedAt) throw new HttpError(409, 'Open the case study first.')
      const minimumSeconds = readingSeconds(countWords(caseStudy, options.readingFields))
      const remaining = secondsRemaining(new Date(record.startedAt), minimumSeconds, now)
      if (remaining > 0) {
        throw new HttpError(409, `Keep reading: ${remaining} s to go.`, {
          secondsRemaining: remaining,
        })
      }
      const firstRead = await claimCompletion(req.payload, record.id, now)
      const result = await award(req.payload, options, {
        actor: { relationTo: options.members, value: member.id },
        idempotencyKey: `case-study.read:${member.id}:${collection}:${caseStudy.id}`,
        memberId: member.id,
        now,
        object: { collection, id: caseStudy.id },
        verb: 'case-study.read',
      })
      // Recorded once: only the request that marked the reading complete records it.
      if (firstRead) {
        await recordActivity(req.payload, member.id, 'case-study.read', {
          collection,
          id: caseStudy.id,
          title: caseStudy.title,
        })
      }
      return ok({ award: result, read: true })
    }),
    method: 'post',
    path: '/:id/read',
  },
]
