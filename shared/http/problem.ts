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
const pointerOf = (field: string) => `/${field.split('.').map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

export function problemBody(
  code: ProblemCode,
  opts: { detail?: LocalizedText; fields?: readonly FieldIssue[]; instance?: string; requestId?: string; lang: Language },
): ProblemBody {
  const kind = problemKinds[code];
  const detail = opts.detail;
  const body: ProblemBody = {
    type: problemType(code),
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
