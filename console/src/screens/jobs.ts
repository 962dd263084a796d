import { html } from 'lit-html';
import { call } from '../api';
import { href, type Screen } from '../main';
import { t, texts, when } from '../i18n';
import { problemScreen } from './problem';

/** Every job with its last run, last success, next run and whether it missed its schedule; one job's runs with `?job=`. */
export async function jobs(query: URLSearchParams): Promise<Screen> {
  const job = query.get('job') ?? undefined;
  const title = job ? `${t(texts.runs)} — ${job}` : t(texts.jobs);
  try {
    const { data } = await call('GET /job-runs', { query: { job, limit: '20' } as never });
    const outcome = (o: unknown) =>
      o === 'succeeded'
        ? html`<span class="tag good">${t(texts.succeeded)}</span>`
        : o === 'failed'
          ? html`<span class="tag bad">${t(texts.failed)}</span>`
          : '—';
    if (job) {
      const runs = data.items as Array<{
        runId: string;
        outcome?: string;
        startedAt?: string;
        finishedAt?: string;
        trigger: string;
      }>;
      return {
        title,
        body: html`<p><a href=${href('jobs')}>${t(texts.jobs)}</a></p>
          ${
            runs.length === 0
              ? html`<p>${t(texts.none)}</p>`
              : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.runs)}><table>
                <thead><tr><th scope="col">${t(texts.started)}</th><th scope="col">${t(texts.finished)}</th><th scope="col">${t(texts.outcome)}</th><th scope="col">Trigger</th></tr></thead>
                <tbody>${runs.map((r) => html`<tr><td>${when(r.startedAt)}</td><td>${when(r.finishedAt)}</td><td>${outcome(r.outcome)}</td><td>${r.trigger}</td></tr>`)}</tbody>
              </table></div>`
          }`,
      };
    }
    const overview = data.jobs as Array<{
      job: string;
      description: string;
      expression: string | null;
      lastRun: { outcome: string; finishedAt: string | null } | null;
      lastSucceededAt: string | null;
      nextRunAt: string | null;
      missed: boolean;
    }>;
    return {
      title,
      body: html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.jobs)}><table class="jobs">
        <thead><tr><th scope="col">${t(texts.job)}</th><th scope="col">${t(texts.schedule)}</th><th scope="col">${t(texts.lastRun)}</th><th scope="col">${t(texts.lastSuccess)}</th><th scope="col">${t(texts.nextRun)}</th></tr></thead>
        <tbody>${overview.map(
          (j) => html`<tr data-job=${j.job} class=${j.missed ? 'overdue' : ''}>
            <td><a href=${href('jobs', { job: j.job })}>${j.job}</a><br><span class="hint">${j.description}</span></td>
            <td>${j.expression ?? '—'}</td>
            <td>${j.lastRun ? html`${when(j.lastRun.finishedAt ?? undefined)} ${outcome(j.lastRun.outcome)}` : '—'}</td>
            <td>${when(j.lastSucceededAt ?? undefined)}</td>
            <td>${when(j.nextRunAt ?? undefined)} ${j.missed ? html`<strong class="tag bad">${t(texts.missed)}</strong>` : ''}</td>
          </tr>`,
        )}</tbody>
      </table></div>`,
    };
  } catch (error) {
    return problemScreen(title, error);
  }
}
