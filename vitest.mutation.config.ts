import { defineConfig } from 'vitest/config';

/**
 * The vitest config Stryker runs for each mutant (`npm run mutation`): only the unit tests, which
 * exercise the pure domain without emulators, so a mutant is judged in milliseconds.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Not about the domain, and the sandbox's copies of generated files are not byte for byte ours.
    exclude: ['test/unit/openapi-generated.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    env: { LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false' },
    // Instrumented code is slower: the lunar round trip over 1900–2100 takes several seconds.
    testTimeout: 60_000,
  },
});
