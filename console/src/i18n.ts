/** The console's texts: Vietnamese first (the default), English second. */
export type Lang = 'vi' | 'en';
export type Bilingual = { vi: string; en: string };

const KEY = 'console.lang';
export let lang: Lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
export function setLang(next: Lang) {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
}

export const t = (text: Bilingual) => text[lang];
export const b = (vi: string, en: string): Bilingual => ({ vi, en });

export const texts = {
  app: b('Bàn làm việc biên tập', 'Editorial console'),
  skip: b('Bỏ qua, đến nội dung chính', 'Skip to main content'),
  otherLang: b('English', 'Tiếng Việt'),
  signIn: b('Đăng nhập', 'Sign in'),
  signOut: b('Đăng xuất', 'Sign out'),
  signingIn: b('Đang đăng nhập…', 'Signing in…'),
  landingIntro: b(
    'Tiếp nhận, biên tập, duyệt và đăng tin, bài; trả lời câu hỏi của người dân. Đăng nhập bằng tài khoản do quản trị cấp.',
    'Take in, edit, approve and publish content; answer citizens’ questions. Sign in with the account an operator gave you.',
  ),
  hello: b('Xin chào', 'Hello'),
  yourRoles: b('Vai trò', 'Roles'),
  yourUnit: b('Đơn vị', 'Unit'),
  nav: b('Điều hướng chính', 'Main navigation'),
  queue: b('Hàng chờ tin, bài', 'Content queue'),
  questions: b('Hỏi đáp', 'Questions'),
  boardInbox: b('Hộp thư của Ban biên tập', 'The board’s inbox'),
  unitInbox: b('Câu hỏi chuyển đến đơn vị', 'Questions routed to the unit'),
  filters: b('Bộ lọc', 'Filters'),
  state: b('Trạng thái', 'State'),
  stage: b('Bước', 'Stage'),
  category: b('Chuyên mục', 'Category'),
  any: b('Tất cả', 'Any'),
  overdueOnly: b('Chỉ mục quá hạn', 'Overdue only'),
  apply: b('Lọc', 'Filter'),
  title: b('Tiêu đề', 'Title'),
  due: b('Hạn', 'Due'),
  received: b('Nhận lúc', 'Received'),
  assignedTo: b('Đơn vị được giao', 'Assigned to'),
  overdue: b('Quá hạn', 'Overdue'),
  onTime: b('Trong hạn', 'On time'),
  none: b('Không có mục nào.', 'Nothing here.'),
  more: b('Xem thêm', 'More'),
  loading: b('Đang tải…', 'Loading…'),
  version: b('Phiên bản', 'Version'),
  body: b('Nội dung', 'Body'),
  history: b('Lịch sử', 'History'),
  steps: b('Thao tác', 'Steps'),
  notYours: b('Những bước bạn không thể thực hiện', 'Steps you may not take'),
  noSteps: b(
    'Không có bước nào bạn có thể thực hiện ở trạng thái này.',
    'There is no step you may take in this state.',
  ),
  comment: b('Ý kiến', 'Comment'),
  reason: b('Lý do', 'Reason'),
  publicNote: b('Thông báo công khai', 'Public note'),
  assignee: b('Mã tài khoản biên tập viên', 'Editor’s account id'),
  publishAt: b('Đăng lúc', 'Publish at'),
  done: b('Đã thực hiện: ', 'Done: '),
  problem: b('Có lỗi', 'There is a problem'),
  unitCode: b('Mã đơn vị', 'Unit code'),
  open: b('Mở', 'Open'),
  back: b('Về hàng chờ', 'Back to the queue'),
  notFound: b('Không có trang này.', 'No such page.'),
  // Q&A item
  question: b('Câu hỏi', 'Question'),
  questionText: b('Nội dung câu hỏi', 'The question'),
  field: b('Lĩnh vực', 'Field'),
  trackingCode: b('Mã theo dõi', 'Tracking code'),
  classificationDue: b('Hạn phân loại', 'Classification due'),
  answerDue: b('Hạn trả lời', 'Answer due'),
  complexity: b('Mức độ', 'Complexity'),
  scope: b('Phạm vi', 'Scope'),
  asker: b('Người hỏi', 'The asker'),
  askerHidden: b(
    'Thông tin người hỏi chỉ Ban biên tập (hoặc đơn vị được Ban biên tập chia sẻ) được xem.',
    'Only the board (or a unit it shared them with) sees the asker’s details.',
  ),
  routings: b('Chuyển đơn vị', 'Routings'),
  unit: b('Đơn vị', 'Unit'),
  routedAt: b('Chuyển lúc', 'Routed'),
  returnDue: b('Hạn trả lại', 'Return due'),
  returnedAt: b('Trả lại lúc', 'Returned'),
  escalations: b('Nhắc việc và cảnh báo quá hạn', 'Reminders and overdue warnings'),
  noEscalations: b('Chưa có nhắc việc nào.', 'Nothing raised yet.'),
  level: b('Mức', 'Level'),
  clock: b('Thời hạn', 'Clock'),
  raisedAt: b('Nhắc lúc', 'Raised'),
  recipient: b('Gửi đến', 'Sent to'),
  answer: b('Trả lời', 'Answer'),
  answerText: b('Nội dung trả lời', 'Answer text'),
  citations: b('Căn cứ pháp lý', 'Legal basis'),
  citation: b('Căn cứ', 'Citation'),
  addCitation: b('Thêm căn cứ', 'Add a citation'),
  numberSymbol: b('Số, ký hiệu', 'Number/symbol'),
  citationSummary: b('Trích yếu', 'Summary'),
  issuedOn: b('Ngày ban hành', 'Issued on'),
  issuer: b('Cơ quan ban hành', 'Issuer'),
  ground: b('Căn cứ từ chối', 'Ground for refusing'),
  routeTo: b('Mã đơn vị trả lời', 'Unit to answer (code)'),
  shareAsker: b('Cho đơn vị xem thông tin người hỏi', 'Show the asker’s details to the unit'),
  expectedBy: b('Ngày dự kiến trả lời', 'Answer expected by'),
  backToInbox: b('Về hộp thư', 'Back to the inbox'),
  returnedAnswers: b('Trả lời bị trả lại', 'Answers returned'),
  changes: b('Thay đổi giữa hai phiên bản', 'Changes between two versions'),
  fromVersion: b('Từ phiên bản', 'From version'),
  toVersion: b('Đến phiên bản', 'To version'),
  compare: b('So sánh', 'Compare'),
  diffLegend: b(
    'Chữ gạch ngang nền đỏ: bị bỏ; chữ gạch chân nền xanh: được thêm.',
    'Struck through on red: removed; underlined on green: added.',
  ),
  removed: b('bỏ', 'removed'),
  added: b('thêm', 'added'),
  nothingToCompare: b(
    'Chỉ một phiên bản giữ nội dung: chưa có gì để so sánh.',
    'Only one version kept its text: nothing to compare yet.',
  ),
  noChange: b('Không có thay đổi.', 'No change.'),
  attachments: b('Tệp đính kèm', 'Attachments'),
  noAttachments: b('Không có tệp đính kèm.', 'No attachments.'),
  file: b('Tệp', 'File'),
  fileType: b('Loại', 'Type'),
  size: b('Dung lượng', 'Size'),
  scan: b('Kiểm tra an toàn', 'Safety check'),
  bulk: b('Thao tác với các mục đã chọn', 'Act on the selected items'),
  selectItem: b('Chọn', 'Select'),
  bulkAction: b('Thao tác', 'Action'),
  bulkText: b('Ý kiến (khi trả lại) hoặc lý do (khi không duyệt)', 'Comment (to return) or reason (to reject)'),
  bulkComment: b('Ý kiến (khi trả lại)', 'Comment (to return)'),
  bulkReason: b('Lý do (khi không duyệt)', 'Reason (to reject)'),
  bulkNotYours: b('Thao tác hàng loạt không dành cho bạn', 'Bulk actions not yours'),
  bulkAssignee: b('Mã tài khoản biên tập viên (khi giao việc)', 'Editor’s account id (to assign)'),
  bulkApply: b('Thực hiện với các mục đã chọn', 'Apply to the selected items'),
  bulkDone: b('Đã thực hiện', 'Done'),
  bulkFailed: b('không thực hiện được', 'not done'),
  figures: b('Số liệu', 'Figures'),
  period: b('Kỳ số liệu', 'Period'),
  from: b('Từ ngày', 'From'),
  to: b('Đến ngày', 'To'),
  show: b('Xem', 'Show'),
  qaFigures: b('Hỏi – đáp', 'Questions and answers'),
  publicationFigures: b('Đăng tin, bài', 'Publication'),
  figure: b('Chỉ tiêu', 'Figure'),
  value: b('Số liệu', 'Value'),
  rate: b('Tỷ lệ', 'Rate'),
  qReceived: b('Câu hỏi nhận được', 'Questions received'),
  qRouted: b('Lượt chuyển đơn vị', 'Routings'),
  qRoutedOnTime: b('Chuyển trong 1 ngày làm việc', 'Routed within one working day'),
  qRerouted: b('Chuyển lại sau khi đơn vị trả lại', 'Re-routed after a return'),
  qReturned: b('Đơn vị trả lại (không thuộc thẩm quyền)', 'Returned as outside competence'),
  qAnswered: b('Đã trả lời', 'Answered'),
  qAnsweredOnTime: b('Trả lời đúng hạn', 'Answered on time'),
  qMedian: b('Trung vị ngày làm việc để trả lời', 'Median working days to answer'),
  qOverdueNow: b('Đang quá hạn', 'Overdue now'),
  pLatest: b('Tin, bài đăng gần nhất (tối đa 50) có hạn đăng', 'Latest published items (up to 50) with a deadline'),
  pOnTime: b('Đăng đúng hạn', 'Published on time'),
  pOverdueNow: b('Chưa đăng, đã quá hạn', 'Not published, overdue'),
  pNote: b(
    'Đếm trên các tin, bài đang ở trạng thái đã đăng; cờ đúng hạn được chốt khi đăng.',
    'Counted over the items now published; the on-time flag is frozen at publication.',
  ),
  jobs: b('Tác vụ định kỳ', 'Scheduled jobs'),
  job: b('Tác vụ', 'Job'),
  schedule: b('Lịch chạy', 'Schedule'),
  lastRun: b('Lần chạy gần nhất', 'Last run'),
  lastSuccess: b('Thành công gần nhất', 'Last success'),
  nextRun: b('Lần chạy tới', 'Next run'),
  missed: b('Lỡ lịch', 'Missed'),
  runs: b('Các lần chạy', 'Runs'),
  outcome: b('Kết quả', 'Outcome'),
  started: b('Bắt đầu', 'Started'),
  finished: b('Kết thúc', 'Finished'),
  succeeded: b('Thành công', 'Succeeded'),
  failed: b('Thất bại', 'Failed'),
  audit: b('Nhật ký', 'Audit trail'),
  auditOfItem: b('Nhật ký của mục này', 'Audit trail of this item'),
  at: b('Thời điểm', 'When'),
  actor: b('Người thực hiện', 'Actor'),
  action: b('Hành động', 'Action'),
  target: b('Đối tượng', 'Target'),
  targetId: b('Mã đối tượng', 'Target id'),
  actorId: b('Mã người thực hiện', 'Actor id'),
  people: b('Đơn vị và tài khoản', 'Unit and people'),
  parentUnit: b('Đơn vị cấp trên', 'Parent unit'),
  unitFacts: b('Đơn vị', 'Unit'),
  kind: b('Loại', 'Kind'),
  domain: b('Tên miền', 'Domain'),
  languages: b('Ngôn ngữ', 'Languages'),
  subUnits: b('Đơn vị trực thuộc', 'Units under it'),
  accounts: b('Tài khoản', 'Accounts'),
  username: b('Tên đăng nhập', 'Username'),
  fullName: b('Họ và tên', 'Full name'),
  email: b('Thư điện tử', 'E-mail'),
  rolesLabel: b('Vai trò', 'Roles'),
  status: b('Tình trạng', 'Status'),
  active: b('Đang dùng', 'Active'),
  closed: b('Đã đóng', 'Closed'),
  newAccount: b('Tạo tài khoản', 'Create an account'),
  temporaryPassword: b(
    'Mật khẩu tạm (chỉ hiện một lần, gửi riêng cho người dùng)',
    'Temporary password (shown once: give it to the person privately)',
  ),
  delegations: b('Ủy quyền', 'Delegations'),
  deputy: b('Người được ủy quyền', 'Deputy'),
  actions: b('Quyền', 'Actions'),
  validFrom: b('Từ', 'From'),
  validTo: b('Đến', 'To'),
  revoked: b('Đã thu hồi', 'Revoked'),
  revoke: b('Thu hồi', 'Revoke'),
  grant: b('Ủy quyền', 'Delegate'),
  newDelegation: b('Ủy quyền mới', 'New delegation'),
  saveRoles: b('Lưu vai trò', 'Save the roles'),
  closeAccount: b('Đóng tài khoản và chuyển việc', 'Close the account and hand over its work'),
  successor: b('Người nhận việc', 'Successor'),
  closeReason: b('Lý do', 'Reason'),
  unlock: b('Mở khóa đăng nhập', 'Unlock sign-in'),
  movedWork: b('Số việc đã chuyển', 'Work handed over'),
  machineClients: b('Ứng dụng kết nối', 'Machine clients'),
  registerClient: b('Đăng ký ứng dụng', 'Register a client'),
  clientName: b('Tên ứng dụng', 'Client name'),
  scopes: b('Phạm vi truy cập', 'Scopes'),
  clientSecret: b('Khóa bí mật (chỉ hiện một lần)', 'Client secret (shown once)'),
  disableClient: b('Vô hiệu hóa ứng dụng', 'Disable a client'),
  clientId: b('Mã ứng dụng', 'Client id'),
  disable: b('Vô hiệu hóa', 'Disable'),
  yes: b('Có', 'Yes'),
  no: b('Không', 'No'),
} satisfies Record<string, Bilingual>;

export const scanStatuses: Record<string, Bilingual> = {
  pending: b('Đang chờ kiểm tra', 'Waiting for the check'),
  clean: b('Sạch, được đăng', 'Clean, may be published'),
  quarantined: b('Bị cách ly, không được đăng', 'Quarantined, never published'),
  missing: b('Không tìm thấy', 'Not found'),
};

export const bulkActions: Record<string, Bilingual> = {
  return: b('Trả lại người gửi', 'Return to the sender'),
  reject: b('Không duyệt', 'Reject'),
  assign: b('Giao biên tập viên', 'Assign an editor'),
};

export const askerFields: Record<string, Bilingual> = {
  fullName: b('Họ và tên', 'Full name'),
  nationality: b('Quốc tịch', 'Nationality'),
  address: b('Địa chỉ', 'Address'),
  phone: b('Điện thoại', 'Phone'),
  email: b('Thư điện tử', 'E-mail'),
  occupation: b('Nghề nghiệp', 'Occupation'),
  idNumber: b('Số CMND/CCCD/hộ chiếu', 'ID card or passport'),
  representativeName: b('Người đại diện', 'Representative'),
  representativePosition: b('Chức vụ', 'Position'),
  organisationName: b('Tên tổ chức', 'Organisation'),
  organisationAddress: b('Địa chỉ tổ chức', 'Organisation’s address'),
};

export const closeReasons: Record<string, Bilingual> = {
  transfer: b('Điều chuyển công tác', 'Transfer'),
  retirement: b('Nghỉ hưu', 'Retirement'),
  resignation: b('Thôi việc', 'Resignation'),
  other: b('Khác', 'Other'),
};
export const unitKinds: Record<string, Bilingual> = {
  province: b('Tỉnh', 'Province'),
  department: b('Sở, ngành', 'Department'),
  district: b('Huyện', 'District'),
  commune: b('Xã', 'Commune'),
};

export const escalationLevels: Record<string, Bilingual> = {
  reminder: b('Nhắc việc', 'Reminder'),
  overdue: b('Quá hạn', 'Overdue'),
  'very-overdue': b('Quá hạn nghiêm trọng', 'Very overdue'),
};
export const clocks: Record<string, Bilingual> = {
  classify: b('Phân loại, chuyển đơn vị', 'Classify and route'),
  answer: b('Trả lời', 'Answer'),
  return: b('Trả lại nếu không thuộc thẩm quyền', 'Return if outside competence'),
};
export const roles: Record<string, Bilingual> = {
  'chief-editor': b('Trưởng Ban biên tập', 'Chief editor'),
  'deputy-editor': b('Phó Trưởng Ban biên tập', 'Deputy editor'),
  secretary: b('Thư ký Ban biên tập', 'Board secretary'),
  editor: b('Biên tập viên', 'Editor'),
  reporter: b('Phóng viên', 'Reporter'),
  contributor: b('Cộng tác viên', 'Contributor'),
  'unit-head': b('Thủ trưởng đơn vị', 'Head of unit'),
  'unit-officer': b('Cán bộ đơn vị', 'Unit officer'),
  operator: b('Quản trị vận hành', 'Operator'),
  auditor: b('Kiểm tra, giám sát', 'Auditor'),
};
export const complexities: Record<string, Bilingual> = {
  simple: b('Đơn giản', 'Simple'),
  complex: b('Phức tạp', 'Complex'),
};
export const scopes: Record<string, Bilingual> = {
  'single-unit': b('Một đơn vị', 'One unit'),
  'inter-agency': b('Liên ngành', 'Inter-agency'),
};
export const refusalGrounds: Record<string, Bilingual> = {
  complaint: b('Khiếu nại', 'A complaint'),
  denunciation: b('Tố cáo', 'A denunciation'),
  'private-matter': b('Việc riêng tư', 'A private matter'),
  'outside-competence': b('Không thuộc thẩm quyền của tỉnh', 'Outside the province’s competence'),
};
export const questionFields: Record<string, Bilingual> = {
  'administrative-procedures': b('Thủ tục hành chính', 'Administrative procedures'),
  'land-environment': b('Đất đai, môi trường', 'Land and environment'),
  'construction-transport': b('Xây dựng, giao thông', 'Construction and transport'),
  'investment-business': b('Đầu tư, kinh doanh', 'Investment and business'),
  'finance-tax': b('Tài chính, thuế', 'Finance and tax'),
  'labour-social': b('Lao động, xã hội', 'Labour and social affairs'),
  'education-health': b('Giáo dục, y tế', 'Education and health'),
  'information-communication': b('Thông tin, truyền thông', 'Information and communication'),
  justice: b('Tư pháp', 'Justice'),
  other: b('Khác', 'Other'),
};

/** A label of a code, or the code itself when the console does not know it (a newer API). */
export const labelOf = (labels: Record<string, Bilingual>, code: string | undefined) =>
  code === undefined ? '—' : t(labels[code] ?? { vi: code, en: code });

export const contentStates: Record<string, Bilingual> = {
  draft: b('Bản nháp', 'Draft'),
  submitted: b('Chờ tiếp nhận', 'Awaiting intake'),
  returned: b('Đã trả lại', 'Returned'),
  recalled: b('Đã rút lại', 'Recalled'),
  editing: b('Đang biên tập', 'Being edited'),
  'pending-decision': b('Chờ Trưởng ban quyết định', 'Awaiting the chief’s decision'),
  rejected: b('Không duyệt', 'Rejected'),
  approved: b('Đã duyệt, chờ đăng', 'Approved'),
  scheduled: b('Đã hẹn giờ đăng', 'Scheduled'),
  'emergency-published': b('Đã đăng khẩn', 'Emergency-published'),
  published: b('Đã đăng', 'Published'),
  withdrawn: b('Đã gỡ', 'Withdrawn'),
  archived: b('Đã lưu trữ', 'Archived'),
};

export const questionStages: Record<string, Bilingual> = {
  received: b('Mới nhận', 'Received'),
  classified: b('Đã phân loại', 'Classified'),
  refused: b('Từ chối', 'Refused'),
  routed: b('Đã chuyển đơn vị', 'Routed'),
  returned: b('Đơn vị trả lại', 'Returned by the unit'),
  answered: b('Đã có trả lời', 'Answered'),
  approved: b('Đã duyệt trả lời', 'Answer approved'),
  sent: b('Đã gửi', 'Sent'),
  published: b('Đã công khai', 'Published'),
  reopened: b('Mở lại', 'Reopened'),
};

export const categories: Record<string, Bilingual> = {
  news: b('Tin tức', 'News'),
  direction: b('Chỉ đạo, điều hành', 'Direction'),
  'legal-document': b('Văn bản quy phạm', 'Legal documents'),
  'draft-for-comment': b('Lấy ý kiến dự thảo', 'Drafts for comment'),
  'administrative-procedure': b('Thủ tục hành chính', 'Administrative procedures'),
  'plan-project': b('Quy hoạch, dự án', 'Plans and projects'),
  procurement: b('Đấu thầu, mua sắm', 'Procurement'),
  statistics: b('Thống kê', 'Statistics'),
  'financial-report': b('Ngân sách, tài chính', 'Budget and finance'),
  announcement: b('Thông báo', 'Announcements'),
  spokesperson: b('Phát ngôn', 'Spokesperson'),
  leaders: b('Lãnh đạo', 'Leaders'),
  advertising: b('Quảng cáo', 'Advertising'),
};

const formats = new Map<Lang, Intl.DateTimeFormat>();
/** An instant in the province's time (ICT), as the deadlines are counted. */
export function when(iso: string | undefined): string {
  if (!iso) return '—';
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    formats.set(lang, format);
  }
  return format.format(new Date(iso));
}
