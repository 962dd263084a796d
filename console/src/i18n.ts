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
const b = (vi: string, en: string): Bilingual => ({ vi, en });

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
  noSteps: b('Không có bước nào bạn có thể thực hiện ở trạng thái này.', 'There is no step you may take in this state.'),
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
} satisfies Record<string, Bilingual>;

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
    format = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
    formats.set(lang, format);
  }
  return format.format(new Date(iso));
}
