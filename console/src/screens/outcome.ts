import { html, type TemplateResult } from 'lit-html';
import { show } from '../main';
import { errorSummary } from './problem';

/**
 * The outcome of a form on an administration screen (roles, delegations, accounts, clients): what
 * was done, or the API's problem as an error summary whose links focus the fields it names. The
 * screen is drawn again from the API, then the focus moves to the outcome.
 */
let last: { key: string; done?: TemplateResult; error?: unknown; fields?: Record<string, string> } | undefined;

export function outcomeOf(key: string): TemplateResult | string {
  const mine = last?.key === key ? last : undefined;
  last = undefined;
  if (mine?.error !== undefined) return errorSummary(mine.error, mine.fields);
  return mine?.done ? html`<div role="status" tabindex="-1" class="done">${mine.done}</div>` : '';
}

export async function act(
  key: string,
  run: () => Promise<TemplateResult>,
  fields: Record<string, string> = {},
): Promise<void> {
  try {
    last = { key, done: await run() };
  } catch (error) {
    last = { key, error, fields };
  }
  await show(false);
  document.querySelector<HTMLElement>('.error-summary, [role=status]')?.focus();
}

/** The form's fields as strings (empty ones left out), and every value of the checkboxes named `many`. */
export function valuesOf(event: Event, many: string[] = []) {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const one: Record<string, string> = {};
  for (const [name, value] of form)
    if (typeof value === 'string' && value.trim() !== '' && !many.includes(name)) one[name] = value.trim();
  const lists = Object.fromEntries(many.map((name) => [name, form.getAll(name).map(String)]));
  return { one, lists };
}
