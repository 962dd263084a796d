import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { seedQuestionUnits } from '../support/log-capture';
import { setNow } from '../support/travel';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import type { Principal } from '../../shared/domain/access/authorize';
import type { Role } from '../../shared/domain/roles';
import { createContentItem } from '../../shared/application/content-create';
import { transitionContentItem } from '../../shared/application/content-transitions';
import { askQuestion } from '../../shared/application/questions';
import { transitionQuestion } from '../../shared/application/question-transitions';

/**
 * A step is decided once (issue 21): the engine tells the context's `onDecide` of every decision,
 * and each step below (created, taken through the content and Q&A tables against the emulated
 * table) is counted. A use case that decided twice (once to check, once to plan) would count two.
 */
vi.useFakeTimers({ toFake: ['Date'] });
setNow('2026-03-10T09:00:00');

const local = useLocalStack({ config: loadDeploymentConfig('infra/config/provinces/binhdinh.json') });

const who = (id: string, roles: Role[], unitCode = 'binhdinh'): Principal => ({
  id,
  kind: 'user',
  unitCode,
  roles,
  delegations: [],
});
const contributor = who('ctv.decisions', ['contributor']);
const secretary = who('thuky.decisions', ['secretary']);
const chief = who('truongban.decisions', ['chief-editor']);

/** A context that counts the decisions taken under it. */
function counting(principal: Principal) {
  const decided: string[] = [];
  return {
    decided,
    ctx: {
      principal,
      requestId: `decisions-${principal.id}-${Math.random()}`,
      now: new Date(),
      onDecide: (action: string) => void decided.push(action),
    },
  };
}

beforeAll(() => seedQuestionUnits(), 60_000);

describe('one decision per step', { shuffle: false }, () => {
  it('creates, accepts, proposes and approves an item, each step decided once', async () => {
    const create = counting(contributor);
    const body = {
      category: 'news' as const,
      language: 'vi',
      title: 'Tin hoạt động của tỉnh',
      body: '<p>Nội dung tin</p>',
      submit: true,
    };
    const created = await createContentItem(local.stack().services, create.ctx, 'binhdinh', body);
    // Creation is the table's initial step, and the submit that goes with it is its own row.
    expect(create.decided).toEqual(['create', 'submit']);

    let version = created.version;
    for (const [principal, action] of [
      [secretary, 'accept'],
      [secretary, 'propose'],
      [chief, 'approve'],
    ] as const) {
      const step = counting(principal);
      const done = await transitionContentItem(local.stack().services, step.ctx, created.id, { action }, version);
      version = done.version;
      expect(step.decided, action).toEqual([action]);
    }
    expect(version).toBe(created.version + 3);
  });

  it('asks and classifies a question, each step decided once', async () => {
    const ask = counting(secretary);
    const asked = await askQuestion(
      local.stack().services,
      {
        requestId: ask.ctx.requestId,
        now: ask.ctx.now,
        clientAddress: '127.0.9.1',
        onDecide: ask.ctx.onDecide,
      } as Parameters<typeof askQuestion>[1],
      'binhdinh',
      {
        asker: {
          kind: 'individual',
          fullName: 'Trần Văn Bình',
          nationality: 'Việt Nam',
          address: '12 Lê Lợi, Quy Nhơn',
          phone: '0905 000 111',
          email: 'binh.tran@example.vn',
        },
        field: 'land-environment',
        title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất',
        text: 'Xin hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất gồm những giấy tờ gì?',
        consent: { processing: true, publication: false },
      },
    );
    expect(ask.decided).toEqual(['ask']);

    const classify = counting(secretary);
    const done = await transitionQuestion(
      local.stack().services,
      classify.ctx,
      asked.trackingCode,
      { action: 'classify', complexity: 'simple' },
      1,
    );
    expect(done).toMatchObject({ stage: 'classified', version: 2 });
    expect(classify.decided).toEqual(['classify']);
  });
});
