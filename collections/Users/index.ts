import type { Access, CollectionConfig } from 'payload'

import { admins, adminsField, isAdminUser, isStaffUser, staff } from '../../src/access'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { authCookies } from '../../src/config/authCookies'

/** Admins manage every staff account; others update only themselves. */
const adminsOrSelf: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (isStaffUser(req.user) && req.user) return { id: { equals: req.user.id } }
  return false
}

/** Staff accounts for the admin panel: admins run the programme, marketers edit content. */
export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    admin: ({ req }) => isStaffUser(req.user),
    create: admins,
    delete: admins,
    read: staff,
    unlock: admins,
    update: adminsOrSelf,
  },
  admin: {
    defaultColumns: ['name', 'email', 'roles', 'updatedAt'],
    group: 'Settings',
    useAsTitle: 'name',
  },
  auth: {
    cookies: authCookies(),
    lockTime: 10 * 60 * 1000,
    maxLoginAttempts: 5,
    tokenExpiration: 8 * 60 * 60,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'roles',
      type: 'select',
      access: { create: adminsField, update: adminsField },
      defaultValue: ['marketer'],
      hasMany: true,
      options: [
        { label: 'Admin', value: 'admin' },
        { label: 'Marketer', value: 'marketer' },
      ],
      required: true,
      saveToJWT: true,
    },
  ],
  hooks: {
    beforeChange: [firstUserIsAdmin],
  },
  labels: { plural: 'Staff users', singular: 'Staff user' },
}
