import { html } from 'lit-html';
import { call } from '../api';
import type { Operations } from '../api.generated';
import { href, type Me, type Screen } from '../main';
import { labelOf, t, texts, when } from '../i18n';
import { adminTexts as at, incidentStatusLabels, serviceLabels, severityLabels } from '../texts-admin';
import { permission, unitPathOf } from '../permissions';
import { incidentTransitions, type IncidentStatus } from '../../../shared/domain/operations/incidents';
import { act, outcomeOf, valuesOf } from './outcome';
import { problemScreen } from './problem';
import { fromLocalInput } from './incidents';

/**
 * One incident (`/console/incidents/{id}`): what happened, its time to restore against the limit
 * (TG 16.3), its timeline, and the next entry. Operators and the chief editor (the rule table's
 * `incident.manage` on its unit) also move the status, only to where the domain's transitions allow,
 * and record when service came back; its reporter adds notes and is told why no more. The entry
 * goes with If-Match on the version shown: of two concurrent entries one wins.
 */
export async function incident(me: Me, id: string): Promise<Screen> {
  const key = `incident:${id}`;
  let i: Operations['GET /incidents/{id}']['response'];
  try {
    i = (await call('GET /incidents/{id}', { path: { id } })).data;
  } catch (error) {
    return problemScreen(t(at.incident), error);
  }
  const manages = permission(me, 'incident.manage', await unitPathOf(i.unitCode).catch(() => [i.unitCode]));
  const next = incidentTransitions[i.status as IncidentStatus];
  const add = (event: Event) => {
    const form = event.target as HTMLFormElement;
    const { one } = valuesOf(event);
    return act(
      key,
      async () => {
        const restoredAt = fromLocalInput(one.restoredAt);
        await call('POST /incidents/{id}/timeline', {
          path: { id },
          body: {
            note: one.note ?? '',
            ...(one.status && { status: one.status as never }),
            ...(restoredAt && { restoredAt }),
          },
          headers: { 'if-match': `"${i.version}"` },
        });
        form.reset();
        return html`<p>${t(texts.done)}${t(at.addEntry)}</p>`;
      },
      { 'body.note': 'entry-note', 'body.status': 'entry-status', 'body.restoredAt': 'entry-restored' },
    );
  };
  const r = i.restore;
  return {
    title: `${t(at.incident)}: ${i.title}`,
    body: html`<p><a href=${href('incidents')}>${t(at.incidents)}</a></p>
      ${outcomeOf(key)}
      <dl class="facts">
        <dt>${t(texts.status)}</dt><dd data-status=${i.status}>${labelOf(incidentStatusLabels, i.status)}</dd>
        <dt>${t(at.severity)}</dt><dd>${labelOf(severityLabels, i.severity)} — ${t(i.severityMeaning)}</dd>
        <dt>${t(at.affected)}</dt><dd>${i.affectedServices.map((s) => labelOf(serviceLabels, s)).join(', ')}</dd>
        <dt>${t(texts.unit)}</dt><dd>${i.unitCode}</dd>
        <dt>${t(at.reportedAt)}</dt><dd>${when(i.reportedAt)}</dd>
        <dt>${t(at.detectedAt)}</dt><dd>${when(i.detectedAt ?? undefined)}</dd>
        <dt>${t(at.restoreDeadline)}</dt><dd>${when(r.deadline)} (${r.limitHours} h; ${r.basis})</dd>
        <dt>${t(at.restoredAt)}</dt><dd>${when(i.restoredAt ?? undefined)}</dd>
        <dt>${t(at.restoreHours)}</dt><dd>${r.hours.toFixed(1)} h —
          ${r.withinRestoreLimit ? html`<span class="tag good">${t(at.withinLimit)}</span>` : html`<strong class="tag bad">${t(at.beyondLimit)}</strong>`}</dd>
      </dl>
      <h2>${t(at.description)}</h2>
      <p class="text">${i.description}</p>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">${t(at.timeline)}</h2>
        <div class="scroll" role="region" tabindex="0" aria-label=${t(at.timeline)}><table class="timeline">
          <thead><tr><th scope="col">${t(texts.at)}</th><th scope="col">${t(at.by)}</th><th scope="col">${t(at.note)}</th><th scope="col">${t(texts.status)}</th></tr></thead>
          <tbody>${i.timeline.map((e) => html`<tr><td>${when(e.at)}</td><td><code>${e.by}</code></td><td>${e.note}</td><td>${e.status ? labelOf(incidentStatusLabels, e.status) : ''}</td></tr>`)}</tbody>
        </table></div>
      </section>
      <form class="step admin" @submit=${add} aria-labelledby="entry-h">
        <h2 id="entry-h">${t(at.addEntry)}</h2>
        <label for="entry-note">${t(at.note)}</label><textarea id="entry-note" name="note" rows="3" required></textarea>
        ${
          manages.allowed && next.length > 0
            ? html`<label for="entry-status">${t(at.moveTo)}</label>
              <select id="entry-status" name="status"><option value="">${t(at.keepStatus)}</option>${next.map((s) => html`<option value=${s}>${labelOf(incidentStatusLabels, s)}</option>`)}</select>
              <label for="entry-restored">${t(at.restoredAt)}</label><input id="entry-restored" name="restoredAt" type="datetime-local" step="1">`
            : !manages.allowed
              ? html`<p class="refused" data-refused-form="status">${t(at.statusOnlyManagers)}</p>`
              : ''
        }
        <button type="submit">${t(at.addEntry)}</button>
      </form>`,
  };
}
