import type { CollectionConfig } from 'payload'

import { slugField } from '../../src/fields/slug'
import { staff, staffOrPublished } from '../../src/access'
import { mustExist } from '../../src/fields/relationships'
import { tierGatedField } from '../../src/access/tiers'
import { industries, regions } from '../../src/config/programme'

/** Customer success stories: challenge, solution, results and the figures that prove them. */
export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  access: {
    create: staff,
    delete: staff,
    read: staffOrPublished,
    readVersions: staff,
    update: staff,
  },
  admin: {
    defaultColumns: ['title', 'customer', 'industry', 'region', '_status', 'updatedAt'],
    group: 'Content',
    listSearchableFields: ['title', 'customer', 'summary'],
    useAsTitle: 'title',
  },
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    { name: 'summary', type: 'textarea', maxLength: 500, required: true },
    {
      type: 'row',
      fields: [
        { name: 'customer', type: 'text', required: true },
        {
          name: 'partner',
          type: 'relationship',
          filterOptions: mustExist,
          admin: { description: 'The partner company that delivered the project, if any.' },
          relationTo: 'partners',
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'industry', type: 'select', index: true, options: industries, required: true },
        { name: 'region', type: 'select', index: true, options: regions, required: true },
      ],
    },
    { name: 'products', type: 'text', hasMany: true, index: true },
    { name: 'coverImage', type: 'upload', filterOptions: mustExist, relationTo: 'media' },
    {
      name: 'keyResults',
      type: 'array',
      admin: { description: 'Headline figures, e.g. "Energy saved" / "32 %".' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true },
            { name: 'value', type: 'text', required: true },
          ],
        },
      ],
      labels: { plural: 'Key results', singular: 'Key result' },
      maxRows: 6,
    },
    {
      type: 'tabs',
      tabs: [
        {
          fields: [
            {
              name: 'challenge',
              type: 'richText',
              access: { read: tierGatedField },
              required: true,
            },
          ],
          label: 'Challenge',
        },
        {
          fields: [
            {
              name: 'solution',
              type: 'richText',
              access: { read: tierGatedField },
              required: true,
            },
          ],
          label: 'Solution',
        },
        {
          fields: [
            { name: 'results', type: 'richText', access: { read: tierGatedField }, required: true },
          ],
          label: 'Results',
        },
        {
          fields: [
            {
              name: 'gallery',
              type: 'upload',
              filterOptions: mustExist,
              access: { read: tierGatedField },
              hasMany: true,
              relationTo: 'media',
            },
          ],
          label: 'Media',
        },
      ],
    },
    {
      name: 'requiredTier',
      type: 'relationship',
      filterOptions: mustExist,
      admin: {
        description: 'Members below this club tier see the story locked. Leave empty for everyone.',
        position: 'sidebar',
      },
      relationTo: 'club-tiers',
    },
    {
      name: 'publishedAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' }, position: 'sidebar' },
      index: true,
    },
  ],
  labels: { plural: 'Case studies', singular: 'Case study' },
  versions: {
    drafts: { schedulePublish: false },
    maxPerDoc: 25,
  },
}
