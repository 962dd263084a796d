import { afterAll, vi } from 'vitest';

/**
 * Integration files share worker processes (`isolate: false`, vitest.config.ts), so that every
 * module loads once per worker. What a file changes in the process itself must not reach the next
 * file in its worker: a faked Date (the travel of test/support/travel.ts) and the environment.
 * Our modules keep no state of their own (docs/composition.md); these two are the process's.
 */
const started = { ...process.env };
afterAll(() => {
  vi.useRealTimers();
  for (const name of Object.keys(process.env)) if (!(name in started)) delete process.env[name];
  Object.assign(process.env, started);
});
