import type { CollectionConfig } from 'payload'

import { slugField } from '../../src/fields/slug'
import { staff, staffField, staffOrPublished } from '../../src/access'
import { eventTypes } from '../../src/config/programme'
import { mustExist } from '../../src/fields/relationships'
import { optionalUrl } from '../../src/fields/validators'
import { validateEventSchedule } from './validateEventSchedule'

/** Webinars, club events, conferences and trainings members register for and attend. */
export const Events: CollectionConfig = {
  slug: 'events',
  access: {
    create: staff,
    delete: staff,
    read: staffOrPublished,
    readVersions: staff,
    update: staff,
  },
  admin: {
    defaultColumns: ['title', 'startsAt', 'type', 'format', 'capacity', '_status'],
    group: 'Content',
    listSearchableFields: ['title', 'summary'],
    useAsTitle: 'title',
  },
  defaultSort: '-startsAt',
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    { name: 'summary', type: 'textarea', maxLength: 500, required: true },
    {
      type: 'row',
      fields: [
        { name: 'type', type: 'select', index: true, options: eventTypes, required: true },
        {
          name: 'format',
          type: 'select',
          defaultValue: 'online',
          options: [
            { label: 'Online', value: 'online' },
            { label: 'In person', value: 'in-person' },
            { label: 'Hybrid', value: 'hybrid' },
          ],
          required: true,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          index: true,
          label: 'Starts',
          required: true,
          timezone: true,
        },
        {
          name: 'endsAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          label: 'Ends',
          required: true,
          timezone: true,
          validate: validateEventSchedule,
        },
      ],
    },
    {
      name: 'registrationDeadline',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Leave empty to accept registrations until the event starts.',
      },
    },
    {
      name: 'onlineUrl',
      type: 'text',
      admin: {
        condition: (data) => data?.format !== 'in-person',
        description: 'Join link, shown to registered members when the event is live.',
      },
      label: 'Online link',
      validate: optionalUrl,
    },
    {
      name: 'venue',
      type: 'group',
      admin: { condition: (data) => data?.format !== 'online' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text' },
            { name: 'city', type: 'text' },
          ],
        },
        { name: 'address', type: 'textarea' },
      ],
    },
    {
      name: 'capacity',
      type: 'number',
      admin: { description: 'Seats available. Leave empty for no limit.', position: 'sidebar' },
      min: 0,
    },
    {
      name: 'eligibleTiers',
      type: 'relationship',
      filterOptions: mustExist,
      admin: {
        description: 'Only members in these tiers may register. Leave empty for all members.',
        position: 'sidebar',
      },
      hasMany: true,
      relationTo: 'club-tiers',
    },
    {
      name: 'attendanceCode',
      type: 'text',
      access: { read: staffField },
      admin: {
        description:
          'Announced at the event; members enter it to check in. Never shown in the portal.',
        position: 'sidebar',
      },
      maxLength: 32,
    },
    { name: 'coverImage', type: 'upload', filterOptions: mustExist, relationTo: 'media' },
    { name: 'description', type: 'richText', required: true },
    {
      name: 'speakers',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true },
            { name: 'role', type: 'text' },
            { name: 'company', type: 'text' },
          ],
        },
      ],
      labels: { plural: 'Speakers', singular: 'Speaker' },
    },
    {
      name: 'recordingUrl',
      type: 'text',
      admin: { description: 'Shown to members after the event.' },
      label: 'Recording link',
      validate: optionalUrl,
    },
  ],
  versions: {
    drafts: { schedulePublish: false },
    maxPerDoc: 25,
  },
}
