import { afterAll, beforeEach, type RunnerTestFile, type RunnerTestSuite } from 'vitest';

const everyTestRan = (suite: RunnerTestSuite | RunnerTestFile): boolean =>
  suite.tasks.every((t) => t.mode === 'run' && (t.type !== 'suite' || everyTestRan(t)));

/**
 * A check of everything a test file did (no personal data in any response, log line or item of the file), run
 * once after all its tests: they run in any order (`--sequence.shuffle`), so no test can be sure it runs last.
 * `wholeFile` is false when some tests were filtered out (`-t`, `.only`): the check then asserts only what holds
 * of any subset, not what the whole file must have produced. Call it at the end of the file: afterAll hooks run in
 * reverse order, so it runs before the local stack (registered first) is torn down.
 */
export function afterWholeFile(check: (wholeFile: boolean) => Promise<void> | void): void {
  let file: RunnerTestFile | undefined;
  beforeEach(({ task }) => {
    file = task.file;
  });
  afterAll(async () => {
    if (file) await check(everyTestRan(file));
  });
}
