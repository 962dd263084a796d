import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { FieldIssue } from '../domain/errors';
import type { Language, LocalizedText } from '../domain/text';
import { problemKinds, problemType, type ProblemCode } from './error-table';

/** An RFC 9457 problem, raised anywhere in the HTTP layer and rendered by the error middleware. */
export class HttpProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: LocalizedText,
    readonly fields: readonly FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail?.en ?? problemKinds[code].title.en);
    this.name = 'HttpProblem';
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: Array<{ field: string; pointer: string; code: string; detail: string; message: LocalizedText }>;
  i18n: Record<Language, { title: string; detail?: string }>;
}

/** `query.workingDays` → `/query/workingDays` (a JSON pointer into the request's parts). */
const pointerOf = (field: string) =>
  `/${field
    .split('.')
    .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;

export function problemBody(
  code: ProblemCode,
  opts: {
    detail?: LocalizedText;
    fields?: readonly FieldIssue[];
    instance?: string;
    requestId?: string;
    lang: Language;
    basePath?: string;
  },
): ProblemBody {
  const kind = problemKinds[code];
  const detail = opts.detail;
  const body: ProblemBody = {
    type: problemType(code, opts.basePath),
    title: kind.title[opts.lang],
    status: kind.status,
    ...(detail ? { detail: detail[opts.lang] } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    i18n: {
      vi: { title: kind.title.vi, ...(detail ? { detail: detail.vi } : {}) },
      en: { title: kind.title.en, ...(detail ? { detail: detail.en } : {}) },
    },
  };
  if (opts.fields && opts.fields.length > 0) {
    body.errors = opts.fields.map((f) => ({
      field: f.field,
      pointer: pointerOf(f.field),
      code: f.code,
      detail: f.message[opts.lang],
      message: f.message,
    }));
  }
  return body;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Headers of every problem response: its media type, and the scheme a 401 asks for (RFC 9110 §11.6.1). */
export const problemHeaders = (status: number): Record<string, string> => ({
  'content-type': PROBLEM_CONTENT_TYPE,
  ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
});

/**
 * The path under which the API is served on this host: API Gateway's stage (`/v1`, the part of
 * requestContext.path before the resource path), or nothing locally.
 */
export function basePathOf(event: Pick<APIGatewayProxyEvent, 'path' | 'requestContext'>): string {
  const full = event.requestContext?.path;
  const path = event.path;
  if (!full || !path || full === path || !full.endsWith(path)) return '';
  const base = full.slice(0, full.length - path.length);
  return /^(\/[A-Za-z0-9._~-]+)+$/.test(base) ? base : '';
}
