import type { CollectionConfig } from 'payload'

import { admins, staffOrOwnPartner } from '../../src/access'
import { partnerTypes, regions } from '../../src/config/programme'
import { mustExist } from '../../src/fields/relationships'
import { optionalUrl } from '../../src/fields/validators'

/** Partner companies: distributors, resellers, integrators, installers. */
export const Partners: CollectionConfig = {
  slug: 'partners',
  access: {
    create: admins,
    delete: admins,
    read: staffOrOwnPartner,
    update: admins,
  },
  admin: {
    defaultColumns: ['name', 'type', 'region', 'accountManager', 'status'],
    group: 'Club',
    listSearchableFields: ['name', 'city'],
    useAsTitle: 'name',
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      type: 'row',
      fields: [
        { name: 'type', type: 'select', index: true, options: partnerTypes, required: true },
        { name: 'region', type: 'select', index: true, options: regions, required: true },
      ],
    },
    { name: 'city', type: 'text' },
    { name: 'website', type: 'text', validate: optionalUrl },
    {
      name: 'accountManager',
      type: 'relationship',
      filterOptions: mustExist,
      admin: { description: 'The staff member who looks after this partner.' },
      relationTo: 'users',
    },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'active',
      index: true,
      options: [
        { label: 'Active', value: 'active' },
        { label: 'Inactive', value: 'inactive' },
      ],
    },
  ],
  labels: { plural: 'Partners', singular: 'Partner' },
}
