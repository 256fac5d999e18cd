/**
 * The bulk rows that would take too long over HTTP (pre-started lessons, a long ledger for one
 * member, copies of the first member), written with plain SQL into the tables Payload made,
 * and sign-in over REST. Nothing here imports Payload: see seedProgramme.ts for why.
 */
import pg from 'pg'

export const benchPassword = 'bench-password-2026'

/** Runs `work` over `items` with at most `concurrency` at a time; results in input order. */
export const inParallel = async <T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index], index)
      }
    }),
  )
  return results
}

export type Seeded = {
  adminEmail: string
  courseId: number
  lessonIds: string[]
  /** The member with a long ledger, for GET /api/loyalty/me. */
  ledgerMember: { email: string; id: number }
  members: { email: string; id: number }[]
  partnerId: number
  ruleId: number
  tierId: number
}

/**
 * Copies the first member (made through the Local API, with a real password hash) into
 * `count - 1` more members with one INSERT: same company, tier, job role, salt and hash (so
 * the same password), their own name and email. Payload 3.90 hashes passwords with 600,000
 * pbkdf2 rounds, which makes hundreds of Local API creates take minutes on a small machine.
 */
export const cloneMembers = async (client: pg.Client, seeded: Seeded, count: number) => {
  const template = seeded.members[0]
  const { rows: columns } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'members'
        AND column_name NOT IN ('id', 'name', 'email', 'created_at', 'updated_at')`,
  )
  const copied = columns.map((row) => `"${row.column_name}"`).join(', ')
  const { rows } = await client.query<{ email: string; id: number }>(
    `INSERT INTO members (name, email, created_at, updated_at, ${copied})
     SELECT 'member' || n, 'member' || n || '@bench.example', now(), now(), ${copied}
       FROM members CROSS JOIN generate_series(2, $2::int) AS n
      WHERE id = $1::int
     RETURNING id, email`,
    [template.id, count],
  )
  const byNumber = (email: string) => Number(/^member(\d+)@/.exec(email)?.[1] ?? 0)
  seeded.members = [template, ...rows.sort((a, b) => byNumber(a.email) - byNumber(b.email))]
}

/** Fails early, naming the column, when the plugin's tables no longer look as expected. */
const requireColumns = async (client: pg.Client, table: string, columns: string[]) => {
  const { rows } = await client.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_name = $1',
    [table],
  )
  const present = new Set(rows.map((row) => row.column_name))
  const missing = columns.filter((column) => !present.has(column))
  if (missing.length > 0) {
    throw new Error(
      `table ${table} has no column(s) ${missing.join(', ')}: update bench/lib/seed.ts`,
    )
  }
}

/**
 * Marks every (member, lesson) pair as started an hour ago, as `POST …/start` would have
 * (key `${memberId}:courses:${courseId}:lesson:${lessonId}`), in one statement.
 */
export const preStartLessons = async (
  client: pg.Client,
  seeded: Seeded,
  collection = 'courses',
): Promise<number> => {
  await requireColumns(client, 'loyalty_progress', [
    'key',
    'member_id',
    'collection',
    'document_id',
    'item',
    'started_at',
    'attempts',
    'created_at',
    'updated_at',
  ])
  const result = await client.query(
    `INSERT INTO loyalty_progress
       (key, member_id, collection, document_id, item, started_at, attempts, created_at, updated_at)
     SELECT m.id || ':' || $1::text || ':' || $2::text || ':lesson:' || l.id, m.id, $1::text, $2::text,
            'lesson:' || l.id,
            now() - interval '1 hour', 0, now() - interval '1 hour', now() - interval '1 hour'
       FROM unnest($3::int[]) AS m(id) CROSS JOIN unnest($4::text[]) AS l(id)`,
    [
      collection,
      String(seeded.courseId),
      seeded.members.map((member) => member.id),
      seeded.lessonIds,
    ],
  )
  return result.rowCount ?? 0
}

/**
 * Gives the ledger member `entries` earn entries of 10 points spread over the last year (each
 * expiring 24 months after it was earned), and sets their cached balances and lot total to the
 * sums, so that the balance invariant still holds.
 */
export const longLedger = async (client: pg.Client, seeded: Seeded, entries: number) => {
  await requireColumns(client, 'loyalty_ledger', [
    'account',
    'member_id',
    'organisation_id',
    'kind',
    'amount',
    'qualifying_amount',
    'reason',
    'rule_id',
    'source_collection',
    'source_id',
    'source_title',
    'idempotency_key',
    'breakdown',
    'expires_at',
    'created_at',
    'updated_at',
  ])
  await requireColumns(client, 'members', [
    'loyalty_spendable',
    'loyalty_qualifying',
    'loyalty_lifetime',
    'loyalty_lots',
  ])
  const member = seeded.ledgerMember.id
  await client.query(
    `INSERT INTO loyalty_ledger
       (account, member_id, organisation_id, kind, amount, qualifying_amount, reason, rule_id,
        source_collection, source_id, source_title, idempotency_key, breakdown, expires_at,
        created_at, updated_at)
     SELECT 'member', $1::int, $2::int, 'earn', 10, 10, 'Lesson completed: Heat pumps, lesson by lesson',
            $3::int, 'courses', $4::text, 'Heat pumps, lesson by lesson',
            'bench-history:' || $1::int || ':' || n,
            '{"capped":false,"steps":[]}'::jsonb,
            now() - (n * interval '52 minutes') + interval '24 months',
            now() - (n * interval '52 minutes'), now() - (n * interval '52 minutes')
       FROM generate_series(1, $5::int) AS n`,
    [member, seeded.partnerId, seeded.ruleId, String(seeded.courseId), entries],
  )
  await client.query(
    `UPDATE members SET
       loyalty_spendable = s.amount, loyalty_qualifying = s.qualifying, loyalty_lifetime = s.qualifying,
       loyalty_lots = s.amount
       FROM (SELECT coalesce(sum(amount), 0) AS amount, coalesce(sum(qualifying_amount), 0) AS qualifying
               FROM loyalty_ledger WHERE account = 'member' AND member_id = $1::int) AS s
      WHERE members.id = $1::int`,
    [member],
  )
}

/** Signs in over REST and returns the token. */
export const signIn = async (
  baseURL: string,
  collection: 'members' | 'users',
  email: string,
): Promise<string> => {
  const response = await fetch(`${baseURL}/api/${collection}/login`, {
    body: JSON.stringify({ email, password: benchPassword }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  const body = (await response.json().catch(() => ({}))) as { token?: string }
  if (response.status !== 200 || typeof body.token !== 'string') {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(body)}`)
  }
  return body.token
}
