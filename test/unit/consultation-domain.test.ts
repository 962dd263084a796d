import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  articleChangedSince,
  articleChanges,
  articleDigest,
  clausesOf,
  draftPlainText,
  splitArticles,
} from '../../shared/domain/participation/consultation';
import {
  consultationPeriods,
  localDayOf,
  windowDays,
  windowRefusal,
  type WindowRequest,
} from '../../shared/domain/participation/consultation-periods';
import {
  SUMMARY_COLUMNS,
  summaryCsv,
  summaryRefusal,
  summaryRows,
  type SummaryEntry,
} from '../../shared/domain/participation/consultation-summary';
import {
  consultationWorkflow,
  isOpenForComment,
  phaseOf,
} from '../../shared/domain/participation/consultation-workflow';
import { decide, tableProblems } from '../../shared/domain/workflow';
import type { DomainError } from '../../shared/domain/errors';
import { calendarData, DeadlineCalculator, WorkingCalendar } from '../../shared/domain/calendar';
import { person } from '../support/workflow-fixtures';

/** Consultations on drafts (issue 28 §1, §4): article split, digests, periods, the summary's rows, the table. */
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const DRAFT = [
  'QUYẾT ĐỊNH',
  'Ban hành Quy chế quản lý Cổng thông tin điện tử tỉnh',
  'Căn cứ Luật Tổ chức chính quyền địa phương;',
  'Chương I',
  'QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  'Quy chế này quy định việc quản lý,   vận hành Cổng.',
  'Điều 2: Đối tượng áp dụng',
  '1. Cơ quan, đơn vị thuộc tỉnh.',
  '2. Tổ chức, cá nhân',
  'có liên quan.',
  'Điều 2 của Quyết định số 12/2020/QĐ-UBND hết hiệu lực.',
  'Chương II',
  'TỔ CHỨC THỰC HIỆN',
  'Điều 3 – Hiệu lực thi hành',
  'Quyết định này có hiệu lực từ ngày 01/01/2027.',
  'Điều 3. Trùng số: vẫn là nội dung',
].join('\n');

describe('splitArticles', () => {
  it('finds each "Điều N" heading with ".", ":" or a dash, its title and its text, in order', () => {
    const { preamble, articles } = splitArticles(DRAFT);
    expect(articles.map((a) => [a.number, a.title])).toEqual([
      [1, 'Phạm vi điều chỉnh'],
      [2, 'Đối tượng áp dụng'],
      [3, 'Hiệu lực thi hành'],
    ]);
    expect(articles[0]!.text).toBe('Quy chế này quy định việc quản lý, vận hành Cổng.');
    // A line opening with "Điều 2 của…" is a cross-reference, not a heading; a division heading ends the article.
    expect(articles[1]!.text).toBe(
      '1. Cơ quan, đơn vị thuộc tỉnh.\n2. Tổ chức, cá nhân\ncó liên quan.\nĐiều 2 của Quyết định số 12/2020/QĐ-UBND hết hiệu lực.',
    );
    // A repeated number is text of the article before it.
    expect(articles[2]!.text).toBe('Quyết định này có hiệu lực từ ngày 01/01/2027.\nĐiều 3. Trùng số: vẫn là nội dung');
    expect(preamble).toBe(
      'QUYẾT ĐỊNH\nBan hành Quy chế quản lý Cổng thông tin điện tử tỉnh\nCăn cứ Luật Tổ chức chính quyền địa phương;\nChương I\nQUY ĐỊNH CHUNG',
    );
  });

  it('gives each article the SHA-256 of its heading and text, whitespace collapsed', () => {
    const { articles } = splitArticles(DRAFT);
    expect(articles[0]!.digest).toBe(sha('Phạm vi điều chỉnh\nQuy chế này quy định việc quản lý, vận hành Cổng.'));
    expect(articles[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    // One line per line of the article, its khoản included: the digest is of the text as the law reads it.
    expect(articles[2]!.digest).toBe(
      sha('Hiệu lực thi hành\nQuyết định này có hiệu lực từ ngày 01/01/2027.\nĐiều 3. Trùng số: vẫn là nội dung'),
    );
  });

  it('ends an article at a division heading; a draft opening with its articles has no preamble', () => {
    const { preamble, articles } = splitArticles(
      ['Điều 1. Một', 'Nội dung một.', 'Mục 2', 'QUY ĐỊNH RIÊNG', 'Điều 2. Hai', 'Nội dung hai.'].join('\n'),
    );
    expect(preamble).toBe('');
    expect(articles.map((a) => [a.number, a.title, a.text])).toEqual([
      [1, 'Một', 'Nội dung một.'],
      [2, 'Hai', 'Nội dung hai.'],
    ]);
    // Two lines of text before the first article keep their line break.
    expect(splitArticles('Căn cứ Luật A;\nCăn cứ Luật B;\nĐiều 1. Một').preamble).toBe(
      'Căn cứ Luật A;\nCăn cứ Luật B;',
    );
  });

  it('reads a number that skips ahead as the next article, and a lower one as text', () => {
    const { articles } = splitArticles('Điều 2. Hai\nNội dung.\nĐiều 5. Năm\nĐiều 4. Bốn là nội dung');
    expect(articles.map((a) => [a.number, a.text])).toEqual([
      [2, 'Nội dung.'],
      [5, 'Điều 4. Bốn là nội dung'],
    ]);
  });

  it('reads a heading alone on its line, and no article where there is none', () => {
    const alone = splitArticles('Điều 1\nNội dung một.\nĐiều 2.\nNội dung hai.');
    expect(alone.articles.map((a) => [a.number, a.title, a.text])).toEqual([
      [1, '', 'Nội dung một.'],
      [2, '', 'Nội dung hai.'],
    ]);
    expect(splitArticles('Kế hoạch tổ chức lễ hội.\nMục tiêu: ...').articles).toEqual([]);
    expect(splitArticles('Điều 0. Không hợp lệ').articles).toEqual([]);
  });

  it('normalises to NFC and drops invisible characters, so the same words give the same digest', () => {
    const decomposed = 'Điều 1. Phạm vi điều chỉnh\nQuy chế này'.normalize('NFD');
    const withZeroWidth = 'Điều 1. Phạm vi\u200b điều chỉnh\nQuy chế này';
    expect(splitArticles(decomposed).articles[0]!.digest).toBe(articleDigest('Phạm vi điều chỉnh', 'Quy chế này'));
    expect(splitArticles(withZeroWidth).articles[0]!.digest).toBe(articleDigest('Phạm vi điều chỉnh', 'Quy chế này'));
  });
});

describe('articleDigest and changes between versions', () => {
  it('ignores spacing within lines and blank lines, never a changed word, number, punctuation mark or line', () => {
    const base = articleDigest('Hiệu lực', 'Có hiệu lực từ ngày 01/01/2027.');
    expect(articleDigest('Hiệu lực', '\nCó hiệu lực từ ngày 01/01/2027.\n\n')).toBe(base);
    expect(articleDigest('Hiệu lực', 'Có hiệu lực\ntừ ngày 01/01/2027.')).not.toBe(base);
    expect(articleDigest(' Hiệu  lực ', 'Có  hiệu lực từ ngày 01/01/2027. ')).toBe(base);
    expect(articleDigest('Hiệu lực', 'Có hiệu lực từ ngày 01/02/2027.')).not.toBe(base);
    expect(articleDigest('Hiệu lực', 'Có hiệu lực từ ngày 01/01/2027')).not.toBe(base);
    expect(articleDigest('Hiệu lực thi hành', 'Có hiệu lực từ ngày 01/01/2027.')).not.toBe(base);
  });

  it('names the changed, added and removed article numbers', () => {
    const v1 = splitArticles('Điều 1. A\nmột\nĐiều 2. B\nhai\nĐiều 3. C\nba').articles;
    const v2 = splitArticles('Điều 1. A\nmột\nĐiều 2. B\nhai, sửa\nĐiều 4. D\nbốn').articles;
    expect(articleChanges(v1, v2)).toEqual({ changed: [2], added: [4], removed: [3] });
    expect(articleChanges(v1, v1)).toEqual({ changed: [], added: [], removed: [] });
    expect(articleChangedSince(v2, 1, v1[0]!.digest)).toBe(false);
    expect(articleChangedSince(v2, 2, v1[1]!.digest)).toBe(true);
    expect(articleChangedSince(v2, 3, v1[2]!.digest)).toBe(true);
    // An unchanged article after a changed one is still unchanged.
    const v3 = splitArticles('Điều 1. A\nmột, sửa\nĐiều 2. B\nhai').articles;
    expect(articleChangedSince(v3, 2, v1[1]!.digest)).toBe(false);
    expect(articleChangedSince(v3, 1, v1[0]!.digest)).toBe(true);
  });

  it('tells a line break from words run together', () => {
    expect(articleDigest('Hiệu lực', 'một\nhai')).toBe(sha('Hiệu lực\nmột\nhai'));
    expect(articleDigest('Hiệu lực', 'một\nhai')).not.toBe(articleDigest('Hiệu lực', 'mộthai'));
  });
});

describe('clausesOf', () => {
  it('reads khoản "1.", "2." in sequence; continuation lines stay in their clause', () => {
    expect(clausesOf('1. Cơ quan, đơn vị.\n2) Tổ chức, cá nhân\ncó liên quan.\n4. Không liền số')).toEqual([
      { number: 1, text: 'Cơ quan, đơn vị.' },
      { number: 2, text: 'Tổ chức, cá nhân\ncó liên quan.\n4. Không liền số' },
    ]);
    expect(clausesOf('Không có khoản nào.')).toEqual([]);
    expect(clausesOf('2. Bắt đầu từ 2')).toEqual([]);
  });

  it('skips blank lines, and reads a clause whose number stands alone on its line', () => {
    expect(clausesOf('1.\nCơ quan, đơn vị.\n\n2. Tổ chức\n\ncó liên quan.')).toEqual([
      { number: 1, text: 'Cơ quan, đơn vị.' },
      { number: 2, text: 'Tổ chức\ncó liên quan.' },
    ]);
  });
});

describe('draftPlainText', () => {
  it('puts each block of the sanitised body on its own line and decodes the escapes', () => {
    const html =
      '<h3>Điều 1. Phạm vi</h3><p>Quy chế &amp; hướng dẫn&nbsp;này</p><ol><li>1. Một</li><li>2. Hai &lt;b&gt;</li></ol><p>Dòng<br>mới</p>';
    expect(draftPlainText(html).split('\n').filter(Boolean)).toEqual([
      'Điều 1. Phạm vi',
      'Quy chế & hướng dẫn này',
      '1. Một',
      '2. Hai <b>',
      'Dòng',
      'mới',
    ]);
    // The cells of a table row read as one line, a space between them.
    expect(
      draftPlainText(
        '<table><tr><th>Mã</th><th>Tên</th></tr><tr><td>01</td><td>Quý &#39;A&#39; &quot;B&quot;</td></tr></table>',
      )
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(['Mã Tên', `01 Quý 'A' "B"`]);
    expect(splitArticles(draftPlainText(html)).articles[0]!.text).toBe(
      'Quy chế & hướng dẫn này\n1. Một\n2. Hai <b>\nDòng\nmới',
    );
  });
});

describe('minimum periods and windows', () => {
  const calendar = new WorkingCalendar(calendarData());
  const deadlines = new DeadlineCalculator(calendar);
  const provincial = consultationPeriods['provincial-legal-document'];
  const local = (s: string) => new Date(`${s}+07:00`);
  const request = (opens: string, closes: string, extra: Partial<WindowRequest> = {}): WindowRequest => {
    const earliest = deadlines.addCalendarDays(local(opens), provincial.minimumCalendarDays);
    return {
      opensAt: local(opens),
      closesAt: local(closes),
      now: local('2026-12-01T08:00:00'),
      period: provincial,
      earliestClose: new Date(earliest.dueAt),
      earliestCloseText: earliest.dueLocalText,
      ...extra,
    };
  };
  const fieldOf = (e: DomainError | undefined) => e?.fields.map((f) => `${f.field}:${f.code}`);

  it('holds the figures with their basis: 30 calendar days for provincial drafts, none for other drafts', () => {
    expect(provincial.minimumCalendarDays).toBe(30);
    expect(provincial.simplifiedAllowed).toBe(true);
    expect(provincial.basis).toMatch(/64\/2025\/QH15/);
    expect(consultationPeriods['other-draft']).toMatchObject({ minimumCalendarDays: 0, simplifiedAllowed: false });
  });

  it('counts the day it opens out and ends at 24:00 of the last day (BLDS 147–148)', () => {
    // Opens Tue 1/12/2026 08:00; 30 days end at 24:00 on Thu 31/12/2026.
    expect(fieldOf(windowRefusal(request('2026-12-01T08:00:00', '2027-01-01T00:00:00')))).toBeUndefined();
    expect(fieldOf(windowRefusal(request('2026-12-01T08:00:00', '2026-12-31T23:59:00')))).toEqual([
      'closesAt:period_too_short',
    ]);
    const refusal = windowRefusal(request('2026-12-01T08:00:00', '2026-12-31T23:59:00'));
    expect(refusal?.messages.vi).toContain('24:00 ngày 31/12/2026');
  });

  it('moves the end past a last day that is a day off (Sat 2/1/2027 → Mon 4/1/2027)', () => {
    // Opens Thu 3/12/2026: day 30 is Sat 2/1/2027, so the period runs to 24:00 on Mon 4/1/2027.
    expect(fieldOf(windowRefusal(request('2026-12-03T09:00:00', '2027-01-04T12:00:00')))).toEqual([
      'closesAt:period_too_short',
    ]);
    expect(windowRefusal(request('2026-12-03T09:00:00', '2027-01-05T00:00:00'))).toBeUndefined();
  });

  it('refuses an opening in the past, a close before the opening; the simplified procedure needs a ground', () => {
    expect(fieldOf(windowRefusal(request('2026-12-01T07:58:00', '2027-02-01T00:00:00')))).toEqual(['opensAt:in_past']);
    expect(windowRefusal(request('2026-12-01T07:59:30', '2027-02-01T00:00:00'))).toBeUndefined();
    expect(fieldOf(windowRefusal(request('2026-12-05T08:00:00', '2026-12-05T08:00:00')))).toEqual([
      'closesAt:before_opening',
    ]);
    const short = ['2026-12-01T08:00:00', '2026-12-08T00:00:00'] as const;
    expect(windowRefusal(request(...short, { simplifiedReason: 'Trường hợp khẩn cấp theo Điều 51' }))).toBeUndefined();
    expect(fieldOf(windowRefusal(request(...short, { simplifiedReason: '  ' })))).toEqual([
      'simplifiedReason:required',
    ]);
    expect(
      fieldOf(windowRefusal(request(...short, { simplifiedReason: 'x', period: consultationPeriods['other-draft'] }))),
    ).toEqual(['simplifiedReason:not_allowed']);
  });

  it('takes an opening up to one minute in the past (the request in transit), not more', () => {
    expect(windowRefusal(request('2026-12-01T07:59:00', '2027-02-01T00:00:00'))).toBeUndefined();
    expect(fieldOf(windowRefusal(request('2026-12-01T07:58:59.999', '2027-02-01T00:00:00')))).toEqual([
      'opensAt:in_past',
    ]);
  });

  it('says what is wrong with a window in Vietnamese and English, with the minimum and its basis', () => {
    const said = (e: DomainError | undefined) => {
      expect(e?.fields[0]?.message).toEqual(e?.messages);
      return e?.messages;
    };
    expect(said(windowRefusal(request('2026-12-01T07:00:00', '2027-02-01T00:00:00')))).toEqual({
      vi: expect.stringContaining('đã qua'),
      en: expect.stringContaining('has passed'),
    });
    expect(said(windowRefusal(request('2026-12-05T08:00:00', '2026-12-04T08:00:00')))).toEqual({
      vi: expect.stringContaining('phải sau thời điểm mở'),
      en: expect.stringContaining('after the opening instant'),
    });
    const other = consultationPeriods['other-draft'];
    const notAllowed = said(
      windowRefusal(request('2026-12-01T08:00:00', '2026-12-08T00:00:00', { simplifiedReason: 'x', period: other })),
    );
    expect(notAllowed?.vi).toContain('thủ tục rút gọn');
    expect(notAllowed?.vi).toContain(other.basis);
    expect(notAllowed?.en).toContain('no simplified procedure');
    expect(
      said(windowRefusal(request('2026-12-01T08:00:00', '2026-12-08T00:00:00', { simplifiedReason: '' }))),
    ).toEqual({ vi: expect.stringContaining('căn cứ'), en: expect.stringContaining('ground') });
    const tooShort = request('2026-12-01T08:00:00', '2026-12-20T00:00:00');
    const short = said(windowRefusal(tooShort));
    expect(short?.vi).toContain(`ít nhất ${provincial.minimumCalendarDays} ngày`);
    expect(short?.vi).toContain(tooShort.earliestCloseText.vi);
    expect(short?.vi).toContain(provincial.basis);
    expect(short?.en).toContain(`at least ${provincial.minimumCalendarDays} calendar days`);
    expect(short?.en).toContain(tooShort.earliestCloseText.en);
  });

  it('shows the working days beside the calendar days of a window', () => {
    // 2/12 → 31/12/2026: 30 days, 22 working days (no holiday in December).
    expect(
      windowDays(local('2026-12-01T08:00:00'), local('2027-01-01T00:00:00'), (d) => calendar.isWorkingDay(d)),
    ).toEqual({ calendarDays: 30, workingDays: 22 });
    // Over Tết 2027 (off 5–10/2 and the weekends): 30 days, fewer working days.
    const tet = windowDays(local('2027-01-25T08:00:00'), local('2027-02-25T00:00:00'), (d) => calendar.isWorkingDay(d));
    expect(tet.calendarDays).toBe(30);
    expect(tet.workingDays).toBeLessThan(22);
    expect(localDayOf(local('2026-12-01T00:00:00'))).toBe(localDayOf(local('2026-12-01T23:59:59')));
    expect(localDayOf(local('2026-12-02T00:00:00'))).toBe(localDayOf(local('2026-12-01T23:59:59')) + 1);
  });
});

describe('the summary', () => {
  const articles = splitArticles(DRAFT).articles;
  const entry = (fields: Partial<SummaryEntry>): SummaryEntry => ({
    article: 2,
    received: 'Đề nghị bổ sung đối tượng',
    commentCount: 3,
    response: 'accepted',
    reason: '',
    ...fields,
  });
  const fieldOf = (e: DomainError | undefined) => e?.fields.map((f) => `${f.field}:${f.code}`);

  it('takes rows for existing articles and the whole draft, once each; reasons where not accepted', () => {
    expect(summaryRefusal([entry({}), entry({ article: null }), entry({ article: 3 })], articles)).toBeUndefined();
    expect(summaryRefusal([], articles)).toBeUndefined();
    expect(fieldOf(summaryRefusal([entry({ article: 9 })], articles))).toEqual(['summary.0.article:unknown_article']);
    expect(fieldOf(summaryRefusal([entry({}), entry({})], articles))).toEqual(['summary.1.article:duplicate_article']);
    expect(fieldOf(summaryRefusal([entry({ article: null }), entry({ article: null })], articles))).toEqual([
      'summary.1.article:duplicate_article',
    ]);
    expect(fieldOf(summaryRefusal([entry({ response: 'explained', reason: ' ' })], articles))).toEqual([
      'summary.0.reason:required',
    ]);
    expect(fieldOf(summaryRefusal([entry({ response: 'not-accepted', reason: '' })], articles))).toEqual([
      'summary.0.reason:required',
    ]);
    expect(summaryRefusal([entry({ response: 'not-accepted', reason: 'Trái Luật' })], articles)).toBeUndefined();
  });

  it('names the refused row in Vietnamese and English: the unknown article and those the draft has, the repeated one, the response wanting a reason', () => {
    const messages = (e: DomainError | undefined) => {
      expect(e?.fields[0]?.message).toEqual(e?.messages);
      return e?.messages;
    };
    expect(messages(summaryRefusal([entry({ article: 9 })], articles))).toEqual({
      vi: expect.stringMatching(/Điều 9 .*1, 2, 3/u),
      en: expect.stringMatching(/article 9 .*1, 2, 3/u),
    });
    // A draft without articles takes only a row for the whole draft.
    expect(messages(summaryRefusal([entry({ article: 1 })], []))).toEqual({
      vi: expect.stringContaining('không có điều nào'),
      en: expect.stringContaining('(it has: none)'),
    });
    expect(messages(summaryRefusal([entry({}), entry({})], articles))).toEqual({
      vi: expect.stringMatching(/^Điều 2 đã có một dòng/u),
      en: expect.stringMatching(/^Article 2 has a row already/u),
    });
    expect(messages(summaryRefusal([entry({ article: null }), entry({ article: null })], articles))).toEqual({
      vi: expect.stringMatching(/^toàn bộ dự thảo đã có một dòng/u),
      en: expect.stringMatching(/^The whole draft has a row already/u),
    });
    // The response as the table spells it, within a sentence.
    expect(messages(summaryRefusal([entry({ response: 'not-accepted', reason: '' })], articles))).toEqual({
      vi: expect.stringContaining('lý do khi không tiếp thu'),
      en: expect.stringContaining('"not-accepted"'),
    });
    expect(messages(summaryRefusal([entry({ response: 'explained', reason: '' })], articles))?.vi).toContain(
      'lý do khi giải trình',
    );
  });

  it("keeps rows given in the draft's order in that order", () => {
    const rows = summaryRows([entry({ article: null }), entry({ article: 1 }), entry({ article: 2 })], articles);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['1', 'Toàn bộ dự thảo'],
      ['2', 'Điều 1. Phạm vi điều chỉnh'],
      ['3', 'Điều 2. Đối tượng áp dụng'],
    ]);
  });

  it('names an article without a heading, or one the version shown lacks, by its number alone', () => {
    const untitled = splitArticles('Điều 1\nNội dung.').articles;
    expect(summaryRows([entry({ article: 1 })], untitled)[0]![1]).toBe('Điều 1');
    expect(summaryRows([entry({ article: 4 })], untitled)[0]![1]).toBe('Điều 4');
  });

  it('lays the rows out whole draft first, then by article, with the article heading and the response label', () => {
    const rows = summaryRows(
      [
        entry({ article: 3, response: 'not-accepted', reason: 'Giữ nguyên ngày hiệu lực', commentCount: 1 }),
        entry({ article: null, received: 'Tán thành', commentCount: 5 }),
        entry({ article: 1, response: 'explained', reason: 'Đã quy định tại Luật' }),
      ],
      articles,
    );
    expect(rows).toEqual([
      ['1', 'Toàn bộ dự thảo', '5', 'Tán thành', 'Tiếp thu', ''],
      ['2', 'Điều 1. Phạm vi điều chỉnh', '3', 'Đề nghị bổ sung đối tượng', 'Giải trình', 'Đã quy định tại Luật'],
      [
        '3',
        'Điều 3. Hiệu lực thi hành',
        '1',
        'Đề nghị bổ sung đối tượng',
        'Không tiếp thu',
        'Giữ nguyên ngày hiệu lực',
      ],
    ]);
  });

  it('writes CSV a real parser reads back, quotes, commas and line breaks included', () => {
    const rows = summaryRows(
      [entry({ received: 'Ý kiến "A", dòng 1\r\ndòng 2', response: 'explained', reason: 'Lý do, có dấu phẩy' })],
      articles,
    );
    const csv = summaryCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parse(csv, { bom: true }) as string[][];
    expect(parsed).toEqual([[...SUMMARY_COLUMNS], [...rows[0]!]]);
    expect(summaryCsv(rows, false).startsWith('STT,')).toBe(true);
  });
});

describe('the consultation workflow table', () => {
  const secretary = person('secretary', ['secretary']);
  const officer = person('officer', ['unit-officer']);
  const head = person('head', ['unit-head']);
  const other = person('other-secretary', ['secretary'], 'sotttt');
  const when = new Date('2026-12-10T03:00:00.000Z');
  const consultation = (
    state: (typeof consultationWorkflow)['initial'] | 'closed' | 'summary-drafted',
    fields = {},
  ) => ({
    id: 'k1',
    state,
    version: 3,
    unitPath: ['demo'],
    openClocks: [] as never[],
    ...fields,
  });
  const run = (principal: ReturnType<typeof person>, action: string, item = consultation('closed')) =>
    decide(consultationWorkflow, item as never, action as never, {}, { principal, now: when, requestId: 'r' });

  it('is consistent: every step authorised, cited, bilingual; no clocks', () => {
    expect(tableProblems(consultationWorkflow)).toEqual([]);
  });

  it('lets the drafting unit write the summary and records the writer, who may then not approve it', () => {
    const written = run(officer, 'writeSummary');
    if (!written.ok) throw written.error;
    expect(written.value.to).toBe('summary-drafted');
    expect(written.value.next.participants).toEqual([{ id: 'officer', role: 'summary-writer' }]);
    const drafted = consultation('summary-drafted', { participants: written.value.next.participants });
    const self = run({ ...officer, roles: ['unit-head'] }, 'approveSummary', drafted);
    expect(self.ok).toBe(false);
    expect(!self.ok && self.error.code).toBe('forbidden');
    const approved = run(head, 'approveSummary', drafted);
    expect(approved.ok && approved.value.to).toBe('summary-approved');
  });

  it('refuses another unit, the wrong state, and the scheduler any step but its own', () => {
    const outsider = run(other, 'close', consultation('scheduled'));
    expect(!outsider.ok && outsider.error.code).toBe('forbidden');
    const early = run(secretary, 'publishSummary');
    expect(!early.ok && early.error.code).toBe('conflict');
    const system = {
      id: 'system:consultation-scheduler',
      kind: 'system' as const,
      unitCode: 'demo',
      roles: ['consultation-scheduler' as const],
      delegations: [],
    };
    expect(run(system, 'openScheduled', consultation('scheduled')).ok).toBe(true);
    expect(run(system, 'open', consultation('scheduled')).ok).toBe(false);
    expect(run(system, 'writeSummary').ok).toBe(false);
    expect(run(secretary, 'openScheduled', consultation('scheduled')).ok).toBe(false);
  });

  it('lists scheduled ones apart, and takes comments only while open inside the window', () => {
    expect(phaseOf('scheduled')).toBe('scheduled');
    expect(phaseOf('open')).toBe('open');
    expect(['closed', 'summary-drafted', 'summary-approved', 'published'].map((s) => phaseOf(s as never))).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
    ]);
    const window = { opensAt: '2026-12-01T01:00:00.000Z', closesAt: '2026-12-31T17:00:00.000Z' };
    expect(isOpenForComment({ state: 'open', ...window }, new Date('2026-12-31T16:59:59.999Z'))).toBe(true);
    expect(isOpenForComment({ state: 'open', ...window }, new Date('2026-12-31T17:00:00.000Z'))).toBe(false);
    expect(isOpenForComment({ state: 'open', ...window }, new Date('2026-12-01T00:59:59.999Z'))).toBe(false);
    expect(isOpenForComment({ state: 'open', ...window }, new Date('2026-12-01T01:00:00.000Z'))).toBe(true);
    expect(isOpenForComment({ state: 'closed', ...window }, new Date('2026-12-10T00:00:00.000Z'))).toBe(false);
  });
});
