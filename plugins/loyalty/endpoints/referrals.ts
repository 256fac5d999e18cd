import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { normaliseEmail, optionalText, parseLead } from '../engine/referrals'
import {
  acceptInvitation,
  createInvitation,
  invitationsOf,
  previewInvitation,
  revokeInvitation,
} from '../services/invitations'
import { createLead, leadsOf, setLeadStatus } from '../services/leads'
import {
  HttpError,
  handle,
  idParam,
  jsonBody,
  ok,
  requireMember,
  requireStaff,
} from '../utilities/http'
import { memberContext } from './memberContext'

/** A token from a link: letters, digits, - and _ only (what `base64url` makes). */
const tokenOf = (value: unknown): string => {
  if (typeof value !== 'string' || !/^[\w-]{20,100}$/.test(value)) {
    throw new HttpError(400, 'This invitation link is not valid. Check that it is complete.')
  }
  return value
}

const passwordOf = (value: unknown): string => {
  if (typeof value !== 'string' || value.length < 8 || value.length > 128) {
    throw new HttpError(400, 'Choose a password of 8 to 128 characters.')
  }
  return value
}

const textOr400 = (value: unknown, field: string, max: number): null | string => {
  const text = optionalText(value, field, max)
  if (!text.ok) throw new HttpError(text.refusal.status, text.refusal.message)
  return text.value
}

const staffActor = (req: PayloadRequest, options: ResolvedLoyaltyOptions) => {
  const value = requireStaff(req, options, {
    forbidden: 'Only programme staff can change the status of a lead.',
    signIn: 'Sign in as staff to do this.',
  })
  return { relationTo: options.staff, value }
}

/**
 * Referrals: invitations of colleagues (`/loyalty/invitations…`) and recommended companies
 * (`/loyalty/leads…`).
 */
export const referralEndpoints = (options: ResolvedLoyaltyOptions): Endpoint[] => [
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      return ok({ invitations: await invitationsOf(req.payload, member.id, new Date()) })
    }),
    method: 'get',
    path: '/loyalty/invitations',
  },
  {
    handler: handle(async (req) => {
      const signedIn = requireMember(req, options)
      const member = memberContext(req, options)
      const body = await jsonBody(req)
      const email = normaliseEmail(body.email)
      if (!email) throw new HttpError(400, 'Enter your colleague’s e-mail address.')
      const name = textOr400(body.name, 'The name', 200)
      const jobRole = body.jobRole ?? member.jobRole
      if (typeof jobRole !== 'string' || !options.jobRoles.includes(jobRole)) {
        throw new HttpError(400, `The job role must be one of: ${options.jobRoles.join(', ')}.`)
      }
      const result = await createInvitation(
        req.payload,
        options,
        {
          ...member,
          email: String(signedIn.email ?? ''),
          name: String(signedIn[options.memberNameField] ?? ''),
        },
        { email, jobRole, name },
        new Date(),
        req,
      )
      return ok(result, 201)
    }),
    method: 'post',
    path: '/loyalty/invitations',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const id = idParam(req, 'id')
      return ok({ invitation: await revokeInvitation(req.payload, member.id, id, new Date()) })
    }),
    method: 'post',
    path: '/loyalty/invitations/:id/revoke',
  },
  {
    // Signed out: what the acceptance page shows (first name of the inviter, company, state).
    handler: handle(async (req) => {
      const token = tokenOf(req.searchParams.get('token'))
      return ok(await previewInvitation(req.payload, options, token, new Date()))
    }),
    method: 'get',
    path: '/loyalty/invitations/preview',
  },
  {
    // Signed out: the colleague chooses a password; their account is created, active.
    handler: handle(async (req) => {
      const body = await jsonBody(req)
      const token = tokenOf(body.token)
      const password = passwordOf(body.password)
      const name = textOr400(body.name, 'Your name', 200)
      return ok(
        await acceptInvitation(req.payload, options, { name, password, token }, new Date()),
        201,
      )
    }),
    method: 'post',
    path: '/loyalty/invitations/accept',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      return ok({ leads: await leadsOf(req.payload, member.id) })
    }),
    method: 'get',
    path: '/loyalty/leads',
  },
  {
    handler: handle(async (req) => {
      const member = memberContext(req, options)
      const parsed = parseLead(await jsonBody(req))
      if (!parsed.ok) throw new HttpError(parsed.refusal.status, parsed.refusal.message)
      return ok({ lead: await createLead(req.payload, member, parsed.lead) }, 201)
    }),
    method: 'post',
    path: '/loyalty/leads',
  },
  {
    handler: handle(async (req) => {
      const staff = staffActor(req, options)
      const id = idParam(req, 'id')
      const body = await jsonBody(req)
      const status = body.status
      if (status !== 'qualified' && status !== 'converted' && status !== 'rejected') {
        throw new HttpError(400, 'status must be "qualified", "converted" or "rejected".')
      }
      return ok(await setLeadStatus(req.payload, options, id, status, staff, new Date()))
    }),
    method: 'post',
    path: '/loyalty/leads/:id/status',
  },
]
