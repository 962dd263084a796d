// @ts-check
/**
 * Mutation testing of the pure domain (`npm run mutation`, issue 11). Not part of `npm test`.
 * Every file under shared/domain is mutated, the workflow engine included once it lands there.
 * While working on one file: `npm run mutation -- --mutate shared/domain/calendar/deadlines.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // lunar.ts is left to `npm run mutation:lunar`: its oracle is an exhaustive 1900–2100 round
  // trip, which every surviving mutant of its astronomy re-runs (~30 s each on a busy machine).
  mutate: ['shared/domain/**/*.ts', '!shared/domain/calendar/lunar.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (a constant evaluated once at import) needs every test re-run in a fresh
  // process; most are rule-table data whose values the tests pin anyway.
  ignoreStatic: true,
  // Results are kept in reports/ (git-ignored): a re-run tests only mutants whose code or
  // covering tests changed. `npm run mutation -- --force` re-runs everything.
  // Stryker rewrites the tsconfig's `extends` and `references` in its sandbox through TypeScript's JS
  // API, which TypeScript 7 (the native compiler, our type-check) no longer has. Ours has neither, so
  // point the rewrite at no file: nothing needs rewriting, and vitest compiles with esbuild anyway.
  tsconfigFile: 'tsconfig.stryker-none.json',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // The machines have 2 cores; one test runner per core.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportMutants: false, reportTests: false, logTests: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Emulator data and build output need not be copied into the sandbox.
  ignorePatterns: ['.local', 'cdk.out', 'coverage'],
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
