import * as z from 'zod/mini';
// Only the two locales we answer in: `z.locales` would bundle all 64 (~260 KB) into every function.
import viLocale from 'zod/v4/locales/vi.js';
import enLocale from 'zod/v4/locales/en.js';
import type { FieldIssue } from '../domain/errors';
import { BILINGUAL_MARK, type LocalizedText } from '../domain/text';

/**
 * zod issues → bilingual field issues. Messages come from zod's own `vi` and `en` locales;
 * a schema may instead carry its own bilingual message made with `bilingual()`.
 */
const vi = viLocale().localeError;
const en = enLocale().localeError;

/** A custom zod message in both languages (defined with the domain's texts, so domain schemas can use it too). */
export { bilingual } from '../domain/text';

function render(localeError: typeof vi, issue: z.core.$ZodIssue): string {
  const out = (localeError as (i: unknown) => string | { message: string } | undefined)(issue);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
}

function messageOf(issue: z.core.$ZodIssue): LocalizedText {
  if (issue.message.startsWith(BILINGUAL_MARK)) {
    return JSON.parse(issue.message.slice(1)) as LocalizedText;
  }
  return { vi: render(vi, issue), en: render(en, issue) };
}

export function fieldIssues(part: string, error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    code: issue.code,
    message: messageOf(issue),
  }));
}

/** Parses one part of a request; the issues name the part (`params`, `query`, `body`). */
export function parsePart<S extends z.core.$ZodType>(
  part: string,
  schema: S,
  value: unknown,
): { ok: true; value: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  // reportInput lets the locales say what was received; the input never reaches a log.
  const result = z.safeParse(schema, value, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fieldIssues(part, result.error) };
}
