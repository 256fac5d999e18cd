import { EventEmitter } from 'node:events'

/**
 * A condition over state this process changes itself (answers the test's own clients record):
 * `changed()` after every change, and `until` resolves on the first change that makes the
 * predicate true — no polling. The deadline only bounds a test that would otherwise hang.
 */
export const condition = () => {
  const events = new EventEmitter()
  return {
    changed: () => events.emit('change'),
    until: (what: string, predicate: () => boolean, timeoutMs = 60_000): Promise<void> =>
      new Promise((resolve, reject) => {
        if (predicate()) return resolve()
        const check = () => {
          if (!predicate()) return
          finish()
          resolve()
        }
        const deadline = setTimeout(() => {
          finish()
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
        }, timeoutMs)
        const finish = () => {
          clearTimeout(deadline)
          events.off('change', check)
        }
        events.on('change', check)
      }),
  }
}
