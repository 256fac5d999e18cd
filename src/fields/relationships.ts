import type { FilterOptions } from 'payload'

/**
 * `filterOptions` that offers every document, used for its side effect: with filterOptions set,
 * Payload's relationship/upload validation looks the chosen ids up, so an id that does not
 * exist is a 400 naming the field ("invalid selections") instead of a database foreign-key
 * error (a 500). The lookup runs with the requesting user's read access.
 */
export const mustExist: FilterOptions = () => true
