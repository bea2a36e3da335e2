import { defineConfig } from 'vitest/config';

/**
 * The unit tests of the pure core alone: no bundle, so no build first. `npm run test:unit` and
 * mutation testing (stryker.config.json) run these; `vitest.config.ts` runs everything.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // The seeded Monte Carlo checks take seconds, and longer under mutation testing's instrumentation.
    testTimeout: 30_000,
  },
});
