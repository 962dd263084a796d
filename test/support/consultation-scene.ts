import { afterAll, vi } from 'vitest';
import { useLocalStack } from './local-stack';
import { caller, type Person } from './directory';
import { contentFlow } from './content-flow';
import { traveller } from './travel';

/**
 * The set-up a consultation test file shares: the local stack, the people (seeded by the file),
 * travel in time (a faked Date that keeps running), a content flow in `huyena` to publish drafts,
 * and the scheduler's job. Call once, at the top of the file.
 */
export function consultationScene() {
  const local = useLocalStack();
  const call = caller(local.api);
  const people: Record<string, Person> = {};
  const travel = traveller(local.api, people);
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  afterAll(() => void vi.useRealTimers());
  const content = contentFlow(call, {
    unit: 'huyena',
    cast: () => ({ author: people.author, secretary: people.secretary, chief: people.chief }),
  });
  const runJob = () => local.stack().runJob('consultation-schedule') as Promise<Record<string, number | string>>;
  return { local, call, people, travel, content, runJob };
}

/** A local time in Việt Nam (UTC+7) as an ISO instant. */
export const vn = (at: string) => new Date(`${at}+07:00`).toISOString();
