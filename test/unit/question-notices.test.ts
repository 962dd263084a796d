import { parseMailConfig } from '../../shared/config/mail';
import { describe, expect, it } from 'vitest';
import { audienceOfStep, composeNotice, localDeadline } from '../../shared/domain/questions/notifications';
import { conventionsOf } from '../../shared/domain/policies/conventions';

const ADVISORY_NOTICE = conventionsOf('cao-bang-2015').advisoryNotice!;

/**
 * Notices (issue 9 #6): who each question step tells, how a due instant reads in Vietnam's time,
 * what a notice says; and the mail settings refused at cold start.
 */
const site = { vi: 'Cổng Thông tin điện tử Tỉnh Bình Định', en: 'Binh Dinh Province e-Portal' };
const step = (event: string, assignedTo: string | null = 'soa') => ({
  type: 'Question',
  event,
  unitCode: 'binhdinh',
  assignedTo,
});

describe('who a step tells', () => {
  it('tells the asker of refusals, progress notices, sent answers and reopening; staff of routing and returns; nobody of the rest', () => {
    expect(audienceOfStep(step('QuestionRefused'))).toEqual({ to: 'asker', kind: 'refused' });
    expect(audienceOfStep(step('QuestionProgressNoticed'))).toEqual({ to: 'asker', kind: 'progress-notice' });
    expect(audienceOfStep(step('QuestionAnswerSent'))).toEqual({ to: 'asker', kind: 'answer-sent' });
    expect(audienceOfStep(step('QuestionReopened'))).toEqual({ to: 'asker', kind: 'reopened' });
    expect(audienceOfStep(step('QuestionRouted'))).toEqual({
      to: 'staff',
      kind: 'routed',
      unitCode: 'soa',
      roles: ['unit-officer', 'unit-head'],
    });
    expect(audienceOfStep(step('QuestionReturned', null))).toEqual({
      to: 'staff',
      kind: 'returned',
      unitCode: 'binhdinh',
      roles: ['secretary', 'chief-editor'],
    });
    expect(audienceOfStep(step('QuestionAnswerReturned'))).toEqual({
      to: 'staff',
      kind: 'answer-returned',
      unitCode: 'soa',
      roles: ['unit-officer', 'unit-head'],
    });
    for (const quiet of ['QuestionClassified', 'QuestionAnswered', 'QuestionAnswerApproved', 'QuestionPublished'])
      expect(audienceOfStep(step(quiet))).toBeUndefined();
    // A content step of the same name is not a question's.
    expect(audienceOfStep({ ...step('QuestionRefused'), type: 'ContentItem' })).toBeUndefined();
  });

  it('a routing or answer return with no unit assigned tells nobody', () => {
    const step = (event: string) => ({ type: 'Question', event, unitCode: 'binhdinh', assignedTo: null });
    expect(audienceOfStep(step('QuestionRouted'))).toBeUndefined();
    expect(audienceOfStep(step('QuestionAnswerReturned'))).toBeUndefined();
    expect(audienceOfStep(step('QuestionUnknownStep'))).toBeUndefined();
  });
});

describe('due instants as people read them (UTC+7)', () => {
  it('reads a local-midnight deadline as the end of the day before, anything else as its time and day', () => {
    expect(localDeadline('2026-02-13T17:00:00.000Z')).toEqual({
      vi: 'hết ngày 13/02/2026',
      en: 'the end of 13/02/2026',
    });
    expect(localDeadline('2026-02-13T02:30:00.000Z')).toEqual({
      vi: '09:30 ngày 13/02/2026',
      en: '09:30 on 13/02/2026',
    });
    expect(localDeadline('2026-12-31T17:00:00.000Z')).toEqual({
      vi: 'hết ngày 31/12/2026',
      en: 'the end of 31/12/2026',
    });
  });

  it('only exact local midnight reads "the end of" the day before; a minute or a second past is that time', () => {
    expect(localDeadline('2026-02-13T17:00:00.000Z')).toEqual({
      vi: 'hết ngày 13/02/2026',
      en: 'the end of 13/02/2026',
    });
    expect(localDeadline('2026-02-13T17:30:00.000Z')).toEqual({
      vi: '00:30 ngày 14/02/2026',
      en: '00:30 on 14/02/2026',
    });
    expect(localDeadline('2026-02-13T17:00:30.000Z')).toEqual({
      vi: '00:00 ngày 14/02/2026',
      en: '00:00 on 14/02/2026',
    });
    expect(localDeadline('2026-02-13T18:00:00.000Z')).toEqual({
      vi: '01:00 ngày 14/02/2026',
      en: '01:00 on 14/02/2026',
    });
  });
});

describe('what a notice says', () => {
  it('puts Vietnamese first and English second, in both the subject and the text', () => {
    const { subject, text } = composeNotice(
      { to: 'asker', kind: 'received' },
      { site, questionId: 'HD.20260212.0001', classificationDueAt: '2026-02-13T17:00:00.000Z' },
    );
    expect(subject).toBe(
      '[Cổng Thông tin điện tử Tỉnh Bình Định] Đã tiếp nhận câu hỏi HD.20260212.0001 / Question HD.20260212.0001 received',
    );
    expect(text.indexOf('trước hết ngày 13/02/2026')).toBeGreaterThan(-1);
    expect(text.indexOf('trước hết ngày 13/02/2026')).toBeLessThan(text.indexOf('by the end of 13/02/2026'));
  });

  it('gives the sent answer with its citations and the advisory notice, and a progress notice its expected day', () => {
    const answer = {
      text: 'Hồ sơ gồm đơn đề nghị.',
      citations: [{ numberSymbol: '12/2026/QĐ-UBND', summary: 'Quy chế', issuedOn: '2026-02-13', issuer: 'UBND tỉnh' }],
      advisoryNotice: ADVISORY_NOTICE,
    };
    const sent = composeNotice({ to: 'asker', kind: 'answer-sent' }, { site, questionId: 'HD.1', answer }).text;
    expect(sent).toContain('Hồ sơ gồm đơn đề nghị.');
    expect(sent).toContain('- 12/2026/QĐ-UBND (UBND tỉnh, 13/02/2026): Quy chế');
    expect(sent).toContain(ADVISORY_NOTICE.vi);
    expect(sent).toContain(ADVISORY_NOTICE.en);
    expect(
      composeNotice({ to: 'asker', kind: 'progress-notice' }, { site, questionId: 'HD.1', expectedBy: '2026-03-20' })
        .text,
    ).toContain('Thời hạn trả lời dự kiến: ngày 20/03/2026.');
  });

  it('names the escalation level, the clock and its due instant', () => {
    const { subject, text } = composeNotice(
      { to: 'staff', kind: 'escalated', unitCode: 'soa', roles: ['unit-head'] },
      {
        site,
        questionId: 'HD.1',
        unitCode: 'soa',
        escalation: { level: 'very-overdue', clock: 'answer', dueAt: '2026-02-26T17:00:00.000Z' },
      },
    );
    expect(subject).toContain('Quá hạn nghiêm trọng: câu hỏi HD.1 / Very overdue: question HD.1');
    expect(text).toContain('Quá hạn nghiêm trọng: hạn trả lời câu hỏi HD.1 của đơn vị soa là hết ngày 26/02/2026.');
  });
});

describe('mail settings fail fast (shared/config/mail.ts)', () => {
  // The roots parse the environment once, at cold start: each case is its own environment.
  const load = async (vars: Record<string, string | undefined>) => () => parseMailConfig(vars);

  it('refuses SES without a sender address, a malformed one, and the outbox without its folder, naming what is missing', async () => {
    await expect(async () => (await load({ MAIL_TRANSPORT: 'ses', MAIL_FROM: undefined }))()).rejects.toThrow(
      /MAIL_FROM/,
    );
    await expect(async () => (await load({ MAIL_TRANSPORT: 'ses', MAIL_FROM: 'not-an-address' }))()).rejects.toThrow(
      /MAIL_FROM/,
    );
    await expect(async () =>
      (await load({ MAIL_TRANSPORT: 'outbox', MAIL_FROM: 'a@b.vn', MAIL_OUTBOX_DIR: undefined }))(),
    ).rejects.toThrow(/MAIL_OUTBOX_DIR/);
    await expect(async () => (await load({ MAIL_TRANSPORT: undefined }))()).rejects.toThrow(/MAIL_TRANSPORT/);
    expect((await load({ MAIL_TRANSPORT: 'ses', MAIL_FROM: 'no-reply@binhdinh.gov.vn' }))()).toEqual({
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: 'no-reply@binhdinh.gov.vn',
    });
  });
});
