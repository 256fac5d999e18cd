import type { CollectionConfig } from 'payload'

import { slugField } from '../../src/fields/slug'
import { staff, staffField, staffOrPublished } from '../../src/access'
import { tierGatedField } from '../../src/access/tiers'
import { courseLevels, jobRoles } from '../../src/config/programme'
import { mustExist } from '../../src/fields/relationships'
import { optionalUrl } from '../../src/fields/validators'
import { validateQuiz } from './validateQuiz'

/**
 * Training courses: ordered lessons with a minimum time each, an optional quiz, and an
 * optional certificate. Lessons and quiz are withheld from members below the required tier.
 */
export const Courses: CollectionConfig = {
  slug: 'courses',
  access: {
    create: staff,
    delete: staff,
    read: staffOrPublished,
    readVersions: staff,
    update: staff,
  },
  admin: {
    defaultColumns: ['title', 'level', 'requiredTier', '_status', 'updatedAt'],
    group: 'Content',
    listSearchableFields: ['title', 'summary'],
    useAsTitle: 'title',
  },
  defaultSort: 'title',
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    { name: 'summary', type: 'textarea', maxLength: 500, required: true },
    { name: 'coverImage', type: 'upload', filterOptions: mustExist, relationTo: 'media' },
    {
      type: 'row',
      fields: [
        { name: 'level', type: 'select', index: true, options: courseLevels, required: true },
        {
          name: 'estimatedMinutes',
          type: 'number',
          label: 'Estimated minutes',
          max: 24 * 60,
          min: 1,
          required: true,
        },
      ],
    },
    {
      name: 'targetJobRoles',
      type: 'select',
      admin: { description: 'Leave empty when the course is for everyone.' },
      hasMany: true,
      options: jobRoles,
    },
    {
      name: 'productTags',
      type: 'text',
      admin: { description: 'Products this course covers, e.g. "AeroTherm 12".' },
      hasMany: true,
      index: true,
    },
    {
      name: 'requiredTier',
      type: 'relationship',
      filterOptions: mustExist,
      admin: {
        description:
          'Members below this club tier see the course locked. Leave empty for everyone.',
        position: 'sidebar',
      },
      relationTo: 'club-tiers',
    },
    {
      name: 'issuesCertificate',
      type: 'checkbox',
      admin: { position: 'sidebar' },
      defaultValue: false,
      label: 'Completion issues a certificate',
    },
    {
      type: 'tabs',
      tabs: [
        {
          fields: [
            {
              name: 'lessons',
              type: 'array',
              access: { read: tierGatedField },
              admin: {
                components: { RowLabel: '/collections/Courses/LessonRowLabel#LessonRowLabel' },
                initCollapsed: true,
              },
              fields: [
                { name: 'title', type: 'text', required: true },
                { name: 'body', type: 'richText', required: true },
                {
                  name: 'videoUrl',
                  type: 'text',
                  label: 'Video URL',
                  validate: optionalUrl,
                },
                {
                  name: 'minimumSeconds',
                  type: 'number',
                  admin: {
                    description: 'Time a member must spend before marking the lesson complete.',
                  },
                  defaultValue: 60,
                  label: 'Minimum time (seconds)',
                  max: 4 * 60 * 60,
                  min: 0,
                  required: true,
                },
              ],
              labels: { plural: 'Lessons', singular: 'Lesson' },
              minRows: 1,
              required: true,
            },
          ],
          label: 'Lessons',
        },
        {
          fields: [
            {
              name: 'quiz',
              type: 'group',
              access: { read: tierGatedField },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'passMarkPercent',
                      type: 'number',
                      defaultValue: 70,
                      label: 'Pass mark (%)',
                      max: 100,
                      min: 1,
                    },
                    {
                      name: 'attemptsAllowed',
                      type: 'number',
                      defaultValue: 3,
                      label: 'Attempts allowed',
                      max: 20,
                      min: 1,
                    },
                  ],
                },
                {
                  name: 'questions',
                  type: 'array',
                  admin: { description: 'Leave empty for a course without a quiz.' },
                  fields: [
                    { name: 'question', type: 'text', required: true },
                    {
                      name: 'options',
                      type: 'array',
                      fields: [
                        { name: 'label', type: 'text', required: true },
                        {
                          name: 'correct',
                          type: 'checkbox',
                          access: { read: staffField },
                          defaultValue: false,
                        },
                      ],
                      maxRows: 8,
                      minRows: 2,
                      required: true,
                    },
                    {
                      name: 'explanation',
                      type: 'textarea',
                      access: { read: staffField },
                      admin: { description: 'Shown to the member after they pass.' },
                    },
                  ],
                  validate: validateQuiz,
                },
              ],
              label: false,
            },
          ],
          label: 'Quiz',
        },
      ],
    },
  ],
  versions: {
    drafts: { schedulePublish: false },
    maxPerDoc: 25,
  },
}
