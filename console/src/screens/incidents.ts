import { html } from 'lit-html';
import { ApiProblem, call } from '../api';
import type { Operations } from '../api.generated';
import { href, navigate, type Me, type Screen } from '../main';
import { labelOf, t, texts, when } from '../i18n';
import { adminTexts as at, incidentStatusLabels, serviceLabels, severityLabels } from '../texts-admin';
import { gated, permission, unitPathOf } from '../permissions';
import { act, outcomeOf, valuesOf } from './outcome';
import { refusalNote } from './problem';

/**
 * The incident register (`/console/incidents`, QN 20.2, TG 17.1): any staff member reports one
 * (the operators are told at once); the province's operators and chief editor see the register,
 * newest first, with each incident's time to restore against the limit (TG 16.3). Whoever the rule
 * table does not let do either sees the reason instead; the API decides again.
 */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
export const fromLocalInput = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);

type IncidentPage = Operations['GET /incidents']['response'];

export async function incidents(me: Me, query: URLSearchParams): Promise<Screen> {
  const key = 'incidents';
  const own = await unitPathOf(me.account.unitCode);
  const province = own.slice(-1);
  const mayReport = permission(me, 'incident.report', [me.account.unitCode]);
  const mayManage = permission(me, 'incident.manage', province);
  const cursor = query.get('cursor') ?? undefined;
  const page: IncidentPage | unknown = mayManage.allowed
    ? await call('GET /incidents', { query: { limit: '25', cursor } as never }).then(
        (r) => r.data,
        (e: unknown) => e,
      )
    : undefined;
  const fields = {
    'body.title': 'incident-title',
    'body.description': 'incident-description',
    'body.severity': 'incident-severity',
    'body.affectedServices': 'incident-service-0',
    'body.detectedAt': 'incident-detected',
  };

  const report = async (event: Event) => {
    const { one, lists } = valuesOf(event, ['affectedServices']);
    try {
      const detectedAt = fromLocalInput(one.detectedAt);
      const { data } = await call('POST /incidents', {
        body: {
          title: one.title ?? '',
          description: one.description ?? '',
          severity: (one.severity ?? '') as never,
          affectedServices: lists.affectedServices as never,
          ...(detectedAt && { detectedAt }),
        },
      });
      // The new incident's own screen: its restore clock and timeline.
      navigate(href(`incidents/${data.id}`));
    } catch (error) {
      await act(key, () => Promise.reject(error), fields);
    }
  };

  const register = (p: IncidentPage) =>
    p.items.length === 0
      ? html`<p>${t(texts.none)}</p>`
      : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(at.register)}><table class="incidents">
          <thead><tr><th scope="col">${t(texts.title)}</th><th scope="col">${t(at.severity)}</th><th scope="col">${t(texts.status)}</th><th scope="col">${t(texts.unit)}</th><th scope="col">${t(at.reportedAt)}</th><th scope="col">${t(at.restoreDeadline)}</th></tr></thead>
          <tbody>${p.items.map(
            (i) => html`<tr data-incident=${i.id} class=${i.restore.withinRestoreLimit ? '' : 'overdue'}>
              <td><a href=${href(`incidents/${i.id}`)}>${i.title}</a></td><td>${labelOf(severityLabels, i.severity)}</td><td>${labelOf(incidentStatusLabels, i.status)}</td>
              <td>${i.unitCode}</td><td>${when(i.reportedAt)}</td>
              <td>${when(i.restore.deadline)} ${i.restore.withinRestoreLimit ? '' : html`<strong class="tag bad">${t(at.beyondLimit)}</strong>`}</td></tr>`,
          )}</tbody>
        </table></div>
        ${p.nextCursor ? html`<p><a href=${href('incidents', { cursor: p.nextCursor })}>${t(texts.more)}</a></p>` : ''}`;
  const list = !mayManage.allowed
    ? gated(mayManage, t(at.register), () => html``)
    : page instanceof ApiProblem
      ? refusalNote(page)
      : register(page as IncidentPage);

  return {
    title: t(at.incidents),
    body: html`${outcomeOf(key)}
      <section aria-labelledby="register-h"><h2 id="register-h">${t(at.register)}</h2>${list}</section>
      ${gated(
        mayReport,
        t(at.reportIncident),
        () => html`<form class="step admin" @submit=${report} aria-labelledby="report-h">
        <h2 id="report-h">${t(at.reportIncident)}</h2>
        <label for="incident-title">${t(texts.title)}</label><input id="incident-title" name="title" required>
        <label for="incident-description">${t(at.description)}</label><textarea id="incident-description" name="description" rows="4" required></textarea>
        <fieldset><legend>${t(at.severity)}</legend>
          ${Object.entries(severityLabels)
            .filter(([s]) => s !== 'info')
            .map(
              ([s, label], i) =>
                html`<div class="check"><input type="radio" id=${`incident-severity${i === 0 ? '' : `-${i}`}`} name="severity" value=${s} required><label for=${`incident-severity${i === 0 ? '' : `-${i}`}`}>${t(label)}</label></div>`,
            )}
        </fieldset>
        <fieldset><legend>${t(at.affected)}</legend>
          ${Object.entries(serviceLabels).map(([s, label], i) => html`<div class="check"><input type="checkbox" id=${`incident-service-${i}`} name="affectedServices" value=${s}><label for=${`incident-service-${i}`}>${t(label)}</label></div>`)}
        </fieldset>
        <label for="incident-detected">${t(at.detectedAt)}</label><input id="incident-detected" name="detectedAt" type="datetime-local">
        <button type="submit" class="primary">${t(at.reportIncident)}</button>
      </form>`,
      )}`,
  };
}
