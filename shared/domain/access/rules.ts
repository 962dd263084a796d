import type { PrincipalRole } from '../roles';

/**
 * Who may do what, on which units: the one rule table every handler consults.
 * Scope `unit-tree`: the caller's own unit and the units below it (a province-level operator
 * therefore reaches every unit; a department's operator only its own sub-portal).
 * Scope `own-unit`: exactly the caller's unit.
 * `delegable`: a deputy may do it while holding a delegation that names it (CB 17.3b).
 */
export type Action =
  | 'unit.manage'
  | 'account.read'
  | 'account.manage'
  | 'delegation.manage'
  | 'delegation.read'
  | 'audit.read'
  | 'calendar.manage'
  | 'calendar.read-config'
  | 'work.read'
  | 'content.read'
  | 'content.submit'
  | 'content.intake'
  | 'content.edit'
  | 'content.approve'
  | 'content.publish'
  | 'content.publish-scheduled'
  | 'content.syndicate'
  | 'qa.route'
  | 'qa.answer'
  | 'qa.authorise-answerer'
  | 'qa.check'
  | 'qa.publish'
  | 'qa.read'
  | 'qa.read-routed'
  | 'qa.read-asker'
  | 'qa.erase-asker'
  | 'consultation.moderate'
  | 'upload.create'
  | 'upload.read'
  | 'incident.report'
  | 'incident.manage'
  | 'security-check.manage'
  | 'security-check.read'
  | 'report.read'
  | 'report.generate'
  | 'report.edit'
  | 'report.approve'
  | 'report.send'
  | 'consultation.manage'
  | 'consultation.run-schedule'
  | 'consultation.summarise'
  | 'consultation.approve-summary'
  | 'rating.read'
  | 'outage.announce';

export interface AccessRule {
  readonly action: Action;
  readonly roles: readonly PrincipalRole[];
  readonly scope: 'own-unit' | 'unit-tree';
  readonly delegable?: boolean;
  readonly basis: string;
}

export const accessRules: readonly AccessRule[] = [
  {
    action: 'unit.manage',
    roles: ['operator'],
    scope: 'unit-tree',
    basis: 'QN 11.5 (sáp nhập, đổi tên giữ lịch sử); vận hành Cổng',
  },
  { action: 'account.read', roles: ['operator', 'auditor', 'unit-head'], scope: 'unit-tree', basis: 'NA 10.2' },
  { action: 'account.manage', roles: ['operator'], scope: 'unit-tree', basis: 'NA 10.2d–e, TG 13.5' },
  {
    action: 'delegation.manage',
    roles: ['chief-editor'],
    scope: 'own-unit',
    basis: 'CB 17.3b (Phó trưởng ban theo ủy quyền)',
  },
  {
    action: 'delegation.read',
    roles: ['chief-editor', 'deputy-editor', 'operator', 'auditor'],
    scope: 'unit-tree',
    basis: 'CB 17.3b',
  },
  { action: 'audit.read', roles: ['auditor', 'operator'], scope: 'unit-tree', basis: 'NĐ 224/2026 (nhật ký hệ thống)' },
  {
    action: 'calendar.manage',
    roles: ['operator'],
    scope: 'unit-tree',
    basis: 'Lịch nghỉ do Chính phủ quyết định; vận hành Cổng',
  },
  { action: 'calendar.read-config', roles: ['operator', 'auditor'], scope: 'unit-tree', basis: 'Vận hành Cổng' },
  {
    action: 'work.read',
    roles: ['operator', 'auditor', 'unit-head', 'unit-officer', 'chief-editor', 'secretary'],
    scope: 'unit-tree',
    basis: 'Theo dõi công việc được giao',
  },
  // Editorial workflow (shared/domain/workflow/tables/content.ts): who may take each step.
  // Reading below one's own unit is for those who need it: the board (its portal and the sub-portals it takes items from), operators, auditors.
  {
    action: 'content.read',
    roles: ['editor', 'secretary', 'chief-editor', 'deputy-editor', 'operator', 'auditor'],
    scope: 'unit-tree',
    basis: 'CB 17.3 (Ban Biên tập theo dõi tin, bài); NA 10.2 (vận hành, kiểm tra)',
  },
  {
    action: 'content.read',
    roles: ['contributor', 'reporter', 'unit-officer', 'unit-head'],
    scope: 'own-unit',
    basis: 'CB 17.3c (người gửi theo dõi tin, bài của đơn vị mình)',
  },
  {
    action: 'content.submit',
    roles: ['contributor', 'reporter', 'editor', 'secretary', 'unit-officer', 'unit-head'],
    scope: 'own-unit',
    basis: 'CB 17.3c (tin, bài từ biên tập viên, phóng viên, cộng tác viên); BĐ 10.1',
  },
  {
    action: 'content.intake',
    roles: ['secretary'],
    scope: 'own-unit',
    basis: 'CB 17.3c (Thư ký là đầu mối tiếp nhận thông tin)',
  },
  {
    action: 'content.edit',
    roles: ['editor', 'secretary'],
    scope: 'own-unit',
    basis: 'CB 17.1, 17.3c (biên tập, tổng hợp tin, bài trình Trưởng ban)',
  },
  // Deciding what is published, or taken down, is the chief's (or a delegated deputy's).
  {
    action: 'content.approve',
    roles: ['chief-editor', 'deputy-editor'],
    scope: 'own-unit',
    delegable: true,
    basis: 'CB 17.3a–b; BĐ 9.6',
  },
  {
    action: 'content.publish',
    roles: ['secretary'],
    scope: 'own-unit',
    basis: 'CB 17.3c (cập nhật tin đã duyệt lên Cổng, lưu trữ hồ sơ)',
  },
  // The scheduler releases what the secretary scheduled (at the time the secretary chose), and nothing else.
  {
    action: 'content.publish-scheduled',
    roles: ['publication-scheduler'],
    scope: 'unit-tree',
    basis: 'CB 17.3c (Thư ký hẹn giờ đăng tin đã duyệt; hệ thống đăng đúng giờ)',
  },
  // Syndication (issue 8 §6): a sub-portal's board proposes its published item to the provincial portal's intake.
  {
    action: 'content.syndicate',
    roles: ['secretary', 'chief-editor'],
    scope: 'own-unit',
    basis: 'CB 17.3c (đầu mối cung cấp thông tin cho Cổng tỉnh)',
  },
  // Q&A workflow (shared/domain/workflow/tables/questions.ts).
  {
    action: 'qa.route',
    roles: ['secretary', 'chief-editor'],
    scope: 'own-unit',
    basis: 'BĐ 12.3; CB 11.3 (Ban Biên tập tiếp nhận, phân loại, chuyển câu hỏi)',
  },
  { action: 'qa.answer', roles: ['unit-head', 'unit-officer'], scope: 'own-unit', basis: 'CB 11.5; BĐ 12.4' },
  // Where the preset requires it (CB 11.5), the head names the officers who answer for the unit.
  {
    action: 'qa.authorise-answerer',
    roles: ['unit-head'],
    scope: 'own-unit',
    basis: 'CB 11.5 (người được Thủ trưởng cơ quan, đơn vị ủy quyền trả lời)',
  },
  {
    action: 'qa.check',
    roles: ['chief-editor', 'deputy-editor'],
    scope: 'own-unit',
    delegable: true,
    basis: 'BĐ 9.6, 12.3–12.4 (kết quả gửi qua Ban Biên tập); CB 11.3',
  },
  {
    action: 'qa.publish',
    roles: ['secretary', 'chief-editor'],
    scope: 'own-unit',
    basis: 'CB 17.3c (cập nhật thông tin đã duyệt lên Cổng); BĐ 12.4',
  },
  // Reading questions: the board of the portal asked, and (checked on the unit it was routed to) the answering unit.
  {
    action: 'qa.read',
    roles: ['secretary', 'chief-editor', 'deputy-editor', 'editor', 'auditor'],
    scope: 'unit-tree',
    basis: 'BĐ 12.3–12.5; CB 11.3 (Ban Biên tập tiếp nhận, theo dõi câu hỏi)',
  },
  // The answering unit reads what was routed to it (checked on the unit it was routed to), and its own figures.
  {
    action: 'qa.read-routed',
    roles: ['unit-head', 'unit-officer'],
    scope: 'own-unit',
    basis: 'BĐ 12.4–12.5; CB 11.4–11.5 (đơn vị được chuyển câu hỏi trả lời)',
  },
  {
    action: 'qa.read-routed',
    roles: ['secretary', 'chief-editor', 'deputy-editor', 'editor', 'auditor'],
    scope: 'unit-tree',
    basis: 'BĐ 12.3–12.5; CB 11.3',
  },
  // The asker's personal data: the board only (CB 6; NĐ 356/2025), never the answering unit by default.
  {
    action: 'qa.read-asker',
    roles: ['secretary', 'chief-editor', 'deputy-editor'],
    scope: 'own-unit',
    basis: 'CB 6; NĐ 356/2025/NĐ-CP (dữ liệu cá nhân chỉ người có nhiệm vụ được xem)',
  },
  {
    action: 'qa.erase-asker',
    roles: ['chief-editor'],
    scope: 'own-unit',
    basis: 'NĐ 356/2025/NĐ-CP; Luật 91/2025/QH15 (xóa dữ liệu cá nhân theo yêu cầu của cơ quan có thẩm quyền)',
  },
  // Comments on drafts open for consultation (issue 28 #3): the board moderates, never the drafting unit itself.
  {
    action: 'consultation.moderate',
    roles: ['secretary', 'chief-editor'],
    scope: 'unit-tree',
    basis: 'CB 17.3c (Thư ký cập nhật thông tin đã duyệt lên Cổng); BĐ 8.1đ, CB 10.1đ (mục lấy ý kiến góp ý)',
  },
  // Attachments (shared/domain/uploads): whoever may submit content uploads its files; the unit's
  // editorial board reads their check status. Own unit only: an upload belongs to its uploader's unit.
  {
    action: 'upload.create',
    roles: ['contributor', 'reporter', 'editor', 'secretary', 'unit-officer', 'unit-head'],
    scope: 'own-unit',
    basis: 'CB 13.2 (tệp gửi kèm tin, bài); CB 17.3c',
  },
  {
    action: 'upload.read',
    roles: [
      'contributor',
      'reporter',
      'editor',
      'secretary',
      'unit-officer',
      'unit-head',
      'chief-editor',
      'deputy-editor',
    ],
    scope: 'own-unit',
    basis: 'CB 13.2; CB 17.3 (Ban Biên tập duyệt tin, bài và tệp kèm theo)',
  },
  // Operations (issue 10 §4). Anyone who runs the portal reports an incident at once, in their own unit;
  // operators and the board's chief read the register, add to timelines and resolve.
  {
    action: 'incident.report',
    roles: [
      'operator',
      'chief-editor',
      'deputy-editor',
      'secretary',
      'editor',
      'reporter',
      'contributor',
      'unit-officer',
      'unit-head',
    ],
    scope: 'own-unit',
    basis: 'QN 20.2; NA 15.6; TG 17.1 (báo cáo sự cố ngay); auditors only read',
  },
  {
    action: 'incident.manage',
    roles: ['operator', 'chief-editor'],
    scope: 'unit-tree',
    basis: 'QN 20.2; NA 15.6; TG 16.3 (xử lý, khôi phục trong 24 giờ)',
  },
  {
    action: 'security-check.manage',
    roles: ['operator'],
    scope: 'unit-tree',
    basis: 'TG 16.2 (kiểm tra an toàn thông tin định kỳ)',
  },
  { action: 'security-check.read', roles: ['operator', 'auditor'], scope: 'unit-tree', basis: 'TG 16.2; BĐ 18.3' },
  // Reports (issue 27, shared/domain/reports): the board or the operator generates and drafts them;
  // the head of the reporting body approves (never whoever generated or edited it); the secretary or
  // the operator sends them with their number.
  {
    action: 'report.read',
    roles: ['chief-editor', 'deputy-editor', 'secretary', 'operator', 'auditor', 'unit-head'],
    scope: 'unit-tree',
    basis: 'CB 21; TG 22.7; QN 23.3; NA 15.7; BĐ 19.9',
  },
  {
    action: 'report.generate',
    roles: ['chief-editor', 'deputy-editor', 'secretary', 'operator'],
    scope: 'unit-tree',
    basis: 'CB 21.1–21.2; TG 22.7; QN 23.3; NA 15.7 (tổng hợp, báo cáo định kỳ và đột xuất)',
  },
  {
    action: 'report.edit',
    roles: ['chief-editor', 'deputy-editor', 'secretary', 'operator'],
    scope: 'unit-tree',
    basis: 'NA 15.7 và Phụ lục (phần I, III, IV, V do cơ quan báo cáo soạn)',
  },
  {
    action: 'report.approve',
    roles: ['chief-editor', 'deputy-editor', 'unit-head'],
    scope: 'own-unit',
    delegable: true,
    basis: 'NA Phụ lục (Đại diện đơn vị báo cáo ký); CB 17.3a–b',
  },
  {
    action: 'report.send',
    roles: ['secretary', 'operator', 'chief-editor'],
    scope: 'unit-tree',
    basis: 'NĐ 30/2020/NĐ-CP Điều 15–16 (ghi số, ngày, phát hành văn bản)',
  },
  // Consultations on drafts (issue 28 §1, §4; shared/domain/participation/consultation-workflow.ts).
  {
    action: 'consultation.manage',
    roles: ['secretary', 'chief-editor'],
    scope: 'own-unit',
    basis: 'BĐ 8.2đ; CB 7.8, 10.1đ (Ban Biên tập đăng tải dự thảo, mở và đóng lấy ý kiến, đăng kết quả)',
  },
  // The scheduler opens and closes at the instants the board set, and does nothing else.
  {
    action: 'consultation.run-schedule',
    roles: ['consultation-scheduler'],
    scope: 'unit-tree',
    basis:
      'Luật Ban hành VBQPPL 2025 (thời hạn lấy ý kiến do cơ quan chủ trì soạn thảo ấn định); hệ thống mở, đóng đúng giờ',
  },
  {
    action: 'consultation.summarise',
    roles: ['unit-officer', 'unit-head', 'editor', 'secretary'],
    scope: 'own-unit',
    basis: 'Luật Ban hành VBQPPL 2025 (cơ quan chủ trì soạn thảo tổng hợp, tiếp thu, giải trình ý kiến)',
  },
  {
    action: 'consultation.approve-summary',
    roles: ['unit-head', 'chief-editor', 'deputy-editor'],
    scope: 'own-unit',
    delegable: true,
    basis: 'CB 17.3a–b; phân tách nhiệm vụ (người soạn bản tổng hợp không tự duyệt)',
  },
  // Participation (issue 28 §5–6): the owning unit's staff read the ratings of its information and
  // the raters' (scrubbed) texts; the operators announce planned suspensions of the portal.
  {
    action: 'rating.read',
    roles: ['chief-editor', 'deputy-editor', 'secretary', 'editor', 'operator', 'auditor', 'unit-head', 'unit-officer'],
    scope: 'unit-tree',
    basis: 'NĐ 224/2026/NĐ-CP Điều 10.3b; QN 14.12 (đánh giá việc cung cấp thông tin)',
  },
  {
    action: 'outage.announce',
    roles: ['operator'],
    scope: 'unit-tree',
    basis: 'NĐ 224/2026/NĐ-CP Điều 13.1a (thông báo tạm ngừng trước ít nhất 7 ngày làm việc)',
  },
];

export const rulesFor = (action: Action) => accessRules.filter((r) => r.action === action);

/** Roles that could perform `action` somewhere: the coarse check made before a handler runs. */
export const rolesFor = (action: Action): PrincipalRole[] => [...new Set(rulesFor(action).flatMap((r) => r.roles))];
