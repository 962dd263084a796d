import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../support/fast-check-seed';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import { effectivePolicy } from '../../shared/domain/policies';
import {
  askerIdentity,
  askerProblems,
  isComplex,
  isTrackingCode,
  localDayOf,
  newSecret,
  questionClocks,
  requireCompleteAsker,
  requireVietnameseText,
  SECRET_PATTERN,
  secretHash,
  secretMatches,
  trackingCode,
  vietnameseTextProblem,
  type Asker,
} from '../../shared/domain/questions';
import { refusal } from '../support/refusal';

const at = (local: string) => new Date(`${local}+07:00`);
const deadlines = new DeadlineCalculator(shippedCalendar());
const clocksOf = (preset: string) => questionClocks(effectivePolicy(preset), deadlines);

describe('question clocks from the preset (BĐ 12.3–12.5)', () => {
  const received = at('2026-02-12T10:00:00');

  it('gives classification until the end of Fri 13/02/2026 for a question received Thu 12/02/2026 10:00', () => {
    expect(clocksOf('binh-dinh-2020').classificationDue(received)).toBe(at('2026-02-14T00:00:00').toISOString());
  });

  it('gives the answer, routed on Fri 13/02 under Bình Định, until the end of Thu 26/02/2026, or Tue 03/03/2026 if complex (Tết)', () => {
    const clocks = clocksOf('binh-dinh-2020');
    // Routed on the day classification is due: Tết (14–22/02) is skipped.
    const routed = at('2026-02-13T09:00:00');
    expect(clocks.answerDue(routed, false)).toBe(at('2026-02-27T00:00:00').toISOString());
    expect(clocks.answerDue(routed, true)).toBe(at('2026-03-04T00:00:00').toISOString());
    // Routed on Thu 12/02 itself, one working day earlier each.
    expect(clocks.answerDue(received, false)).toBe(at('2026-02-26T00:00:00').toISOString());
    expect(clocks.answerDue(received, true)).toBe(at('2026-03-03T00:00:00').toISOString());
  });

  it('gives Cao Bằng 15 working days whatever the complexity, and returns within 1 calendar day (BĐ 12.5), moved past days off', () => {
    const clocks = clocksOf('cao-bang-2015');
    expect(clocks.answerDue(received, false)).toBe(clocks.answerDue(received, true));
    // Routed Fri 13/02: one calendar day ends on Sat 14/02, a day off (Tết), so the return is due with the next working day.
    expect(clocksOf('binh-dinh-2020').returnDue(at('2026-02-13T09:00:00'))).toBe(at('2026-02-24T00:00:00').toISOString());
    expect(clocksOf('binh-dinh-2020').returnDue(at('2026-03-03T09:00:00'))).toBe(at('2026-03-05T00:00:00').toISOString());
  });

  it('treats complex or inter-agency questions as complex', () => {
    expect([isComplex('simple', 'single-unit'), isComplex('complex', 'single-unit'), isComplex('simple', 'inter-agency'), isComplex(undefined, undefined)]).toEqual([false, true, true, false]);
  });
});

describe('tracking codes and secrets', () => {
  it('reads HD.YYYYMMDD.NNNN with the local day of receipt', () => {
    expect(trackingCode(localDayOf(at('2026-02-12T23:59:00')), 42)).toBe('HD.20260212.0042');
    // 00:30 on the 13th in Vietnam is still the 12th in UTC.
    expect(localDayOf(at('2026-02-13T00:30:00'))).toBe('20260213');
    expect(trackingCode('20260212', 12345)).toBe('HD.20260212.12345');
    expect(() => trackingCode('2026-02-12', 1)).toThrow();
    expect(() => trackingCode('20260212', 0)).toThrow();
    expect(isTrackingCode('HD.20260212.0042')).toBe(true);
    expect(['HD.2026021.0042', 'HD.20260212.42', 'hd.20260212.0042', 'HD.20260212.0042 ', 'HD.20260212.0042#x'].map(isTrackingCode)).toEqual([false, false, false, false, false]);
  });

  it('makes 256-bit secrets, stores only their hash and compares them', () => {
    const secrets = new Set(Array.from({ length: 200 }, newSecret));
    expect(secrets.size).toBe(200);
    const secret = [...secrets][0]!;
    expect(secret).toMatch(SECRET_PATTERN);
    const hash = secretHash(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(newSecret(), hash)).toBe(false);
    expect(secretMatches(secret, undefined)).toBe(false);
    expect(secretMatches(secret, 'short')).toBe(false);
    expect(secretMatches('no question has this secret', undefined)).toBe(false);
  });

  it('tells every secret apart from every other (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => secretMatches(a, secretHash(b)) === (a === b)));
  });
});

describe('the question must be Vietnamese with diacritics (BĐ 12.2a)', () => {
  const ok = [
    'Xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ cần những giấy tờ gì?',
    'Tôi muốn hỏi về Luật Đất đai 2024 và Nghị định 102/2024/NĐ-CP.',
    'Đề nghị hướng dẫn.',
    'Nhiệt độ 25°C có ảnh hưởng gì không?',
    'Văn bản «Quy chế» có hiệu lực từ khi nào?',
    'Hỏi về dự án PPP (public-private partnership) của tỉnh',
  ];
  it.each(ok)('accepts %s', (value) => expect(vietnameseTextProblem(value)).toBeUndefined());

  it.each([
    ['Xin hoi thu tuc cap giay phep xay dung', 'no_diacritics'],
    ['Question about the land law in the province', 'no_diacritics'],
    ['1234 5678', 'no_diacritics'],
    ['Há»i vá» thá»§ tá»¥c', 'mojibake'],
    ['Ä‘áº¥t Ä‘ai', 'mojibake'],
    ['TrÆ°á»ng há»c', 'mojibake'],
    ['Tr\u00ADêng häc cã ®Êt', 'legacy_encoding'],
    ['H¸i vÒ thñ tôc ®Êt ®ai', 'legacy_encoding'],
    ['Vieät Nam ñeán naêm', 'legacy_encoding'],
  ])('refuses %s (%s)', (value, problem) => expect(vietnameseTextProblem(value)).toBe(problem));

  it('names the field in both languages', () => {
    const error = refusal(() => requireVietnameseText('body.text', { vi: 'Nội dung câu hỏi', en: 'question text' }, 'Xin hoi ve dat dai'));
    expect(error.fields[0]).toMatchObject({ field: 'body.text', code: 'no_diacritics' });
    expect(error.messages).toEqual({
      vi: 'Nội dung câu hỏi phải viết bằng tiếng Việt có dấu (BĐ 12.2a)',
      en: 'The question text must be written in Vietnamese with diacritics (BĐ 12.2a)',
    });
    expect(refusal(() => requireVietnameseText('body.title', { vi: 'Tiêu đề', en: 'title' }, 'Há»i')).fields[0]?.code).toBe('mojibake');
  });

  it('accepts decomposed (NFD) input as its NFC form', () => {
    expect(() => requireVietnameseText('body.text', { vi: 'x', en: 'x' }, 'Xin hỏi về đất đai'.normalize('NFD'))).not.toThrow();
  });

  const syllables = ['hỏi', 'đất', 'thủ', 'tục', 'giấy', 'phép', 'người', 'dân', 'được', 'không', 'quy', 'định', 'cấp', 'xã', 'tỉnh', 'việc'];
  const sentence = fc.array(fc.constantFrom(...syllables), { minLength: 3, maxLength: 40 }).map((w) => w.join(' '));
  const strip = (s: string) => s.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

  it('accepts any sentence of marked syllables, and refuses it once stripped of its marks (property)', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        expect(vietnameseTextProblem(s)).toBeUndefined();
        // A sentence of only unmarked syllables ("dân" → "dan", "quy" stays): stripped, nothing is left marked.
        expect(vietnameseTextProblem(strip(s))).toBe('no_diacritics');
      }),
    );
  });

  it('refuses any marked sentence once its UTF-8 bytes are read as Latin-1 (property)', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        const garbled = Buffer.from(s, 'utf8').toString('latin1');
        expect(vietnameseTextProblem(garbled)).toBe('mojibake');
      }),
    );
  });
});

describe('the asker, as the preset requires (BĐ 12.2, CB 11.2)', () => {
  const individual: Asker = { kind: 'individual', fullName: 'Nguyễn Văn An', nationality: 'Việt Nam', address: 'Quy Nhơn', phone: '0912345678' };
  const organisation: Asker = { kind: 'organisation', representativeName: 'Trần Thị Bình', representativePosition: 'Giám đốc', organisationName: 'Công ty TNHH Bình An', phone: '0256 3822 000', email: 'lienhe@binhan.vn' };

  it('takes an individual without e-mail under Bình Định, but asks Cao Bằng askers for occupation and ID number', () => {
    expect(askerProblems(individual, 'binh-dinh-2020')).toEqual([]);
    expect(askerProblems(individual, 'cao-bang-2015').map((i) => i.field)).toEqual(['body.asker.occupation', 'body.asker.idNumber']);
    expect(askerProblems(individual, 'cao-bang-2015')[0]?.message.en).toBe('Give the occupation (CB 11.2b (thêm nghề nghiệp, số CMND/CCCD hoặc hộ chiếu))');
    expect(askerProblems({ ...individual, occupation: 'Kỹ sư', idNumber: '052090001234' }, 'cao-bang-2015')).toEqual([]);
  });

  it("asks an organisation for its e-mail (BĐ 12.2b) and, in Cao Bằng, its head-office address (CB 11.2a)", () => {
    expect(askerProblems(organisation, 'binh-dinh-2020')).toEqual([]);
    expect(askerProblems(organisation, 'cao-bang-2015').map((i) => i.field)).toEqual(['body.asker.organisationAddress']);
    const { email: _email, ...noEmail } = organisation as Record<string, string>;
    expect(askerProblems(noEmail as unknown as Asker, 'binh-dinh-2020').map((i) => i.field)).toEqual(['body.asker.email']);
  });

  it('uses the national default for presets without their own rule, and refuses fields of the other kind', () => {
    expect(askerProblems({ kind: 'individual' }, 'quang-ninh-2023').map((i) => i.field)).toEqual(['body.asker.fullName', 'body.asker.nationality', 'body.asker.address', 'body.asker.phone']);
    expect(askerProblems({ ...individual, organisationName: 'X' } as unknown as Asker, 'binh-dinh-2020')).toMatchObject([{ field: 'body.asker.organisationName', code: 'not_allowed' }]);
    expect(refusal(() => requireCompleteAsker({ kind: 'individual' }, 'binh-dinh-2020')).fields).toHaveLength(4);
    expect(refusal(() => requireCompleteAsker({ ...individual, phone: ' ' }, 'binh-dinh-2020')).fields).toEqual([expect.objectContaining({ field: 'body.asker.phone', code: 'required' })]);
  });

  it('identifies an asker for duplicates regardless of case and spacing', () => {
    expect(askerIdentity({ ...individual, fullName: '  NGUYỄN   văn an ' })).toBe(askerIdentity(individual));
    expect(askerIdentity({ ...individual, phone: '0912345679' })).not.toBe(askerIdentity(individual));
  });
});

describe('the progress notice (CB 11.4)', () => {
  it('exists where the preset provides for it, ends with the expected local day, once, before the answer is overdue', async () => {
    const { endOfLocalDay, progressNoticeAllowed, progressNoticeRefusal } = await import('../../shared/domain/questions');
    expect(['national', 'binh-dinh-2020', 'cao-bang-2015'].map((p) => progressNoticeAllowed(effectivePolicy(p)))).toEqual([false, false, true]);
    expect(progressNoticeAllowed(effectivePolicy('binh-dinh-2020', { 'qa.progressNotice': { value: 10, basis: 'QĐ sửa đổi' } }))).toBe(true);
    expect(endOfLocalDay('2026-04-10')).toBe('2026-04-10T17:00:00.000Z');
    const cb = effectivePolicy('cao-bang-2015');
    const answerDueAt = endOfLocalDay('2026-03-23');
    const now = at('2026-03-10T09:00:00');
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-04-10', answerDueAt, now })).toBeUndefined();
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-03-23', answerDueAt, now })?.fields[0]?.code).toBe('not_later');
    expect(progressNoticeRefusal(cb, { expectedBy: '2026-04-10', answerDueAt, now: at('2026-03-24T00:00:01') })?.code).toBe('conflict');
    expect(progressNoticeRefusal(cb, { answerDueAt, now })?.fields[0]?.field).toBe('body.expectedBy');
    const previous = { at: '2026-03-05T02:00:00.000Z', by: 'x', expectedBy: '2026-04-01', expectedByAt: endOfLocalDay('2026-04-01') };
    expect(progressNoticeRefusal(cb, { previous, expectedBy: '2026-04-10', answerDueAt, now })?.messages.en).toBe('A progress notice was given on 2026-03-05; once per question');
    expect(progressNoticeRefusal(effectivePolicy('tien-giang-2024'), { expectedBy: '2026-04-10', answerDueAt, now })?.messages.en).toBe(
      'The regulation in force (Tiền Giang) provides for no progress notice (as CB 11.4 does)',
    );
  });
});
