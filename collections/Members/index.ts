import type { Access, CollectionConfig, Where } from 'payload'

import {
  admins,
  adminsField,
  isAdminUser,
  isPartnerManager,
  isStaffUser,
  memberUser,
  relationId,
} from '../../src/access'
import { jobRoles, locales } from '../../src/config/programme'
import { mustExist } from '../../src/fields/relationships'
import { refuseBlocked } from './hooks/refuseBlocked'
import { resetPasswordEmailHTML } from './auth/resetPasswordEmail'
import { authCookies } from '../../src/config/authCookies'

/**
 * Staff read every member; a member reads their own record; a partner manager also reads the
 * members of their own company. Nobody reads another company's people.
 */
const readMembers: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const member = memberUser(req.user)
  if (!member || member.status !== 'active') return false
  const partnerId = relationId(member.partner)
  if (isPartnerManager(member) && partnerId !== null) {
    const ownCompany: Where = {
      or: [{ id: { equals: member.id } }, { partner: { equals: partnerId } }],
    }
    return ownCompany
  }
  return { id: { equals: member.id } }
}

/** Admins update anyone; a member updates their own profile fields only. */
const updateMembers: Access = ({ req }) => {
  if (isStaffUser(req.user)) return isAdminUser(req.user)
  const member = memberUser(req.user)
  if (!member || member.status !== 'active') return false
  return { id: { equals: member.id } }
}

/** Partner employees: they sign in to the portal, never to /admin. */
export const Members: CollectionConfig = {
  slug: 'members',
  access: {
    admin: () => false,
    create: admins,
    delete: admins,
    read: readMembers,
    unlock: admins,
    update: updateMembers,
  },
  admin: {
    defaultColumns: ['name', 'email', 'partner', 'jobRole', 'partnerManager', 'status'],
    group: 'Club',
    listSearchableFields: ['name', 'email'],
    useAsTitle: 'name',
  },
  auth: {
    cookies: authCookies(),
    // req.user keeps relationship ids (partner, tier): nothing on the request path needs them
    // populated, and populating costs two reads on every authenticated request.
    depth: 0,
    forgotPassword: {
      generateEmailHTML: resetPasswordEmailHTML,
      generateEmailSubject: () => 'Reset your Partner Club password',
      // Payload's per-account interval writes outside the operation's transaction, which on
      // SQLite waits for that transaction's own lock ("database is locked"). The Express server
      // throttles password-reset requests per address instead (src/server/rateLimits.ts).
      minRequestInterval: 0,
    },
    lockTime: 10 * 60 * 1000,
    maxLoginAttempts: 5,
    tokenExpiration: 30 * 24 * 60 * 60,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'partner',
      type: 'relationship',
      filterOptions: mustExist,
      access: { create: adminsField, update: adminsField },
      index: true,
      relationTo: 'partners',
      required: true,
    },
    {
      name: 'jobRole',
      type: 'select',
      access: { create: adminsField, update: adminsField },
      index: true,
      options: jobRoles,
      required: true,
    },
    {
      name: 'partnerManager',
      type: 'checkbox',
      access: { create: adminsField, update: adminsField },
      admin: {
        description:
          'Partner managers see their company in the portal and approve its redemptions.',
      },
      defaultValue: false,
      label: 'Partner manager',
      saveToJWT: true,
    },
    {
      name: 'status',
      type: 'select',
      access: { create: adminsField, update: adminsField },
      admin: { position: 'sidebar' },
      defaultValue: 'active',
      index: true,
      options: [
        { label: 'Active', value: 'active' },
        { label: 'Blocked', value: 'blocked' },
      ],
      saveToJWT: true,
    },
    { name: 'locale', type: 'select', defaultValue: 'en', options: locales },
  ],
  hooks: {
    beforeLogin: [refuseBlocked],
  },
  labels: { plural: 'Members', singular: 'Member' },
}
