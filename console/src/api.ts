import type { Operations } from './api.generated';
import { accessToken } from './auth';
import type { Bilingual } from './i18n';

/** Calls of the public API, typed by its OpenAPI document ("METHOD /path" keys). */
export interface ProblemField {
  field: string;
  code: string;
  message?: Bilingual;
}
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: Bilingual,
    readonly fields: ProblemField[],
  ) {
    super(detail.en);
  }
}

let base = '';
export const setApiBase = (url: string) => (base = url.replace(/\/$/, ''));

type Args<K extends keyof Operations> = {
  path?: Operations[K]['path'];
  query?: Partial<Record<string, string | undefined>> &
    ([Operations[K]['query']] extends [never] ? unknown : Operations[K]['query']);
  body?: Operations[K]['body'];
  headers?: Record<string, string>;
};

export async function call<K extends keyof Operations>(
  key: K,
  args: Args<K> = {},
): Promise<{ data: Operations[K]['response']; etag: string | null }> {
  const [method, template] = (key as string).split(' ') as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((args.path as Record<string, unknown>)[name])),
  );
  const query = new URLSearchParams(
    Object.entries(args.query ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  const token = await accessToken();
  const res = await fetch(`${base}${path}${query.size > 0 ? `?${query}` : ''}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(args.body !== undefined && { 'content-type': 'application/json' }),
      ...args.headers,
    },
    ...(args.body !== undefined && { body: JSON.stringify(args.body) }),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    // problem+json (RFC 9457) with the detail in both languages and the fields at fault.
    const detail: Bilingual = json?.i18n
      ? { vi: json.i18n.vi.detail ?? json.i18n.vi.title, en: json.i18n.en.detail ?? json.i18n.en.title }
      : { vi: json?.detail ?? res.statusText, en: json?.detail ?? res.statusText };
    throw new ApiProblem(res.status, detail, json?.errors ?? []);
  }
  return { data: json, etag: res.headers.get('etag') };
}
