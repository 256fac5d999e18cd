import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

const browserTests = 'test/browser/**/*.test.ts'

export default defineConfig({
  test: {
    env: {
      // Uploads made by tests go to a throwaway folder, not the demo's data/media.
      MEDIA_DIR: path.join(os.tmpdir(), 'partner-club-test-media'),
      LOG_LEVEL: process.env.LOG_LEVEL || 'error',
      NODE_ENV: 'test',
      PAYLOAD_SECRET: 'partner-club-test-secret',
      // The server the tests make their fresh databases on (SQLite files when empty).
      TEST_DATABASE_URI: process.env.TEST_DATABASE_URI || process.env.DATABASE_URI || '',
    },
    // Each test file runs in its own process with its own fresh database.
    fileParallelism: true,
    hookTimeout: 180_000,
    isolate: true,
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          exclude: [browserTests],
          include: ['test/**/*.test.ts', 'plugins/**/*.test.ts'],
          name: 'api',
        },
      },
      {
        // The portal in Debian's Chromium against the real server and a `next build`, which
        // the global setup makes first when it is missing or stale (only when these tests run).
        extends: true,
        test: {
          globalSetup: ['test/browser/globalSetup.ts'],
          hookTimeout: 300_000,
          include: [browserTests],
          name: 'browser',
          testTimeout: 180_000,
        },
      },
    ],
  },
})
