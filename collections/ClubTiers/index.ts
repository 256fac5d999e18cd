import type { CollectionConfig } from 'payload'

import { admins, signedIn } from '../../src/access'
import { mustExist } from '../../src/fields/relationships'
import { optionalHexColour } from '../../src/fields/validators'

/** Club tiers (Bronze, Silver, Gold…), ordered by rank, reached with qualifying points. */
export const ClubTiers: CollectionConfig = {
  slug: 'club-tiers',
  access: {
    create: admins,
    delete: admins,
    read: signedIn,
    update: admins,
  },
  admin: {
    defaultColumns: ['name', 'rank', 'threshold', 'qualifyingMonths', 'multiplier'],
    group: 'Club',
    useAsTitle: 'name',
  },
  defaultSort: 'rank',
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      type: 'row',
      fields: [
        {
          name: 'rank',
          type: 'number',
          admin: { description: 'Order of the tiers: 1 is the entry tier, higher is better.' },
          min: 0,
          required: true,
          unique: true,
        },
        {
          name: 'threshold',
          type: 'number',
          admin: { description: 'Qualifying points needed within the window.' },
          label: 'Points threshold',
          min: 0,
          required: true,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'qualifyingMonths',
          type: 'number',
          defaultValue: 12,
          label: 'Qualifying window (months)',
          max: 60,
          min: 1,
          required: true,
        },
        {
          name: 'multiplier',
          type: 'number',
          admin: {
            description: 'Earning multiplier for members in this tier, e.g. 1.25.',
            step: 0.05,
          },
          defaultValue: 1,
          label: 'Earning multiplier',
          max: 10,
          min: 1,
          required: true,
        },
      ],
    },
    { name: 'benefits', type: 'richText' },
    {
      type: 'row',
      fields: [
        {
          name: 'colour',
          type: 'text',
          admin: { description: 'Hex colour, e.g. #c0862b.' },
          validate: optionalHexColour,
        },
        { name: 'badge', type: 'upload', filterOptions: mustExist, relationTo: 'media' },
      ],
    },
    {
      name: 'organisationRequirement',
      type: 'group',
      admin: {
        description:
          'Optional: for a company to hold this tier, it also needs this many members holding a course certificate.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'minimumCertifiedMembers',
              type: 'number',
              label: 'Certified members needed',
              min: 1,
            },
            {
              name: 'certificateCourse',
              type: 'relationship',
              filterOptions: mustExist,
              label: 'Certificate of course',
              relationTo: 'courses',
            },
            {
              name: 'jobRole',
              type: 'text',
              admin: {
                description: 'Optionally count only members with this job role (e.g. engineer).',
              },
            },
          ],
        },
      ],
    },
  ],
  labels: { plural: 'Club tiers', singular: 'Club tier' },
}
