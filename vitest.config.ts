import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local and one S3/SQS emulator per run; each test file makes its own resources.
    globalSetup: ['test/support/global-setup.ts'],
    env: { LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false' },
    testTimeout: 90_000, // a ceiling for slow shared machines (CDK synth with cdk-nag), not a timing assertion
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
