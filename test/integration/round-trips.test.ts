import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { bearer, person, seedTree, type Person } from '../support/directory';

/**
 * Reads per signed-in request (issue 7 #7): the account with its delegations is one Query on
 * its partition, the unit with its stored ancestors one GetItem. Counted with a middleware on
 * the functions' own DynamoDB client (the handlers run in this process), per command and per
 * round (a round is a set of calls in flight together).
 */
const local = useLocalStack();
let officer: Person;
let chief: Person;
let deputy: Person;

const calls: Array<{ command: string; start: number; end: number }> = [];
let counting = false;

beforeAll(async () => {
  await seedTree();
  officer = await person(local.api, 'canbo.xaa', 'xaa', ['unit-officer']);
  chief = await person(local.api, 'truongban.xaa', 'xaa', ['chief-editor']);
  deputy = await person(local.api, 'pho.xaa', 'xaa', ['deputy-editor']);
  local.stack().services.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const call = { command: String(context.commandName), start: performance.now(), end: Infinity };
      if (counting) calls.push(call);
      try {
        return await next(args);
      } finally {
        call.end = performance.now();
      }
    },
    { step: 'initialize', name: 'roundTripCounter' },
  );
});

/** Sequential rounds: a call that starts while no earlier call is in flight opens a new round. */
const rounds = () => calls.filter((c, i) => calls.slice(0, i).every((earlier) => earlier.end <= c.start)).length;

async function measure(path: string, who: Person) {
  calls.length = 0;
  counting = true;
  const res = await local.api(path, { headers: bearer(who) });
  counting = false;
  expect(res.status).toBe(200);
  return { commands: calls.map((c) => c.command), rounds: rounds() };
}

describe('DynamoDB round trips per signed-in request', () => {
  it('resolves the caller and the unit’s scope in 2 reads; the listing runs alongside the unit read', async () => {
    for (const who of [officer, chief]) {
      const { commands, rounds } = await measure('/units/xaa/work?limit=10', who);
      expect(commands).toEqual(['QueryCommand', 'GetItemCommand', 'QueryCommand']);
      expect(rounds).toBe(2);
    }
  });

  it('reads a deputy’s delegations with its account, in the same Query', async () => {
    const grant = await local.api('/delegations', {
      method: 'POST',
      headers: { ...bearer(chief), 'content-type': 'application/json' },
      body: JSON.stringify({
        deputyId: deputy.id,
        actions: ['content.approve'],
        validFrom: '2026-01-01T00:00:00Z',
        validTo: '2026-12-31T00:00:00Z',
      }),
    });
    expect(grant.status).toBe(201);
    const { commands } = await measure('/me', deputy);
    // The caller (account + delegations), then the account for the answer.
    expect(commands).toEqual(['QueryCommand', 'GetItemCommand']);
  });

  it('keeps the calendar configuration in the function for a short time', async () => {
    await measure('/calendar/2026', officer);
    const again = await measure('/calendar/2026', officer);
    // Signed-in or not, the public calendar reads nothing while the cached configuration is fresh.
    expect(again.commands).toEqual([]);
  });

  it('reads an account in the same budget: the caller, then the account and its unit', async () => {
    const head = await person(local.api, 'truong.xaa', 'xaa', ['unit-head']);
    const { commands } = await measure(`/accounts/${officer.id}`, head);
    expect(commands).toEqual(['QueryCommand', 'GetItemCommand', 'GetItemCommand']);
  });
});
