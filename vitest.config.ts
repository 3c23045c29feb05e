import { defineConfig } from 'vitest/config';

// One run over every package: each folder with its own vitest.config.ts is a project
// (node tests for shared and collector, real Chromium for the widget, end-to-end in e2e/).
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/collector/vitest.pg.config.ts',
      'e2e/vitest.config.ts',
      'reliability/vitest.config.ts',
    ],
  },
});
