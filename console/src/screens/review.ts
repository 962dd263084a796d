import { html } from 'lit-html';
import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';
import { call } from '../api';
import { href, type Screen } from '../main';
import { categories, contentStates, t, texts, when, type Bilingual } from '../i18n';
import { errorSummary, problemScreen } from './problem';
import { stepsSection, type Step } from './steps';
import { changesSection } from './revisions';
import { attachmentsSection } from './attachments';

/**
 * One item for review: its state, due instant, body and history, and the steps of its state. The
 * API says which of them this caller may take (`steps`); the others are not offered as buttons but
 * listed with the reason. The API decides again when a step is asked for.
 */

/** What happened last on this screen: a step done, or a refusal to show above the steps. */
let outcome: { id: string; done?: Bilingual; error?: unknown } | undefined;

const inputOf: Record<string, { label: Bilingual; type: 'textarea' | 'text' | 'datetime-local' }> = {
  comment: { label: texts.comment, type: 'textarea' },
  reason: { label: texts.reason, type: 'textarea' },
  publicNote: { label: texts.publicNote, type: 'textarea' },
  assignee: { label: texts.assignee, type: 'text' },
  publishAt: { label: texts.publishAt, type: 'datetime-local' },
};
const fieldIds = (action: string) =>
  Object.fromEntries(Object.keys(inputOf).map((k) => [`body.${k}`, `${action}-${k}`]));

export async function review(
  id: string,
  rerender: () => Promise<void>,
  query = new URLSearchParams(),
): Promise<Screen> {
  let item;
  let etag: string | null;
  try {
    ({ data: item, etag } = await call('GET /content/{id}', { path: { id } }));
  } catch (error) {
    return problemScreen(t(texts.steps), error);
  }
  const steps = (item.steps ?? []) as Step[];
  const [changes, attachments] = await Promise.all([
    changesSection(id, item.revisions, query),
    attachmentsSection(((item as { attachments?: string[] }).attachments ?? []).slice(0, 50)),
  ]).catch((error) => [errorSummary(error), ''] as const);
  const mine = outcome?.id === id ? outcome : undefined;
  outcome = undefined;

  const take = async (event: Event, step: Step) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const body: Record<string, string> = { action: step.action };
    for (const [name, value] of form) if (typeof value === 'string' && value.trim() !== '') body[name] = value;
    if (body.publishAt) body.publishAt = new Date(body.publishAt).toISOString();
    try {
      await call('POST /content/{id}/transitions', {
        path: { id },
        body: body as never,
        headers: { 'if-match': etag ?? `"${item.version}"` },
      });
      outcome = { id, done: step.label };
    } catch (error) {
      outcome = { id, error: { error, action: step.action } };
    }
    await rerender();
    document.querySelector<HTMLElement>(outcome?.error ? '.error-summary' : '[role=status]')?.focus();
  };

  const failed = mine?.error as { error: unknown; action: string } | undefined;
  const inputsFor = (step: Step) => [
    ...step.requires.filter((r) => r in inputOf),
    ...(step.action === 'schedule' ? ['publishAt'] : []),
  ];
  return {
    title: item.title,
    body: html`<p class="links"><a href=${href(`units/${item.unitCode}/content`, { state: 'submitted' })}>${t(texts.back)}</a>
        <a href=${href(`units/${item.unitCode}/audit`, { target: id, from: (item as { createdAt?: string }).createdAt })}>${t(texts.auditOfItem)}</a></p>
      ${mine?.done ? html`<p role="status" tabindex="-1" class="done">${t(texts.done)}${t(mine.done)}</p>` : ''}
      ${failed ? errorSummary(failed.error, fieldIds(failed.action)) : ''}
      <dl class="facts">
        <dt>${t(texts.state)}</dt><dd>${t(contentStates[item.state] ?? { vi: item.state, en: item.state })}</dd>
        <dt>${t(texts.category)}</dt><dd>${t(categories[item.category] ?? { vi: item.category, en: item.category })}</dd>
        <dt>${t(texts.version)}</dt><dd>${item.version}</dd>
        <dt>${t(texts.due)}</dt><dd>${when(item.dueAt)}</dd>
      </dl>
      ${stepsSection(
        steps,
        (step) =>
          inputsFor(step).map((name) => {
            const fieldId = `${step.action}-${name}`;
            const spec = inputOf[name]!;
            return html`<label for=${fieldId}>${t(spec.label)}</label>
            ${spec.type === 'textarea' ? html`<textarea id=${fieldId} name=${name} rows="2" required></textarea>` : html`<input id=${fieldId} name=${name} type=${spec.type} required>`}`;
          }),
        take,
      )}
      <section aria-labelledby="body-h">
        <h2 id="body-h">${t(texts.body)}</h2>
        <!-- Cleaned against the API's allow-list when written (shared/domain/content/rich-text.ts); the console's CSP runs no inline script either. -->
        <div class="body">${unsafeHTML(item.body)}</div>
      </section>
      ${attachments}
      ${changes}
      <section aria-labelledby="history-h">
        <h2 id="history-h">${t(texts.history)}</h2>
        <ol class="history">${item.revisions.map((r) => html`<li><span>${when(r.at)}</span> — v${r.version} ${r.action}: ${t(r.summary)}</li>`)}</ol>
      </section>`,
  };
}
