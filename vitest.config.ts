import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One DynamoDB Local and one S3/SQS emulator per run; each test file makes its own resources.
    globalSetup: ['test/support/global-setup.ts'],
    env: { LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false', LOCAL_TIMEOUT_SCALE: '6' },
    testTimeout: 90_000, // a ceiling for slow shared machines (CDK synth with cdk-nag), not a timing assertion
    hookTimeout: 180_000,
    // expect.poll waits for a browser or a consumer to catch up; 1 s (vitest's default) is too short on a loaded host.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      // Integration files share worker processes, so every module (AWS SDK, zod, middy, ours) loads once
      // per worker; each file starts its own local stack, whose composition root builds that file's
      // clients and services (docs/composition.md): no module keeps state from one file to the next.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/conformance/**/*.test.ts'],
          isolate: false,
          // A faked Date or a changed environment ends with its file (test/support/file-boundaries.ts).
          setupFiles: ['test/support/file-boundaries.ts'],
        },
      },
      // No process-wide state: a worker runs file after file, importing every module once. The infra
      // files share one synthesised CDK app (test/support/portal-app.ts): a process's first synth
      // costs ~7 s, later ones ~1.5 s.
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
    ],
  },
});
