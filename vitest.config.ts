import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL || 'error',
      NODE_ENV: 'test',
      PAYLOAD_SECRET: 'partner-club-test-secret',
    },
    // Each test file runs in its own process with its own fresh database.
    fileParallelism: true,
    hookTimeout: 180_000,
    include: ['test/**/*.test.ts', 'plugins/**/*.test.ts'],
    isolate: true,
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
