import { defineProject } from 'vitest/config';

// Unit tests of the dashboard's pure logic (periods, routes, text matching, file names). The
// elements themselves are tested end to end in e2e/dashboard.test.ts: built, served by the real
// collector under its CSP, in Chromium.
export default defineProject({
  test: {
    name: 'dashboard',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
