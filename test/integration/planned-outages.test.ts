import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { traveller } from '../support/travel';
import { caller, person, seedTree, type Person } from '../support/directory';
import { auditLog } from '../support/audit-log';

/**
 * Planned outage notices through the API on the local stack (issue 28 §6; NĐ 224/2026 Điều 13.1a):
 * at least 7 working days ahead on the working calendar in force — here across Tết Đinh Mùi, when
 * 16 calendar days are only 6 working days — or an emergency, recorded with its reason and
 * audited; only the portal's operators announce; everyone reads the notices, as JSON and as RSS.
 */
vi.useFakeTimers({ toFake: ['Date'] });
// Monday 1 Feb 2027, 09:00 in Việt Nam: Tết (5–11 Feb with its compensatory days) lies ahead.
vi.setSystemTime(new Date('2027-02-01T09:00:00+07:00'));

const local = useLocalStack();
const call = caller(local.api);
const people: Record<string, Person> = {};
const travel = traveller(local.api, people);
const auditOf = auditLog(call, () => people.auditor);

const vn = (localTime: string) => new Date(`${localTime}+07:00`).toISOString();
const notice = (startLocal: string, extra: Record<string, unknown> = {}) => ({
  portal: 'demo',
  startsAt: vn(startLocal),
  endsAt: new Date(Date.parse(vn(startLocal)) + 4 * 3_600_000).toISOString(),
  affectedServices: ['portal', 'questions'],
  notice: { vi: 'Nâng cấp hạ tầng máy chủ của Cổng', en: 'Server upgrade' },
  ...extra,
});
const announce = (who: Person | undefined, body: unknown) => call('/planned-outages', who, { method: 'POST', body });
const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

beforeAll(async () => {
  await seedTree();
  const [operator, deptOperator, editor, auditor] = await Promise.all([
    person(local.api, 'vanhanh', 'demo', ['operator']),
    person(local.api, 'vanhanh.soa', 'soa', ['operator']),
    person(local.api, 'bientap', 'demo', ['editor', 'chief-editor']),
    person(local.api, 'kiemtra', 'demo', ['auditor']),
  ]);
  Object.assign(people, { operator, deptOperator, editor, auditor });
}, 60_000);

// Each part builds on the one before it (the announced outages): kept in order under a shuffled run.
describe('planned outages, in order', { shuffle: false }, () => {
  describe('the notice rule, across Tết', () => {
    it('6 working days ahead (17 Feb) is refused, 409 naming body.startsAt and the earliest start; 7 (18 Feb) is accepted', async () => {
      const six = await announce(people.operator, notice('2027-02-17T08:00:00'));
      expect(six.status, JSON.stringify(six.body)).toBe(409);
      expect(fieldsOf(six.body)).toEqual(['body.startsAt']);
      expect(six.body.errors[0].code).toBe('notice_too_short');
      expect(JSON.stringify(six.body)).toContain('2027-02-17T17:00:00.000Z');

      const seven = await announce(people.operator, notice('2027-02-18T08:00:00'));
      expect(seven.status, JSON.stringify(seven.body)).toBe(201);
      expect(seven.body).toMatchObject({
        portal: 'demo',
        emergency: false,
        expectedReturnAt: vn('2027-02-18T12:00:00'),
        requiredNotice: {
          workingDays: 7,
          basis: 'NĐ 224/2026/NĐ-CP Điều 13 khoản 1 điểm a',
          earliestStart: '2027-02-17T17:00:00.000Z',
        },
      });
      const audit = (await auditOf('demo', seven.body.id)).find((e) => e.action === 'outage.announce');
      expect(audit).toMatchObject({ actor: { id: people.operator!.id }, after: { emergency: false } });
    });

    it('an emergency at short notice is accepted, recorded with its reason and audited as one', async () => {
      const res = await announce(
        people.operator,
        notice('2027-02-01T22:00:00', {
          emergency: { reason: 'Vá lỗ hổng bảo mật nghiêm trọng được công bố hôm nay' },
        }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ emergency: true, emergencyReason: expect.stringContaining('lỗ hổng') });
      const audit = (await auditOf('demo', res.body.id)).find((e) => e.action === 'outage.announce-emergency');
      expect(audit?.after).toMatchObject({ emergency: true, emergencyReason: expect.stringContaining('lỗ hổng') });
      // An emergency without a reason is not one.
      const bare = await announce(people.operator, notice('2027-02-01T22:00:00', { emergency: {} }));
      expect(bare.status).toBe(400);
      expect(fieldsOf(bare.body)).toContain('body.emergency.reason');
    });

    it('a week without holidays: 7 working days are 9 calendar days', async () => {
      await travel('2027-03-01T09:00:00');
      expect((await announce(people.operator, notice('2027-03-10T08:00:00'))).status).toBe(409);
      expect((await announce(people.operator, notice('2027-03-11T08:00:00'))).status).toBe(201);
    });
  });

  describe('who may announce', () => {
    it('not an editor (403), not a department’s operator for the province’s portal (403), not anyone signed out (401)', async () => {
      const body = notice('2027-04-01T08:00:00');
      expect((await announce(people.editor, body)).status).toBe(403);
      expect((await announce(people.deptOperator, body)).status).toBe(403);
      expect((await announce(undefined, body)).status).toBe(401);
      // The department's operator announces for its own sub-portal.
      expect((await announce(people.deptOperator, { ...body, portal: 'soa' })).status).toBe(201);
    });

    it('junk is a 4xx naming the field, never a 5xx', async () => {
      const cases: Array<[unknown, number, string]> = [
        [notice('2027-04-01T08:00:00', { startsAt: 'soon' }), 400, 'body.startsAt'],
        [notice('2027-04-01T08:00:00', { endsAt: vn('2027-04-01T07:00:00') }), 400, 'body.endsAt'],
        [notice('2027-04-01T08:00:00', { affectedServices: [] }), 400, 'body.affectedServices'],
        [notice('2027-04-01T08:00:00', { affectedServices: ['mainframe'] }), 400, 'body.affectedServices.0'],
        [notice('2027-04-01T08:00:00', { notice: { vi: '' } }), 400, 'body.notice.vi'],
        [notice('2027-04-01T08:00:00', { portal: 'nowhere' }), 404, 'body.portal'],
        [notice('2027-04-01T08:00:00', { extra: true }), 400, 'body'],
        [notice('2027-02-01T08:00:00'), 400, 'body.startsAt'],
      ];
      for (const [body, status, field] of cases) {
        const res = await announce(people.operator, body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(fieldsOf(res.body), JSON.stringify(res.body)).toContain(field);
      }
    });
  });

  describe('what the public reads', () => {
    it('a portal’s notices and those of the portals above it, not yet over, without who announced them', async () => {
      const soa = await call('/public/portals/soa/planned-outages', undefined);
      expect(soa.status).toBe(200);
      expect(soa.body.rule).toEqual({ workingDays: 7, basis: 'NĐ 224/2026/NĐ-CP Điều 13 khoản 1 điểm a' });
      const portals = soa.body.items.map((o: { portal: string }) => o.portal);
      expect(portals).toContain('demo');
      expect(portals).toContain('soa');
      expect(soa.body.items.every((o: { status: string }) => o.status === 'upcoming')).toBe(true);
      // The emergency of 1 Feb and the notice of 18 Feb are over by now (1 Mar).
      expect(soa.body.items.some((o: { startsAt: string }) => o.startsAt === vn('2027-02-18T08:00:00'))).toBe(false);
      expect(JSON.stringify(soa.body)).not.toContain(people.operator!.id);
      const sob = await call('/public/portals/sob/planned-outages', undefined);
      expect(sob.body.items.map((o: { portal: string }) => o.portal)).not.toContain('soa');
      expect((await call('/public/portals/nowhere/planned-outages', undefined)).status).toBe(404);
    });

    it('the same as RSS 2.0', async () => {
      const res = await local.api('/public/portals/soa/planned-outages.rss');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/rss+xml');
      const xml = await res.text();
      expect(xml).toContain('<rss version="2.0"');
      expect(xml).toContain('Tạm ngừng từ 2027-03-11 08:00 đến 2027-03-11 12:00');
      expect(xml).toContain('Nâng cấp hạ tầng máy chủ của Cổng');
    });
  });
});
