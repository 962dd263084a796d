import { html } from 'lit-html';
import { call } from '../api';
import type { Operations } from '../api.generated';
import { href, type Me, type Screen } from '../main';
import { closeReasons, labelOf, roles, t, texts, when } from '../i18n';
import { problemScreen } from './problem';
import { act, outcomeOf, valuesOf } from './outcome';
import { permission, unitPathOf } from '../permissions';

/**
 * One account (`/console/accounts/{id}`): its roles (saved with If-Match on its version), closing it
 * with a successor who takes over its open work (NA 10.2e), unlocking its sign-in. Only whoever the
 * rule table lets manage accounts there (operators) sees the forms, others the reason; the API decides again.
 */
export async function account(me: Me, id: string): Promise<Screen> {
  const key = `account:${id}`;
  let a: Operations['GET /accounts/{id}']['response'];
  try {
    a = (await call('GET /accounts/{id}', { path: { id } })).data;
  } catch (error) {
    return problemScreen(t(texts.accounts), error);
  }
  const may = permission(me, 'account.manage', await unitPathOf(a.unitCode));
  const colleagues = await call('GET /units/{code}/accounts', {
    path: { code: a.unitCode },
    query: { limit: '100' } as never,
  }).then(
    (r) => r.data.items.filter((c) => c.id !== id && c.status === 'active'),
    () => [],
  );
  const saveRoles = (event: Event) => {
    const { lists } = valuesOf(event, ['roles']);
    return act(
      key,
      async () => {
        await call('PUT /accounts/{id}/roles', {
          path: { id },
          body: { roles: lists.roles as never },
          headers: { 'if-match': `"${a.version}"` },
        });
        return html`<p>${t(texts.done)}${t(texts.saveRoles)}</p>`;
      },
      { 'body.roles': 'role-0' },
    );
  };
  const close = (event: Event) => {
    const { one } = valuesOf(event);
    return act(
      key,
      async () => {
        const { data } = await call('POST /accounts/{id}/close', {
          path: { id },
          body: { successorId: one.successorId ?? '', reason: (one.reason ?? 'other') as never },
        });
        return html`<p>${t(texts.done)}${t(texts.closeAccount)} — ${t(texts.movedWork)}: ${data.movedWork}</p>`;
      },
      { 'body.successorId': 'close-successor', 'body.reason': 'close-reason' },
    );
  };
  const unlock = () =>
    act(key, async () => {
      await call('POST /accounts/{id}/unlock', { path: { id } });
      return html`<p>${t(texts.done)}${t(texts.unlock)}</p>`;
    });
  const open = a.status === 'active';
  return {
    title: `${a.fullName} (${a.username})`,
    body: html`<p><a href=${href(`units/${a.unitCode}/people`)}>${t(texts.people)} — ${a.unitCode}</a></p>
      ${outcomeOf(key)}
      <dl class="facts">
        <dt>${t(texts.email)}</dt><dd>${a.email}</dd>
        <dt>${t(texts.rolesLabel)}</dt><dd>${a.roles.map((r) => labelOf(roles, r)).join(', ') || '—'}</dd>
        <dt>${t(texts.status)}</dt><dd>${t(open ? texts.active : texts.closed)}${a.closedAt ? ` ${when(a.closedAt)} (${labelOf(closeReasons, a.closedReason)})` : ''}</dd>
        ${a.successorId ? html`<dt>${t(texts.successor)}</dt><dd><a href=${href(`accounts/${a.successorId}`)}>${a.successorId}</a></dd>` : ''}
        <dt>${t(texts.received)}</dt><dd>${when(a.createdAt)}</dd>
      </dl>
      ${open && !may.allowed ? html`<p class="refused" data-refused-form="account"><strong>${t(texts.rolesLabel)}, ${t(texts.closeAccount)}, ${t(texts.unlock)}</strong>: ${t(may.reason)}</p>` : ''}
      ${
        open && may.allowed
          ? html`<div class="steps">
            <form class="step" @submit=${saveRoles} aria-labelledby="roles-h">
              <h2 id="roles-h">${t(texts.rolesLabel)}</h2>
              <fieldset><legend>${t(texts.rolesLabel)}</legend>
                ${Object.entries(roles).map(([role, label], i) => html`<div class="check"><input type="checkbox" id=${`role-${i}`} name="roles" value=${role} ?checked=${a.roles.includes(role as never)}><label for=${`role-${i}`}>${t(label)}</label></div>`)}
              </fieldset>
              <button type="submit">${t(texts.saveRoles)}</button>
            </form>
            <form class="step" @submit=${close} aria-labelledby="close-h">
              <h2 id="close-h">${t(texts.closeAccount)}</h2>
              <label for="close-successor">${t(texts.successor)}</label>
              <select id="close-successor" name="successorId" required>${colleagues.map((c) => html`<option value=${c.id}>${c.username} — ${c.fullName}</option>`)}</select>
              <label for="close-reason">${t(texts.closeReason)}</label>
              <select id="close-reason" name="reason">${Object.entries(closeReasons).map(([value, label]) => html`<option value=${value}>${t(label)}</option>`)}</select>
              <button type="submit">${t(texts.closeAccount)}</button>
            </form>
            <div class="step"><h2 id="unlock-h">${t(texts.unlock)}</h2><button type="button" @click=${unlock}>${t(texts.unlock)}</button></div>
          </div>`
          : ''
      }`,
  };
}
