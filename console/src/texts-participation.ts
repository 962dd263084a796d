import { b, type Bilingual } from './i18n';

/** Texts of the participation screens: consultations on drafts and the board's moderation of comments (issue 28). */
export const participationTexts = {
  consultations: b('Lấy ý kiến dự thảo', 'Consultations'),
  consultation: b('Lấy ý kiến', 'Consultation'),
  openNow: b('Đang lấy ý kiến', 'Open for comment'),
  closedOnes: b('Đã kết thúc', 'Closed'),
  opensAt: b('Bắt đầu', 'Opens'),
  closesAt: b('Kết thúc', 'Closes'),
  window: b('Thời gian lấy ý kiến', 'Window'),
  days: b('ngày', 'days'),
  minimumDays: b('Tối thiểu theo quy định', 'Legal minimum'),
  documentType: b('Loại dự thảo', 'Document type'),
  draftVersion: b('Phiên bản dự thảo', 'Draft version'),
  articles: b('Số điều', 'Articles'),
  backToConsultations: b('Về danh sách lấy ý kiến', 'Back to the consultations'),
  flag: b('Lưu ý', 'Note'),
  comments: b('Ý kiến góp ý chờ kiểm duyệt', 'Comments to moderate'),
  noComments: b('Chưa có ý kiến nào.', 'No comments yet.'),
  commentCode: b('Mã ý kiến', 'Comment code'),
  onArticle: b('Góp ý cho', 'On'),
  wholeDraft: b('Toàn bộ dự thảo', 'The whole draft'),
  article: b('Điều', 'Article'),
  commenterKind: b('Người góp ý', 'Commenter'),
  individual: b('Cá nhân', 'Individual'),
  organisation: b('Tổ chức', 'Organisation'),
  commentText: b('Nội dung góp ý', 'Comment'),
  publicText: b('Nội dung sẽ công khai (đã ẩn thông tin cá nhân)', 'What is published (personal data replaced)'),
  noConsent: b(
    'Người góp ý không đồng ý công khai ý kiến: chỉ có thể ẩn, không thể đăng.',
    'The commenter did not consent to publication: it may be hidden, not published.',
  ),
  hiddenBecause: b('Đã ẩn vì', 'Hidden because'),
  publish: b('Đăng ý kiến', 'Publish the comment'),
  hide: b('Ẩn ý kiến', 'Hide the comment'),
  hideReason: b('Lý do ẩn (người góp ý sẽ thấy)', 'Why it is hidden (its author sees this)'),
  published: b('Đã đăng ý kiến', 'Published comment'),
  hidden: b('Đã ẩn ý kiến', 'Hidden comment'),
  writerMayNotApprove: b(
    'Bạn đã soạn bản tổng hợp này nên không tự duyệt hoặc trả lại (phân tách nhiệm vụ, CB 17.3a–b).',
    'You wrote this summary, so you may not approve or return it (separation of duties, CB 17.3a–b).',
  ),
  receivedComments: b('Ý kiến nhận được (để trống nếu không có)', 'Comments received (leave empty if none)'),
  commentCount: b('Số ý kiến', 'Number of comments'),
  response: b('Tiếp thu, giải trình', 'Response'),
  responseReason: b('Lý do (bắt buộc nếu không tiếp thu)', 'Reason (required unless accepted)'),
  newVersionContent: b('Mã tin, bài của phiên bản dự thảo mới', 'Content id of the new version of the draft'),
  returnReason: b('Lý do trả lại', 'Why it is returned'),
  scheduledNotListed: b(
    'Dự thảo đã lên lịch nhưng chưa mở không có trong danh sách này.',
    'Drafts scheduled but not yet open are not in this list.',
  ),
} satisfies Record<string, Bilingual>;

export const consultationStates: Record<string, Bilingual> = {
  scheduled: b('Đã lên lịch', 'Scheduled'),
  open: b('Đang lấy ý kiến', 'Open for comment'),
  closed: b('Đã kết thúc lấy ý kiến', 'Closed'),
  'summary-drafted': b('Đã dự thảo báo cáo tổng hợp', 'Summary drafted'),
  'summary-approved': b('Đã duyệt báo cáo tổng hợp', 'Summary approved'),
  published: b('Đã công bố báo cáo tổng hợp', 'Summary published'),
};

export const commentStates: Record<string, Bilingual> = {
  pending: b('Chờ kiểm duyệt', 'Awaiting moderation'),
  published: b('Đã đăng', 'Published'),
  hidden: b('Đã ẩn', 'Hidden'),
};

export const commentFlags: Record<string, Bilingual> = {
  'article-changed': b('Điều được góp ý đã thay đổi ở phiên bản mới', 'Its article changed in a later version'),
  'article-removed': b('Điều được góp ý không còn ở phiên bản mới', 'Its article is gone in a later version'),
};
