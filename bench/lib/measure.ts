/**
 * The measurements: HTTP load with autocannon (in this process, against the server in its own
 * process), and the raw-SQL ceiling with `pg` straight from this process.
 */
import autocannon from 'autocannon'
import pg from 'pg'

export type HttpFigures = {
  connections: number
  /** Completed responses with a 2xx status, per second of the measurement. */
  perSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  mean: number
  total2xx: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  durationSeconds: number
}

export type SqlFigures = {
  connections: number
  perSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  mean: number
  transactions: number
  errors: number
  durationSeconds: number
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

/** Runs autocannon and resolves with its result; `onStart` receives the instance (to stop it). */
export const runLoad = (
  options: autocannon.Options,
  onStart?: (instance: autocannon.Instance) => void,
): Promise<autocannon.Result> =>
  new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 60, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
    onStart?.(instance)
  })

/** The figures we report from an autocannon result. */
export const httpFigures = (
  result: autocannon.Result,
  statusCodes: Record<string, number>,
): HttpFigures => {
  const okCount = result['2xx']
  const durationSeconds = result.duration
  return {
    connections: result.connections,
    durationSeconds,
    errors: result.errors,
    max: result.latency.max,
    mean: round(result.latency.average, 2),
    non2xx: result.non2xx,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    perSecond: round(okCount / durationSeconds),
    statusCodes,
    timeouts: result.timeouts,
    total2xx: okCount,
  }
}

export const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

/** Creates the two small tables of the raw-SQL measurement (in the bench database). */
export const createRawTables = async (client: pg.Client, accounts: number) => {
  await client.query(`
    CREATE TABLE bench_ledger (
      id bigserial PRIMARY KEY,
      idempotency_key varchar NOT NULL UNIQUE,
      account_id integer NOT NULL,
      amount numeric NOT NULL,
      reason varchar NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`)
  await client.query('CREATE INDEX bench_ledger_account_idx ON bench_ledger (account_id)')
  await client.query(`
    CREATE TABLE bench_balances (
      id integer PRIMARY KEY,
      spendable numeric NOT NULL DEFAULT 0
    )`)
  await client.query('INSERT INTO bench_balances (id) SELECT generate_series(1, $1::int)', [
    accounts,
  ])
}

/**
 * `connections` pg clients, each running `transaction(client, n)` (n counts up across clients)
 * inside BEGIN … COMMIT in a loop for `seconds`; latency per transaction with hrtime. A failed
 * transaction is rolled back and counted as an error.
 */
export const runSqlLoop = async (options: {
  connections: number
  seconds: number
  transaction: (client: pg.PoolClient, n: number) => Promise<void>
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
          const t0 = process.hrtime.bigint()
          try {
            await client.query('BEGIN')
            await options.transaction(client, n)
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
    durationSeconds: round(durationSeconds, 2),
    errors,
    max: round(sorted.at(-1) ?? 0, 2),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length), 2),
    p50: round(percentile(sorted, 50), 2),
    p90: round(percentile(sorted, 90), 2),
    p99: round(percentile(sorted, 99), 2),
    perSecond: round(latencies.length / durationSeconds),
    transactions: latencies.length,
  }
}

/**
 * The raw-SQL ceiling: `connections` clients, each looping
 * `BEGIN; INSERT INTO bench_ledger …; UPDATE bench_balances SET spendable = spendable + 10 …; COMMIT`
 * for `seconds`, accounts in rotation.
 */
export const runRawSql = (options: {
  accounts: number
  connections: number
  label: string
  seconds: number
  uri: string
}): Promise<SqlFigures> =>
  runSqlLoop({
    connections: options.connections,
    seconds: options.seconds,
    transaction: async (client, n) => {
      const account = (n % options.accounts) + 1
      await client.query(
        'INSERT INTO bench_ledger (idempotency_key, account_id, amount, reason) VALUES ($1, $2, 10, $3)',
        [`${options.label}:${n}`, account, 'Lesson completed: bench'],
      )
      await client.query('UPDATE bench_balances SET spendable = spendable + 10 WHERE id = $1', [
        account,
      ])
    },
    uri: options.uri,
  })
