export type ID = number | string

/** The id of a relationship value, whether populated (`{ id }`) or not; null when empty. */
export const relationId = (value: unknown): ID | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: ID }).id ?? null) as ID | null
  return value as ID
}
