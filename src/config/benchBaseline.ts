import type { CollectionConfig, Plugin } from 'payload'

/**
 * For the benchmark only (`npm run bench:scale` sets BENCH_BASELINE_COLLECTION=true; never in
 * production): a copy of the loyalty ledger collection under the slug `bench-ledger`, with the
 * same fields and indexes but without the plugin's hooks and with create open to admins. A REST
 * create on it is "bare Payload writing a ledger entry": the baseline the award path is compared
 * with. The real ledger stays closed to every API write.
 */
export const benchBaselinePlugin =
  (enabled: boolean): Plugin =>
  (config) => {
    if (!enabled) return config
    if (process.env.NODE_ENV === 'production') {
      throw new Error('BENCH_BASELINE_COLLECTION is for benchmarks: it is refused in production.')
    }
    const ledger = config.collections?.find((collection) => collection.slug === 'loyalty-ledger')
    if (!ledger) throw new Error('benchBaselinePlugin: the loyalty ledger collection is missing')
    const isAdmin = ({
      req,
    }: {
      req: { user?: null | { collection?: string; roles?: unknown } }
    }) =>
      req.user?.collection === 'users' &&
      Array.isArray(req.user.roles) &&
      req.user.roles.includes('admin')
    const copy: CollectionConfig = {
      ...ledger,
      access: { create: isAdmin, delete: () => false, read: isAdmin, update: () => false },
      admin: { ...ledger.admin, hidden: true },
      endpoints: [],
      hooks: {},
      slug: 'bench-ledger',
    }
    return {
      ...config,
      collections: [...(config.collections ?? []), copy],
      // The generated types describe the real config, not this benchmark variant.
      typescript: { ...config.typescript, autoGenerate: false },
    }
  }
