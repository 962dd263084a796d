import type { LocalizedText } from '../domain/text';
import { text } from '../domain/text';

/**
 * The one table that maps every error the API can return to its HTTP status, problem type and
 * bilingual title. Domain codes, middleware codes and API Gateway's own responses all land here.
 */
/**
 * Problem types are served by this API itself (`GET /problems/{code}`), so `type` is a path on the
 * API's own host, under its base path (the stage on API Gateway, e.g. `/v1`): never a domain the
 * deployment does not own.
 */
export const PROBLEMS_PATH = '/problems/';

export interface ProblemKind {
  readonly status: number;
  readonly title: LocalizedText;
}

export const problemKinds = {
  validation: { status: 400, title: text('Dữ liệu không hợp lệ', 'Invalid request') },
  malformed_json: { status: 400, title: text('Nội dung JSON không đọc được', 'Malformed JSON body') },
  unauthenticated: { status: 401, title: text('Chưa đăng nhập', 'Authentication required') },
  forbidden: { status: 403, title: text('Không có quyền', 'Forbidden') },
  not_found: { status: 404, title: text('Không tìm thấy', 'Not found') },
  route_not_found: { status: 404, title: text('Không có địa chỉ này', 'No such route') },
  bad_request: { status: 400, title: text('Yêu cầu không hợp lệ', 'Bad request') },
  method_not_allowed: { status: 405, title: text('Phương thức không được hỗ trợ', 'Method not allowed') },
  conflict: { status: 409, title: text('Xung đột trạng thái', 'Conflict') },
  locked: { status: 423, title: text('Tài khoản tạm khóa', 'Account locked') },
  password_change_required: {
    status: 403,
    title: text(
      'Cần đổi mật khẩu trước khi tiếp tục (NA 10.2đ)',
      'Change your password before anything else (NA 10.2đ)',
    ),
  },
  idempotency_in_progress: {
    status: 409,
    title: text('Yêu cầu cùng khóa đang được xử lý', 'A request with this Idempotency-Key is in progress'),
  },
  /** A stale If-Match. 409 until the HTTP layer answers 412 for it (issue 12 #20). */
  precondition_failed: {
    status: 412,
    title: text(
      'Dữ liệu đã thay đổi từ phiên bản bạn sửa (If-Match)',
      'The item changed since the version you edited (If-Match)',
    ),
  },
  payload_too_large: { status: 413, title: text('Nội dung quá lớn', 'Payload too large') },
  unsupported_media_type: { status: 415, title: text('Kiểu nội dung không được hỗ trợ', 'Unsupported media type') },
  idempotency_mismatch: {
    status: 422,
    title: text('Khóa Idempotency-Key đã dùng cho yêu cầu khác', 'Idempotency-Key reused with a different request'),
  },
  too_many_requests: { status: 429, title: text('Quá nhiều yêu cầu', 'Too many requests') },
  internal: { status: 500, title: text('Lỗi hệ thống', 'Internal error') },
  unavailable: { status: 503, title: text('Dịch vụ tạm thời không sẵn sàng', 'Service unavailable') },
} as const satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof problemKinds;

export const problemSlug = (code: ProblemCode): string => code.replace(/_/g, '-');
export const problemCodeOfSlug = (slug: string): ProblemCode | undefined => {
  const code = slug.replace(/-/g, '_');
  return Object.hasOwn(problemKinds, code) ? (code as ProblemCode) : undefined;
};

/** `validation` → `/v1/problems/validation` (basePath `/v1`) or `/problems/validation` (local). */
export const problemType = (code: ProblemCode, basePath = ''): string =>
  `${basePath}${PROBLEMS_PATH}${problemSlug(code)}`;
