/**
 * The raw-SQL limit of an award's ledger write on the real tables: per transaction, what the award
 * path writes for a lesson completion that credits the organisation — the member entry and the
 * organisation entry in `loyalty_ledger`, their actor rows, and both cached balances (spendable,
 * lifetime, qualifying, lots) — with plain `pg` and no framework. Balances stay equal to the
 * ledger, so the data remains valid after the benchmark.
 */
import type { SqlFigures } from './measure'

import { runSqlLoop } from './measure'

export const runRawLedger = (options: {
  connections: number
  label: string
  members: { id: number; partner_id: number }[]
  seconds: number
  uri: string
}): Promise<SqlFigures> =>
  runSqlLoop({
    connections: options.connections,
    seconds: options.seconds,
    transaction: async (client, n) => {
      const member = options.members[n % options.members.length]
      const key = `bench-raw:${options.label}:${n}`
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO loyalty_ledger (account, member_id, organisation_id, kind, amount, qualifying_amount,
                reason, idempotency_key, expires_at, created_at, updated_at)
         VALUES ('member', $1, $2, 'earn', 10, 10, 'Lesson completed: bench', $3, now() + interval '24 months', now(), now()),
                ('organisation', $1, $2, 'earn', 5, 5, 'Lesson completed: bench (by a member)', $3 || ':organisation',
                 now() + interval '24 months', now(), now())
         RETURNING id`,
        [member.id, member.partner_id, key],
      )
      await client.query(
        `INSERT INTO loyalty_ledger_rels (parent_id, path, members_id) SELECT unnest($1::int[]), 'actor', $2`,
        [rows.map((row) => row.id), member.id],
      )
      await client.query(
        `UPDATE members SET loyalty_spendable = loyalty_spendable + 10, loyalty_lifetime = loyalty_lifetime + 10,
                loyalty_qualifying = loyalty_qualifying + 10, loyalty_lots = loyalty_lots + 10 WHERE id = $1`,
        [member.id],
      )
      await client.query(
        `UPDATE partners SET loyalty_spendable = loyalty_spendable + 5, loyalty_lifetime = loyalty_lifetime + 5,
                loyalty_qualifying = loyalty_qualifying + 5, loyalty_lots = loyalty_lots + 5 WHERE id = $1`,
        [member.partner_id],
      )
    },
    uri: options.uri,
  })
