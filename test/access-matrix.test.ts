import type { CollectionSlug, Payload, Where } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../src/server/app'

import { unsubscribeToken } from '../plugins/loyalty/engine/notifications'
import { type Fixtures, createFixtures, password } from './helpers/fixtures'
import { type JsonBody, bootServer, signIn } from './helpers/server'

/**
 * The access-control matrix (issue 6): every collection over REST (some also over GraphQL),
 * every custom endpoint of the loyalty plugin and some requests that try to get round the rules,
 * each tried as five actors against company B's data, with company A's own data as the control.
 * The policy is the data below (`policies`, `endpointRows`, `restRows`); one `it` per cell.
 * Besides the status:
 * - a refused request wrote nothing (the document, the collection's count, the loyalty state);
 * - a list that answers 200 holds exactly what the actor may see, never company B's documents;
 * - no answer to a member of company A names B's people (beyond a first name) or staff accounts.
 */

// Hundreds of member actions from a handful of sessions: no per-session rate limit here.
process.env.ACTION_RATE_LIMIT = '0'

const actors = ['anonymous', 'memberA', 'managerA', 'marketer', 'admin'] as const
type Actor = (typeof actors)[number]
/** The expected HTTP status for each actor. */
type Codes = Record<Actor, number>
type ID = number | string

/**
 * What a list answers: 403, or 200 with exactly the documents in this scope.
 * - `all`: every document · `published`: no drafts · `enabled`: enabled rewards only
 * - `own`: the actor's own (their member field, or a preference's user)
 * - `company`: their own company's (a manager's colleagues; their own partner)
 * - `self`: their own member record
 */
type Scope = 'all' | 'enabled' | 'own' | 'company' | 'published' | 'self'
type Listing = 403 | Scope

/** The REST policy of one collection. `B` is company B's document (see `subjects`). */
type Policy = {
  slug: CollectionSlug
  list: Record<Actor, Listing>
  /** Read company B's document by id (absent where Payload addresses documents otherwise). */
  readB?: Codes
  /** Control: read company A's (memberA's) document by id. */
  readA?: Codes
  /** Read a document members must not see (a draft, a disabled reward). */
  readHidden?: Codes
  create: Codes
  /** Update company B's document by id. */
  updateB?: Codes
  /** Delete company B's document by id. */
  deleteB?: Codes
}

// One line per operation, so that the table reads as a table.
// prettier-ignore
const policies: Policy[] = [
  // Content belongs to no company: every active member reads what is published; staff edit.
  {
    slug: 'courses',
    list: { anonymous: 403, memberA: 'published', managerA: 'published', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    readHidden: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
  },
  {
    // B's document: a success story that partner B delivered. Stories are marketing content,
    // published for every member, whichever company delivered them.
    slug: 'case-studies',
    list: { anonymous: 403, memberA: 'published', managerA: 'published', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    readHidden: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
  },
  {
    slug: 'events',
    list: { anonymous: 403, memberA: 'published', managerA: 'published', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    readHidden: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
  },
  {
    // Marketing images are public (the portal's login page and e-mails show them).
    slug: 'media',
    list: { anonymous: 'all', memberA: 'all', managerA: 'all', marketer: 'all', admin: 'all' },
    readB: { anonymous: 200, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
  },
  {
    // Admins run the tiers; every signed-in person sees them (the portal shows the ladder).
    slug: 'club-tiers',
    list: { anonymous: 403, memberA: 'all', managerA: 'all', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // A member sees their own company only; another company is not there at all (404).
    slug: 'partners',
    list: { anonymous: 403, memberA: 'company', managerA: 'company', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // A member reads themselves, a manager their company's people; marketers read everyone for
    // analytics but only admins change people (a member changes their own profile: see below).
    slug: 'members',
    list: { anonymous: 403, memberA: 'self', managerA: 'company', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // Staff accounts. B's document: another marketer (staff belong to no company).
    slug: 'users',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // Append-only (invariant 1): nobody, admins included, writes an entry through the API. A
    // manager sees the company's points on /api/loyalty/organisation, not colleagues' entries.
    slug: 'loyalty-ledger',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // Activities, progress, registrations and tier changes: written by the plugin only.
    slug: 'loyalty-activities',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    slug: 'loyalty-progress',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    slug: 'loyalty-registrations',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    slug: 'loyalty-tier-changes',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // Moves between companies (issue 7): written only by the admins' move endpoint. A member
    // reads their own (without the staff's reason); a manager does not read the company's.
    slug: 'loyalty-moves',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // Feedback after an event or a course: members read their own only (a manager not their
    // people's), staff read all; written by the feedback endpoint only, which keeps the edit
    // window; admins may delete an abusive response.
    slug: 'loyalty-feedback',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // A manager approves the company's redemptions, so reads them; decisions go through the
    // endpoints (approve, reject, fulfil, cancel), never a plain write.
    slug: 'loyalty-redemptions',
    list: { anonymous: 403, memberA: 'own', managerA: 'company', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // The catalogue: members see enabled rewards; admins edit it.
    slug: 'loyalty-rewards',
    list: { anonymous: 403, memberA: 'enabled', managerA: 'enabled', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    readHidden: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // Admins set the rules; marketers read them (analytics); members see points per item on
    // /api/loyalty/earnable instead.
    slug: 'loyalty-earning-rules',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // Marketers run promotions (DESIGN.md).
    slug: 'loyalty-promotions',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
  },
  {
    // Referrals (issue 7): a member sees the invitations they sent, never a colleague's; they
    // are sent, revoked and accepted through the endpoints only.
    slug: 'loyalty-invitations',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // Recommended companies: the referrer sees theirs; staff keep notes over REST, but the
    // status (whose conversion awards points) changes only through the status endpoint.
    slug: 'loyalty-leads',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // Outbound webhooks (issue 5): admins only, for every operation (the secret signs
    // deliveries; a URL could be pointed anywhere).
    slug: 'loyalty-webhooks',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // Each event sent to a webhook and its attempts: staff read them in the admin; only the
    // plugin writes them (admins send one again through the redeliver endpoint).
    slug: 'loyalty-webhook-deliveries',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // Imports of webinar attendance and bulk adjustments (issue 5): staff read the history; it
    // is written only by the import endpoints. B's document: a bulk adjustment for B's member.
    slug: 'loyalty-imports',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // Mails queued for members (issue 5): a member reads their own log, staff all of it; only
    // the plugin's jobs and hooks write it.
    slug: 'loyalty-notifications',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 404, managerA: 404, marketer: 200, admin: 200 },
    readA: { anonymous: 403, memberA: 200, managerA: 404, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    // The local mail capture (no SMTP server configured): whole mails with their links, so
    // admins only; nobody writes one through the API.
    slug: 'captured-emails',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
  },
  {
    // Payload's admin-panel document locks. B's document: a marketer's lock on a course.
    // Members never use the admin panel; Payload's default ("any signed-in user") let a member
    // lock another company's member record (its owner then got 423 on every profile change).
    slug: 'payload-locked-documents',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 'all', admin: 'all' },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
  },
  {
    // Payload's per-user preferences: everyone keeps their own (Payload sets the user to the
    // caller). /api/payload-preferences/:x is addressed by key, always the caller's own, so
    // there is no by-id route to try: see the key rows below.
    slug: 'payload-preferences',
    list: { anonymous: 403, memberA: 'own', managerA: 'own', marketer: 'own', admin: 'own' },
    create: { anonymous: 403, memberA: 201, managerA: 201, marketer: 201, admin: 201 },
  },
  {
    // The jobs queue and the key-value store: Payload's own, closed to every API caller.
    slug: 'payload-jobs',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
  {
    slug: 'payload-kv',
    list: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    readB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    create: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    updateB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    deleteB: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
  },
]

// ---------------------------------------------------------------------------------------------
// The world the matrix runs in: fixtures (two companies, staff, members) plus company B's (and
// A's) loyalty data, made in beforeAll through the Local API and the plugin's own endpoints.

let server: RunningServer
let payload: Payload
let f: Fixtures
const tokens: Partial<Record<Actor | 'colleagueA' | 'memberB', string>> = {}
/** Ids of the documents the matrix acts on; filled in beforeAll. */
const d: Record<string, ID> = {}
let png: Buffer
let counter = 0
/** A number for unique names, slugs, keys and e-mail addresses. */
const next = () => ++counter
let richText: (markdown: string) => ReturnType<typeof convertMarkdownToLexical>

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

/** The id of the actor's own account (null for anonymous) and the collection it lives in. */
const account = (actor: Actor): null | { collection: 'members' | 'users'; id: ID } => {
  if (actor === 'anonymous') return null
  if (actor === 'memberA') return { collection: 'members', id: f.memberA.id }
  if (actor === 'managerA') return { collection: 'members', id: f.managerA.id }
  return { collection: 'users', id: actor === 'marketer' ? f.marketer.id : f.admin.id }
}
const isMember = (actor: Actor) => actor === 'memberA' || actor === 'managerA'
const selfId = (actor: Actor): ID => account(actor)?.id ?? 0

type Call = {
  body?: FormData | Record<string, unknown>
  method: 'DELETE' | 'GET' | 'PATCH' | 'POST'
  path: string
}
type Answer = { body: JsonBody; status: number }

/** A CSV file as the `file` field of a form, as the admin's import view sends it. */
const csvForm = (text: string) => {
  const form = new FormData()
  form.append('file', new Blob([text], { type: 'text/csv' }), 'matrix.csv')
  return form
}

/** Sends a request with a token (or none) and parses the JSON answer. */
const sendWith = async (token: string | undefined, call: Call): Promise<Answer> => {
  const form = call.body instanceof FormData
  const requestBody: BodyInit | undefined =
    call.body === undefined || call.body instanceof FormData ? call.body : JSON.stringify(call.body)
  const response = await fetch(`${server.url}${call.path}`, {
    body: requestBody,
    headers: {
      ...(call.body === undefined || form ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    method: call.method,
  })
  const text = await response.text()
  let body: JsonBody = {}
  try {
    body = text ? (JSON.parse(text) as JsonBody) : {}
  } catch {
    body = { text }
  }
  return { body, status: response.status }
}
const send = (actor: Actor, call: Call) => sendWith(tokens[actor], call)

/** Calls the API as a helper member (B's member, A's colleague) to make data; must succeed. */
const as = async (who: 'colleagueA' | 'memberA' | 'managerA' | 'memberB', call: Call) => {
  const answer = await sendWith(tokens[who], call)
  if (answer.status >= 300) {
    throw new Error(
      `${who} ${call.method} ${call.path}: ${answer.status} ${JSON.stringify(answer.body)}`,
    )
  }
  return answer.body
}

/** Text of company B's people that company A's members must never be shown. */
const secretsOfB = () => [f.memberB.email, f.goldMemberB.email, 'Brandt', 'Becker']
const staffEmails = () => [f.admin.email, f.marketer.email, 'other.staff@test.example']

/** A member's answer never names company B's people (beyond first names) or staff accounts. */
const expectNoLeak = (actor: Actor, answer: Answer) => {
  if (!isMember(actor) || answer.status >= 300) return
  const text = JSON.stringify(answer.body)
  for (const secret of [...secretsOfB(), ...staffEmails()]) expect(text).not.toContain(secret)
}

const createDoc = async (collection: CollectionSlug, data: Record<string, unknown>) =>
  (await payload.create({ collection, data: data as never, depth: 0 })).id as ID

const ids = async (collection: CollectionSlug, where?: Where): Promise<string[]> =>
  (await payload.find({ collection, depth: 0, limit: 0, pagination: false, where })).docs
    .map((doc) => String(doc.id))
    .sort()

const countOf = async (collection: CollectionSlug) =>
  (await payload.count({ collection })).totalDocs

/** A document as stored (no access rules), or null when it is gone. */
const stored = async (collection: CollectionSlug, id: ID) =>
  payload.findByID({ collection, depth: 0, disableErrors: true, id })

/** Loyalty state an endpoint could change: counts, balances, tiers and statuses. */
const loyaltyState = async () => {
  const all = async (collection: CollectionSlug, pick: (doc: JsonBody) => string) =>
    (
      await payload.find({ collection, depth: 0, limit: 0, pagination: false, sort: 'id' })
    ).docs.map((doc) => pick(doc as JsonBody))
  const balances = (doc: JsonBody) =>
    `${doc.id}:${doc.loyalty?.spendable}/${doc.loyalty?.qualifying}/${doc.loyalty?.tier}`
  const status = (doc: JsonBody) => `${doc.id}:${doc.status}`
  return Promise.all([
    countOf('loyalty-ledger'),
    countOf('loyalty-activities'),
    countOf('loyalty-tier-changes'),
    countOf('loyalty-imports'),
    all('members', (doc) => `${balances(doc)}:${doc.partner}:${doc.partnerManager}`),
    all('partners', balances),
    all('loyalty-progress', (doc) => `${doc.id}:${doc.completedAt}:${doc.attempts}`),
    all('loyalty-redemptions', status),
    all('loyalty-registrations', status),
    all('loyalty-rewards', (doc) => `${doc.id}:${doc.stock}`),
    all('loyalty-feedback', (doc) => `${doc.id}:${doc.recommend}/${doc.rating}:${doc.comment}`),
  ])
}

// ---------------------------------------------------------------------------------------------
// How each collection's B document, A document, hidden document, new document and change are
// made. Kept apart from the policy so that the table above reads as the policy alone.

type Subject = {
  /** What "B's document" is, in the test titles. */
  b: string
  /** B's document for reads (and for writes nobody may make). */
  readB?: () => ID
  readA?: () => ID
  readHidden?: () => ID
  /** A fresh B-like document for each write that succeeds (it changes or removes it). */
  fresh?: () => Promise<ID>
  /** The body (and query) of a create request. */
  create: () => Promise<Call['body']> | Call['body']
  createQuery?: string
  /** The change an update request makes. */
  update?: Record<string, unknown>
  /** The where clause of each scope a list may answer with (for the actor). */
  scope?: Partial<Record<Exclude<Scope, 'all'>, (actor: Actor) => Where>>
}

const published: Subject['scope'] = { published: () => ({ _status: { equals: 'published' } }) }
const ownMember: Subject['scope'] = { own: (actor) => ({ member: { equals: selfId(actor) } }) }

const course = async (title: string, extra: Record<string, unknown> = {}) =>
  createDoc('courses', {
    _status: 'published',
    estimatedMinutes: 20,
    lessons: [{ body: richText('Read this.'), minimumSeconds: 30, title: `${title}: lesson` }],
    level: 'foundation',
    slug: `matrix-course-${next()}`,
    summary: `About ${title}`,
    title,
    ...extra,
  })

const caseStudy = async (title: string, extra: Record<string, unknown> = {}) =>
  createDoc('case-studies', {
    _status: 'published',
    challenge: richText('Old boilers.'),
    customer: 'Hotel Beta',
    industry: 'hospitality',
    partner: f.partnerB.id,
    region: 'benelux',
    results: richText('Half the gas.'),
    slug: `matrix-story-${next()}`,
    solution: richText('Two heat pumps.'),
    summary: `About ${title}`,
    title,
    ...extra,
  })

const event = async (title: string, extra: Record<string, unknown> = {}) =>
  createDoc('events', {
    _status: 'published',
    attendanceCode: 'MATRIX',
    description: richText('An event.'),
    endsAt: '2030-02-01T11:00:00.000Z',
    endsAt_tz: 'Europe/Berlin',
    format: 'online',
    slug: `matrix-event-${next()}`,
    startsAt: '2030-02-01T10:00:00.000Z',
    startsAt_tz: 'Europe/Berlin',
    summary: title,
    title,
    type: 'webinar',
    ...extra,
  })

/** An event on now: check-in is open and registration still is. */
const liveEvent = (title: string) =>
  event(title, {
    endsAt: inMinutes(120),
    registrationDeadline: inMinutes(60),
    startsAt: inMinutes(-5),
  })

const image = async () =>
  (
    await payload.create({
      collection: 'media',
      data: { alt: 'A matrix picture' },
      file: { data: png, mimetype: 'image/png', name: `matrix-${next()}.png`, size: png.length },
    })
  ).id as ID

const member = (extra: Record<string, unknown> = {}) => {
  const n = next()
  return createDoc('members', {
    email: `matrix.${n}@test.example`,
    jobRole: 'engineer',
    name: `Matrix Person ${n}`,
    partner: f.partnerB.id,
    password,
    ...extra,
  })
}

const subjects: Record<string, Subject> = {
  courses: {
    b: 'a published course',
    readB: () => f.openCourse.id,
    readHidden: () => f.draftCourse.id,
    fresh: () => course(`Course ${next()}`),
    create: () => ({
      estimatedMinutes: 5,
      level: 'foundation',
      summary: 'New',
      title: `New ${next()}`,
    }),
    createQuery: '?draft=true',
    update: { title: 'Changed by the matrix' },
    scope: published,
  },
  'case-studies': {
    b: 'a story partner B delivered',
    readB: () => d.caseStudyB,
    readHidden: () => d.draftCaseStudy,
    fresh: () => caseStudy(`Story ${next()}`),
    create: () => ({
      customer: 'X',
      industry: 'education',
      region: 'dach',
      summary: 'New',
      title: `New ${next()}`,
    }),
    createQuery: '?draft=true',
    update: { title: 'Changed by the matrix' },
    scope: published,
  },
  events: {
    b: 'a published event',
    readB: () => f.event.id,
    readHidden: () => d.draftEvent,
    fresh: () => event(`Event ${next()}`),
    create: () => ({ summary: 'New', title: `New ${next()}`, type: 'webinar' }),
    createQuery: '?draft=true',
    update: { title: 'Changed by the matrix' },
    scope: published,
  },
  media: {
    b: 'an image',
    readB: () => d.image,
    fresh: image,
    create: () => {
      const form = new FormData()
      form.append(
        'file',
        new Blob([new Uint8Array(png)], { type: 'image/png' }),
        `new-${next()}.png`,
      )
      form.append('_payload', JSON.stringify({ alt: 'Uploaded by the matrix' }))
      return form
    },
    update: { alt: 'Changed by the matrix' },
  },
  'club-tiers': {
    b: 'a tier',
    readB: () => f.gold.id,
    fresh: () => {
      const n = next()
      return createDoc('club-tiers', {
        name: `Matrix tier ${n}`,
        rank: 100 + n,
        threshold: 1_000_000,
      })
    },
    create: () => {
      const n = next()
      return { name: `New tier ${n}`, rank: 100 + n, threshold: 1_000_000 }
    },
    update: { threshold: 999_999 },
  },
  partners: {
    b: 'partner B',
    readB: () => f.partnerB.id,
    readA: () => f.partnerA.id,
    fresh: () =>
      createDoc('partners', {
        name: `Matrix partner ${next()}`,
        region: 'benelux',
        type: 'reseller',
      }),
    create: () => ({ name: `New partner ${next()}`, region: 'dach', type: 'installer' }),
    update: { city: 'Changed by the matrix' },
    scope: { company: () => ({ id: { equals: f.partnerA.id } }) },
  },
  members: {
    b: "B's member",
    readB: () => f.memberB.id,
    readA: () => f.memberA.id,
    fresh: () => member(),
    create: () => {
      const n = next()
      return {
        email: `new.${n}@test.example`,
        jobRole: 'sales',
        name: 'New',
        partner: f.partnerB.id,
        password,
      }
    },
    update: { name: 'Changed by the matrix' },
    scope: {
      company: (actor): Where => ({
        or: [{ id: { equals: selfId(actor) } }, { partner: { equals: f.partnerA.id } }],
      }),
      self: (actor): Where => ({ id: { equals: selfId(actor) } }),
    },
  },
  users: {
    b: 'another staff user',
    readB: () => d.otherStaff,
    fresh: () =>
      createDoc('users', {
        email: `staff.${next()}@test.example`,
        name: 'Staff',
        password,
        roles: ['marketer'],
      }),
    create: () => ({
      email: `new.staff.${next()}@test.example`,
      name: 'New',
      password,
      roles: ['marketer'],
    }),
    update: { name: 'Changed by the matrix' },
  },
  'loyalty-ledger': {
    b: "B's member's earn entry",
    readB: () => d.ledgerB,
    readA: () => d.ledgerA,
    // Awarding oneself points by writing an entry.
    create: () => ({
      account: 'member',
      amount: 100_000,
      idempotencyKey: `matrix-${next()}`,
      kind: 'adjust',
      member: f.memberA.id,
      qualifyingAmount: 100_000,
      reason: 'Free points',
    }),
    update: { amount: 100_000, reason: 'Changed by the matrix' },
    scope: {
      own: (actor): Where => ({
        and: [{ account: { equals: 'member' } }, { member: { equals: selfId(actor) } }],
      }),
    },
  },
  'loyalty-activities': {
    b: "B's member's activity",
    readB: () => d.activityB,
    readA: () => d.activityA,
    create: () => ({ member: f.memberA.id, objectCollection: 'courses', verb: 'course.completed' }),
    update: { verb: 'course.completed' },
    scope: ownMember,
  },
  'loyalty-progress': {
    b: "B's member's lesson progress",
    readB: () => d.progressB,
    readA: () => d.progressA,
    // A certificate without taking the course.
    create: () => ({
      certificateCode: 'PC-FAKE',
      collection: 'courses',
      completedAt: new Date().toISOString(),
      documentId: String(f.openCourse.id),
      item: 'course',
      key: `matrix-${next()}`,
      member: f.memberA.id,
    }),
    update: { certificateCode: 'PC-FAKE', completedAt: '2030-01-01T00:00:00.000Z' },
    scope: ownMember,
  },
  'loyalty-registrations': {
    b: "B's member's registration",
    readB: () => d.registrationB,
    readA: () => d.registrationA,
    create: () => ({
      eventId: String(f.event.id),
      key: `matrix-${next()}`,
      member: f.memberA.id,
      status: 'attended',
    }),
    update: { status: 'cancelled' },
    scope: ownMember,
  },
  'loyalty-tier-changes': {
    b: "B's member's upgrade",
    readB: () => d.tierChangeB,
    readA: () => d.tierChangeA,
    create: () => ({
      account: 'member',
      change: 'upgrade',
      member: f.memberA.id,
      reason: 'Mine',
      toTier: f.gold.id,
    }),
    update: { reason: 'Changed by the matrix' },
    scope: ownMember,
  },
  'loyalty-moves': {
    b: "the move of B's member into company B",
    readB: () => d.moveB,
    readA: () => d.moveA,
    // A member moving themselves to company B.
    create: () => ({
      actor: f.admin.id,
      from: f.partnerA.id,
      member: f.memberA.id,
      reason: 'Mine',
      to: f.partnerB.id,
    }),
    update: { reason: 'Changed by the matrix' },
    scope: ownMember,
  },
  'loyalty-feedback': {
    b: "B's member's feedback on an event",
    readB: () => d.feedbackB,
    readA: () => d.feedbackA,
    fresh: () =>
      createDoc('loyalty-feedback', {
        collection: 'events',
        documentId: String(d.feedbackEvent),
        key: `matrix-${next()}`,
        member: f.memberB.id,
        rating: 2,
        recommend: 2,
      }),
    // Feedback (and its points) without attending.
    create: () => ({
      collection: 'events',
      documentId: String(f.event.id),
      key: `matrix-${next()}`,
      member: f.memberA.id,
      rating: 5,
      recommend: 10,
    }),
    update: { comment: 'Changed by the matrix', recommend: 10 },
    scope: ownMember,
  },
  'loyalty-redemptions': {
    b: "B's member's requested redemption",
    readB: () => d.redemptionB,
    readA: () => d.redemptionA,
    create: () => ({
      idempotencyKey: `matrix-${next()}`,
      member: f.memberA.id,
      points: 0,
      reward: d.jacket,
      status: 'approved',
    }),
    update: { status: 'approved' },
    scope: {
      own: ownMember.own,
      company: (actor): Where => ({
        or: [{ member: { equals: selfId(actor) } }, { organisation: { equals: f.partnerA.id } }],
      }),
    },
  },
  'loyalty-rewards': {
    b: 'an enabled reward',
    readB: () => d.mug,
    readHidden: () => d.retired,
    fresh: () => createDoc('loyalty-rewards', { cost: 5, title: `Matrix reward ${next()}` }),
    create: () => ({ cost: 1, title: `New reward ${next()}` }),
    update: { cost: 1 },
    scope: { enabled: () => ({ enabled: { equals: true } }) },
  },
  'loyalty-earning-rules': {
    b: 'an earning rule',
    readB: () => d.rule,
    fresh: () =>
      createDoc('loyalty-earning-rules', {
        enabled: false,
        name: `Rule ${next()}`,
        points: 1,
        verb: 'feedback.given',
      }),
    create: () => ({
      enabled: false,
      name: `New rule ${next()}`,
      points: 1,
      verb: 'feedback.given',
    }),
    update: { points: 99 },
  },
  'loyalty-promotions': {
    b: 'a promotion',
    readB: () => d.promotion,
    // Disabled, so that no award in the other cells is multiplied.
    fresh: () =>
      createDoc('loyalty-promotions', {
        enabled: false,
        endsAt: inMinutes(60),
        multiplier: 2,
        name: `Promotion ${next()}`,
        startsAt: inMinutes(-60),
      }),
    create: () => ({
      enabled: false,
      endsAt: inMinutes(60),
      multiplier: 3,
      name: `New ${next()}`,
      startsAt: inMinutes(-60),
    }),
    update: { multiplier: 5 },
  },
  'loyalty-invitations': {
    b: "B's member's open invitation",
    readB: () => d.invitationB,
    readA: () => d.invitationA,
    create: () => ({
      email: `matrix.invite.${next()}@test.example`,
      inviter: f.memberA.id,
      jobRole: 'engineer',
      organisation: f.partnerA.id,
      tokenHash: `matrix-${next()}`,
    }),
    update: { status: 'accepted' },
    scope: { own: (actor) => ({ inviter: { equals: selfId(actor) } }) },
  },
  'loyalty-imports': {
    b: "the import of a bonus for B's member",
    readB: () => d.importB,
    create: () => ({
      actor: f.admin.id,
      fileHash: 'forged',
      fileName: 'forged.csv',
      key: `forged-${next()}`,
      kind: 'adjustments',
    }),
    update: { points: 100000 },
  },
  'loyalty-leads': {
    b: "B's member's lead",
    readB: () => d.leadB,
    readA: () => d.leadA,
    fresh: () =>
      createDoc('loyalty-leads', {
        company: `Matrix lead ${next()}`,
        contactEmail: 'lead@test.example',
        contactName: 'Lead Contact',
        referrer: f.memberB.id,
      }),
    create: () => ({
      company: 'Self-made lead',
      contactEmail: 'lead@test.example',
      contactName: 'Lead Contact',
      referrer: f.memberA.id,
      status: 'converted',
    }),
    update: { staffNotes: 'Changed by the matrix' },
    scope: { own: (actor) => ({ referrer: { equals: selfId(actor) } }) },
  },
  'loyalty-webhooks': {
    b: 'a webhook',
    readB: () => d.webhook,
    // Switched off, so that the matrix's awards queue no deliveries to it.
    fresh: () => webhook(),
    create: () => ({
      active: false,
      events: ['points.awarded'],
      url: `https://hooks.example/new-${next()}`,
    }),
    update: { description: 'Changed by the matrix' },
  },
  'loyalty-webhook-deliveries': {
    b: 'a failed delivery',
    readB: () => d.delivery,
    create: () => ({
      body: '{}',
      eventId: `matrix-${next()}`,
      eventType: 'points.awarded',
      status: 'delivered',
    }),
    update: { status: 'pending' },
  },
  'loyalty-notifications': {
    b: "B's member's tier-upgrade mail",
    readB: () => d.notificationB,
    readA: () => d.notificationA,
    // Marking a mail as sent (or a forged one) so that the real one is never sent.
    create: () => ({
      category: 'digest',
      key: `matrix-${next()}`,
      member: f.memberA.id,
      status: 'sent',
    }),
    update: { status: 'skipped' },
    scope: ownMember,
  },
  'captured-emails': {
    b: "a captured mail to B's member",
    readB: () => d.capturedMail,
    fresh: () => capturedMail(),
    create: () => ({ subject: 'Forged', to: f.memberB.email }),
    update: { subject: 'Changed by the matrix' },
  },
  'payload-locked-documents': {
    b: "a marketer's lock on a course",
    readB: () => d.lock,
    fresh: () => lock(),
    create: () => ({
      document: { relationTo: 'courses', value: d.lockedCourse },
      user: { relationTo: 'users', value: f.marketer.id },
    }),
    update: { globalSlug: 'changed-by-the-matrix' },
  },
  'payload-preferences': {
    b: "B's member's preference",
    create: () => ({ key: `matrix-${next()}`, value: { columns: [] } }),
    scope: {
      own: (actor): Where => ({
        and: [
          { 'user.value': { equals: selfId(actor) } },
          { 'user.relationTo': { equals: account(actor)?.collection } },
        ],
      }),
    },
  },
  'payload-jobs': {
    b: 'a queued tier review',
    readB: () => d.job,
    create: () => ({ input: {}, queue: 'matrix-idle', taskSlug: 'loyaltyReviewTiers' }),
    update: { queue: 'changed-by-the-matrix' },
  },
  'payload-kv': {
    b: 'a stored value',
    readB: () => d.kv,
    create: () => ({ data: {}, key: `matrix-${next()}` }),
    update: { data: { changed: true } },
  },
}

const webhook = () =>
  createDoc('loyalty-webhooks', {
    active: false,
    events: ['tier.changed'],
    url: `https://hooks.example/matrix-${next()}`,
  })

/** A delivery that failed after its one attempt. */
const failedDelivery = (webhookId: ID = d.webhook) =>
  createDoc('loyalty-webhook-deliveries', {
    attempts: 1,
    body: '{"id":"matrix"}',
    eventId: `matrix-${next()}`,
    eventType: 'points.awarded',
    lastError: 'The receiver answered 500.',
    maxAttempts: 1,
    status: 'failed',
    webhook: webhookId,
  })

const capturedMail = () =>
  createDoc('captured-emails', {
    html: '<p>Your reset link</p>',
    sentAt: new Date().toISOString(),
    subject: 'Reset your Partner Club password',
    text: 'Your reset link',
    to: f.memberB.email,
  })

const lock = () =>
  createDoc('payload-locked-documents', {
    document: { relationTo: 'courses', value: d.lockedCourse },
    user: { relationTo: 'users', value: f.marketer.id },
  })

// ---------------------------------------------------------------------------------------------
// Custom endpoints of the loyalty plugin, and REST requests that try to get round the rules.

type Context = Record<string, ID>
type EndpointRow = {
  title: string
  expected: Codes
  /** Makes what the cell acts on (fresh where a success would use it up). */
  prepare?: (actor: Actor) => Promise<Context>
  call: (context: Context, actor: Actor) => Call
  /** What a refusal must leave unchanged; the loyalty state unless said otherwise. */
  state?: () => Promise<unknown>
  /** Even a success must leave the state unchanged (e.g. fields nobody may write). */
  writesNothing?: boolean
  /** After a success: what must be true. */
  then?: (answer: Answer, context: Context, actor: Actor) => Promise<void> | void
}

const lessonIdOf = async (courseId: ID) =>
  String(
    ((await payload.findByID({ collection: 'courses', depth: 0, id: courseId })).lessons ?? [])[0]
      ?.id,
  )

/** Moves the start of a member's lesson or reading an hour back (instead of waiting). */
const startedAnHourAgo = async (memberId: ID, key: string) => {
  const { docs } = await payload.find({
    collection: 'loyalty-progress',
    depth: 0,
    limit: 1,
    where: { key: { equals: key } },
  })
  expect(docs).toHaveLength(1)
  expect(String(docs[0].member)).toBe(String(memberId))
  await payload.update({
    collection: 'loyalty-progress',
    data: { startedAt: inMinutes(-60) },
    id: docs[0].id,
  })
}

const progressKey = (memberId: ID, collection: string, documentId: ID, item: string) =>
  `${memberId}:${collection}:${documentId}:${item}`

const registrationOf = async (memberId: ID, eventId: ID) =>
  (
    await payload.find({
      collection: 'loyalty-registrations',
      depth: 0,
      limit: 1,
      where: { key: { equals: `${memberId}:${eventId}` } },
    })
  ).docs[0] ?? null

const redemption = async (id: ID) =>
  payload.findByID({ collection: 'loyalty-redemptions', depth: 0, id })

const spendableOf = async (memberId: ID) =>
  (await payload.findByID({ collection: 'members', depth: 0, id: memberId })).loyalty?.spendable ??
  0

/** A fresh redemption by `who`: the jacket needs a manager's approval, the mug does not. */
const redeemAs = async (who: 'colleagueA' | 'memberA' | 'managerA' | 'memberB', reward: ID) =>
  (await as(who, { method: 'POST', path: `/api/loyalty-rewards/${reward}/redeem` })).redemption
    .id as ID

/** Who gave feedback on the feedback event, and their recommendation score. */
const feedbackGiven = [
  ['memberA', 9],
  ['managerA', 7],
  ['memberB', 3],
] as const

const feedbackDocOf = async (memberId: ID) =>
  (
    await payload.find({
      collection: 'loyalty-feedback',
      depth: 0,
      limit: 1,
      where: { key: { equals: `${memberId}:events:${d.feedbackEvent}` } },
    })
  ).docs[0]

/** A member's notification preferences as stored. */
const preferencesOf = async (memberId: ID) =>
  (await payload.findByID({ collection: 'members', depth: 0, id: memberId }))
    .notificationPreferences

/** Every member's notification preferences (what a refused change must leave alone). */
const allPreferences = async () =>
  (
    await payload.find({ collection: 'members', depth: 0, limit: 0, pagination: false, sort: 'id' })
  ).docs.map((doc) => `${doc.id}:${JSON.stringify(doc.notificationPreferences)}`)

/** The unsubscribe link of a mail to a member (signed with the server's secret unless given). */
const unsubscribeLink = (memberId: ID, category: 'digest' | 'eventRecording', token?: string) =>
  `/api/loyalty/notifications/unsubscribe?${new URLSearchParams({
    c: category,
    m: String(memberId),
    t: token ?? unsubscribeToken(payload.secret, memberId, category),
  })}`

const endpointRows: EndpointRow[] = [
  // --- the member's own account (members only: staff accounts do not earn points) ---
  {
    title: "GET /api/loyalty/me, asking for B's member with ?member=",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({ method: 'GET', path: `/api/loyalty/me?member=${f.memberB.id}` }),
    then: ({ body }, _context, actor) => {
      expect(String(body.member.id)).toBe(String(selfId(actor)))
      expect(String(body.organisation.id)).toBe(String(f.partnerA.id))
    },
  },
  {
    title: 'GET /api/loyalty/earnable',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({ method: 'GET', path: '/api/loyalty/earnable' }),
    then: ({ body }) => expect(Array.isArray(body.items)).toBe(true),
  },
  {
    title: "GET /api/loyalty/statement, asking for B's member with ?member=",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({
      method: 'GET',
      path: `/api/loyalty/statement?member=${f.memberB.id}&limit=100`,
    }),
    then: async ({ body }, _context, actor) => {
      const own = await ids('loyalty-ledger', subjects['loyalty-ledger'].scope!.own!(actor))
      expect(own.length).toBeGreaterThan(0)
      expect(body.lines.map((line: { id: ID }) => String(line.id)).sort()).toEqual(own)
    },
  },
  {
    // Every signed-in person sees the board; members see first names only.
    title: 'GET /api/loyalty/leaderboard (everyone ranked, B on top)',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: '/api/loyalty/leaderboard?scope=members&period=all' }),
    then: ({ body }, _context, actor) => {
      const names = body.entries.map((entry: { name: string }) => entry.name)
      expect(names).toContain(isMember(actor) ? 'Berta' : 'Berta Brandt')
      if (isMember(actor)) for (const name of names) expect(name).not.toMatch(/\s/)
    },
  },
  {
    // Only a manager, and only of their own company; a query parameter does not change that.
    title: 'GET /api/loyalty/organisation, asking for company B with ?organisation=',
    expected: { anonymous: 401, memberA: 403, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({
      method: 'GET',
      path: `/api/loyalty/organisation?organisation=${f.partnerB.id}`,
    }),
    then: async ({ body }) => {
      expect(String(body.organisation.id)).toBe(String(f.partnerA.id))
      const people = body.members.map((person: { id: ID }) => String(person.id)).sort()
      expect(people).toEqual(await ids('members', { partner: { equals: f.partnerA.id } }))
      expect(body.pendingRedemptions.length).toBeGreaterThan(0)
      for (const pending of body.pendingRedemptions) {
        expect(String(pending.organisation)).toBe(String(f.partnerA.id))
      }
    },
  },
  // --- corrections: admins only (invariant 1: a correction is a new entry) ---
  {
    title: 'POST /api/loyalty/adjustments crediting memberA (for memberA: awarding oneself)',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    call: () => ({
      body: { member: f.memberA.id, points: 50, reason: 'Points for nothing' },
      method: 'POST',
      path: '/api/loyalty/adjustments',
    }),
    then: async ({ body }) => {
      const entry = await payload.findByID({
        collection: 'loyalty-ledger',
        depth: 0,
        id: body.entry.id,
      })
      expect(String(entry.member)).toBe(String(f.memberA.id))
      expect(entry.actor).toEqual({ relationTo: 'users', value: f.admin.id })
    },
  },
  {
    title: "POST /api/loyalty/adjustments taking points from B's member",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    call: () => ({
      body: { member: f.memberB.id, points: -5, reason: 'Taking points away' },
      method: 'POST',
      path: '/api/loyalty/adjustments',
    }),
  },
  {
    title: "POST /api/loyalty/ledger/:id/reverse on B's member's earn entry",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    prepare: async () => {
      // A fresh earn entry of B's member: registering for a new event earns points.
      const eventId = await event(`Reversible ${next()}`)
      await as('memberB', { method: 'POST', path: `/api/events/${eventId}/register` })
      const { docs } = await payload.find({
        collection: 'loyalty-ledger',
        depth: 0,
        where: { idempotencyKey: { equals: `event.registered:${f.memberB.id}:${eventId}` } },
      })
      expect(docs).toHaveLength(1)
      return { entry: docs[0].id }
    },
    call: ({ entry }) => ({
      body: { reason: 'Opened by mistake' },
      method: 'POST',
      path: `/api/loyalty/ledger/${entry}/reverse`,
    }),
    then: ({ body }, { entry }) => expect(String(body.entry.reverses)).toBe(String(entry)),
  },
  // --- moves between companies: admins only (issue 7) ---
  {
    // For managerA: taking B's engineer into their own company.
    title: "POST /api/loyalty/members/:id/move moving B's member to company A",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    prepare: async () => ({ member: await member() }),
    call: ({ member: id }) => ({
      body: { partner: f.partnerA.id, reason: 'Changed jobs' },
      method: 'POST',
      path: `/api/loyalty/members/${id}/move`,
    }),
    then: async (_answer, { member: id }) => {
      expect(
        String((await payload.findByID({ collection: 'members', depth: 0, id })).partner),
      ).toBe(String(f.partnerA.id))
      // Back to B, so that company A's people stay the matrix's.
      const back = await sendWith(tokens.admin, {
        body: { partner: f.partnerB.id, reason: 'Changed back' },
        method: 'POST',
        path: `/api/loyalty/members/${id}/move`,
      })
      expect(back.status).toBe(201)
    },
  },
  {
    title: 'POST /api/loyalty/members/:id/move moving memberA to company B (for memberA: oneself)',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 201 },
    call: () => ({
      body: { partner: f.partnerB.id, reason: 'Changed jobs' },
      method: 'POST',
      path: `/api/loyalty/members/${f.memberA.id}/move`,
    }),
    then: async () => {
      expect(
        String(
          (await payload.findByID({ collection: 'members', depth: 0, id: f.memberA.id })).partner,
        ),
      ).toBe(String(f.partnerB.id))
      const back = await sendWith(tokens.admin, {
        body: { partner: f.partnerA.id, reason: 'Changed back' },
        method: 'POST',
        path: `/api/loyalty/members/${f.memberA.id}/move`,
      })
      expect(back.status).toBe(201)
    },
  },
  // --- courses: any active member, for themselves; a member id in the body changes nothing ---
  {
    title: "POST /api/courses/:id/lessons/:lessonId/start, naming B's member in the body",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async () => ({ course: d.practiceCourse, lesson: await lessonIdOf(d.practiceCourse) }),
    call: ({ course, lesson }) => ({
      body: { member: f.memberB.id },
      method: 'POST',
      path: `/api/courses/${course}/lessons/${lesson}/start`,
    }),
    then: async (_answer, { course, lesson }, actor) => {
      const started = await ids('loyalty-progress', {
        key: { equals: progressKey(selfId(actor), 'courses', course, `lesson:${lesson}`) },
      })
      expect(started).toHaveLength(1)
      const ofB = await ids('loyalty-progress', {
        and: [{ member: { equals: f.memberB.id } }, { documentId: { equals: String(course) } }],
      })
      expect(ofB).toEqual([])
    },
  },
  {
    // Bronze and Silver members (and a manager without a tier) do not open a Gold course.
    title: 'POST /api/courses/:id/lessons/:lessonId/start on a Gold course',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    prepare: async () => ({ course: f.goldCourse.id, lesson: await lessonIdOf(f.goldCourse.id) }),
    call: ({ course, lesson }) => ({
      method: 'POST',
      path: `/api/courses/${course}/lessons/${lesson}/start`,
    }),
  },
  {
    title: 'POST /api/courses/:id/lessons/:lessonId/start on a draft course',
    expected: { anonymous: 401, memberA: 404, managerA: 404, marketer: 403, admin: 403 },
    call: () => ({
      method: 'POST',
      path: `/api/courses/${f.draftCourse.id}/lessons/any/start`,
    }),
  },
  {
    title: 'POST /api/courses/:id/lessons/:lessonId/complete (started an hour ago)',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async (actor) => {
      const lesson = await lessonIdOf(d.practiceCourse)
      if (isMember(actor)) {
        const path = `/api/courses/${d.practiceCourse}/lessons/${lesson}/start`
        await as(actor as 'memberA', { method: 'POST', path })
        const key = progressKey(selfId(actor), 'courses', d.practiceCourse, `lesson:${lesson}`)
        await startedAnHourAgo(selfId(actor), key)
      }
      return { course: d.practiceCourse, lesson }
    },
    call: ({ course, lesson }) => ({
      body: { member: f.memberB.id },
      method: 'POST',
      path: `/api/courses/${course}/lessons/${lesson}/complete`,
    }),
    then: async (_answer, { course, lesson }, actor) => {
      const key = `lesson.completed:${selfId(actor)}:courses:${course}:${lesson}`
      expect(await ids('loyalty-ledger', { idempotencyKey: { equals: key } })).toHaveLength(1)
    },
  },
  {
    title: 'POST /api/courses/:id/quiz with the right answers',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async () => {
      const doc = await payload.findByID({ collection: 'courses', depth: 0, id: d.quizCourse })
      const question = doc.quiz!.questions![0]
      const right = question.options.find((option) => option.correct)!
      return { course: d.quizCourse, option: String(right.id), question: String(question.id) }
    },
    call: ({ course, option, question }) => ({
      body: { answers: { [question]: [option] }, member: f.memberB.id },
      method: 'POST',
      path: `/api/courses/${course}/quiz`,
    }),
    then: async ({ body }, { course }, actor) => {
      expect(body.passed).toBe(true)
      const key = progressKey(selfId(actor), 'courses', course, 'quiz')
      expect(await ids('loyalty-progress', { key: { equals: key } })).toHaveLength(1)
    },
  },
  // --- case studies ---
  {
    title: 'POST /api/case-studies/:id/open on the story partner B delivered',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({ method: 'POST', path: `/api/case-studies/${d.caseStudyB}/open` }),
    then: async (_answer, _context, actor) => {
      const key = progressKey(selfId(actor), 'case-studies', d.caseStudyB, 'read')
      expect(await ids('loyalty-progress', { key: { equals: key } })).toHaveLength(1)
    },
  },
  {
    title: 'POST /api/case-studies/:id/read (opened an hour ago)',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async (actor) => {
      const story = await caseStudy(`Readable ${next()}`)
      if (isMember(actor)) {
        await as(actor as 'memberA', { method: 'POST', path: `/api/case-studies/${story}/open` })
        await startedAnHourAgo(
          selfId(actor),
          progressKey(selfId(actor), 'case-studies', story, 'read'),
        )
      }
      return { story }
    },
    call: ({ story }) => ({ method: 'POST', path: `/api/case-studies/${story}/read` }),
    then: async ({ body }, { story }, actor) => {
      expect(body.read).toBe(true)
      const key = `case-study.read:${selfId(actor)}:case-studies:${story}`
      expect(await ids('loyalty-ledger', { idempotencyKey: { equals: key } })).toHaveLength(1)
    },
  },
  // --- events ---
  {
    title: "POST /api/events/:id/register, naming B's member in the body",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({
      body: { member: f.memberB.id },
      method: 'POST',
      path: `/api/events/${f.event.id}/register`,
    }),
    then: async (_answer, _context, actor) => {
      expect((await registrationOf(selfId(actor), f.event.id))?.status).toBe('registered')
      expect((await registrationOf(f.memberB.id, f.event.id))?.status).toBe('registered')
    },
  },
  {
    // Only B's member is registered for this event: A's people have nothing to cancel.
    title: "DELETE /api/events/:id/register on the event only B's member registered for",
    expected: { anonymous: 401, memberA: 404, managerA: 404, marketer: 403, admin: 403 },
    call: () => ({ method: 'DELETE', path: `/api/events/${d.eventB}/register` }),
  },
  {
    title: "DELETE /api/events/:id/register: one's own registration (control)",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async (actor) => {
      const eventId = await event(`Cancellable ${next()}`)
      if (isMember(actor)) {
        await as(actor as 'memberA', { method: 'POST', path: `/api/events/${eventId}/register` })
      }
      await as('memberB', { method: 'POST', path: `/api/events/${eventId}/register` })
      return { event: eventId }
    },
    call: ({ event: eventId }) => ({ method: 'DELETE', path: `/api/events/${eventId}/register` }),
    then: async (_answer, { event: eventId }, actor) => {
      expect((await registrationOf(selfId(actor), eventId))?.status).toBe('cancelled')
      expect((await registrationOf(f.memberB.id, eventId))?.status).toBe('registered')
    },
  },
  {
    title: "POST /api/events/:id/check-in with the code (registered), naming B's member",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async (actor) => {
      const eventId = await liveEvent(`Live ${next()}`)
      if (isMember(actor)) {
        await as(actor as 'memberA', { method: 'POST', path: `/api/events/${eventId}/register` })
      }
      await as('memberB', { method: 'POST', path: `/api/events/${eventId}/register` })
      return { event: eventId }
    },
    call: ({ event: eventId }) => ({
      body: { code: 'MATRIX', member: f.memberB.id },
      method: 'POST',
      path: `/api/events/${eventId}/check-in`,
    }),
    then: async (_answer, { event: eventId }, actor) => {
      expect((await registrationOf(selfId(actor), eventId))?.status).toBe('attended')
      expect((await registrationOf(f.memberB.id, eventId))?.status).toBe('registered')
    },
  },
  {
    // Staff record attendance at the events they run (marketers included); members check in.
    title: "POST /api/events/:id/attendance marking B's member attended",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    prepare: async () => ({ event: await liveEvent(`Attended ${next()}`) }),
    call: ({ event: eventId }) => ({
      body: { members: [f.memberB.id] },
      method: 'POST',
      path: `/api/events/${eventId}/attendance`,
    }),
    then: async (_answer, { event: eventId }) => {
      expect((await registrationOf(f.memberB.id, eventId))?.status).toBe('attended')
    },
  },
  {
    title: 'POST /api/events/:id/attendance marking memberA attended (for memberA: oneself)',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    prepare: async () => ({ event: await liveEvent(`Attended ${next()}`) }),
    call: ({ event: eventId }) => ({
      body: { members: [f.memberA.id] },
      method: 'POST',
      path: `/api/events/${eventId}/attendance`,
    }),
    then: async (_answer, { event: eventId }) => {
      expect((await registrationOf(f.memberA.id, eventId))?.status).toBe('attended')
    },
  },
  // --- rewards and redemptions ---
  {
    title: "POST /api/loyalty-rewards/:id/redeem, naming B's member in the body",
    expected: { anonymous: 401, memberA: 201, managerA: 201, marketer: 403, admin: 403 },
    prepare: async () => ({ spendableOfB: await spendableOf(f.memberB.id) }),
    call: () => ({
      body: { member: f.memberB.id },
      method: 'POST',
      path: `/api/loyalty-rewards/${d.mug}/redeem`,
    }),
    then: async ({ body }, { spendableOfB }, actor) => {
      expect(String(body.redemption.member)).toBe(String(selfId(actor)))
      expect(await spendableOf(f.memberB.id)).toBe(spendableOfB)
    },
  },
  {
    title: 'POST /api/loyalty-rewards/:id/redeem on a disabled reward',
    expected: { anonymous: 401, memberA: 404, managerA: 404, marketer: 403, admin: 403 },
    call: () => ({ method: 'POST', path: `/api/loyalty-rewards/${d.retired}/redeem` }),
  },
  {
    title: "POST /api/loyalty-redemptions/:id/decide approving B's member's redemption",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    prepare: async () => ({ redemption: await redeemAs('memberB', d.jacket) }),
    call: ({ redemption: id }) => ({
      body: { decision: 'approve' },
      method: 'POST',
      path: `/api/loyalty-redemptions/${id}/decide`,
    }),
    then: async (_answer, { redemption: id }) =>
      expect((await redemption(id)).status).toBe('approved'),
  },
  {
    title: "POST /api/loyalty-redemptions/:id/decide rejecting B's member's redemption",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    prepare: async () => ({ redemption: await redeemAs('memberB', d.jacket) }),
    call: ({ redemption: id }) => ({
      body: { decision: 'reject', notes: 'No' },
      method: 'POST',
      path: `/api/loyalty-redemptions/${id}/decide`,
    }),
    then: async (_answer, { redemption: id }) =>
      expect((await redemption(id)).status).toBe('rejected'),
  },
  {
    // The control: A's manager decides on A's redemptions that need a manager.
    title: "POST /api/loyalty-redemptions/:id/decide approving A's colleague's redemption",
    expected: { anonymous: 401, memberA: 403, managerA: 200, marketer: 403, admin: 200 },
    prepare: async () => ({ redemption: await redeemAs('colleagueA', d.jacket) }),
    call: ({ redemption: id }) => ({
      body: { decision: 'approve' },
      method: 'POST',
      path: `/api/loyalty-redemptions/${id}/decide`,
    }),
    then: async (_answer, { redemption: id }) =>
      expect((await redemption(id)).status).toBe('approved'),
  },
  {
    // Nobody approves their own: another manager or an admin must.
    title: "POST /api/loyalty-redemptions/:id/decide approving the manager's own redemption",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    prepare: async () => ({ redemption: await redeemAs('managerA', d.jacket) }),
    call: ({ redemption: id }) => ({
      body: { decision: 'approve' },
      method: 'POST',
      path: `/api/loyalty-redemptions/${id}/decide`,
    }),
  },
  {
    // Fulfilment (the goods went out) is the programme's, not the partner's.
    title:
      "POST /api/loyalty-redemptions/:id/decide fulfilling A's colleague's approved redemption",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    prepare: async () => ({ redemption: await redeemAs('colleagueA', d.mug) }),
    call: ({ redemption: id }) => ({
      body: { decision: 'fulfil' },
      method: 'POST',
      path: `/api/loyalty-redemptions/${id}/decide`,
    }),
    then: async (_answer, { redemption: id }) =>
      expect((await redemption(id)).status).toBe('fulfilled'),
  },
  // --- feedback: a member gives and reads their own; staff read the summary ---
  {
    title: "GET /api/events/:id/feedback, asking for B's member with ?member=",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({
      method: 'GET',
      path: `/api/events/${d.feedbackEvent}/feedback?member=${f.memberB.id}`,
    }),
    writesNothing: true,
    then: ({ body }, _context, actor) => {
      const own = feedbackGiven.find(([who]) => who === actor)
      expect(body.feedback.recommend).toBe(own?.[1])
      expect(body.feedback.comment).toBe('Alpha: too long')
    },
  },
  {
    title: "POST /api/events/:id/feedback, naming B's member in the body",
    expected: { anonymous: 401, memberA: 400, managerA: 400, marketer: 403, admin: 403 },
    call: () => ({
      body: { member: f.memberB.id, rating: 1, recommend: 0 },
      method: 'POST',
      path: `/api/events/${d.feedbackEvent}/feedback`,
    }),
  },
  {
    // Changing one's own answers (within the edit window) changes nobody else's and earns
    // nothing; staff give no feedback.
    title: 'POST /api/events/:id/feedback changing one’s own answers',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async () => ({ ledger: await countOf('loyalty-ledger') }),
    call: () => ({
      body: { comment: 'Alpha: too long', rating: 4, recommend: 8 },
      method: 'POST',
      path: `/api/events/${d.feedbackEvent}/feedback`,
    }),
    then: async ({ body }, { ledger }, actor) => {
      expect(body.created).toBe(false)
      expect((await feedbackDocOf(selfId(actor)))?.recommend).toBe(8)
      expect((await feedbackDocOf(f.memberB.id))?.recommend).toBe(3)
      expect(await countOf('loyalty-ledger')).toBe(ledger)
    },
  },
  // --- imports (issue 5): staff upload webinar reports and bulk adjustments ---
  {
    title: "POST /api/loyalty/imports/adjustments/preview naming B's member",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    call: () => ({
      body: csvForm(`email,points,reason\n${f.memberB.email},25,Matrix bonus preview`),
      method: 'POST',
      path: '/api/loyalty/imports/adjustments/preview',
    }),
    writesNothing: true,
    then: ({ body }) => {
      expect(body.valid).toBe(true)
      expect(body.lines[0]).toMatchObject({ memberId: f.memberB.id, points: 25 })
    },
  },
  {
    title: "POST /api/loyalty/imports/adjustments/apply giving B's member points",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    prepare: async () => ({ before: await spendableOf(f.memberB.id), n: next() }),
    call: ({ n }) => ({
      body: csvForm(`email,points,reason\n${f.memberB.email},25,Matrix bonus ${n}`),
      method: 'POST',
      path: '/api/loyalty/imports/adjustments/apply',
    }),
    then: async (_answer, { before }) =>
      expect(await spendableOf(f.memberB.id)).toBe(Number(before) + 25),
  },
  {
    title: "POST /api/loyalty/imports/attendance/:id/preview with B's member in the report",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    call: () => ({
      body: csvForm(
        `email,join,leave\n${f.memberB.email},2026-06-02T08:00:00Z,2026-06-02T09:00:00Z`,
      ),
      method: 'POST',
      path: `/api/loyalty/imports/attendance/${d.pastWebinar}/preview`,
    }),
    writesNothing: true,
    then: ({ body }) => expect(body.attends[0]).toMatchObject({ memberId: f.memberB.id }),
  },
  {
    // Staff after staff: the second finds B's member attended already and awards nothing.
    title: "POST /api/loyalty/imports/attendance/:id/apply marking B's member attended",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 201, admin: 201 },
    call: () => ({
      body: csvForm(
        `email,join,leave\n${f.memberB.email},2026-06-02T08:00:00Z,2026-06-02T09:00:00Z`,
      ),
      method: 'POST',
      path: `/api/loyalty/imports/attendance/${d.pastWebinar}/apply`,
    }),
    then: async () =>
      expect((await registrationOf(f.memberB.id, d.pastWebinar))?.status).toBe('attended'),
  },
  {
    // Webhooks (issue 5): an admin's tools. The test event goes to a reserved, unresolvable
    // host (hooks.example), so the delivery fails after its one attempt: still a 200 with it.
    title: 'POST /api/loyalty/webhooks/:id/test',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    call: () => ({ method: 'POST', path: `/api/loyalty/webhooks/${d.webhook}/test` }),
    state: async () => [await loyaltyState(), await countOf('loyalty-webhook-deliveries')],
    then: (answer) => {
      expect(answer.body.delivery).toMatchObject({ attempts: 1, eventType: 'webhook.test' })
    },
  },
  {
    title: 'POST /api/loyalty/webhook-deliveries/:id/redeliver',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    prepare: async () => ({ delivery: await failedDelivery(d.activeWebhook) }),
    call: ({ delivery }) => ({
      method: 'POST',
      path: `/api/loyalty/webhook-deliveries/${delivery}/redeliver`,
    }),
    state: async () => [
      await loyaltyState(),
      (
        await payload.find({
          collection: 'loyalty-webhook-deliveries',
          depth: 0,
          limit: 0,
          pagination: false,
          sort: 'id',
        })
      ).docs.map((doc) => `${doc.id}:${doc.status}:${doc.attempts}`),
    ],
    then: (answer) => {
      // hooks.example never resolves: the one attempt fails, and says why.
      expect(answer.body.delivery).toMatchObject({ attempts: 1, status: 'failed' })
      expect(answer.body.delivery.lastError).toMatch(/ENOTFOUND|EAI_AGAIN|resolve/)
    },
  },
  {
    // Exports are staff tools: company B's people and balances are in them.
    title: 'GET /api/loyalty/exports/members (every company, as CSV)',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: '/api/loyalty/exports/members' }),
    writesNothing: true,
  },
  {
    title: 'GET /api/loyalty/feedback/summary for company B (?partner=)',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    call: () => ({
      method: 'GET',
      path: `/api/loyalty/feedback/summary?collection=events&id=${d.feedbackEvent}&partner=${f.partnerB.id}`,
    }),
    writesNothing: true,
    then: ({ body }) => {
      expect(body).toMatchObject({ eligible: 1, nps: { detractors: 1, score: -100 }, responses: 1 })
      expect(body.comments.docs.map((doc: JsonBody) => doc.comment)).toEqual(['Brandt: too long'])
    },
  },
  {
    // The programme analytics are a staff tool: every company's reach, points and NPS.
    title: 'GET /api/loyalty/analytics for company B (?partner=)',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: `/api/loyalty/analytics?partner=${f.partnerB.id}` }),
    writesNothing: true,
    then: ({ body }) => {
      expect(body.reach.byOrganisation.map((row: JsonBody) => row.organisation.name)).toEqual([
        'Beta Distribution',
      ])
      expect(body.reach.total.members).toBeGreaterThan(0)
    },
  },
  {
    title: 'GET /api/loyalty/analytics/choices (every company by name)',
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: '/api/loyalty/analytics/choices' }),
    writesNothing: true,
    then: ({ body }) => {
      expect(body.partners.map((row: JsonBody) => row.name)).toContain('Beta Distribution')
    },
  },
  {
    // Someone else's redemption is not there for a member (404), whoever's it is.
    title: "POST /api/loyalty-redemptions/:id/cancel on B's member's redemption",
    expected: { anonymous: 401, memberA: 404, managerA: 404, marketer: 403, admin: 403 },
    prepare: async () => ({ redemption: await redeemAs('memberB', d.jacket) }),
    call: ({ redemption: id }) => ({
      method: 'POST',
      path: `/api/loyalty-redemptions/${id}/cancel`,
    }),
  },
  {
    title: "POST /api/loyalty-redemptions/:id/cancel on one's own (others: memberA's)",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    prepare: async (actor) => ({
      redemption: await redeemAs(isMember(actor) ? (actor as 'memberA') : 'memberA', d.mug),
    }),
    call: ({ redemption: id }) => ({
      method: 'POST',
      path: `/api/loyalty-redemptions/${id}/cancel`,
    }),
    then: async (_answer, { redemption: id }) =>
      expect((await redemption(id)).status).toBe('cancelled'),
  },
  // --- referrals: invitations and recommended companies (issue 7) ---
  {
    title: 'GET /api/loyalty/invitations (one’s own only)',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({ method: 'GET', path: `/api/loyalty/invitations?inviter=${f.memberB.id}` }),
    then: async ({ body }, _context, actor) => {
      const own = await ids('loyalty-invitations', { inviter: { equals: selfId(actor) } })
      expect(own.length).toBeGreaterThan(0)
      expect(body.invitations.map((one: { id: ID }) => String(one.id)).sort()).toEqual(own)
    },
  },
  {
    title: 'POST /api/loyalty/invitations inviting a new address',
    expected: { anonymous: 401, memberA: 201, managerA: 201, marketer: 403, admin: 403 },
    state: invitationState,
    call: () => ({
      body: { email: `matrix.invited.${next()}@test.example`, inviter: f.memberB.id },
      method: 'POST',
      path: '/api/loyalty/invitations',
    }),
    then: async ({ body }, _context, actor) => {
      const stored = await payload.findByID({
        collection: 'loyalty-invitations',
        depth: 0,
        id: body.invitation.id,
      })
      expect(String(stored.inviter)).toBe(String(selfId(actor)))
      expect(String(stored.organisation)).toBe(String(f.partnerA.id))
    },
  },
  {
    title: "POST /api/loyalty/invitations/:id/revoke on B's member's invitation",
    expected: { anonymous: 401, memberA: 404, managerA: 404, marketer: 403, admin: 403 },
    state: invitationState,
    call: () => ({ method: 'POST', path: `/api/loyalty/invitations/${d.invitationB}/revoke` }),
  },
  {
    title: "POST /api/loyalty/invitations/:id/revoke on one's own (others: memberA's)",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    state: invitationState,
    prepare: async (actor) => ({
      invitation: (await inviteAs(isMember(actor) ? (actor as 'memberA') : 'memberA')).id,
    }),
    call: ({ invitation }) => ({
      method: 'POST',
      path: `/api/loyalty/invitations/${invitation}/revoke`,
    }),
    then: async (_answer, { invitation }) =>
      expect(
        (await payload.findByID({ collection: 'loyalty-invitations', id: invitation })).status,
      ).toBe('revoked'),
  },
  {
    // The link is the credential: whoever holds it sees who invited them (a first name).
    title: "GET /api/loyalty/invitations/preview with B's member's invitation link",
    expected: { anonymous: 200, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    call: () => ({
      method: 'GET',
      path: `/api/loyalty/invitations/preview?token=${d.invitationTokenB}`,
    }),
    then: ({ body }) => {
      expect(body.inviter).toBe('Berta')
      expect(body.organisation).toBe('Beta Distribution')
    },
  },
  {
    title: "POST /api/loyalty/invitations/accept with a fresh link of B's member",
    expected: { anonymous: 201, memberA: 201, managerA: 201, marketer: 201, admin: 201 },
    prepare: async () => {
      const { token } = await inviteAs('memberB')
      return { token }
    },
    call: ({ token }) => ({
      body: { name: 'Matrix Newcomer', password: 'matrix-joined-1', token },
      method: 'POST',
      path: '/api/loyalty/invitations/accept',
    }),
    then: async ({ body }) => {
      const joined = await payload.findByID({
        collection: 'members',
        depth: 0,
        id: body.member.id,
      })
      expect(joined.partner).toBe(f.partnerB.id)
      expect(joined.partnerManager).toBe(false)
    },
  },
  {
    title: 'GET /api/loyalty/leads (one’s own only)',
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({ method: 'GET', path: `/api/loyalty/leads?referrer=${f.memberB.id}` }),
    then: async ({ body }, _context, actor) => {
      const own = await ids('loyalty-leads', { referrer: { equals: selfId(actor) } })
      expect(own.length).toBeGreaterThan(0)
      expect(body.leads.map((one: { id: ID }) => String(one.id)).sort()).toEqual(own)
    },
  },
  {
    title: "POST /api/loyalty/leads naming B's member as referrer, status converted",
    expected: { anonymous: 401, memberA: 201, managerA: 201, marketer: 403, admin: 403 },
    state: leadState,
    call: () => ({
      body: leadForm({ referrer: f.memberB.id, status: 'converted' }),
      method: 'POST',
      path: '/api/loyalty/leads',
    }),
    then: async ({ body }, _context, actor) => {
      const stored = await payload.findByID({
        collection: 'loyalty-leads',
        depth: 0,
        id: body.lead.id,
      })
      expect(String(stored.referrer)).toBe(String(selfId(actor)))
      expect(stored.status).toBe('new')
    },
  },
  {
    title: "POST /api/loyalty/leads/:id/status converting B's member's lead",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    prepare: async () => ({ lead: await leadAs('memberB') }),
    call: ({ lead }) => ({
      body: { status: 'converted' },
      method: 'POST',
      path: `/api/loyalty/leads/${lead}/status`,
    }),
    then: async (_answer, { lead }) => {
      expect(
        await ids('loyalty-ledger', {
          idempotencyKey: { equals: `referral.lead-converted:lead:${lead}` },
        }),
      ).toHaveLength(1)
    },
  },
  {
    title: "POST /api/loyalty/leads/:id/status converting memberA's lead (for memberA: one's own)",
    expected: { anonymous: 401, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    prepare: async () => ({ lead: await leadAs('memberA') }),
    call: ({ lead }) => ({
      body: { status: 'converted' },
      method: 'POST',
      path: `/api/loyalty/leads/${lead}/status`,
    }),
  }, // --- notifications (issue 5): own preferences; unsubscribe links work without signing in ---
  {
    title: "GET /api/loyalty/notifications/preferences, asking for B's member with ?member=",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({
      method: 'GET',
      path: `/api/loyalty/notifications/preferences?member=${f.memberB.id}`,
    }),
    then: async ({ body }, _context, actor) => {
      const own = await preferencesOf(selfId(actor))
      expect(body.preferences).toEqual({ ...body.preferences, ...own })
      expect(body.categories).toHaveLength(6)
    },
  },
  {
    title:
      "PATCH /api/loyalty/notifications/preferences naming B's member (only one's own changes)",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 403, admin: 403 },
    call: () => ({
      body: { member: f.memberB.id, preferences: { eventReminder: false } },
      method: 'PATCH',
      path: `/api/loyalty/notifications/preferences?member=${f.memberB.id}`,
    }),
    state: allPreferences,
    then: async (_answer, _context, actor) => {
      expect((await preferencesOf(selfId(actor)))?.eventReminder).toBe(false)
      expect((await preferencesOf(f.memberB.id))?.eventReminder).not.toBe(false)
      await payload.update({
        collection: 'members',
        data: { notificationPreferences: { eventReminder: true } },
        id: selfId(actor),
      })
    },
  },
  {
    title: "POST /api/loyalty/notifications/unsubscribe with B's member's own signed link",
    expected: { anonymous: 200, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    call: () => ({ method: 'POST', path: unsubscribeLink(f.memberB.id, 'eventRecording') }),
    then: async () => {
      expect((await preferencesOf(f.memberB.id))?.eventRecording).toBe(false)
      await payload.update({
        collection: 'members',
        data: { notificationPreferences: { eventRecording: true } },
        id: f.memberB.id,
      })
    },
  },
  {
    title: "POST /api/loyalty/notifications/unsubscribe for B's member with memberA's token",
    expected: { anonymous: 400, memberA: 400, managerA: 400, marketer: 400, admin: 400 },
    call: () => ({
      method: 'POST',
      path: unsubscribeLink(
        f.memberB.id,
        'digest',
        unsubscribeToken(payload.secret, f.memberA.id, 'digest'),
      ),
    }),
    state: allPreferences,
  },
  {
    title: "GET /api/loyalty/notifications/unsubscribe with a forged token for B's member",
    expected: { anonymous: 400, memberA: 400, managerA: 400, marketer: 400, admin: 400 },
    call: () => ({
      method: 'GET',
      path: unsubscribeLink(f.memberB.id, 'digest', 'forged-token'),
    }),
    state: allPreferences,
  },
]

/** Invitations and leads as stored: what a refused referral request must leave alone. */
async function invitationState() {
  return (
    await payload.find({
      collection: 'loyalty-invitations',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'id',
    })
  ).docs.map((doc) => `${doc.id}:${doc.status}:${doc.inviter}`)
}

async function leadState() {
  return (
    await payload.find({
      collection: 'loyalty-leads',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'id',
    })
  ).docs.map((doc) => `${doc.id}:${doc.status}:${doc.referrer}`)
}

function leadForm(extra: Record<string, unknown> = {}) {
  return {
    company: `Matrix Heating ${next()}`,
    contactEmail: 'contact@matrix-heating.example',
    contactName: 'Mat Rix',
    ...extra,
  }
}

/** A fresh invitation sent by `who`: its id and the token from its link. */
async function inviteAs(who: 'memberA' | 'managerA' | 'memberB') {
  const body = await as(who, {
    body: { email: `matrix.invite.${next()}@test.example` },
    method: 'POST',
    path: '/api/loyalty/invitations',
  })
  return {
    id: body.invitation.id as ID,
    token: new URL(body.link).searchParams.get('token') ?? '',
  }
}

/** A fresh lead submitted by `who`. */
async function leadAs(who: 'memberA' | 'managerA' | 'memberB') {
  return (await as(who, { body: leadForm(), method: 'POST', path: '/api/loyalty/leads' })).lead
    .id as ID
}

/** Payload's jobs-stats global, as stored. */
const jobStats = async () =>
  JSON.stringify(await payload.findGlobal({ slug: 'payload-jobs-stats' }))

const restRows: EndpointRow[] = [
  // --- fields nobody writes through the API: balances and tiers (the plugin keeps them) ---
  {
    title: "PATCH memberA's own record raising its tier and balances",
    expected: { anonymous: 403, memberA: 200, managerA: 403, marketer: 403, admin: 200 },
    writesNothing: true,
    call: () => ({
      body: { loyalty: { qualifying: 99_999, spendable: 99_999, tier: f.gold.id } },
      method: 'PATCH',
      path: `/api/members/${f.memberA.id}`,
    }),
  },
  {
    // Only admins may write the field; even they change a company through the move (a 400).
    title: "PATCH memberA's own record moving it to company B",
    expected: { anonymous: 403, memberA: 200, managerA: 403, marketer: 403, admin: 400 },
    writesNothing: true,
    call: () => ({
      body: { partner: f.partnerB.id },
      method: 'PATCH',
      path: `/api/members/${f.memberA.id}`,
    }),
  },
  {
    title: "PATCH partner B's tier and balances",
    expected: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    writesNothing: true,
    call: () => ({
      body: { loyalty: { spendable: 99_999, tier: f.gold.id } },
      method: 'PATCH',
      path: `/api/partners/${f.partnerB.id}`,
    }),
  },
  {
    // The where clause is combined with the access rule: nothing of B's matches for a member.
    title: "PATCH /api/members?where[partner]=B (bulk) changing B's members' locale",
    expected: { anonymous: 403, memberA: 200, managerA: 200, marketer: 403, admin: 200 },
    state: async () =>
      (
        await payload.find({ collection: 'members', depth: 0, limit: 0, pagination: false })
      ).docs.map((doc) => `${doc.id}:${doc.locale}`),
    call: () => ({
      body: { locale: 'nl' },
      method: 'PATCH',
      path: `/api/members?where[partner][equals]=${f.partnerB.id}`,
    }),
    then: async ({ body }, _context, actor) => {
      const ofB = await ids('members', {
        and: [{ partner: { equals: f.partnerB.id } }, { locale: { equals: 'nl' } }],
      })
      if (isMember(actor)) {
        expect(body.docs).toEqual([])
        expect(ofB).toEqual([])
      } else {
        expect(ofB).toEqual(await ids('members', { partner: { equals: f.partnerB.id } }))
        await payload.update({ collection: 'members', data: { locale: 'en' }, where: {} })
      }
    },
  },
  {
    title: 'DELETE /api/loyalty-ledger?where[id][exists]=true (bulk)',
    expected: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    call: () => ({ method: 'DELETE', path: '/api/loyalty-ledger?where[id][exists]=true' }),
  },
  {
    title: "POST /api/loyalty-ledger/:id/duplicate on B's member's earn entry",
    expected: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    call: () => ({ method: 'POST', path: `/api/loyalty-ledger/${d.ledgerB}/duplicate` }),
  },
  // --- queries on fields a member may not read ---
  {
    title: 'GET /api/events filtering on the attendance code',
    expected: { anonymous: 403, memberA: 400, managerA: 400, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: '/api/events?where[attendanceCode][equals]=SECRET1' }),
    then: ({ body }) =>
      expect(body.docs.map((doc: { id: ID }) => String(doc.id))).toEqual([String(f.event.id)]),
  },
  {
    title: 'GET /api/courses filtering on the correct quiz answers',
    expected: { anonymous: 403, memberA: 400, managerA: 400, marketer: 200, admin: 200 },
    call: () => ({
      method: 'GET',
      path: '/api/courses?where[quiz.questions.options.correct][equals]=true',
    }),
  },
  {
    // Was 200 with the Gold course for members below Gold: a way to find out, guess by guess,
    // what a locked lesson says. Only staff filter on tier-gated fields now.
    title: 'GET /api/courses filtering on the lesson title of a Gold course',
    expected: { anonymous: 403, memberA: 400, managerA: 400, marketer: 200, admin: 200 },
    call: () => ({
      method: 'GET',
      path: '/api/courses?where[lessons.title][equals]=Secret%20gold%20technique',
    }),
    then: ({ body }) =>
      expect(body.docs.map((doc: { id: ID }) => String(doc.id))).toEqual([String(d.secretCourse)]),
  },
  {
    title: 'GET /api/courses filtering on the quiz question of a Gold course',
    expected: { anonymous: 403, memberA: 400, managerA: 400, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: '/api/courses?where[quiz.questions.question][like]=gold' }),
    then: ({ body }) =>
      expect(body.docs.map((doc: { id: ID }) => String(doc.id))).toEqual([String(d.secretCourse)]),
  },
  // --- drafts and versions ---
  {
    title: "GET a published course's newer draft (?draft=true)",
    expected: { anonymous: 403, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: `/api/courses/${d.redraftedCourse}?draft=true` }),
    then: ({ body }, _context, actor) =>
      expect(body.title).toBe(isMember(actor) ? 'Published title' : 'Unpublished draft title'),
  },
  ...(['courses', 'case-studies', 'events'] as const).map((slug): EndpointRow => ({
    title: `GET /api/${slug}/versions`,
    expected: { anonymous: 403, memberA: 403, managerA: 403, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: `/api/${slug}/versions` }),
  })),
  // --- Payload's preferences, addressed by key: always the caller's own ---
  {
    // Payload answers 200 with `value: null` when the caller (anonymous too) has no preference
    // of that key; B's is never looked at.
    title: "GET /api/payload-preferences/:key with B's member's key",
    expected: { anonymous: 200, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    call: () => ({ method: 'GET', path: '/api/payload-preferences/matrix-memberB' }),
    then: ({ body }) => expect(body.value).toBeNull(),
  },
  {
    title: "POST /api/payload-preferences/:key with B's member's key (writes one's own)",
    expected: { anonymous: 401, memberA: 200, managerA: 200, marketer: 200, admin: 200 },
    writesNothing: true,
    state: async () => stored('payload-preferences', d.preferenceB),
    call: () => ({
      body: { value: { overwritten: true } },
      method: 'POST',
      path: '/api/payload-preferences/matrix-memberB',
    }),
    then: ({ body }, _context, actor) =>
      expect(body.doc.user).toEqual({
        relationTo: account(actor)!.collection,
        value: selfId(actor),
      }),
  },
  // --- Payload's jobs: the runner and its schedule are the programme's, not the members' ---
  ...(['run', 'handle-schedules'] as const).map((path): EndpointRow => ({
    // Payload answers 401 to anyone its access rule refuses, signed in or not.
    title: `GET /api/payload-jobs/${path} on an idle queue`,
    expected: { anonymous: 401, memberA: 401, managerA: 401, marketer: 401, admin: 200 },
    state: async () => [await countOf('payload-jobs'), await jobStats()],
    call: () => ({ method: 'GET', path: `/api/payload-jobs/${path}?queue=matrix-idle` }),
  })),
  {
    title: 'GET /api/globals/payload-jobs-stats',
    expected: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 200 },
    call: () => ({ method: 'GET', path: '/api/globals/payload-jobs-stats' }),
  },
  {
    // Was 200 for members: moving the last run to 2999 switched the nightly expiry off.
    title: 'POST /api/globals/payload-jobs-stats postponing the nightly points expiry',
    expected: { anonymous: 403, memberA: 403, managerA: 403, marketer: 403, admin: 403 },
    state: jobStats,
    call: () => ({
      body: {
        stats: {
          scheduledRuns: {
            queues: {
              loyalty: { tasks: { loyaltyExpirePoints: { lastScheduledRun: '2999-01-01' } } },
            },
          },
        },
      },
      method: 'POST',
      path: '/api/globals/payload-jobs-stats',
    }),
  },
]

/** GraphQL must give the same answers as REST: the REST policy of these collections. */
const graphQLNames: Partial<Record<CollectionSlug, { many: string; one: string }>> = {
  'loyalty-ledger': { many: 'LoyaltyLedgers', one: 'LoyaltyLedger' },
  'loyalty-redemptions': { many: 'LoyaltyRedemptions', one: 'LoyaltyRedemption' },
  members: { many: 'Members', one: 'Member' },
  partners: { many: 'Partners', one: 'Partner' },
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  server = await bootServer()
  payload = server.payload
  f = await createFixtures(payload)
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  richText = (markdown) => convertMarkdownToLexical({ editorConfig, markdown })
  png = await sharp({ create: { background: '#2a6f97', channels: 3, height: 8, width: 8 } })
    .png()
    .toBuffer()

  // Full names, so that a leak of B's surnames would show; A's staff contact.
  await payload.update({ collection: 'members', data: { name: 'Berta Brandt' }, id: f.memberB.id })
  await payload.update({
    collection: 'members',
    data: { name: 'Bruno Becker' },
    id: f.goldMemberB.id,
  })
  await payload.update({
    collection: 'partners',
    data: { accountManager: f.marketer.id },
    id: f.partnerA.id,
  })
  d.otherStaff = await createDoc('users', {
    email: 'other.staff@test.example',
    name: 'Other Staff',
    password,
    roles: ['marketer'],
  })

  // Programme: a Silver tier between Bronze and Gold, earning rules, rewards, a promotion.
  await createDoc('club-tiers', { multiplier: 1.1, name: 'Silver', rank: 2, threshold: 500 })
  for (const [verb, points] of [
    ['lesson.completed', 10],
    ['quiz.passed', 15],
    ['case-study.read', 25],
    ['event.registered', 20],
    ['referral.lead-converted', 40],
    ['event.attended', 30],
  ] as const) {
    d.rule = await createDoc('loyalty-earning-rules', { name: verb, points, verb })
  }
  d.promotion = await subjects['loyalty-promotions'].fresh!()
  d.mug = await createDoc('loyalty-rewards', { cost: 10, title: 'Mug' })
  d.jacket = await createDoc('loyalty-rewards', {
    cost: 10,
    requiresManagerApproval: true,
    title: 'Jacket',
  })
  d.retired = await createDoc('loyalty-rewards', { cost: 10, enabled: false, title: 'Retired' })

  // Content of the matrix's own.
  d.practiceCourse = await course('Practice course')
  d.quizCourse = await course('Quiz course', {
    quiz: {
      passMarkPercent: 100,
      questions: [
        {
          options: [
            { correct: false, label: 'Higher' },
            { correct: true, label: 'Lower' },
          ],
          question: 'Lower flow temperature, lower or higher running costs?',
        },
      ],
    },
  })
  d.secretCourse = await course('Secret masterclass', {
    lessons: [{ body: richText('Gold only.'), minimumSeconds: 30, title: 'Secret gold technique' }],
    quiz: {
      questions: [
        {
          options: [
            { correct: true, label: 'The secret one' },
            { correct: false, label: 'The usual one' },
          ],
          question: 'Which gold technique halves the noise?',
        },
      ],
    },
    requiredTier: f.gold.id,
  })
  d.redraftedCourse = await course('Published title')
  await payload.update({
    collection: 'courses',
    data: { title: 'Unpublished draft title' },
    draft: true,
    id: d.redraftedCourse,
  })
  d.lockedCourse = await course('Being edited')
  d.caseStudyB = await caseStudy('Hotel Beta')
  await caseStudy('Gold story', { requiredTier: f.gold.id, results: richText('A gold result.') })
  d.draftCaseStudy = (
    await payload.create({
      collection: 'case-studies',
      data: {
        customer: 'Draft',
        industry: 'education',
        region: 'dach',
        summary: 'x',
        title: 'Draft',
      },
      draft: true,
    })
  ).id
  d.draftEvent = (
    await payload.create({
      collection: 'events',
      data: { summary: 'Draft', title: 'Draft event', type: 'webinar' } as never,
      draft: true,
    })
  ).id
  d.eventB = await event("B's own event")
  d.image = await image()
  d.lock = await lock()
  d.job = (
    await payload.jobs.queue({
      input: {},
      queue: 'matrix-idle',
      task: 'loyaltyReviewTiers',
      waitUntil: new Date('2999-01-01T00:00:00.000Z'),
    })
  ).id
  d.webhook = await webhook()
  d.delivery = await failedDelivery()
  // For redelivery: switched on, to a reserved host that never resolves (hooks.example).
  d.activeWebhook = await createDoc('loyalty-webhooks', {
    active: true,
    events: ['course.completed'],
    url: 'https://hooks.example/matrix-active',
  })
  await payload.kv.set('matrix', { value: 1 })
  d.kv = (
    await payload.find({ collection: 'payload-kv', where: { key: { equals: 'matrix' } } })
  ).docs[0].id

  for (const actor of ['memberA', 'managerA'] as const) {
    tokens[actor] = (await signIn(server.url, 'members', f[actor].email, password)).token ?? ''
  }
  for (const actor of ['marketer', 'admin'] as const) {
    tokens[actor] = (await signIn(server.url, 'users', f[actor].email, password)).token ?? ''
  }
  tokens.memberB = (await signIn(server.url, 'members', f.memberB.email, password)).token ?? ''
  tokens.colleagueA =
    (await signIn(server.url, 'members', f.colleagueA.email, password)).token ?? ''

  // Points, through the admin's adjustments: B's member reaches Gold, A's people Silver (each
  // an upgrade with its tier-change record).
  for (const [who, points] of [
    [f.memberB.id, 2000],
    [f.memberA.id, 1000],
    [f.managerA.id, 1000],
    [f.colleagueA.id, 1000],
  ] as const) {
    await sendWith(tokens.admin, {
      body: { member: who, points, reason: 'Welcome points' },
      method: 'POST',
      path: '/api/loyalty/adjustments',
    })
  }

  // B's (and A's) activity, through the plugin's endpoints, as the members themselves.
  const lesson = await lessonIdOf(f.openCourse.id)
  for (const who of ['memberB', 'memberA', 'managerA'] as const) {
    await as(who, {
      method: 'POST',
      path: `/api/courses/${f.openCourse.id}/lessons/${lesson}/start`,
    })
    await as(who, { method: 'POST', path: `/api/events/${f.event.id}/register` })
  }
  for (const who of ['memberB', 'memberA', 'managerA', 'marketer', 'admin'] as const) {
    const call: Call = {
      body: { value: { a: 1 } },
      method: 'POST',
      path: `/api/payload-preferences/matrix-${who}`,
    }
    await sendWith(tokens[who], call)
  }
  await as('memberB', { method: 'POST', path: `/api/case-studies/${d.caseStudyB}/open` })
  await as('memberB', { method: 'POST', path: `/api/events/${d.eventB}/register` })
  // Referrals: each member's own invitation and lead (B's open invitation keeps its link).
  const invitationB = await inviteAs('memberB')
  d.invitationB = invitationB.id
  d.invitationTokenB = invitationB.token
  d.invitationA = (await inviteAs('memberA')).id
  await inviteAs('managerA')
  d.leadB = await leadAs('memberB')
  d.leadA = await leadAs('memberA')
  await leadAs('managerA')
  d.redemptionB = await redeemAs('memberB', d.jacket)
  d.redemptionA = await redeemAs('memberA', d.mug)
  await redeemAs('colleagueA', d.jacket)
  // Moves (issue 7): memberA and managerA each went to B and came back; B's member came from A.
  const moveTo = async (who: ID, partner: ID) => {
    const answer = await sendWith(tokens.admin, {
      body: { partner, reason: 'Matrix move' },
      method: 'POST',
      path: `/api/loyalty/members/${who}/move`,
    })
    if (answer.status !== 201) throw new Error(`move: ${JSON.stringify(answer.body)}`)
    return answer.body.move.id as ID
  }
  for (const who of [f.memberA.id, f.managerA.id]) {
    await moveTo(who, f.partnerB.id)
    await moveTo(who, f.partnerA.id)
  }
  d.moveA = (
    await payload.find({
      collection: 'loyalty-moves',
      depth: 0,
      limit: 1,
      sort: 'id',
      where: { member: { equals: f.memberA.id } },
    })
  ).docs[0].id
  d.moveB = await moveTo(await member({ partner: f.partnerA.id }), f.partnerB.id)

  const first = async (collection: CollectionSlug, where: Where) => {
    const { docs } = await payload.find({ collection, depth: 0, limit: 1, sort: 'id', where })
    expect(docs).toHaveLength(1)
    return docs[0].id as ID
  }
  const of = (memberId: ID) => ({ member: { equals: memberId } })
  d.ledgerB = await first('loyalty-ledger', {
    and: [of(f.memberB.id), { account: { equals: 'member' } }, { kind: { equals: 'earn' } }],
  })
  d.ledgerA = await first('loyalty-ledger', {
    and: [of(f.memberA.id), { account: { equals: 'member' } }],
  })
  d.activityB = await first('loyalty-activities', of(f.memberB.id))
  d.activityA = await first('loyalty-activities', of(f.memberA.id))
  d.progressB = await first('loyalty-progress', of(f.memberB.id))
  d.progressA = await first('loyalty-progress', of(f.memberA.id))
  d.registrationB = await first('loyalty-registrations', of(f.memberB.id))
  d.registrationA = await first('loyalty-registrations', of(f.memberA.id))
  d.tierChangeB = await first('loyalty-tier-changes', of(f.memberB.id))
  d.tierChangeA = await first('loyalty-tier-changes', of(f.memberA.id))
  d.preferenceB = await first('payload-preferences', { key: { equals: 'matrix-memberB' } })
  // Tier upgrades queued their mails (not sent: the queue does not run here).
  d.notificationB = await first('loyalty-notifications', of(f.memberB.id))
  d.notificationA = await first('loyalty-notifications', of(f.memberA.id))
  d.capturedMail = await capturedMail()

  // Feedback on an event staff recorded A's member and manager and B's member at.
  d.feedbackEvent = await event('Feedback evening')
  await sendWith(tokens.admin, {
    body: { members: [f.memberA.id, f.managerA.id, f.memberB.id] },
    method: 'POST',
    path: `/api/events/${d.feedbackEvent}/attendance`,
  })
  for (const [who, recommend] of feedbackGiven) {
    await as(who, {
      body: {
        comment: `${who === 'memberB' ? 'Brandt' : 'Alpha'}: too long`,
        rating: 4,
        recommend,
      },
      method: 'POST',
      path: `/api/events/${d.feedbackEvent}/feedback`,
    })
  }
  d.feedbackB = await first('loyalty-feedback', of(f.memberB.id))
  d.feedbackA = await first('loyalty-feedback', of(f.memberA.id))

  // Imports: a webinar that took place, and a bulk bonus for B's member applied by staff.
  d.pastWebinar = await event('Past webinar', {
    endsAt: '2026-06-02T09:00:00.000Z',
    startsAt: '2026-06-02T08:00:00.000Z',
  })
  const bonus = await sendWith(tokens.admin, {
    body: csvForm(`email,points,reason\n${f.memberB.email},40,Matrix trade show bonus`),
    method: 'POST',
    path: '/api/loyalty/imports/adjustments/apply',
  })
  expect(bonus.status, JSON.stringify(bonus.body)).toBe(201)
  d.importB = bonus.body.applied.import
})

afterAll(async () => {
  await server?.close()
})

// ---------------------------------------------------------------------------------------------
// The cells.

type Operation = 'create' | 'deleteB' | 'readA' | 'readB' | 'readHidden' | 'updateB'

const titleOf = (actor: Actor, expected: number | string) => `${actor} → ${expected}`

/** Runs one list cell: the status, and for 200 exactly the documents of the scope. */
const listCell = async (policy: Policy, subject: Subject, actor: Actor) => {
  const expected = policy.list[actor]
  const answer = await send(actor, {
    method: 'GET',
    path: `/api/${policy.slug}?depth=0&pagination=false`,
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(expected === 403 ? 403 : 200)
  expectNoLeak(actor, answer)
  if (expected === 403) return
  const where = expected === 'all' ? undefined : subject.scope?.[expected]?.(actor)
  if (expected !== 'all') expect(where, `no "${expected}" scope for ${policy.slug}`).toBeDefined()
  const listed = answer.body.docs.map((doc: { id: ID }) => String(doc.id)).sort()
  const allowed = await ids(policy.slug, where)
  expect(allowed.length, 'the scope holds documents').toBeGreaterThan(0)
  expect(listed).toEqual(allowed)
  // The list agrees with reading by id: what is not found by id is not listed either.
  if (policy.readB?.[actor] === 404) expect(listed).not.toContain(String(subject.readB!()))
  if (policy.readA?.[actor] === 200) expect(listed).toContain(String(subject.readA!()))
}

/** Runs one read, create, update or delete cell, and checks what was (not) written. */
const documentCell = async (
  policy: Policy,
  subject: Subject,
  operation: Operation,
  actor: Actor,
) => {
  const expected = policy[operation]![actor]
  const slug = policy.slug
  if (operation === 'create') {
    const before = await countOf(slug)
    const body = await subject.create()
    const answer = await send(actor, {
      body,
      method: 'POST',
      path: `/api/${slug}${subject.createQuery ?? ''}`,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(expected)
    expect(await countOf(slug)).toBe(before + (expected < 300 ? 1 : 0))
    return
  }
  if (operation === 'readA' || operation === 'readB' || operation === 'readHidden') {
    const id = subject[operation]!()
    const answer = await send(actor, { method: 'GET', path: `/api/${slug}/${id}?depth=2` })
    expect(answer.status, JSON.stringify(answer.body)).toBe(expected)
    expectNoLeak(actor, answer)
    if (expected === 200) expect(String(answer.body.id)).toBe(String(id))
    return
  }
  // A write that succeeds gets a fresh document of its own; refusals are tried on B's document.
  const id = expected < 300 ? await subject.fresh!() : subject.readB!()
  const before = await stored(slug, id)
  expect(before).not.toBeNull()
  const answer = await send(
    actor,
    operation === 'updateB'
      ? { body: subject.update, method: 'PATCH', path: `/api/${slug}/${id}` }
      : { method: 'DELETE', path: `/api/${slug}/${id}` },
  )
  expect(answer.status, JSON.stringify(answer.body)).toBe(expected)
  const after = await stored(slug, id)
  if (expected >= 300) expect(after).toEqual(before)
  else if (operation === 'updateB') expect(after).toMatchObject(subject.update!)
  else expect(after).toBeNull()
}

/** Runs one endpoint cell: status, nothing written on refusal, and the row's own checks. */
const endpointCell = async (row: EndpointRow, actor: Actor) => {
  const context = (await row.prepare?.(actor)) ?? {}
  const state = row.state ?? loyaltyState
  const before = await state()
  const answer = await send(actor, row.call(context, actor))
  expect(answer.status, JSON.stringify(answer.body)).toBe(row.expected[actor])
  expectNoLeak(actor, answer)
  if (answer.status >= 300 || row.writesNothing) expect(await state()).toEqual(before)
  if (answer.status >= 300)
    expect(answer.body.errors?.[0]?.message ?? answer.body.message).toBeTruthy()
  else await row.then?.(answer, context, actor)
}

const operations: { key: Operation; title: (subject: Subject) => string }[] = [
  { key: 'readB', title: (subject) => `read ${subject.b} by id` },
  { key: 'readA', title: () => "read company A's (memberA's) document by id" },
  { key: 'readHidden', title: () => 'read a draft or disabled document by id' },
  { key: 'create', title: () => 'create' },
  { key: 'updateB', title: (subject) => `update ${subject.b}` },
  { key: 'deleteB', title: (subject) => `delete ${subject.b}` },
]

describe('REST, every collection', () => {
  for (const policy of policies) {
    const subject = subjects[policy.slug]
    describe(policy.slug, () => {
      describe('list', () => {
        for (const actor of actors) {
          it(titleOf(actor, policy.list[actor]), () => listCell(policy, subject, actor))
        }
      })
      for (const operation of operations) {
        const codes = policy[operation.key]
        if (!codes) continue
        describe(operation.title(subject), () => {
          for (const actor of actors) {
            it(titleOf(actor, codes[actor]), () =>
              documentCell(policy, subject, operation.key, actor),
            )
          }
        })
      }
    })
  }
})

describe('custom endpoints of the loyalty plugin', () => {
  for (const row of endpointRows) {
    describe(row.title, () => {
      for (const actor of actors)
        it(titleOf(actor, row.expected[actor]), () => endpointCell(row, actor))
    })
  }
})

describe('REST requests that try to get round the rules', () => {
  for (const row of restRows) {
    describe(row.title, () => {
      for (const actor of actors)
        it(titleOf(actor, row.expected[actor]), () => endpointCell(row, actor))
    })
  }
})

describe('GraphQL gives the same answers as REST', () => {
  /** The status of a GraphQL answer: Payload's error status, or 200 when it has data. */
  const graphQL = async (actor: Actor, query: string) => {
    const answer = await send(actor, { body: { query }, method: 'POST', path: '/api/graphql' })
    expect(answer.status).toBe(200)
    const error = answer.body.errors?.[0]
    return { ...answer, status: error ? Number(error.extensions?.statusCode) : 200 }
  }

  for (const [slug, names] of Object.entries(graphQLNames)) {
    const policy = policies.find((candidate) => candidate.slug === slug)!
    const subject = subjects[slug]
    describe(`${names.many}: list`, () => {
      for (const actor of actors) {
        it(titleOf(actor, policy.list[actor]), async () => {
          const answer = await graphQL(actor, `{ ${names.many}(limit: 1000) { docs { id } } }`)
          const rest = await send(actor, {
            method: 'GET',
            path: `/api/${slug}?depth=0&pagination=false`,
          })
          expect(answer.status).toBe(rest.status)
          expect(answer.status).toBe(policy.list[actor] === 403 ? 403 : 200)
          if (answer.status !== 200) return
          const listed = (docs: { id: ID }[]) => docs.map((doc) => String(doc.id)).sort()
          expect(listed(answer.body.data[names.many].docs)).toEqual(listed(rest.body.docs))
        })
      }
    })
    const readB = policy.readB!
    describe(`${names.one}: read ${subject.b} by id`, () => {
      for (const actor of actors) {
        it(titleOf(actor, readB[actor]), async () => {
          const answer = await graphQL(actor, `{ ${names.one}(id: ${subject.readB!()}) { id } }`)
          expect(answer.status).toBe(readB[actor])
        })
      }
    })
  }

  describe("updateMember on B's member", () => {
    const codes = policies.find((policy) => policy.slug === 'members')!.updateB!
    for (const actor of actors) {
      it(titleOf(actor, codes[actor]), async () => {
        const id = codes[actor] < 300 ? await member() : f.memberB.id
        const answer = await graphQL(
          actor,
          `mutation { updateMember(id: ${id}, data: { name: "Changed by GraphQL" }) { id } }`,
        )
        expect(answer.status).toBe(codes[actor])
        const name = (await payload.findByID({ collection: 'members', depth: 0, id })).name
        expect(name === 'Changed by GraphQL').toBe(codes[actor] < 300)
      })
    }
  })

  describe('createLoyaltyLedger awarding memberA points', () => {
    const codes = policies.find((policy) => policy.slug === 'loyalty-ledger')!.create
    for (const actor of actors) {
      it(titleOf(actor, codes[actor]), async () => {
        const before = await countOf('loyalty-ledger')
        const data = [
          'account: member',
          `member: ${f.memberA.id}`,
          'kind: adjust',
          'amount: 100000',
          'qualifyingAmount: 100000',
          'reason: "Free points"',
          `idempotencyKey: "graphql-${next()}"`,
        ].join(', ')
        const answer = await graphQL(
          actor,
          `mutation { createLoyaltyLedger(data: { ${data} }) { id } }`,
        )
        expect(answer.status).toBe(codes[actor])
        expect(await countOf('loyalty-ledger')).toBe(before)
      })
    }
  })
})
