import { b, type Bilingual } from './i18n';

/** Texts of the operations and structure screens: incidents, security checks, units, machine clients. */
export const adminTexts = {
  disabled: b('Đã vô hiệu hóa', 'Disabled'),
  registeredAt: b('Đăng ký lúc', 'Registered'),
  // Incidents (QN 20.2, TG 16.3, TG 17.1).
  incidents: b('Sự cố', 'Incidents'),
  incident: b('Sự cố', 'Incident'),
  register: b('Sổ theo dõi sự cố', 'Incident register'),
  reportIncident: b('Báo cáo sự cố', 'Report an incident'),
  description: b('Mô tả', 'Description'),
  severity: b('Mức độ', 'Severity'),
  affected: b('Dịch vụ bị ảnh hưởng', 'Affected services'),
  detectedAt: b('Phát hiện lúc (nếu trước khi báo cáo)', 'Detected at (if before the report)'),
  reportedAt: b('Báo cáo lúc', 'Reported at'),
  reportedBy: b('Người báo cáo', 'Reported by'),
  restoredAt: b('Khôi phục lúc', 'Restored at'),
  restoreDeadline: b('Hạn khôi phục', 'Restore by'),
  restoreHours: b('Số giờ đến khi khôi phục', 'Hours to restore'),
  withinLimit: b('Trong thời hạn khôi phục', 'Within the restore limit'),
  beyondLimit: b('Quá thời hạn khôi phục', 'Beyond the restore limit'),
  timeline: b('Diễn biến', 'Timeline'),
  addEntry: b('Ghi diễn biến', 'Add to the timeline'),
  note: b('Ghi chú', 'Note'),
  moveTo: b('Chuyển trạng thái', 'Move the status to'),
  keepStatus: b('Giữ nguyên', 'Keep it'),
  statusOnlyManagers: b(
    'Chỉ Quản trị vận hành hoặc Trưởng Ban biên tập được đổi trạng thái và ghi thời điểm khôi phục; bạn có thể ghi thêm diễn biến.',
    'Only operators and the chief editor move the status and record the restoration; you may add notes.',
  ),
  by: b('Người ghi', 'By'),
  openIncident: b('Mở sự cố', 'Open the incident'),
  // Security checks (TG 16.2).
  securityChecks: b('Kiểm tra an toàn thông tin', 'Security checks'),
  calendar: b('Lịch kiểm tra', 'Check calendar'),
  lastCheck: b('Lần kiểm tra gần nhất', 'Last check'),
  nextDue: b('Hạn kiểm tra tiếp theo', 'Next check due'),
  remindFrom: b('Nhắc từ', 'Reminders from'),
  period: b('Chu kỳ (tháng)', 'Period (months)'),
  basis: b('Căn cứ', 'Basis'),
  reminderDue: b('Sắp đến hạn', 'Due soon'),
  recordCheck: b('Ghi nhận kết quả kiểm tra', 'Record a check'),
  performedAt: b('Thời điểm kiểm tra', 'Performed at'),
  performedBy: b('Đơn vị, người kiểm tra', 'Performed by'),
  checkScope: b('Phạm vi kiểm tra', 'Scope'),
  findings: b('Phát hiện', 'Findings'),
  finding: b('Phát hiện', 'Finding'),
  remediation: b('Biện pháp khắc phục', 'Remediation'),
  findingHint: b('Để trống các dòng không dùng.', 'Leave unused rows empty.'),
  recordedBy: b('Người ghi nhận', 'Recorded by'),
  // Units and sub-portals (QN 4, QN 11.5, TG 4).
  units: b('Đơn vị và cổng thành phần', 'Units and sub-portals'),
  unitHistory: b('Lịch sử đơn vị', 'History of the unit'),
  event: b('Sự kiện', 'Event'),
  detail: b('Chi tiết', 'Detail'),
  newUnit: b('Tạo đơn vị trực thuộc', 'Create a unit under this one'),
  nameVi: b('Tên tiếng Việt', 'Vietnamese name'),
  nameEn: b('Tên tiếng Anh', 'English name'),
  slug: b('Nhãn tên miền (không dấu)', 'Domain label (no diacritics)'),
  rename: b('Đổi tên', 'Rename'),
  merge: b('Sáp nhập vào đơn vị này', 'Merge units into this one'),
  mergeSources: b(
    'Mã các đơn vị sáp nhập (cách nhau bởi dấu phẩy)',
    'Codes of the units to merge in (comma-separated)',
  ),
  split: b('Chia tách đơn vị này', 'Split this unit'),
  part: b('Đơn vị mới', 'New unit'),
  workTo: b('Đơn vị nhận công việc đang xử lý', 'Unit that takes the open work'),
  provinceNotSplit: b('Không thể chia tách cấp tỉnh.', 'The province cannot be split.'),
  inactive: b(
    'Đơn vị không còn hoạt động: công việc do đơn vị kế thừa thực hiện.',
    'The unit is no longer active: its successor carries its work.',
  ),
  peopleLink: b('Tài khoản và ủy quyền', 'Accounts and delegations'),
  movedAccounts: b('Số tài khoản đã chuyển', 'Accounts moved'),
  created: b('Đã tạo', 'Created'),
};

export const severityLabels: Record<string, Bilingual> = {
  critical: b('Nghiêm trọng', 'Critical'),
  high: b('Cao', 'High'),
  medium: b('Trung bình', 'Medium'),
  low: b('Thấp', 'Low'),
  info: b('Thông tin', 'Information'),
};

export const incidentStatusLabels: Record<string, Bilingual> = {
  reported: b('Mới báo cáo', 'Reported'),
  investigating: b('Đang xử lý', 'Investigating'),
  mitigated: b('Đã khắc phục tạm thời', 'Mitigated'),
  resolved: b('Đã giải quyết', 'Resolved'),
};

export const serviceLabels: Record<string, Bilingual> = {
  portal: b('Cổng thông tin', 'The portal'),
  content: b('Tin, bài', 'Content'),
  questions: b('Hỏi đáp', 'Questions'),
  'sign-in': b('Đăng nhập', 'Sign-in'),
  uploads: b('Tệp đính kèm', 'Uploads'),
  search: b('Tìm kiếm', 'Search'),
  api: b('API', 'API'),
  backups: b('Sao lưu', 'Backups'),
  email: b('Thư điện tử', 'E-mail'),
  other: b('Khác', 'Other'),
};

export const unitEvents: Record<string, Bilingual> = {
  created: b('Thành lập', 'Created'),
  renamed: b('Đổi tên', 'Renamed'),
  'merged-into': b('Sáp nhập vào', 'Merged into'),
  absorbed: b('Tiếp nhận sáp nhập', 'Absorbed'),
  'split-into': b('Chia tách thành', 'Split into'),
  'split-from': b('Tách ra từ', 'Split from'),
};
