import { html, type TemplateResult } from 'lit-html';
import { call } from '../api';
import { href, type Screen } from '../main';
import {
  askerFields,
  clocks,
  complexities,
  escalationLevels,
  labelOf,
  questionFields,
  questionStages,
  refusalGrounds,
  roles,
  scopes,
  t,
  texts,
  when,
  type Bilingual,
} from '../i18n';
import { errorSummary, problemScreen } from './problem';
import { stepsSection, type Step } from './steps';

/**
 * One question for staff: its text, clocks, routings, the escalations the job raised, the answer,
 * the asker's data when the API shows it to this caller, and the steps of its stage. Which steps
 * the caller may take is the API's word (`steps`); the inputs each step needs are the body the
 * transition takes (unit, ground, answer and its citations…).
 */
type Question = Awaited<ReturnType<typeof read>>['data'];
const read = (id: string) => call('GET /questions/{id}', { path: { id } });

let outcome: { id: string; done?: Bilingual; error?: { error: unknown; action: string } } | undefined;
/** Citation rows asked for in the answer form, per question (the "add a citation" button). */
const citationRows = new Map<string, number>();

const select = (id: string, name: string, label: Bilingual, options: Record<string, Bilingual>, required = true) =>
  html`<label for=${id}>${t(label)}</label>
    <select id=${id} name=${name} ?required=${required}>
      ${required ? '' : html`<option value="">—</option>`}
      ${Object.entries(options).map(([value, text]) => html`<option value=${value}>${t(text)}</option>`)}
    </select>`;
const textarea = (id: string, name: string, label: Bilingual, rows = 2) =>
  html`<label for=${id}>${t(label)}</label><textarea id=${id} name=${name} rows=${rows} required></textarea>`;
const input = (id: string, name: string, label: Bilingual, type = 'text', required = true) =>
  html`<label for=${id}>${t(label)}</label><input id=${id} name=${name} type=${type} ?required=${required}>`;

function citationFields(action: string, i: number): TemplateResult {
  const id = (name: string) => `${action}-citations-${i}-${name}`;
  return html`<fieldset class="citation"><legend>${t(texts.citation)} ${i + 1}</legend>
    ${input(id('numberSymbol'), `citations.${i}.numberSymbol`, texts.numberSymbol, 'text', false)}
    ${input(id('summary'), `citations.${i}.summary`, texts.citationSummary, 'text', false)}
    ${input(id('issuedOn'), `citations.${i}.issuedOn`, texts.issuedOn, 'date', false)}
    ${input(id('issuer'), `citations.${i}.issuer`, texts.issuer, 'text', false)}
  </fieldset>`;
}

/** The inputs of each step: what POST /questions/{id}/transitions takes with it. */
function inputsOf(question: Question, step: Step, rerender: () => Promise<void>): TemplateResult[] {
  const id = (name: string) => `${step.action}-${name}`;
  switch (step.action) {
    case 'classify':
      return [
        select(id('complexity'), 'complexity', texts.complexity, complexities),
        select(id('scope'), 'scope', texts.scope, scopes, false),
      ];
    case 'refuse':
      return [
        select(id('ground'), 'ground', texts.ground, refusalGrounds),
        textarea(id('reason'), 'reason', texts.reason),
      ];
    case 'route':
      return [
        input(id('unit'), 'unit', texts.routeTo),
        html`<div class="check"><input type="checkbox" id=${id('shareAskerData')} name="shareAskerData" value="true"><label for=${id('shareAskerData')}>${t(texts.shareAsker)}</label></div>`,
      ];
    case 'progress-notice':
      return [input(id('expectedBy'), 'expectedBy', texts.expectedBy, 'date')];
    case 'answer': {
      const rows = citationRows.get(question.id) ?? 1;
      const add = () => {
        citationRows.set(question.id, rows + 1);
        void rerender().then(() => document.getElementById(`answer-citations-${rows}-numberSymbol`)?.focus());
      };
      return [
        textarea(id('text'), 'text', texts.answerText, 6),
        html`<fieldset class="citations"><legend>${t(texts.citations)}</legend>
          ${Array.from({ length: rows }, (_, i) => citationFields(step.action, i))}
          <button type="button" @click=${add}>${t(texts.addCitation)}</button>
        </fieldset>`,
      ];
    }
    default:
      return step.requires.includes('reason')
        ? [textarea(id('reason'), 'reason', texts.reason)]
        : step.requires.includes('comment')
          ? [textarea(id('comment'), 'comment', texts.comment)]
          : [];
  }
}

/** The form's values as the transition's body. */
function bodyOf(action: string, form: FormData): Record<string, unknown> {
  const body: Record<string, unknown> = { action };
  const citations: Record<string, string>[] = [];
  let text: string | undefined;
  for (const [name, value] of form) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const cite = /^citations\.(\d+)\.(\w+)$/.exec(name);
    if (cite) (citations[Number(cite[1])] ??= {})[cite[2]!] = value;
    else if (name === 'text') text = value;
    else if (name === 'shareAskerData') body.shareAskerData = true;
    else body[name] = value;
  }
  if (action === 'answer') body.answer = { text: text ?? '', citations: citations.filter(Boolean) };
  return body;
}

/** The API names fields `body.answer.citations.0.issuer`; the inputs are `answer-citations-0-issuer`. */
const inputIdOf = (action: string, field: string) =>
  field
    .replace(/^body\./, '')
    .replace(/^answer\.(text|citations)/, '$1')
    .split('.')
    .reduce((id, part) => `${id}-${part}`, action);

export async function question(id: string, rerender: () => Promise<void>): Promise<Screen> {
  let q: Question;
  let etag: string | null;
  try {
    ({ data: q, etag } = await read(id));
  } catch (error) {
    return problemScreen(t(texts.question), error);
  }
  const mine = outcome?.id === id ? outcome : undefined;
  outcome = undefined;
  const take = async (event: Event, step: Step) => {
    event.preventDefault();
    try {
      await call('POST /questions/{id}/transitions', {
        path: { id },
        body: bodyOf(step.action, new FormData(event.target as HTMLFormElement)) as never,
        headers: { 'if-match': etag ?? `"${q.version}"` },
      });
      outcome = { id, done: step.label };
      citationRows.delete(id);
    } catch (error) {
      outcome = { id, error: { error, action: step.action } };
    }
    await rerender();
    document.querySelector<HTMLElement>(outcome?.error ? '.error-summary' : '[role=status]')?.focus();
  };
  const failed = mine?.error;
  const fieldIds = failed
    ? Object.fromEntries(
        (failed.error as { fields?: { field: string }[] }).fields?.map((f) => [
          f.field,
          inputIdOf(failed.action, f.field),
        ]) ?? [],
      )
    : {};
  const unit = q.portal;
  const answer = q.answer as
    | { text: string; citations: { numberSymbol: string; summary: string; issuedOn: string; issuer: string }[] }
    | undefined;
  const asker = q.asker as Record<string, unknown> | undefined;
  return {
    title: q.title,
    body: html`<p class="links"><a href=${href(`units/${unit}/questions`, { view: 'portal' })}>${t(texts.backToInbox)}</a>
        <a href=${href(`units/${unit}/audit`, { target: q.id, from: q.receivedAt })}>${t(texts.auditOfItem)}</a></p>
      ${mine?.done ? html`<p role="status" tabindex="-1" class="done">${t(texts.done)}${t(mine.done)}</p>` : ''}
      ${failed ? errorSummary(failed.error, fieldIds) : ''}
      <dl class="facts">
        <dt>${t(texts.trackingCode)}</dt><dd>${q.id}</dd>
        <dt>${t(texts.stage)}</dt><dd>${labelOf(questionStages, q.state)} ${q.overdue ? html`<strong class="tag bad">${t(texts.overdue)}</strong>` : ''}</dd>
        <dt>${t(texts.field)}</dt><dd>${labelOf(questionFields, q.field)}</dd>
        <dt>${t(texts.received)}</dt><dd>${when(q.receivedAt)}</dd>
        <dt>${t(texts.classificationDue)}</dt><dd>${when(q.classificationDueAt)}</dd>
        ${q.answerDueAt ? html`<dt>${t(texts.answerDue)}</dt><dd>${when(q.answerDueAt as string)}</dd>` : ''}
        ${q.complexity ? html`<dt>${t(texts.complexity)}</dt><dd>${labelOf(complexities, q.complexity as string)}</dd>` : ''}
      </dl>
      <section aria-labelledby="esc-h">
        <h2 id="esc-h">${t(texts.escalations)}</h2>
        ${
          q.escalations.length === 0
            ? html`<p>${t(texts.noEscalations)}</p>`
            : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.escalations)}><table class="escalations">
              <thead><tr><th scope="col">${t(texts.level)}</th><th scope="col">${t(texts.clock)}</th><th scope="col">${t(texts.due)}</th><th scope="col">${t(texts.raisedAt)}</th><th scope="col">${t(texts.unit)}</th><th scope="col">${t(texts.recipient)}</th></tr></thead>
              <tbody>${q.escalations.map(
                (e) => html`<tr data-level=${e.level}>
                  <td>${e.level === 'reminder' ? labelOf(escalationLevels, e.level) : html`<strong class="tag bad">${labelOf(escalationLevels, e.level)}</strong>`}</td>
                  <td>${labelOf(clocks, e.clock)}</td><td>${when(e.dueAt)}</td><td>${when(e.raisedAt)}</td><td>${e.unitCode}</td><td>${labelOf(roles, e.recipientRole)}</td>
                </tr>`,
              )}</tbody>
            </table></div>`
        }
      </section>
      ${stepsSection(q.steps, (step) => inputsOf(q, step, rerender), take)}
      <section aria-labelledby="text-h">
        <h2 id="text-h">${t(texts.questionText)}</h2>
        <p class="body">${q.text}</p>
      </section>
      <section aria-labelledby="asker-h">
        <h2 id="asker-h">${t(texts.asker)}</h2>
        ${
          asker
            ? html`<dl class="facts">${Object.entries(asker)
                .filter(([k]) => k !== 'kind')
                .map(([k, v]) => html`<dt>${labelOf(askerFields, k)}</dt><dd>${String(v)}</dd>`)}</dl>`
            : html`<p>${t(texts.askerHidden)}</p>`
        }
      </section>
      ${
        q.routings.length > 0
          ? html`<section aria-labelledby="routings-h">
            <h2 id="routings-h">${t(texts.routings)}</h2>
            <div class="scroll" role="region" tabindex="0" aria-label=${t(texts.routings)}><table>
              <thead><tr><th scope="col">${t(texts.unit)}</th><th scope="col">${t(texts.routedAt)}</th><th scope="col">${t(texts.answerDue)}</th><th scope="col">${t(texts.returnedAt)}</th></tr></thead>
              <tbody>${q.routings.map((r) => html`<tr><td>${r.unitCode}</td><td>${when(r.routedAt)}</td><td>${when(r.answerDueAt)}</td><td>${r.returnedAt ? html`${when(r.returnedAt)}: ${r.returnReason ?? ''}` : '—'}</td></tr>`)}</tbody>
            </table></div>
          </section>`
          : ''
      }
      ${
        answer
          ? html`<section aria-labelledby="answer-h">
            <h2 id="answer-h">${t(texts.answer)}</h2>
            <p class="body answer">${answer.text}</p>
            ${
              answer.citations.length > 0
                ? html`<h3>${t(texts.citations)}</h3>
                  <ul class="citations-list">${answer.citations.map((c) => html`<li><strong>${c.numberSymbol}</strong> (${c.issuedOn}, ${c.issuer}): ${c.summary}</li>`)}</ul>`
                : ''
            }
          </section>`
          : ''
      }`,
  };
}
