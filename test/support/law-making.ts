import { expect } from 'vitest';
import type { conformance } from './conformance';
import { seedConsultation } from './consultation-seed';
import { demoAskers } from '../../infra/local/demo-questions';

type Suite = ReturnType<typeof conformance>;

/** A commenter of each kind with the fields the province's preset requires (the demo askers'). */
const commenter = (suite: Suite, kind: 'individual' | 'organisation') =>
  demoAskers(suite.config.policyPreset).find((a) => a.kind === kind)!;

/** An individual comments on article 1 and an organisation on article 2 of an open consultation; both are taken (201). */
export async function commentPerArticle(suite: Suite, consultationId: string) {
  const sent = [];
  for (const [kind, article] of [
    ['individual', 1],
    ['organisation', 2],
  ] as const) {
    const res = await suite.call(
      `/public/portals/${suite.province}/consultations/${consultationId}/comments`,
      undefined,
      {
        method: 'POST',
        body: {
          commenter: commenter(suite, kind),
          article,
          text: `Đề nghị làm rõ nội dung của Điều ${article} trong dự thảo.`,
          consent: { processing: true, publication: true },
        },
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    sent.push(res.body as { code: string; state: string });
  }
  return sent;
}

/**
 * People take part in law-making on the portal (NA 7, QN 14.12, TG 10.1, through NĐ 42/2022 Điều 8),
 * walked through the public API of a province's deployment: a three-article draft is open for
 * comment with its window on the province's calendar; an organisation comments on article 2 and an
 * individual on the whole draft; what the preset says decides whether they wait for the board; the
 * board publishes them; after closing, a comment is refused.
 */
export async function lawMakingRound(suite: Suite): Promise<void> {
  await suite.at('2026-03-16T09:00:00');
  const { id } = await seedConsultation({
    unitCode: suite.province,
    opensAt: '2026-03-16T01:00:00.000Z',
    closesAt: '2026-04-15T10:00:00.000Z',
  });
  const publicPath = `/public/portals/${suite.province}/consultations/${id}`;
  const read = await suite.call(publicPath, undefined);
  expect(read.status, JSON.stringify(read.body)).toBe(200);
  expect(read.body.acceptingComments).toBe(true);
  expect(read.body.articles.map((a: { number: number }) => a.number)).toEqual([1, 2, 3]);
  // The window as the law counts it (calendar days) with the working days it holds beside it.
  expect(read.body.window.calendarDays).toBeGreaterThanOrEqual(30);
  expect(read.body.window.workingDays).toBeLessThan(read.body.window.calendarDays);

  const comment = (kind: 'individual' | 'organisation', article?: number) =>
    suite.call(`${publicPath}/comments`, undefined, {
      method: 'POST',
      body: {
        commenter: commenter(suite, kind),
        ...(article !== undefined && { article }),
        text: article ? `Đề nghị làm rõ phạm vi của Điều ${article}.` : 'Đề nghị bổ sung lộ trình thực hiện dự thảo.',
        consent: { processing: true, publication: true },
      },
    });
  const sent = [await comment('organisation', 2), await comment('individual')];
  for (const res of sent) expect(res.status, JSON.stringify(res.body)).toBe(201);
  for (const { body } of sent.filter((r) => r.body.state === 'pending')) {
    const res = await suite.call(`/consultation-comments/${body.code}/moderation`, suite.people.secretary, {
      method: 'POST',
      body: { action: 'publish' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const listed = (await suite.call(`${publicPath}/comments`, undefined)).body.items;
  expect(listed.map((c: { code: string; article?: number }) => [c.code, c.article ?? null])).toEqual([
    [sent[0]!.body.code, 2],
    [sent[1]!.body.code, null],
  ]);

  await suite.at('2026-04-15T17:30:00');
  const late = await comment('individual', 1);
  expect(late.status, JSON.stringify(late.body)).toBe(409);
}
