import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // After each bundle test: no text the add-on wrote became a formula.
    setupFiles: ['test/bundle/setup-no-formulas.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
