import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedLoyaltyOptions } from '../types'

import { relationId } from '../utilities/ids'

/**
 * Refuses a change of a member's organisation through a plain update (REST, GraphQL, the admin
 * form, the Local API): a 400 on the field that names the move. A move must also record itself,
 * put a line on the statement and re-evaluate both organisations' tiers, all in one
 * transaction, which a hook inside Payload's update cannot do safely. Field access runs first,
 * so a member who may not write the field at all is not refused here (the value is dropped).
 * Creating a member with an organisation is not a move.
 */
export const refuseOrganisationChange =
  (options: ResolvedLoyaltyOptions): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    const field = options.organisationField
    if (operation !== 'update' || !originalDoc || !(field in data)) return data
    const before = relationId(originalDoc[field])
    const after = relationId(data[field])
    if (after === null || String(before) === String(after)) return data
    throw new ValidationError(
      {
        collection: options.members,
        errors: [
          {
            message: `A member changes company only through a move: POST /api/loyalty/members/:id/move with { ${field}, reason }, which records the move and keeps the points right.`,
            path: field,
          },
        ],
        req,
      },
      req.t,
    )
  }
