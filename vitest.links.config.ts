import { defineConfig } from 'vitest/config';

// Speed measurements on tbf-shaped links in network namespaces. They run alone, after the other
// tests: on a 2-core machine, test files running beside them take CPU time from the TCP streams and
// the measured goodput drops below what the link carries.
export default defineConfig({
  test: {
    include: ['tests/integration/compliance-speed-shaped.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/links.json' },
  },
});
