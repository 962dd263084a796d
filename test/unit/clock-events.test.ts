import { describe, expect, it, vi } from 'vitest';
import {
  categoryOf,
  checkEventDate,
  contentCategoryIds,
  dueFromDate,
  dueFromInstant,
  dueFromItemDate,
  itemClock,
  localDateOf,
  legalDocumentDue,
  publicationApprovalRefusal,
  type ItemClockFacts,
} from '../../shared/domain/content';
import { DeadlineCalculator, shippedCalendar } from '../../shared/domain/calendar';
import {
  clockEventIds,
  effectivePolicy,
  nationalPreset,
  policyRuleIds,
  presets,
  type PolicyRuleId,
} from '../../shared/domain/policies';
import { answerDueFrom, progressNoticeKind, progressNoticeRefusal, unitShareDays } from '../../shared/domain/questions';
import { DomainError } from '../../shared/domain/errors';

/**
 * Clocks from the right event (issue 23 items 1, 2, 4, 7): each preset value names the event it
 * counts from; dates an item carries count from the day after (BLDS 147), receipts from the next
 * working day; every preset value is reachable by some item or question.
 */
const deadlines = new DeadlineCalculator(shippedCalendar());
const calendar = shippedCalendar();
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
const at = (local: string) => new Date(`${local}+07:00`);
const caoBang = effectivePolicy('cao-bang-2015');
const binhDinh = effectivePolicy('binh-dinh-2020');
const document = (issuedOn: string, issuingAuthority = 'Ủy ban nhân dân tỉnh Cao Bằng') => ({
  issuedOn,
  issuingAuthority,
});

/** Rules a question, a data-subject request or a threshold uses; every `publish.*` rule is reached by an item. */
const QUESTION_AND_PRIVACY_RULES = new Set<PolicyRuleId>(policyRuleIds.filter((r) => !r.startsWith('publish.')));

describe('every clock names its event (issue 23 item 1)', () => {
  it('each national value names a known event, and each province value names one or keeps the national event', () => {
    for (const rule of policyRuleIds) expect(clockEventIds, rule).toContain(nationalPreset.values[rule].countsFrom);
    for (const preset of presets) {
      for (const v of effectivePolicy(preset.id).values)
        expect(clockEventIds, `${preset.id} ${v.rule}`).toContain(v.countsFrom);
    }
  });

  it('the events are the regulations’: CB 11.4 from receipt, BĐ 12.4 from routing, BĐ 11.3 / CB 10.1 from their documents’ events', () => {
    expect(caoBang.value('qa.answer')).toMatchObject({ countsFrom: 'receipt', basis: 'CB 11.4' });
    expect(binhDinh.value('qa.answer').countsFrom).toBe('routing');
    expect(binhDinh.value('publish.administrativeProcedure').countsFrom).toBe('announcement');
    expect(binhDinh.value('publish.draftForComment').countsFrom).toBe('issue');
    expect(caoBang.value('publish.strategyInvestment').countsFrom).toBe('plan-approval');
    expect(caoBang.value('publish.draftForComment').countsFrom).toBe('receipt');
    expect(caoBang.value('publish.statistics').countsFrom).toBe('publication-decision');
    expect(caoBang.value('publish.scienceApproval').countsFrom).toBe('programme-approval');
  });
});

describe('the clocks and events are named in both languages, each counted as its rule says', () => {
  // Read again inside the test: the tables are built once at import, and mutation testing judges
  // module-level data only by tests that import it themselves.
  it('every rule and event has a Vietnamese and an English name; calendar days only where the rule says days', async () => {
    vi.resetModules();
    const { policyRules } = await import('../../shared/domain/policies/rules');
    const { clockEvents, carriesDate } = await import('../../shared/domain/policies/clock-events');
    for (const { name } of [...Object.values(policyRules), ...Object.values(clockEvents)]) {
      expect(name.vi).toMatch(/\p{L}{2,}/u);
      expect(name.en).toMatch(/^[\x20-\x7e’]+$/);
      expect(name.vi).not.toBe(name.en);
    }
    // BĐ 12.5 returns a question within 1 day; personal-data requests are completed within 15 days.
    const calendar = Object.entries(policyRules).filter(([, r]) => r.unit === 'calendarDays');
    expect(calendar.map(([id]) => id)).toEqual(['qa.returnOutOfScope', 'dataSubject.complete']);
    expect(Object.values(policyRules).every((r) => r.unit === 'workingDays' || r.unit === 'calendarDays')).toBe(true);
    const datedEvents = Object.keys(clockEvents).filter((e) => carriesDate(e as keyof typeof clockEvents));
    expect(datedEvents).toEqual([
      'issue',
      'announcement',
      'plan-approval',
      'programme-approval',
      'publication-decision',
    ]);
  });
});

describe('every preset value is reachable (issue 23 item 2)', () => {
  it.each(presets)(
    '$id: each publication value it sets is some category’s clock (or the translation clock)',
    (preset) => {
      const reached = new Set<PolicyRuleId>([
        ...contentCategoryIds.map((id) => categoryOf(id).publishPolicy),
        'publish.translation',
        ...QUESTION_AND_PRIVACY_RULES,
      ]);
      const set = Object.keys(preset.values) as PolicyRuleId[];
      expect(set.filter((rule) => !reached.has(rule))).toEqual([]);
    },
  );

  it('the translation clock is reached by a language version where the preset sets one, and only there', () => {
    const facts: ItemClockFacts = { category: 'news', translation: true };
    expect(itemClock(facts, binhDinh).rule).toBe('publish.translation');
    expect(itemClock(facts, caoBang).rule).toBe('publish.translation');
    expect(itemClock(facts, effectivePolicy('quang-ninh-2023')).rule).toBe('publish.news');
  });

  it('BĐ 11.2 and 11.4: news the working day it is approved, advertising and notices right after approval', () => {
    expect(itemClock({ category: 'news' }, binhDinh).value).toMatchObject({
      value: 0,
      countsFrom: 'board-approval',
      basis: expect.stringMatching(/^BĐ 11\.2/),
    });
    expect(itemClock({ category: 'direction' }, binhDinh).value.value).toBe(0);
    expect(itemClock({ category: 'advertising' }, binhDinh).value).toMatchObject({
      value: 0,
      basis: expect.stringMatching(/^BĐ 11\.4/),
    });
    expect(itemClock({ category: 'useful-information' }, binhDinh).value.value).toBe(0);
    // Approved Sat 07/03/2026 (a day off): online by the end of the next working day, Mon 09/03.
    expect(deadlines.addWorkingDays(at('2026-03-07T10:00:00'), 0).dueAt).toBe(endOf('2026-03-09'));
  });
});

describe('dates an item carries count from the day after (BLDS 2015 Điều 147)', () => {
  it('BĐ 11.3: a legal document issued Sat 02/05/2026 is due at the end of Tue 05/05 (not Wed 06/05)', () => {
    expect(legalDocumentDue('2026-05-02', binhDinh, deadlines)).toBe(endOf('2026-05-05'));
    // Counted as a receipt, the Saturday would first move to Monday 04/05 and end Wed 06/05.
    expect(deadlines.addWorkingDays(at('2026-05-02T00:00:00'), 2).dueAt).toBe(endOf('2026-05-06'));
  });

  it('CB 10.1e: a science call is due 4 working days after its issue date; an approval 6 after the programme’s approval', () => {
    const call: ItemClockFacts = { category: 'science-call', eventDate: '2026-03-05' };
    expect(dueFromItemDate(itemClock(call, caoBang), call, deadlines)).toBe(endOf('2026-03-11'));
    const approval: ItemClockFacts = { category: 'science-approval', eventDate: '2026-03-05' };
    expect(dueFromItemDate(itemClock(approval, caoBang), approval, deadlines)).toBe(endOf('2026-03-13'));
  });

  it('CB 10.1b, d, f: dissemination 15, plans 10 and statistics 10 working days from their own events', () => {
    const due = (category: ItemClockFacts['category']) =>
      dueFromItemDate(
        itemClock({ category, eventDate: '2026-03-02' }, caoBang),
        { category, eventDate: '2026-03-02' },
        deadlines,
      );
    expect(due('legal-guidance')).toBe(endOf('2026-03-23'));
    expect(due('plan-project')).toBe(endOf('2026-03-16'));
    expect(due('statistics')).toBe(endOf('2026-03-16'));
  });

  it('BĐ 11.3: an administrative procedure counts from its announcement', () => {
    const facts: ItemClockFacts = { category: 'administrative-procedure', eventDate: '2026-02-13' };
    expect(dueFromItemDate(itemClock(facts, binhDinh), facts, deadlines)).toBe(endOf('2026-02-24'));
  });
});

describe('working and calendar days, from an instant or from a date', () => {
  it('from an instant: 5 working days from Fri 06/03/2026 10:00 end Fri 13/03; 5 calendar days end Wed 11/03', () => {
    const friday = at('2026-03-06T10:00:00');
    expect(dueFromInstant({ value: 5, unit: 'workingDays' }, friday, deadlines)).toBe(endOf('2026-03-13'));
    expect(dueFromInstant({ value: 5, unit: 'calendarDays' }, friday, deadlines)).toBe(endOf('2026-03-11'));
  });

  it('from a date: the day after is day one; a last calendar day that is a day off moves on (BLDS 147–148)', () => {
    expect(dueFromDate({ value: 3, unit: 'workingDays' }, '2026-03-06', deadlines)).toBe(endOf('2026-03-11'));
    expect(dueFromDate({ value: 3, unit: 'calendarDays' }, '2026-03-06', deadlines)).toBe(endOf('2026-03-09'));
    // Thu 05/03 + 2 calendar days is Sat 07/03: due at the end of Mon 09/03.
    expect(dueFromDate({ value: 2, unit: 'calendarDays' }, '2026-03-05', deadlines)).toBe(endOf('2026-03-09'));
  });

  it('an item whose clock counts from an instant, or that lacks its date, has no due instant at creation', () => {
    const news: ItemClockFacts = { category: 'news', eventDate: '2026-03-02' };
    expect(dueFromItemDate(itemClock(news, caoBang), news, deadlines)).toBeUndefined();
    const statistics: ItemClockFacts = { category: 'statistics' };
    expect(dueFromItemDate(itemClock(statistics, caoBang), statistics, deadlines)).toBeUndefined();
  });

  it('the local date of an instant is Việt Nam’s (UTC+7): 17:30 UTC on 09/03 is already 10/03', () => {
    expect(localDateOf(new Date('2026-03-09T17:30:00Z'))).toBe('2026-03-10');
    expect(localDateOf(new Date('2026-03-09T16:59:59Z'))).toBe('2026-03-09');
  });
});

describe('CB 10.1c: the 2-day clock is for the provincial People’s Committee’s documents', () => {
  it('scopes the value by issuer; other issuers keep the national value', () => {
    expect(legalDocumentDue('2026-03-02', caoBang, deadlines, 'Ủy ban nhân dân tỉnh Cao Bằng')).toBe(
      endOf('2026-03-04'),
    );
    expect(legalDocumentDue('2026-03-02', caoBang, deadlines, 'UBND tỉnh Cao Bằng')).toBe(endOf('2026-03-04'));
    expect(legalDocumentDue('2026-03-02', caoBang, deadlines, 'Sở Tài chính tỉnh Cao Bằng')).toBe(endOf('2026-03-09'));
    expect(legalDocumentDue('2026-03-02', caoBang, deadlines, 'Ủy ban nhân dân huyện Hòa An')).toBe(
      endOf('2026-03-09'),
    );
    expect(
      itemClock(
        { category: 'legal-document', legalDocument: document('2026-03-02', 'Hội đồng nhân dân tỉnh') },
        caoBang,
      ).value,
    ).toMatchObject({ value: 5, source: 'national' });
    expect(itemClock({ category: 'legal-document', legalDocument: document('2026-03-02') }, caoBang)).toMatchObject({
      dateField: 'legalDocument.issuedOn',
      value: { value: 2, source: 'preset', basis: expect.stringContaining('CB 10.1c') },
    });
  });
});

describe('event dates are checked (issue 23 item 1)', () => {
  const refusal = (facts: ItemClockFacts, now = at('2026-03-10T09:00:00'), policy = caoBang) => {
    try {
      checkEventDate(itemClock(facts, policy), facts, now);
    } catch (e) {
      return (e as DomainError).fields[0];
    }
    return undefined;
  };

  it('requires the date where the clock counts from one, naming the event', () => {
    expect(refusal({ category: 'statistics' })).toMatchObject({ field: 'eventDate', code: 'required' });
    expect(refusal({ category: 'statistics' })?.message.en).toContain('the head of the agency decided to publish');
  });

  it('refuses a date in the future (local date) and one before the document’s issue date', () => {
    expect(refusal({ category: 'statistics', eventDate: '2026-03-11' })).toMatchObject({
      field: 'eventDate',
      code: 'in_future',
    });
    expect(refusal({ category: 'statistics', eventDate: '2026-03-10' }, at('2026-03-10T00:30:00'))).toBeUndefined();
    expect(refusal({ category: 'legal-document', legalDocument: document('2026-03-11') })).toMatchObject({
      field: 'legalDocument.issuedOn',
      code: 'in_future',
    });
  });

  it('refuses an event date before the issue date of the document the item carries (CB 10.1d: a plan and its decision)', () => {
    // The plan's clock counts from its approval (eventDate), not from the decision's issue date.
    const plan = (eventDate: string): ItemClockFacts => ({
      category: 'plan-project',
      legalDocument: document('2026-03-05'),
      eventDate,
    });
    expect(itemClock(plan('2026-03-05'), caoBang).dateField).toBe('eventDate');
    const before = refusal(plan('2026-03-04'));
    expect(before).toMatchObject({ field: 'eventDate', code: 'before_issue' });
    expect(before?.message).toEqual({
      vi: 'Ngày sự kiện 2026-03-04 trước ngày ban hành 2026-03-05',
      en: 'The event date 2026-03-04 precedes the issue date 2026-03-05',
    });
    expect(refusal(plan('2026-03-05'))).toBeUndefined();
    expect(refusal(plan('2026-03-06'))).toBeUndefined();
    expect(dueFromItemDate(itemClock(plan('2026-03-06'), caoBang), plan('2026-03-06'), deadlines)).toBe(
      endOf('2026-03-20'),
    );
  });

  it('names the event and the article in both languages', () => {
    const required = refusal({ category: 'statistics' });
    expect(required?.message.vi).toContain('Ngày thủ trưởng cơ quan quyết định công bố');
    expect(required?.message.vi).toContain('CB 10.1f');
    expect(required?.message.en).toContain('CB 10.1f');
    const future = refusal({ category: 'statistics', eventDate: '2026-03-11' });
    expect(future?.message).toEqual({
      vi: 'Ngày 2026-03-11 chưa đến: Ngày thủ trưởng cơ quan quyết định công bố không thể ở tương lai',
      en: '2026-03-11 is in the future: the date the head of the agency decided to publish cannot be',
    });
    const notAllowed = refusal({ category: 'news', eventDate: '2026-03-02' });
    expect(notAllowed?.message).toEqual({
      vi: 'Thời hạn của mục này tính từ: Ban Biên tập duyệt; không nhận ngày sự kiện',
      en: 'This item’s clock counts from: approved by the editorial board; it takes no event date',
    });
  });

  it('refuses a date where the clock counts from an instant the system records', () => {
    expect(refusal({ category: 'news', eventDate: '2026-03-02' })).toMatchObject({
      field: 'eventDate',
      code: 'not_allowed',
    });
    expect(
      refusal({ category: 'legal-document', legalDocument: document('2026-03-02'), eventDate: '2026-03-02' }),
    ).toMatchObject({ code: 'not_allowed' });
    expect(refusal({ category: 'news' })).toBeUndefined();
  });
});

describe('CB 11.4: the answer counts from the portal’s receipt; BĐ 12.4 from routing', () => {
  it('received Fri 13/02/2026 16:00, routed Mon 23/02: due at the end of Fri 13/03, the unit’s share 14 working days', () => {
    const events = { receivedAt: at('2026-02-13T16:00:00'), routedAt: at('2026-02-23T09:00:00') };
    const due = answerDueFrom(caoBang, deadlines, events, false);
    expect(due).toBe(endOf('2026-03-13'));
    expect(answerDueFrom(caoBang, deadlines, { ...events, routedAt: at('2026-03-02T09:00:00') }, false)).toBe(due);
    expect(unitShareDays((d) => calendar.isWorkingDay(d), events.routedAt, due)).toBe(14);
    // Bình Định: 4 working days from the routing.
    expect(answerDueFrom(binhDinh, deadlines, events, false)).toBe(endOf('2026-02-27'));
  });
});

describe('BĐ 7.1: advertising needs the People’s Committee’s approval', () => {
  it('refuses publication without a recorded approval under Bình Định only', () => {
    const refused = publicationApprovalRefusal({ category: 'advertising' }, binhDinh);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused?.fields[0]).toMatchObject({ field: 'peoplesCommitteeApproval', code: 'approval_required' });
    expect(
      publicationApprovalRefusal(
        {
          category: 'advertising',
          peoplesCommitteeApproval: { decisionNumber: '125/UBND-KT', decidedOn: '2026-03-02', file: 'upload-123456' },
        },
        binhDinh,
      ),
    ).toBeUndefined();
    expect(publicationApprovalRefusal({ category: 'news' }, binhDinh)).toBeUndefined();
    expect(publicationApprovalRefusal({ category: 'advertising' }, caoBang)).toBeUndefined();
  });
});

describe('BĐ 12.4: a complex question’s unit reports back so the board can inform the asker', () => {
  const answerDueAt = endOf('2026-03-11');
  const now = at('2026-03-05T09:00:00');

  it('allows a report-back for a complex question within the clock, which it does not move; refuses it for a simple one', () => {
    expect(progressNoticeKind(binhDinh, true)).toBe('report-back');
    expect(progressNoticeKind(binhDinh, false)).toBeUndefined();
    expect(progressNoticeKind(caoBang, false)).toBe('new-date');
    expect(progressNoticeRefusal(binhDinh, { answerDueAt, now, complex: true })).toBeUndefined();
    expect(
      progressNoticeRefusal(binhDinh, { expectedBy: '2026-03-11', answerDueAt, now, complex: true }),
    ).toBeUndefined();
    expect(
      progressNoticeRefusal(binhDinh, { expectedBy: '2026-03-12', answerDueAt, now, complex: true })?.fields[0],
    ).toMatchObject({ field: 'expectedBy', code: 'after_due' });
    expect(progressNoticeRefusal(binhDinh, { answerDueAt, now: at('2026-03-12T09:00:00'), complex: true })?.code).toBe(
      'conflict',
    );
    expect(progressNoticeRefusal(binhDinh, { answerDueAt, now, complex: false })?.messages.en).toContain(
      'Only a complex, inter-agency question',
    );
  });

  it('says why in both languages, and still takes a report-back at the clock’s last instant', () => {
    const simple = progressNoticeRefusal(binhDinh, { answerDueAt, now, complex: false });
    expect(simple?.code).toBe('conflict');
    expect(simple?.messages).toEqual({
      vi: 'Chỉ câu hỏi phức tạp, cần phối hợp liên ngành mới có thông tin phản hồi trong thời hạn (BĐ 12.4)',
      en: 'Only a complex, inter-agency question has a report-back within its clock (BĐ 12.4)',
    });
    const late = progressNoticeRefusal(binhDinh, { answerDueAt, now: at('2026-03-12T09:00:00'), complex: true });
    expect(late?.messages).toEqual({
      vi: 'Đã quá hạn trả lời: thông tin phản hồi phải gửi trong thời hạn (BĐ 12.4)',
      en: 'The answer is overdue already: the report-back must come within the clock (BĐ 12.4)',
    });
    expect(progressNoticeRefusal(binhDinh, { answerDueAt, now: new Date(answerDueAt), complex: true })).toBeUndefined();
    const after = progressNoticeRefusal(binhDinh, { expectedBy: '2026-03-12', answerDueAt, now, complex: true });
    expect(after?.fields[0]?.message).toEqual({
      vi: 'Ngày dự kiến trả lời phải trong thời hạn (BĐ 12.4)',
      en: 'The expected date must fall within the answer clock (BĐ 12.4)',
    });
  });
});
