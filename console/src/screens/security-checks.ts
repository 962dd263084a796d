import { html } from 'lit-html';
import { call } from '../api';
import type { Operations } from '../api.generated';
import type { Me, Screen } from '../main';
import { labelOf, t, texts, when } from '../i18n';
import { adminTexts as at, severityLabels } from '../texts-admin';
import { gated, permission, unitPathOf } from '../permissions';
import { act, outcomeOf, valuesOf } from './outcome';
import { refusalNote } from './problem';
import { fromLocalInput } from './incidents';

/**
 * Security checks (`/console/security-checks`, TG 16.2): the calendar (last check, next due,
 * reminders, overdue) and the recorded checks with their findings, for operators and auditors;
 * recording one, for operators. The province's, as the rule table says; whoever may not sees the
 * reason, and the API decides again.
 */
const FINDING_ROWS = 3;

export async function securityChecks(me: Me): Promise<Screen> {
  const key = 'security-checks';
  const province = (await unitPathOf(me.account.unitCode)).slice(-1);
  const mayRead = permission(me, 'security-check.read', province);
  const mayRecord = permission(me, 'security-check.manage', province);
  const listed: Operations['GET /security-checks']['response'] | unknown = mayRead.allowed
    ? await call('GET /security-checks', { query: { limit: '20' } as never }).then(
        (r) => r.data,
        (e: unknown) => e,
      )
    : undefined;

  const record = (event: Event) => {
    const form = event.target as HTMLFormElement;
    const { one } = valuesOf(event);
    const findings = Array.from({ length: FINDING_ROWS }, (_, n) => n)
      .filter((n) => one[`finding-${n}-title`])
      .map((n) => ({
        title: one[`finding-${n}-title`]!,
        severity: (one[`finding-${n}-severity`] ?? 'info') as never,
        ...(one[`finding-${n}-remediation`] && { remediation: one[`finding-${n}-remediation`]! }),
      }));
    const fields: Record<string, string> = {
      'body.performedAt': 'check-at',
      'body.performedBy': 'check-by',
      'body.scope': 'check-scope',
    };
    findings.forEach((_, n) =>
      Object.assign(fields, {
        [`body.findings.${n}.title`]: `finding-${n}-title`,
        [`body.findings.${n}.remediation`]: `finding-${n}-remediation`,
      }),
    );
    return act(
      key,
      async () => {
        await call('POST /security-checks', {
          body: {
            performedAt: fromLocalInput(one.performedAt) ?? '',
            performedBy: one.performedBy ?? '',
            scope: one.scope ?? '',
            findings,
          },
        });
        form.reset();
        return html`<p>${t(texts.done)}${t(at.recordCheck)}</p>`;
      },
      fields,
    );
  };

  const view = (data: Operations['GET /security-checks']['response']) => {
    const c = data.calendar;
    return html`<dl class="facts calendar">
        <dt>${t(at.lastCheck)}</dt><dd>${when(c.lastCheckAt ?? undefined)}</dd>
        <dt>${t(at.nextDue)}</dt><dd>${when(c.dueAt ?? undefined)}
          ${c.overdue ? html`<strong class="tag bad">${t(texts.overdue)}</strong>` : c.reminderDue ? html`<strong class="tag">${t(at.reminderDue)}</strong>` : ''}</dd>
        <dt>${t(at.remindFrom)}</dt><dd>${when(c.remindFrom ?? undefined)}</dd>
        <dt>${t(at.period)}</dt><dd>${c.periodMonths}</dd>
        <dt>${t(at.basis)}</dt><dd>${c.basis}</dd>
      </dl>
      ${
        data.items.length === 0
          ? html`<p>${t(texts.none)}</p>`
          : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(at.securityChecks)}><table class="checks">
            <thead><tr><th scope="col">${t(at.performedAt)}</th><th scope="col">${t(at.performedBy)}</th><th scope="col">${t(at.checkScope)}</th><th scope="col">${t(at.findings)}</th></tr></thead>
            <tbody>${data.items.map(
              (
                check,
              ) => html`<tr><td>${when(check.performedAt)}</td><td>${check.performedBy}</td><td>${check.scope}</td>
                <td>${check.findings.length === 0 ? '—' : html`<ul>${check.findings.map((f) => html`<li><strong>${labelOf(severityLabels, f.severity)}</strong>: ${f.title}${f.remediation ? ` — ${f.remediation}` : ''}</li>`)}</ul>`}</td></tr>`,
            )}</tbody>
          </table></div>`
      }`;
  };

  return {
    title: t(at.securityChecks),
    body: html`${outcomeOf(key)}
      <section aria-labelledby="calendar-h"><h2 id="calendar-h">${t(at.calendar)}</h2>
        ${!mayRead.allowed ? gated(mayRead, t(at.securityChecks), () => html``) : listed && typeof listed === 'object' && 'calendar' in listed ? view(listed as never) : refusalNote(listed)}
      </section>
      ${gated(
        mayRecord,
        t(at.recordCheck),
        () => html`<form class="step admin" @submit=${record} aria-labelledby="record-h">
        <h2 id="record-h">${t(at.recordCheck)}</h2>
        <label for="check-at">${t(at.performedAt)}</label><input id="check-at" name="performedAt" type="datetime-local" required>
        <label for="check-by">${t(at.performedBy)}</label><input id="check-by" name="performedBy" required>
        <label for="check-scope">${t(at.checkScope)}</label><textarea id="check-scope" name="scope" rows="2" required></textarea>
        <p class="hint" id="findings-hint">${t(at.findingHint)}</p>
        ${Array.from(
          { length: FINDING_ROWS },
          (_, n) => html`<fieldset aria-describedby="findings-hint"><legend>${t(at.finding)} ${n + 1}</legend>
          <label for=${`finding-${n}-title`}>${t(texts.title)}</label><input id=${`finding-${n}-title`} name=${`finding-${n}-title`}>
          <label for=${`finding-${n}-severity`}>${t(at.severity)}</label>
          <select id=${`finding-${n}-severity`} name=${`finding-${n}-severity`}>${Object.entries(severityLabels).map(([s, label]) => html`<option value=${s} ?selected=${s === 'info'}>${t(label)}</option>`)}</select>
          <label for=${`finding-${n}-remediation`}>${t(at.remediation)}</label><input id=${`finding-${n}-remediation`} name=${`finding-${n}-remediation`}>
        </fieldset>`,
        )}
        <button type="submit">${t(at.recordCheck)}</button>
      </form>`,
      )}`,
  };
}
