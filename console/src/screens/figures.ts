import { html } from 'lit-html';
import { call } from '../api';
import { navigate, type Screen } from '../main';
import { lang, t, texts, type Bilingual } from '../i18n';
import { errorSummary } from './problem';

/**
 * A unit's figures over a period (the URL's `from` and `to`, local dates; this month by default):
 * the Q&A figures of GET /units/{code}/question-figures as on-time rates, and the publication
 * on-time rate of the latest published items (their on-time flag is frozen at publication).
 */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

function rate(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format((part * 100) / whole)}\u00a0%`;
}
const row = (label: Bilingual, value: string | number, ratio = '', key = '') =>
  html`<tr data-figure=${key}><th scope="row">${t(label)}</th><td>${value}</td><td>${ratio}</td></tr>`;
const head = () =>
  html`<thead><tr><th scope="col">${t(texts.figure)}</th><th scope="col">${t(texts.value)}</th><th scope="col">${t(texts.rate)}</th></tr></thead>`;

async function questionFigures(unit: string, from: string, to: string) {
  try {
    const { data: f } = await call('GET /units/{code}/question-figures', { path: { code: unit }, query: { from, to } });
    return html`<table class="figures" id="qa-figures">
      <caption>${t(texts.qaFigures)}</caption>${head()}
      <tbody>
        ${row(texts.qReceived, f.received)}
        ${row(texts.qRouted, f.routed)}
        ${row(texts.qRoutedOnTime, f.routedWithinOneWorkingDay, rate(f.routedWithinOneWorkingDay, f.routed), 'routed-on-time')}
        ${row(texts.qRerouted, f.rerouted)}
        ${row(texts.qReturned, f.returned)}
        ${row(texts.qAnswered, f.answered)}
        ${row(texts.qAnsweredOnTime, f.answeredOnTime, rate(f.answeredOnTime, f.answered), 'answered-on-time')}
        ${row(texts.qMedian, f.medianWorkingDaysToAnswer ?? '—')}
        ${row(texts.qOverdueNow, f.overdueNow)}
      </tbody>
    </table>`;
  } catch (error) {
    return errorSummary(error);
  }
}

async function publicationFigures(unit: string) {
  try {
    const [published, overdue] = await Promise.all([
      call('GET /units/{code}/content', { path: { code: unit }, query: { state: 'published', limit: '50' } as never }),
      call('GET /units/{code}/content', { path: { code: unit }, query: { overdue: 'true', limit: '50' } as never }),
    ]);
    const due = (published.data.items as Array<{ dueAt?: string; publishedOnTime?: boolean }>).filter(
      (i) => i.dueAt !== undefined,
    );
    const onTime = due.filter((i) => i.publishedOnTime === true).length;
    return html`<div><table class="figures" id="publication-figures">
        <caption>${t(texts.publicationFigures)}</caption>${head()}
        <tbody>
          ${row(texts.pLatest, due.length)}
          ${row(texts.pOnTime, onTime, rate(onTime, due.length), 'published-on-time')}
          ${row(texts.pOverdueNow, `${overdue.data.items.length}${overdue.data.nextCursor ? '+' : ''}`)}
        </tbody>
      </table>
      <p class="hint">${t(texts.pNote)}</p></div>`;
  } catch (error) {
    return errorSummary(error);
  }
}

export async function figures(unit: string, query: URLSearchParams): Promise<Screen> {
  const to = isDate(query.get('to')) ? query.get('to')! : today();
  const from = isDate(query.get('from')) ? query.get('from')! : `${to.slice(0, 8)}01`;
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    navigate(
      `${location.pathname}?${new URLSearchParams({ from: String(form.get('from')), to: String(form.get('to')) })}`,
    );
  };
  const [qa, publication] = await Promise.all([questionFigures(unit, from, to), publicationFigures(unit)]);
  return {
    title: `${t(texts.figures)} — ${unit}`,
    body: html`<form class="filters" @submit=${submit} aria-label=${t(texts.period)}>
        <div><label for="from">${t(texts.from)}</label><input id="from" name="from" type="date" .value=${from} required></div>
        <div><label for="to">${t(texts.to)}</label><input id="to" name="to" type="date" .value=${to} required></div>
        <button type="submit">${t(texts.show)}</button>
      </form>
      <div class="figure-tables">${qa}${publication}</div>`,
  };
}
