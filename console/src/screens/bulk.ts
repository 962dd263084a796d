import { html, type TemplateResult } from 'lit-html';
import { call } from '../api';
import { show } from '../main';
import { bulkActions, t, texts, type Bilingual } from '../i18n';
import { errorSummary } from './problem';

/**
 * Bulk return, reject or assign on the intake queue (POST /units/{code}/content/bulk-transitions):
 * the rows' checkboxes and one form. The API decides who may (the whole request is refused if the
 * caller may not) and answers item by item; the outcome is shown above the queue.
 */
type Outcome = {
  unit: string;
  done?: { succeeded: number; failed: { title: string; detail: Bilingual }[] };
  error?: unknown;
};
let outcome: Outcome | undefined;

export const BULK_FORM = 'bulk';
export const checkbox = (id: string, title: string) =>
  html`<input type="checkbox" class="pick" id=${`pick-${id}`} name="ids" value=${id} form=${BULK_FORM}><label class="visually-hidden" for=${`pick-${id}`}>${t(texts.selectItem)}: ${title}</label>`;

export function bulkOutcome(unit: string): TemplateResult | string {
  const mine = outcome?.unit === unit ? outcome : undefined;
  outcome = undefined;
  if (mine?.error)
    return errorSummary(mine.error, {
      'body.comment': 'bulk-text',
      'body.reason': 'bulk-text',
      'body.assignee': 'bulk-assignee',
      'body.ids': 'bulk-action',
    });
  if (!mine?.done) return '';
  return html`<div role="status" tabindex="-1" class="done">
    <p>${t(texts.bulkDone)}: ${mine.done.succeeded}; ${t(texts.bulkFailed)}: ${mine.done.failed.length}</p>
    ${mine.done.failed.length > 0 ? html`<ul>${mine.done.failed.map((f) => html`<li><strong>${f.title}</strong>: ${t(f.detail)}</li>`)}</ul>` : ''}
  </div>`;
}

export function bulkForm(unit: string, titles: ReadonlyMap<string, string>) {
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const action = String(form.get('action')) as 'return' | 'reject' | 'assign';
    const text = String(form.get('text') ?? '').trim();
    const assignee = String(form.get('assignee') ?? '').trim();
    const ids = form.getAll('ids').map(String);
    try {
      const { data } = await call('POST /units/{code}/content/bulk-transitions', {
        path: { code: unit },
        body: {
          action,
          ids,
          ...(action === 'return' && text && { comment: text }),
          ...(action === 'reject' && text && { reason: text }),
          ...(action === 'assign' && assignee && { assignee }),
        },
      });
      const failed = data.results.flatMap((r) => (r.ok ? [] : [{ title: titles.get(r.id) ?? r.id, detail: r.detail }]));
      outcome = { unit, done: { succeeded: data.succeeded, failed } };
    } catch (error) {
      outcome = { unit, error };
    }
    await show(false);
    document.querySelector<HTMLElement>('.error-summary, [role=status]')?.focus();
  };
  return html`<form id=${BULK_FORM} class="bulk" @submit=${submit} aria-labelledby="bulk-h">
    <h2 id="bulk-h">${t(texts.bulk)}</h2>
    <div><label for="bulk-action">${t(texts.bulkAction)}</label>
      <select id="bulk-action" name="action">${Object.entries(bulkActions).map(([value, label]) => html`<option value=${value}>${t(label)}</option>`)}</select></div>
    <div><label for="bulk-text">${t(texts.bulkText)}</label><textarea id="bulk-text" name="text" rows="2"></textarea></div>
    <div><label for="bulk-assignee">${t(texts.bulkAssignee)}</label><input id="bulk-assignee" name="assignee"></div>
    <button type="submit">${t(texts.bulkApply)}</button>
  </form>`;
}
