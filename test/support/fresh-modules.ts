import { afterAll, vi } from 'vitest';

/**
 * Integration files share worker processes (`isolate: false`, vitest.config.ts) so that the
 * dependencies (AWS SDK, zod, middy…) load once per worker, not once per file. Our own modules keep
 * per-process state (parsed environment, clients, composition roots), so each file gets fresh
 * copies of them, and the environment it started with back when it ends.
 */
vi.resetModules();
const started = { ...process.env };
afterAll(() => {
  // A file that fakes Date must not leave it faked for the next file in this worker.
  vi.useRealTimers();
  for (const name of Object.keys(process.env)) if (!(name in started)) delete process.env[name];
  Object.assign(process.env, started);
});
