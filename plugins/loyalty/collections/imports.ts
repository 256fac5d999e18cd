import type { CollectionConfig, Field } from 'payload'

import { nobody, staffOnly } from '../access'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Every applied import (webinar attendance, bulk adjustment): what, which file (name and
 * SHA-256), by whom, when, and the counts. Written only by the import endpoints, read by staff;
 * nobody edits or deletes it. A bulk adjustment's record is written in the same transaction as
 * its ledger entries, and its `key` (`adjustments:<hash>`) is unique, so the same file is never
 * applied twice.
 */
export const importsCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => {
  const count = (name: string, description: string): Field => ({
    name,
    type: 'number',
    admin: { description, readOnly: true },
    defaultValue: 0,
  })
  return {
    slug: loyaltySlugs.imports,
    access: {
      create: nobody,
      delete: nobody,
      read: staffOnly(options),
      update: nobody,
    },
    admin: {
      defaultColumns: ['createdAt', 'kind', 'fileName', 'event', 'actor', 'points'],
      description:
        'Webinar attendance and bulk point adjustments applied from CSV files. Import a file under Loyalty tools → Imports in the navigation.',
      group: 'Loyalty',
      useAsTitle: 'fileName',
    },
    defaultSort: '-createdAt',
    fields: [
      {
        name: 'key',
        type: 'text',
        admin: { hidden: true },
        required: true,
        unique: true,
      },
      {
        name: 'kind',
        type: 'select',
        index: true,
        options: [
          { label: 'Webinar attendance', value: 'attendance' },
          { label: 'Bulk adjustment', value: 'adjustments' },
        ],
        required: true,
      },
      { name: 'fileName', type: 'text', required: true },
      {
        name: 'fileHash',
        type: 'text',
        admin: { description: 'SHA-256 of the file.' },
        index: true,
        required: true,
      },
      ...(options.events
        ? [
            {
              name: 'event',
              type: 'relationship',
              admin: { condition: (data) => data?.kind === 'attendance' },
              relationTo: options.events,
            } satisfies Field,
          ]
        : []),
      { name: 'actor', type: 'relationship', relationTo: options.staff, required: true },
      {
        type: 'row',
        fields: [
          count('rows', 'Lines in the file, header excluded.'),
          count(
            'applied',
            'Attendance: members marked attended now. Adjustments: entries written.',
          ),
          count('points', 'Points awarded (attendance) or the net points adjusted.'),
        ],
      },
      {
        type: 'row',
        admin: { condition: (data) => data?.kind === 'attendance' },
        fields: [
          count('belowThreshold', 'Members under the minimum minutes.'),
          count('unmatched', 'Addresses of no member.'),
          count('alreadyAttended', 'Members already marked attended.'),
          count('invalid', 'Lines that could not be read.'),
        ],
      },
      {
        name: 'minimumMinutes',
        type: 'number',
        admin: { condition: (data) => data?.kind === 'attendance' },
      },
    ],
    labels: { plural: 'Import history', singular: 'Import' },
    timestamps: true,
  }
}
