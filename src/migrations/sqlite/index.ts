import type { Migration } from 'payload'

// Regenerate with `npm run migrate:create` (see README). Empty until the first migration is created.
export const migrations: Migration[] = []
