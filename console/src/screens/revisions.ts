import { html } from 'lit-html';
import { call } from '../api';
import { navigate } from '../main';
import { diffWords, type Part } from '../diff';
import { t, texts, when } from '../i18n';
import { errorSummary } from './problem';

/**
 * The changes between two revisions that kept the item's text (creation and edits of the title or
 * body): a word-level diff of the title and of the body's text. The versions compared are the URL's
 * `from` and `to` (the last two by default), so a comparison survives reloads and can be shared.
 */
type Revision = { version: number; at: string; action: string; textKept?: true };

/** The body's text, a line per block: the diff compares what a reader reads, not the markup. */
function textOf(markup: string): string {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  doc.body.querySelectorAll('p,li,h1,h2,h3,h4,h5,h6,br,tr,blockquote,figcaption').forEach((e) => e.append('\n'));
  return (doc.body.textContent ?? '').replace(/\n{2,}/g, '\n').trim();
}

const rendered = (parts: Part[]) =>
  parts.length === 0 || parts.every((p) => p.kind === 'same')
    ? html`<p>${t(texts.noChange)}</p>`
    : html`<div class="diff">${parts.map((p) =>
        p.kind === 'same'
          ? p.text
          : p.kind === 'added'
            ? html`<ins><span class="visually-hidden">[${t(texts.added)}: </span>${p.text}<span class="visually-hidden">]</span></ins>`
            : html`<del><span class="visually-hidden">[${t(texts.removed)}: </span>${p.text}<span class="visually-hidden">]</span></del>`,
      )}</div>`;

export async function changesSection(id: string, revisions: readonly Revision[], query: URLSearchParams) {
  const kept = revisions.filter((r) => r.textKept);
  const heading = html`<h2 id="changes-h">${t(texts.changes)}</h2>`;
  if (kept.length < 2)
    return html`<section aria-labelledby="changes-h">${heading}<p>${t(texts.nothingToCompare)}</p></section>`;
  const pick = (name: string, fallback: number) => {
    const asked = Number(query.get(name));
    return kept.some((r) => r.version === asked) ? asked : fallback;
  };
  const to = pick('to', kept.at(-1)!.version);
  const from = pick('from', [...kept].reverse().find((r) => r.version < to)?.version ?? kept[0]!.version);
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const next = new URLSearchParams(location.search);
    next.set('from', String(form.get('from')));
    next.set('to', String(form.get('to')));
    navigate(`${location.pathname}?${next}`, true);
  };
  const options = (selected: number) =>
    kept.map(
      (r) =>
        html`<option value=${r.version} ?selected=${r.version === selected}>v${r.version} — ${when(r.at)} (${r.action})</option>`,
    );
  let body;
  try {
    const { data } = await call('GET /content/{id}', { path: { id }, query: { revisions: `${from},${to}` } });
    const [before, after] = data.revisionTexts ?? [];
    if (!before || !after) throw new Error('the API gave no revision texts');
    body = html`<h3>${t(texts.title)}</h3>${rendered(diffWords(before.title ?? '', after.title ?? ''))}
      <h3>${t(texts.body)}</h3>${rendered(diffWords(textOf(before.body ?? ''), textOf(after.body ?? '')))}`;
  } catch (error) {
    body = errorSummary(error);
  }
  return html`<section aria-labelledby="changes-h">${heading}
    <form class="filters" @submit=${submit} aria-label=${t(texts.changes)}>
      <div><label for="diff-from">${t(texts.fromVersion)}</label><select id="diff-from" name="from">${options(from)}</select></div>
      <div><label for="diff-to">${t(texts.toVersion)}</label><select id="diff-to" name="to">${options(to)}</select></div>
      <button type="submit">${t(texts.compare)}</button>
    </form>
    <p class="hint">${t(texts.diffLegend)}</p>
    ${body}
  </section>`;
}
