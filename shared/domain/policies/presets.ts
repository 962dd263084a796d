import type { ClockEvent, IssuerScope } from './clock-events';
import type { PolicyRuleId } from './rules';

/**
 * Deadline presets: the national defaults, and one per seed province with the values its Quy chế
 * sets. A province that is silent on a clock inherits the national value. Every value carries
 * its basis ("BĐ 12.4" = Bình Định's Quy chế, Điều 12 khoản 4).
 */
export interface PolicyValue {
  readonly value: number;
  readonly basis: string;
  readonly note?: string;
  /** The event the clock counts from (./clock-events.ts); a province silent on it keeps the national event. */
  readonly countsFrom?: ClockEvent;
  /** Only documents of this issuer (CB 10.1c); others keep the national value. */
  readonly issuer?: IssuerScope;
}

/** A national value names its event: every clock counts from something. */
export type NationalValue = PolicyValue & { readonly countsFrom: ClockEvent };

/**
 * Who answers a question for the unit it is routed to: any of its staff holding `qa.answer`
 * (`unit-staff`), or only its head and the officers the head authorised (`head-or-authorised`).
 */
export interface AnsweringRule {
  readonly answerers: 'unit-staff' | 'head-or-authorised';
  readonly basis: string;
}

export interface PolicyPreset {
  readonly id: string;
  readonly name: string;
  readonly act: string;
  readonly values: Partial<Record<PolicyRuleId, PolicyValue>>;
  /** Silent presets take the national rule. */
  readonly answering?: AnsweringRule;
  /** Advertising needs the provincial People's Committee's recorded approval before publication (BĐ 7.1). */
  readonly advertisingApproval?: { readonly basis: string };
  /**
   * A complex question's unit reports back so the board can inform the asker (BĐ 12.4), within
   * the answer clock, which it does not move (unlike CB 11.4's progress notice).
   */
  readonly reportBack?: { readonly complexOnly: true; readonly basis: string };
}

const PRODUCT_DEFAULT = 'Mặc định của hệ thống (không có quy định quốc gia) / product default, no national rule';

const APPROVAL_FALLBACK =
  'LTCTT Điều 18.4 counts from when the information is created; an item that carries no such date counts from the board’s approval';

export const nationalPreset: PolicyPreset & { values: Record<PolicyRuleId, NationalValue>; answering: AnsweringRule } =
  {
    id: 'national',
    answering: {
      answerers: 'unit-staff',
      basis: `${PRODUCT_DEFAULT}: the unit answers (BĐ 12.4), whoever of its staff holds qa.answer`,
    },
    name: 'Mặc định quốc gia / national defaults',
    act: 'NĐ 43/2011/NĐ-CP; Luật Tiếp cận thông tin 2016; NĐ 224/2026/NĐ-CP; Luật 91/2025/QH15; NĐ 356/2025/NĐ-CP',
    values: {
      'qa.classify': {
        countsFrom: 'receipt',
        value: 1,
        basis: PRODUCT_DEFAULT,
        note: 'as most provincial Quy chế set (e.g. BĐ 12.3)',
      },
      'qa.answer': {
        countsFrom: 'routing',
        value: 15,
        basis: PRODUCT_DEFAULT,
        note: 'the longest provincial answer clock among the seeds (CB 11.4)',
      },
      'qa.answerComplex': {
        countsFrom: 'routing',
        value: 15,
        basis: PRODUCT_DEFAULT,
        note: 'no separate complex clock without a provincial rule',
      },
      'qa.returnOutOfScope': { countsFrom: 'routing', value: 1, basis: PRODUCT_DEFAULT, note: 'as BĐ 12.5' },
      'qa.progressNotice': { countsFrom: 'routing', value: 15, basis: PRODUCT_DEFAULT, note: 'as CB 11.4' },
      'qa.reminderLead': {
        countsFrom: 'deadline',
        value: 1,
        basis: PRODUCT_DEFAULT,
        note: 'the morning of the last working day: the seeds’ clocks are 1–4 working days (BĐ 12.3–12.4), an earlier reminder would come with the question',
      },
      'qa.veryOverdue': {
        countsFrom: 'deadline',
        value: 2,
        basis: PRODUCT_DEFAULT,
        note: 'Alaveteli and Froide mark "very overdue" at a second threshold past the legal one; 2 working days, half of BĐ 12.4, before the board is told',
      },
      'publish.legalDocument': { countsFrom: 'issue', value: 5, basis: 'LTCTT 2016 Điều 18.4' },
      'publish.administrativeProcedure': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: APPROVAL_FALLBACK,
      },
      'publish.draftForComment': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: APPROVAL_FALLBACK,
      },
      'publish.legalGuidance': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: APPROVAL_FALLBACK,
      },
      'publish.strategyInvestment': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: APPROVAL_FALLBACK,
      },
      'publish.scienceCall': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: APPROVAL_FALLBACK,
      },
      'publish.scienceApproval': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: APPROVAL_FALLBACK,
      },
      'publish.statistics': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: APPROVAL_FALLBACK,
      },
      'publish.news': { countsFrom: 'board-approval', value: 5, basis: 'LTCTT 2016 Điều 18.4; NĐ 43/2011 Điều 17' },
      'publish.afterApproval': {
        countsFrom: 'board-approval',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4; NĐ 43/2011 Điều 17',
      },
      'publish.translation': {
        countsFrom: 'source-change',
        value: 5,
        basis: 'LTCTT 2016 Điều 18.4',
        note: 'shown for reference only: a translation keeps its category’s clock unless the province’s preset sets its own (BĐ 11.5, CB 10.1g)',
      },
      'publish.other': { countsFrom: 'board-approval', value: 5, basis: 'LTCTT 2016 Điều 18.4; NĐ 43/2011 Điều 17' },
      'dataSubject.respond': { countsFrom: 'request', value: 2, basis: 'Luật 91/2025/QH15; NĐ 356/2025/NĐ-CP' },
      'dataSubject.complete': { countsFrom: 'request', value: 15, basis: 'Luật 91/2025/QH15; NĐ 356/2025/NĐ-CP' },
      'qa.reopenWindow': {
        countsFrom: 'answer',
        value: 10,
        basis: PRODUCT_DEFAULT,
        note: 'in the spirit of QĐ 31/2021/QĐ-TTg Điều 46 (an unfit answer goes back to the agency) and CPGRAMS appeals; a province may override it',
      },
      'operations.plannedOutageNotice': {
        countsFrom: 'outage-notice',
        value: 7,
        basis: 'NĐ 224/2026/NĐ-CP Điều 13 khoản 1 điểm a',
        note: 'the suspension may start once the 7th working day after the notice has ended; an emergency is recorded with its reason instead',
      },
    },
  };

export const provincePresets: readonly PolicyPreset[] = [
  {
    id: 'binh-dinh-2020',
    name: 'Bình Định',
    act: 'Quy chế Cổng TTĐT tỉnh Bình Định (QĐ …/2020/QĐ-UBND, dự thảo)',
    advertisingApproval: { basis: 'BĐ 7.1' },
    reportBack: { complexOnly: true, basis: 'BĐ 12.4' },
    values: {
      'qa.classify': { countsFrom: 'receipt', value: 1, basis: 'BĐ 12.3' },
      'qa.answer': { countsFrom: 'routing', value: 4, basis: 'BĐ 12.4' },
      'qa.answerComplex': { countsFrom: 'routing', value: 7, basis: 'BĐ 12.4' },
      'qa.returnOutOfScope': { countsFrom: 'routing', value: 1, basis: 'BĐ 12.5' },
      'qa.reminderLead': {
        value: 1,
        basis: PRODUCT_DEFAULT,
        note: 'BĐ 12.4 gives 4 working days: the morning of the last one',
      },
      'publish.legalDocument': { countsFrom: 'issue', value: 2, basis: 'BĐ 11.3' },
      'publish.administrativeProcedure': { countsFrom: 'announcement', value: 2, basis: 'BĐ 11.3' },
      'publish.draftForComment': { countsFrom: 'issue', value: 2, basis: 'BĐ 11.3' },
      'publish.news': {
        countsFrom: 'board-approval',
        value: 0,
        basis: 'BĐ 11.2',
        note: 'online the working day it is approved; approved outside working hours: the next working day',
      },
      'publish.afterApproval': {
        countsFrom: 'board-approval',
        value: 0,
        basis: 'BĐ 11.4',
        note: 'the day of the approval',
      },
      'publish.translation': { countsFrom: 'source-change', value: 0, basis: 'BĐ 11.5' },
      'publish.other': { countsFrom: 'board-approval', value: 5, basis: 'BĐ 11.6 → NĐ 43/2011 Điều 17.1' },
    },
  },
  {
    id: 'quang-ninh-2023',
    name: 'Quảng Ninh',
    act: 'QĐ 05/2023/QĐ-UBND',
    // Asks for timely updates (QN 14–19) without numeric clocks: national values apply.
    values: {},
  },
  {
    id: 'cao-bang-2015',
    name: 'Cao Bằng',
    act: 'QĐ 31/2015/QĐ-UBND',
    answering: {
      answerers: 'head-or-authorised',
      basis:
        'CB 11.5 (Người trả lời thông tin trên chuyên mục Hỏi – Đáp phải là Thủ trưởng các cơ quan, đơn vị hoặc người được Thủ trưởng các cơ quan, đơn vị ủy quyền)',
    },
    values: {
      'qa.answer': { countsFrom: 'receipt', value: 15, basis: 'CB 11.4' },
      'qa.answerComplex': { countsFrom: 'receipt', value: 15, basis: 'CB 11.4' },
      'qa.progressNotice': { countsFrom: 'receipt', value: 15, basis: 'CB 11.4' },
      'qa.reminderLead': {
        value: 3,
        basis: PRODUCT_DEFAULT,
        note: 'CB 11.4 gives 15 working days: 3 before the end leave time for a progress notice (CB 11.4)',
      },
      'qa.veryOverdue': { value: 5, basis: PRODUCT_DEFAULT, note: 'a working week past the 15-day clock of CB 11.4' },
      'publish.legalDocument': {
        countsFrom: 'issue',
        issuer: 'provincial-people-committee',
        value: 2,
        basis: 'CB 10.1c',
        note: 'other issuers’ documents keep the national value',
      },
      'publish.legalGuidance': { countsFrom: 'issue', value: 15, basis: 'CB 10.1b' },
      'publish.strategyInvestment': { countsFrom: 'plan-approval', value: 10, basis: 'CB 10.1d' },
      'publish.draftForComment': { countsFrom: 'receipt', value: 0, basis: 'CB 10.1đ', note: 'the day it is received' },
      'publish.scienceCall': { countsFrom: 'issue', value: 4, basis: 'CB 10.1e' },
      'publish.scienceApproval': { countsFrom: 'programme-approval', value: 6, basis: 'CB 10.1e' },
      'publish.statistics': { countsFrom: 'publication-decision', value: 10, basis: 'CB 10.1f' },
      'publish.translation': {
        countsFrom: 'source-change',
        value: 0,
        basis: 'CB 10.1g',
      },
    },
  },
  {
    id: 'nghe-an-2025',
    name: 'Nghệ An',
    act: 'QĐ 80/2025/QĐ-UBND',
    // NA 8.1 asks for complete, accurate, timely updates without numeric clocks.
    values: {},
  },
  {
    id: 'tien-giang-2024',
    name: 'Tiền Giang',
    act: 'QĐ 79/2024/QĐ-UBND',
    // TG asks units to answer Q&A "kịp thời" (promptly) without a number.
    values: {},
  },
];

export const presets: readonly PolicyPreset[] = [nationalPreset, ...provincePresets];
export const presetIds = presets.map((p) => p.id);
