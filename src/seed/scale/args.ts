import type { ScaleOptions } from './seedScale'

export const scaleUsage = `Usage: npm run seed:scale -- [options]

  --members N    members to have in total (default 100000)
  --ledger N     ledger rows to aim for in total, member and organisation entries (default 10 per member)
  --partners N   partner companies (default one per 50 members)
  --seed N       random seed: the same seed makes the same data (default 1)
  --chunk N      members per transaction (default 1000)
  --verify       only check the loyalty invariants of the data in the database

Runs against DATABASE_URI (SQLite or PostgreSQL). Interrupt with Ctrl-C and run again to resume.
`

const whole = (name: string, raw: string | undefined, min: number, max: number) => {
  if (raw === undefined || !/^\d[\d_]*$/.test(raw))
    return `--${name} needs a whole number (got ${raw ?? 'nothing'}).`
  const value = Number(raw.replace(/_/g, ''))
  if (value < min || value > max)
    return `--${name} must be between ${min} and ${max.toLocaleString('en')} (got ${value}).`
  return value
}

/** The command line of seed:scale, checked: options, `help`, or an error a person understands. */
export const parseScaleArgs = (
  argv: string[],
): { error: string } | { help: true } | { options: ScaleOptions; verify: boolean } => {
  const values: Record<string, number> = {}
  let verify = false
  const limits: Record<string, [number, number]> = {
    chunk: [1, 10_000],
    ledger: [0, 100_000_000],
    members: [1, 10_000_000],
    partners: [1, 1_000_000],
    seed: [0, 2 ** 31 - 1],
  }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    if (arg === '--help' || arg === '-h') return { help: true }
    if (arg === '--verify') {
      verify = true
      continue
    }
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg)
    if (!match || !(match[1] in limits)) return { error: `Unknown option: ${arg}` }
    const raw = match[2] ?? argv[++index]
    const value = whole(match[1], raw, ...limits[match[1]])
    if (typeof value === 'string') return { error: value }
    values[match[1]] = value
  }
  const members = values.members ?? 100_000
  return {
    options: {
      chunkSize: values.chunk ?? 1000,
      ledger: values.ledger ?? members * 10,
      members,
      partners: values.partners ?? Math.max(1, Math.round(members / 50)),
      seed: values.seed ?? 1,
    },
    verify,
  }
}
