import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { caller, person, type Person } from '../support/directory';
import { seedQuestionUnits } from '../support/log-capture';
import { postComment, seedConsultation } from '../support/consultation-seed';
import { loadDeploymentConfig } from '../../infra/config/deployment';

/**
 * The board's moderation list (`listCommentsForModeration`) a page at a time, as every list that
 * can grow: `limit` (1–100, 25 by default) and `cursor`, `nextCursor` while more remain. More
 * comments than a page holds, posted through the public route, are walked page by page: each once,
 * oldest first, none lost; a cursor that is not this list's is a 400 naming it.
 */
const local = useLocalStack({
  config: loadDeploymentConfig('infra/config/provinces/binhdinh.json'),
  askChallenge: { verify: async () => true },
});
const call = caller(local.api);
const people: Record<string, Person> = {};
const COMMENTS = 31;
const ids = { open: '', other: '' };
const posted: string[] = [];

type ModerationPage = { items: Array<{ code: string; receivedAt: string }>; nextCursor?: string };
const page = async (id: string, query: string, who = people.secretary) => {
  const res = await call(`/consultations/${id}/comments${query}`, who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ModerationPage;
};

beforeAll(async () => {
  await seedQuestionUnits();
  people.secretary = await person(local.api, 'thuky.trang', 'binhdinh', ['secretary']);
  const now = Date.now();
  const window = {
    unitCode: 'binhdinh',
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 30 * 86_400_000).toISOString(),
  };
  ids.open = (await seedConsultation(window)).id;
  ids.other = (await seedConsultation(window)).id;
  // One at a time, from several addresses (20 an hour each), so the order of receipt is the order posted.
  for (let i = 1; i <= COMMENTS; i += 1) {
    posted.push(await postComment(local.stack().gateway.url, ids.open, i));
  }
}, 180_000);

describe('the moderation list, page by page', { shuffle: false }, () => {
  it('answers 25 by default with a cursor to the rest', async () => {
    const first = await page(ids.open, '');
    expect(first.items.map((c) => c.code)).toEqual(posted.slice(0, 25));
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await page(ids.open, `?cursor=${first.nextCursor}`);
    expect(rest.items.map((c) => c.code)).toEqual(posted.slice(25));
  });

  it('walks every comment once, oldest first, in pages of the size asked, and says when none remain', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const next = await page(ids.open, `?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      sizes.push(next.items.length);
      seen.push(...next.items.map((c) => c.code));
      cursor = next.nextCursor;
    } while (cursor && sizes.length < 20);
    expect(seen).toEqual(posted);
    expect(sizes).toEqual([7, 7, 7, 7, 3]);
  });

  it("refuses a limit out of range and a cursor that is not this list's, naming the field", async () => {
    for (const query of ['?limit=0', '?limit=101']) {
      const res = await call(`/consultations/${ids.open}/comments${query}`, people.secretary);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('query.limit');
    }
    const cursor = (await page(ids.open, '?limit=2')).nextCursor!;
    for (const bad of [cursor, 'not-a-cursor', Buffer.from('{"pk":"x"}').toString('base64url')]) {
      const res = await call(`/consultations/${ids.other}/comments?cursor=${bad}`, people.secretary);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'query.cursor', code: 'invalid_cursor' });
    }
    expect((await page(ids.other, '')).items).toEqual([]);
  });
});
