import { defineConfig } from 'vitest/config';

// Unit and integration tests in plain Node; the browser tests have their own config.
export default defineConfig({
  test: {
    // tests/electron needs the Electron binary and reports itself as skipped where it is missing.
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/electron/**/*.test.ts'],
    // The shaped-link speed tests run alone in their own step (vitest.links.config.ts).
    exclude: ['tests/integration/compliance-speed-shaped.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
