import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { staff } from '../../src/access'
import { rootDir } from '../../src/config/env'

/** Images and documents used by courses, case studies, events and tiers. */
export const Media: CollectionConfig = {
  slug: 'media',
  access: {
    create: staff,
    delete: staff,
    read: () => true,
    update: staff,
  },
  admin: {
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'updatedAt'],
    group: 'Content',
    useAsTitle: 'alt',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      admin: { description: 'Describe the image for people who cannot see it.' },
      label: 'Alternative text',
      required: true,
    },
  ],
  upload: {
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', height: 300, width: 400 },
      { name: 'card', height: 450, width: 800 },
      { name: 'hero', width: 1600 },
    ],
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'application/pdf'],
    staticDir: process.env.MEDIA_DIR || path.join(rootDir, 'data', 'media'),
  },
}
