import { vi } from 'vitest';
import { NEW_PASSWORD, signIn, type Person } from './directory';

/**
 * The clock of a file that fakes Dates (`vi.useFakeTimers({ toFake: ['Date'] })`; the handlers run
 * in the test's process): `setNow` takes a local time in Việt Nam; `travel` also signs everyone in
 * again at the new time, since access tokens last an hour (at once: the sign-ins are independent).
 */
export const setNow = (local: string): void => void vi.setSystemTime(new Date(`${local}+07:00`));

export function traveller(
  api: (path: string, init?: RequestInit) => Promise<Response>,
  people: Record<string, Person>,
) {
  return async (to: string): Promise<void> => {
    setNow(to);
    await Promise.all(
      Object.entries(people).map(
        async ([key, p]) => void (people[key] = { ...p, token: await signIn(api, p.username, NEW_PASSWORD) }),
      ),
    );
  };
}
