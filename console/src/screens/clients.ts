import { html } from 'lit-html';
import { call } from '../api';
import type { Screen } from '../main';
import { t, texts } from '../i18n';
import { act, outcomeOf, valuesOf } from './outcome';

/** Machine clients of agencies' systems: register one (its secret is shown once) or disable one by its id. */
const clientScopes = ['portal/read', 'portal/content.submit', 'portal/qa.answer'] as const;

export function clients(unit: string): Screen {
  const key = 'clients';
  const register = (event: Event) => {
    const { one, lists } = valuesOf(event, ['scopes']);
    return act(
      key,
      async () => {
        const { data } = await call('POST /machine-clients', { body: { name: one.name ?? '', unitCode: one.unitCode ?? '', scopes: lists.scopes as never } });
        return html`<p>${t(texts.done)}${t(texts.registerClient)}: ${t(texts.clientId)} <code>${data.client.clientId}</code></p>
          ${data.clientSecret ? html`<p>${t(texts.clientSecret)}: <code class="secret">${data.clientSecret}</code></p>` : ''}`;
      },
      { 'body.name': 'client-name', 'body.unitCode': 'client-unit', 'body.scopes': 'client-scope-0' },
    );
  };
  const disable = (event: Event) => {
    const { one } = valuesOf(event);
    return act(
      key,
      async () => {
        const { data } = await call('POST /machine-clients/{clientId}/disable', { path: { clientId: one.clientId ?? '' } });
        return html`<p>${t(texts.done)}${t(texts.disable)}: ${data.name} (<code>${data.clientId}</code>)</p>`;
      },
      { 'path.clientId': 'disable-id' },
    );
  };
  return {
    title: t(texts.machineClients),
    body: html`${outcomeOf(key)}
      <div class="steps">
        <form class="step" @submit=${register} aria-labelledby="register-h">
          <h2 id="register-h">${t(texts.registerClient)}</h2>
          <label for="client-name">${t(texts.clientName)}</label><input id="client-name" name="name" required>
          <label for="client-unit">${t(texts.unitCode)}</label><input id="client-unit" name="unitCode" .value=${unit} required>
          <fieldset><legend>${t(texts.scopes)}</legend>
            ${clientScopes.map((scope, i) => html`<div class="check"><input type="checkbox" id=${`client-scope-${i}`} name="scopes" value=${scope}><label for=${`client-scope-${i}`}><code>${scope}</code></label></div>`)}
          </fieldset>
          <button type="submit">${t(texts.registerClient)}</button>
        </form>
        <form class="step" @submit=${disable} aria-labelledby="disable-h">
          <h2 id="disable-h">${t(texts.disableClient)}</h2>
          <label for="disable-id">${t(texts.clientId)}</label><input id="disable-id" name="clientId" required>
          <button type="submit">${t(texts.disable)}</button>
        </form>
      </div>`,
  };
}
