import { loyaltyGet } from './loyalty'

type ID = number | string

/** An invitation as `GET /api/loyalty/invitations` lists it. */
export type Invitation = {
  acceptedAt: null | string
  createdAt: string
  email: string
  expiresAt: string
  id: ID
  jobRole: string
  name: null | string
  rewardedAt: null | string
  revokedAt: null | string
  state: 'accepted' | 'expired' | 'open' | 'revoked'
}

/** A recommended company as `GET /api/loyalty/leads` lists it. */
export type Lead = {
  company: string
  contactEmail: string
  contactName: string
  convertedAt: null | string
  createdAt: string
  id: ID
  note: null | string
  qualifiedAt: null | string
  status: 'converted' | 'new' | 'qualified' | 'rejected'
}

/** The signed-in member's invitations, newest first. */
export const myInvitations = async (): Promise<Invitation[]> => {
  const result = await loyaltyGet<{ invitations: Invitation[] }>('/loyalty/invitations')
  if (!result.ok) throw new Error(`/loyalty/invitations: ${result.message}`)
  return result.data.invitations
}

/** The signed-in member's recommended companies, newest first. */
export const myLeads = async (): Promise<Lead[]> => {
  const result = await loyaltyGet<{ leads: Lead[] }>('/loyalty/leads')
  if (!result.ok) throw new Error(`/loyalty/leads: ${result.message}`)
  return result.data.leads
}
