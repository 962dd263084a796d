/**
 * How the board classifies a question (BĐ 12.3, CB 11.1, 11.3): its field, its complexity (a
 * complex question gets the longer answer clock, BĐ 12.4) and its scope; and the grounds on which
 * it refuses one, which the asker is told with the board's reason (CB 11.1, 11.3).
 */
export const questionFields = [
  'administrative-procedures',
  'land-environment',
  'construction-transport',
  'investment-business',
  'finance-tax',
  'labour-social',
  'education-health',
  'information-communication',
  'justice',
  'other',
] as const;
export type QuestionField = (typeof questionFields)[number];

export const complexities = ['simple', 'complex'] as const;
export type Complexity = (typeof complexities)[number];

/** One competent unit, or several that must coordinate (BĐ 12.4: "phức tạp, liên ngành"). */
export const questionScopes = ['single-unit', 'inter-agency'] as const;
export type QuestionScope = (typeof questionScopes)[number];

export const refusalGrounds = ['complaint', 'denunciation', 'private-matter', 'outside-competence'] as const;
export type RefusalGround = (typeof refusalGrounds)[number];

export const refusalGroundLabels: Record<RefusalGround, { vi: string; en: string; basis: string }> = {
  complaint: {
    vi: 'Khiếu nại: gửi theo Luật Khiếu nại',
    en: 'A complaint: file it under the Law on Complaints',
    basis: 'CB 11.1',
  },
  denunciation: {
    vi: 'Tố cáo: gửi theo Luật Tố cáo',
    en: 'A denunciation: file it under the Law on Denunciations',
    basis: 'CB 11.1',
  },
  'private-matter': {
    vi: 'Việc riêng tư, không thuộc phạm vi hỏi – đáp',
    en: 'A private matter, outside the Q&A',
    basis: 'CB 11.1',
  },
  'outside-competence': {
    vi: 'Không thuộc thẩm quyền của tỉnh',
    en: "Outside the province's competence",
    basis: 'CB 11.1',
  },
};

/** The longer clock runs for a question classified complex or inter-agency (BĐ 12.4). */
export const isComplex = (complexity: Complexity | undefined, scope: QuestionScope | undefined): boolean =>
  complexity === 'complex' || scope === 'inter-agency';
