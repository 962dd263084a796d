import { html, type TemplateResult } from 'lit-html';
import { call } from '../api';
import { show, type Me } from '../main';
import { bulkActions, t, texts, type Bilingual } from '../i18n';
import { permission, type Permission } from '../permissions';
import { errorSummary } from './problem';
import { bulkActionPermissions, type BulkAction } from '../bulk-actions';

/**
 * Bulk return, reject or assign on the intake queue (POST /units/{code}/content/bulk-transitions):
 * the rows' checkboxes and one form offering the actions the rule table lets the caller take on the
 * unit (each needs its workflow row's permission, as the API checks it: bulk-actions.ts); the
 * others are listed with the reason. The API decides again (the whole request is refused if the caller may not) and
 * answers item by item (e.g. separation of duties); the outcome is shown above the queue.
 */
const actions = Object.keys(bulkActionPermissions) as BulkAction[];
export type BulkPermissions = ReadonlyMap<BulkAction, Permission>;

/** `unitPath`: the queue's unit first, then its ancestors (permissions.ts unitPathOf). */
export const bulkPermissions = (me: Me, unitPath: readonly string[]): BulkPermissions =>
  new Map(actions.map((a) => [a, permission(me, bulkActionPermissions[a], unitPath)]));
export const anyBulkAllowed = (may: BulkPermissions) => [...may.values()].some((p) => p.allowed);

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

const textLabel = (mayReturn: boolean, mayReject: boolean) =>
  mayReturn && mayReject ? texts.bulkText : mayReturn ? texts.bulkComment : texts.bulkReason;

/** The form with the allowed actions (none: no form), then the refused ones with their reasons. */
export function bulkSection(unit: string, titles: ReadonlyMap<string, string>, may: BulkPermissions) {
  const allowed = actions.filter((a) => may.get(a)?.allowed);
  const refused = actions.flatMap((a) => {
    const p = may.get(a);
    return p && !p.allowed ? [{ action: a, reason: p.reason }] : [];
  });
  return html`${allowed.length > 0 ? bulkForm(unit, titles, allowed) : ''}
    ${
      refused.length > 0
        ? html`<section class="bulk-refused" aria-labelledby="bulk-refused-h">
          <h2 id="bulk-refused-h">${t(texts.bulkNotYours)}</h2>
          <ul class="refused">${refused.map((r) => html`<li data-refused-bulk=${r.action}><strong>${t(bulkActions[r.action]!)}</strong>: ${t(r.reason)}</li>`)}</ul>
        </section>`
        : ''
    }`;
}

function bulkForm(unit: string, titles: ReadonlyMap<string, string>, allowed: readonly BulkAction[]) {
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const action = String(form.get('action')) as BulkAction;
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
  const mayReturn = allowed.includes('return');
  const mayReject = allowed.includes('reject');
  return html`<form id=${BULK_FORM} class="bulk" @submit=${submit} aria-labelledby="bulk-h">
    <h2 id="bulk-h">${t(texts.bulk)}</h2>
    <div><label for="bulk-action">${t(texts.bulkAction)}</label>
      <select id="bulk-action" name="action">${allowed.map((a) => html`<option value=${a}>${t(bulkActions[a]!)}</option>`)}</select></div>
    ${
      mayReturn || mayReject
        ? html`<div><label for="bulk-text">${t(textLabel(mayReturn, mayReject))}</label><textarea id="bulk-text" name="text" rows="2"></textarea></div>`
        : ''
    }
    ${allowed.includes('assign') ? html`<div><label for="bulk-assignee">${t(texts.bulkAssignee)}</label><input id="bulk-assignee" name="assignee"></div>` : ''}
    <button type="submit">${t(texts.bulkApply)}</button>
  </form>`;
}
