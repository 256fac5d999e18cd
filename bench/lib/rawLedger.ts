/**
 * The raw-SQL limit of an award's ledger write on the real tables: per transaction, what the award
 * path writes for a lesson completion that credits the organisation — the member entry and the
 * organisation entry in `loyalty_ledger`, their actor rows, and both cached balances (spendable,
 * lifetime, qualifying, lots) — with plain `pg` and no framework. Balances stay equal to the
 * ledger, so the data remains valid after the benchmark.
 */
import pg from 'pg'

import type { SqlFigures } from './measure'

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

export const runRawLedger = async (options: {
  connections: number
  label: string
  members: { id: number; partner_id: number }[]
  seconds: number
  uri: string
}): Promise<SqlFigures> => {
  const pool = new pg.Pool({ connectionString: options.uri, max: options.connections })
  const clients = await Promise.all(
    Array.from({ length: options.connections }, () => pool.connect()),
  )
  const latencies: number[] = []
  let errors = 0
  let sequence = 0
  const startedAt = performance.now()
  const deadline = startedAt + options.seconds * 1000
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const n = sequence++
          const member = options.members[n % options.members.length]
          const key = `bench-raw:${options.label}:${n}`
          const t0 = process.hrtime.bigint()
          try {
            await client.query('BEGIN')
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
            await client.query('COMMIT')
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
          } catch {
            errors++
            await client.query('ROLLBACK').catch(() => undefined)
          }
        }
      }),
    )
  } finally {
    for (const client of clients) client.release()
    await pool.end()
  }
  const durationSeconds = (performance.now() - startedAt) / 1000
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    connections: options.connections,
    durationSeconds: round(durationSeconds),
    errors,
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    perSecond: round(latencies.length / durationSeconds, 1),
    transactions: latencies.length,
  }
}
