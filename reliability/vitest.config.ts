import { defineProject } from 'vitest/config';

// The long tests: the real server process under kill -9, SIGTERM, hostile input and load.
export default defineProject({
  test: {
    name: 'reliability',
    environment: 'node',
    include: ['**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // One at a time: each test loads the machine's two cores on its own.
    fileParallelism: false,
  },
});
