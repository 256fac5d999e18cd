import type { JobsConfig } from 'payload'

/** One entry of Payload's `jobs.autoRun` (the type is not exported by name). */
type AutorunCronConfig = Extract<NonNullable<JobsConfig['autoRun']>, unknown[]>[number]

const allowed = Symbol.for('partner-club.jobsCron')
type Switch = { [allowed]?: boolean }

/**
 * Whether this process runs the jobs queue's cron. Payload starts its cron on the first REST
 * request whatever the server asked for (`createPayloadRequest` calls `getPayload` with
 * `cron: true`), so a server started with `cron: false` (the tests, the demo while it seeds) also
 * says so here, and the config's `autoRun` answers no crons. Kept on `globalThis`, like Payload's
 * own instance cache, so that every copy of this module in the process reads the same switch.
 */
export const allowJobsCron = (allow: boolean): void => {
  ;(globalThis as Switch)[allowed] = allow
}

/** The jobs config's `autoRun`: `crons` unless this process was told not to run them. */
export const jobsCron =
  (crons: AutorunCronConfig[]) => (): AutorunCronConfig[] =>
    (globalThis as Switch)[allowed] === false ? [] : crons
