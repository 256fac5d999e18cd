import type { TextField } from 'payload'

import { slugify } from 'payload/shared'

/**
 * A unique, URL-friendly `slug`, generated from the title when left empty.
 * Generated in `beforeValidate`, so that the required/unique checks see the final value.
 */
export const slugField = (from = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  admin: {
    description: `Used in web addresses. Left empty, it is made from the ${from}.`,
    position: 'sidebar',
  },
  hooks: {
    beforeValidate: [
      ({ data, value }) => {
        const source = typeof value === 'string' && value.trim() ? value : data?.[from]
        return typeof source === 'string' && source.trim() ? slugify(source.trim()) : value
      },
    ],
  },
  index: true,
  required: true,
  unique: true,
})
