/**
 * Waits until `check` returns something other than `undefined`, `null` or `false`, asking again
 * every `intervalMs`, and resolves with that value; rejects once `timeoutMs` have passed, naming
 * what it waited for and what the last check threw (if it threw). For conditions that no event
 * announces (a process's port opening, a row appearing in another process's database).
 */
export const waitFor = async <T>(
  what: string,
  check: () => Promise<false | null | T | undefined> | false | null | T | undefined,
  { intervalMs = 50, timeoutMs = 30_000 }: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown = null
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined && value !== null && value !== false) return value
      lastError = null
    } catch (error) {
      lastError = error
    }
    if (Date.now() >= deadline) {
      const cause = lastError ? ` (last check failed: ${String(lastError)})` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`)
    }
    await new Promise<void>((resolve) => setTimeout(resolve, intervalMs))
  }
}
