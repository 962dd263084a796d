import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedQuestionUnits } from '../support/log-capture';
import { setNow } from '../support/travel';
import { useLocalStack } from '../support/local-stack';
import { httpFrom } from '../support/http-from';
import { loadDeploymentConfig } from '../../infra/config/deployment';

/**
 * Tracking numbers without a hot item (issue 22 #2): a day's number is one atomic ADD on the day's
 * counter, outside the ask's transaction, so 64 asks in flight together from 64 addresses all pass,
 * each with its own readable number of the day, and no transaction of one conflicts with another's.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-10T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });
const asker = {
  fullName: 'Trần Văn Bình',
  nationality: 'Việt Nam',
  address: '12 Lê Lợi, Quy Nhơn',
  phone: '0905 000 111',
  email: 'binh.tran@example.vn',
};
const body = (i: number) =>
  JSON.stringify({
    asker: { kind: 'individual', ...asker, fullName: `${asker.fullName} ${i}` },
    field: 'land-environment',
    title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất',
    text: `Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì? (số ${i})`,
    consent: { processing: true, publication: false },
  });
const ask = (
  i: number,
  from = `127.0.4.${i + 1}`,
  headers: Record<string, string> = { 'idempotency-key': `concurrent-${i}` },
) =>
  httpFrom(local.stack().gateway.url, '/public/portals/binhdinh/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    from,
    body: body(i),
  });

beforeAll(() => seedQuestionUnits(), 60_000);
afterAll(() => vi.useRealTimers());

// One story in steps: the second continues the day's numbering the first left (its replay is the first's ask).
describe('tracking numbers under concurrent asks', { shuffle: false }, () => {
  it('answers 64 asks in flight together from distinct addresses, each with a distinct number of the day', async () => {
    const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => ask(i)));
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.text.slice(0, 200)}`)).toEqual([]);
    const codes = answers.map((a) => (JSON.parse(a.text) as { trackingCode: string }).trackingCode);
    expect(new Set(codes).size).toBe(64);
    for (const code of codes) expect(code).toMatch(/^HD\.20260310\.\d{4}$/);
    // Nothing was refused, so no number was burnt: the day's numbers are 1..64.
    expect(codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 64 }, (_, i) => i + 1),
    );
  }, 120_000);

  it('keeps numbering after a refusal: a duplicate is refused before it takes a number, a replay takes none', async () => {
    const again = await ask(3);
    // Same key, same body: the first answer replayed (without its secret).
    expect(again.status).toBe(201);
    // The same asker and text from another address, without a key: the duplicate guard's 409.
    const duplicate = await ask(3, '127.0.5.1', {});
    expect(duplicate.status).toBe(409);
    const next = await ask(64);
    expect(next.status, next.text).toBe(201);
    expect((JSON.parse(next.text) as { trackingCode: string }).trackingCode).toBe('HD.20260310.0065');
  }, 60_000);
});
