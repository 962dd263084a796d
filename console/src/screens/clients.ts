import { html } from 'lit-html';
import { call } from '../api';
import type { Me, Screen } from '../main';
import { filterForm } from './filters';
import { t, texts, when } from '../i18n';
import { adminTexts as at } from '../texts-admin';
import { act, outcomeOf, valuesOf } from './outcome';
import { errorSummary, refusalNote } from './problem';
import { gated, permission, unitPathOf } from '../permissions';

/**
 * Machine clients of agencies' systems (`/console/machine-clients?unit=`, the caller's unit by
 * default): the unit's clients (`GET /machine-clients`, never their secrets), registering one (its
 * secret is shown once) and disabling one. Whoever the rule table does not let manage the unit's
 * accounts sees the reason instead of the forms; the API decides again.
 */
const clientScopes = ['portal/read', 'portal/content.submit', 'portal/qa.answer'] as const;

export async function clients(me: Me, query: URLSearchParams): Promise<Screen> {
  const unit = query.get('unit') || me.account.unitCode;
  const title = `${t(texts.machineClients)} — ${unit}`;
  const key = `clients:${unit}`;
  let path: string[];
  try {
    path = await unitPathOf(unit);
  } catch (error) {
    return { title, body: html`${unitPicker(unit)}${errorSummary(error)}` };
  }
  // Whoever may not manage the unit's accounts may not list its clients either: the API's reason is shown.
  const listed = await call('GET /machine-clients', { query: { unit, limit: '100' } as never }).then(
    (r) => r.data.items,
    (e: unknown) => e,
  );
  const may = permission(me, 'account.manage', path);
  const register = (event: Event) => {
    const form = event.target as HTMLFormElement;
    const { one, lists } = valuesOf(event, ['scopes']);
    return act(
      key,
      async () => {
        const { data } = await call('POST /machine-clients', {
          body: { name: one.name ?? '', unitCode: unit, scopes: lists.scopes as never },
        });
        form.reset();
        return html`<p>${t(texts.done)}${t(texts.registerClient)}: ${t(texts.clientId)} <code>${data.client.clientId}</code></p>
          ${data.clientSecret ? html`<p>${t(texts.clientSecret)}: <code class="secret">${data.clientSecret}</code></p>` : ''}`;
      },
      { 'body.name': 'client-name', 'body.scopes': 'client-scope-0' },
    );
  };
  const disable = (clientId: string) =>
    act(key, async () => {
      const { data } = await call('POST /machine-clients/{clientId}/disable', { path: { clientId } });
      return html`<p>${t(texts.done)}${t(texts.disable)}: ${data.name} (<code>${data.clientId}</code>)</p>`;
    });
  return {
    title,
    body: html`${outcomeOf(key)}${unitPicker(unit)}
      <section aria-labelledby="clients-h">
        <h2 id="clients-h">${t(texts.machineClients)}</h2>
        ${
          !Array.isArray(listed)
            ? refusalNote(listed)
            : listed.length === 0
              ? html`<p>${t(texts.none)}</p>`
              : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.machineClients)}><table class="clients">
              <thead><tr><th scope="col">${t(texts.clientName)}</th><th scope="col">${t(texts.clientId)}</th><th scope="col">${t(texts.scopes)}</th><th scope="col">${t(at.registeredAt)}</th><th scope="col">${t(texts.status)}</th></tr></thead>
              <tbody>${listed.map(
                (
                  c,
                ) => html`<tr data-client=${c.clientId}><td>${c.name}</td><td><code>${c.clientId}</code></td><td><code>${c.scopes.join(', ')}</code></td><td>${when(c.createdAt)}</td>
                  <td>${
                    c.status === 'disabled'
                      ? t(at.disabled)
                      : may.allowed
                        ? html`<button type="button" @click=${() => disable(c.clientId)}>${t(texts.disable)}<span class="visually-hidden"> ${c.name}</span></button>`
                        : t(texts.active)
                  }</td></tr>`,
              )}</tbody>
            </table></div>`
        }
      </section>
      ${gated(
        may,
        t(texts.registerClient),
        () => html`<form class="step admin" @submit=${register} aria-labelledby="register-h">
        <h2 id="register-h">${t(texts.registerClient)}</h2>
        <label for="client-name">${t(texts.clientName)}</label><input id="client-name" name="name" required>
        <fieldset><legend>${t(texts.scopes)}</legend>
          ${clientScopes.map((scope, i) => html`<div class="check"><input type="checkbox" id=${`client-scope-${i}`} name="scopes" value=${scope}><label for=${`client-scope-${i}`}><code>${scope}</code></label></div>`)}
        </fieldset>
        <button type="submit">${t(texts.registerClient)}</button>
      </form>`,
      )}`,
  };
}

/** Another unit's clients: a GET form, so the unit is in the URL. */
const unitPicker = (unit: string) =>
  filterForm([{ name: 'unit', label: texts.unitCode, text: true }], new URLSearchParams({ unit }));
