/**
 * Operations rules per province (issue 10 §4), each with the article it comes from. Where a
 * province's regulation says nothing, the portal applies Tiền Giang's rule as its default and says
 * so in `basis`: restoring service within 24 hours (TG 16.3) and a security check at least every
 * 6 months (TG 16.2). Bình Định has Sở TT&TT scan for vulnerabilities every quarter (BĐ 20.2).
 */
export interface OperationsPolicy {
  /** Service restored within this many hours of an incident's detection. */
  readonly restoreLimitHours: number;
  readonly restoreBasis: string;
  /** A security check at least this often. */
  readonly securityCheckMonths: number;
  readonly securityCheckBasis: string;
  /** The operators are reminded this many days before a check falls due. */
  readonly reminderLeadDays: number;
  readonly reminderBasis: string;
}

const DEFAULT_REMINDER = {
  reminderLeadDays: 14,
  reminderBasis: 'Vận hành Cổng: nhắc trước 14 ngày để kịp bố trí kiểm tra (our choice)',
} as const;
const TG_RESTORE = { restoreLimitHours: 24, restoreBasis: 'TG 16.3 (khôi phục hoạt động trong vòng 24 giờ)' } as const;
const DEFAULT_RESTORE = {
  restoreLimitHours: 24,
  restoreBasis: 'Mặc định theo TG 16.3 (khôi phục trong 24 giờ); quy chế tỉnh không quy định thời hạn',
} as const;
const DEFAULT_CHECK = {
  securityCheckMonths: 6,
  securityCheckBasis: 'Mặc định theo TG 16.2 (kiểm tra an toàn thông tin ít nhất 6 tháng một lần)',
} as const;

export const operationsPolicies: Readonly<Record<string, OperationsPolicy>> = {
  national: { ...DEFAULT_RESTORE, ...DEFAULT_CHECK, ...DEFAULT_REMINDER },
  'binh-dinh-2020': {
    ...DEFAULT_RESTORE,
    securityCheckMonths: 3,
    securityCheckBasis: 'BĐ 20.2 (Sở TT&TT rà quét lỗ hổng hằng quý)',
    ...DEFAULT_REMINDER,
  },
  'quang-ninh-2023': { ...DEFAULT_RESTORE, ...DEFAULT_CHECK, ...DEFAULT_REMINDER },
  'cao-bang-2015': { ...DEFAULT_RESTORE, ...DEFAULT_CHECK, ...DEFAULT_REMINDER },
  'nghe-an-2025': { ...DEFAULT_RESTORE, ...DEFAULT_CHECK, ...DEFAULT_REMINDER },
  'tien-giang-2024': {
    ...TG_RESTORE,
    securityCheckMonths: 6,
    securityCheckBasis: 'TG 16.2 (kiểm tra an toàn thông tin ít nhất 6 tháng một lần)',
    ...DEFAULT_REMINDER,
  },
};

export function operationsPolicy(presetId: string): OperationsPolicy {
  const policy = operationsPolicies[presetId];
  if (!policy) throw new Error(`No operations policy for preset ${presetId}`);
  return policy;
}
