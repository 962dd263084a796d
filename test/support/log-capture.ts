import { fileServices } from './local-stack';
import { afterAll, beforeAll, vi } from 'vitest';
import { logger } from '../../shared/logger';
import { ensureProvince, ensureUnits } from '../../shared/application/bootstrap';

/**
 * Keeps every JSON log line written to stdout and stderr (they stay off the console; anything
 * else goes through), so a test can read what the functions logged, e.g. that no personal data
 * was. Start it in beforeAll, restore in afterAll.
 */
export function captureLogs(): { readonly chunks: string[]; lines(): string[]; restore(): void } {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write.bind(stream);
    return vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(String(chunk));
      return String(chunk).startsWith('{') ? true : (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  });
  return {
    chunks,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{')),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/**
 * This file's functions log at INFO (the suite runs at SILENT): the one logger's level, set before
 * the file's tests and put back after, so the next file in the worker logs as it expects. Powertools
 * puts the level it was built with back at each invocation (its debug-sampling refresh, which this
 * deployment does not use): that refresh is skipped meanwhile.
 */
export function logAtInfo(): void {
  const previous: { level?: ReturnType<typeof logger.getLevelName>; restore?: () => void } = {};
  beforeAll(() => {
    previous.level = logger.getLevelName();
    const refresh = vi.spyOn(logger, 'refreshSampleRateCalculation').mockImplementation(() => undefined);
    previous.restore = () => refresh.mockRestore();
    logger.setLogLevel('INFO');
  });
  afterAll(() => {
    previous.restore?.();
    logger.setLogLevel(previous.level ?? 'SILENT');
  });
}

/** The Q&A tests' province (Bình Định) and its two departments, Sở A and Sở B, plus any more units. */
export async function seedQuestionUnits(more: Parameters<typeof ensureUnits>[1] = []): Promise<void> {
  await ensureProvince(fileServices(), { vi: 'Tỉnh Bình Định', en: 'Binh Dinh Province' });
  await ensureUnits(fileServices(), [
    { code: 'soa', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', parentCode: 'binhdinh', slug: 'soa' },
    { code: 'sob', name: { vi: 'Sở B', en: 'Department B' }, kind: 'department', parentCode: 'binhdinh', slug: 'sob' },
    ...more,
  ]);
}
