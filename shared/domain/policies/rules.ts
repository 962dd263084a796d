import type { LocalizedText } from '../text';

/** Every legal clock the system runs, by id. Presets give each a value and its legal basis. */
export type PolicyUnit = 'workingDays' | 'calendarDays';

export interface PolicyRuleDefinition {
  readonly name: LocalizedText;
  readonly unit: PolicyUnit;
}

const rule = (vi: string, en: string, unit: PolicyUnit = 'workingDays'): PolicyRuleDefinition => ({
  name: { vi, en },
  unit,
});

export const policyRules = {
  'qa.classify': rule(
    'Ban Biên tập tiếp nhận, phân loại và chuyển câu hỏi',
    'Board receives, classifies and routes a question',
  ),
  'qa.answer': rule('Đơn vị trả lời câu hỏi', 'Unit answers a question'),
  'qa.answerComplex': rule(
    'Trả lời câu hỏi phức tạp, cần phối hợp liên ngành',
    'Answer to a complex, inter-agency question',
  ),
  'qa.returnOutOfScope': rule(
    'Trả lại câu hỏi không thuộc thẩm quyền',
    'Return a question outside the unit’s competence',
    'calendarDays',
  ),
  'qa.progressNotice': rule(
    'Thông báo quá trình xử lý, nêu rõ thời hạn trả lời',
    'Progress notice stating when the answer will come',
  ),
  // Escalation thresholds (issue 9 #5), in working days around a clock's due instant.
  'qa.reminderLead': rule(
    'Nhắc hạn: từ đầu ngày làm việc thứ N tính ngược từ ngày hết hạn',
    'Reminder: from the start of the Nth last working day before the deadline',
  ),
  'qa.veryOverdue': rule(
    'Quá hạn nghiêm trọng: sau N ngày làm việc kể từ khi hết hạn',
    'Very overdue: N working days after the deadline',
  ),
  'publish.legalDocument': rule(
    'Đăng văn bản quy phạm pháp luật, văn bản quản lý',
    'Publish a legal or administrative document',
  ),
  'publish.administrativeProcedure': rule('Đăng thủ tục hành chính', 'Publish an administrative procedure'),
  'publish.draftForComment': rule('Đăng dự thảo lấy ý kiến', 'Publish a draft for public comment'),
  'publish.legalGuidance': rule(
    'Tuyên truyền, phổ biến, hướng dẫn pháp luật',
    'Publish legal dissemination and guidance',
  ),
  'publish.strategyInvestment': rule(
    'Chiến lược, kế hoạch, dự án, đầu tư, đấu thầu, mua sắm công',
    'Strategies, plans, projects, investment, procurement',
  ),
  'publish.scienceCall': rule('Thông báo, tuyển chọn chương trình, đề tài khoa học', 'Call for science programmes'),
  'publish.scienceApproval': rule(
    'Phê duyệt, nghiệm thu chương trình, đề tài khoa học',
    'Approval or acceptance of science programmes',
  ),
  'publish.statistics': rule('Thông tin, báo cáo thống kê', 'Statistics'),
  'publish.news': rule('Tin tức, thông tin chỉ đạo, điều hành', 'News, direction and administration'),
  'publish.afterApproval': rule(
    'Thông tin đăng ngay sau khi Ban Biên tập duyệt (quảng cáo, liên kết, thông tin cần biết)',
    'Items published right after the board approves them (advertising, links, notices)',
  ),
  'publish.translation': rule(
    'Bản tiếng nước ngoài của thông tin đã đăng',
    'Foreign-language version of a published item',
  ),
  'publish.other': rule('Thông tin khác phải công khai', 'Other information that must be disclosed'),
  'dataSubject.respond': rule('Phản hồi yêu cầu của chủ thể dữ liệu cá nhân', 'Answer a data-subject request'),
  'dataSubject.complete': rule(
    'Hoàn thành yêu cầu của chủ thể dữ liệu cá nhân',
    'Complete a data-subject request',
    'calendarDays',
  ),
  'qa.reopenWindow': rule(
    'Người hỏi đánh giá "chưa trả lời đúng câu hỏi" để mở lại câu hỏi',
    'Asker rates "did not answer my question" to reopen it',
  ),
  'operations.plannedOutageNotice': rule(
    'Thông báo trước khi tạm ngừng Cổng theo kế hoạch',
    'Notice before a planned suspension of the portal',
  ),
} as const satisfies Record<string, PolicyRuleDefinition>;

export type PolicyRuleId = keyof typeof policyRules;
export const policyRuleIds = Object.keys(policyRules) as PolicyRuleId[];
