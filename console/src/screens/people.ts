import { html } from 'lit-html';
import { ApiProblem, call } from '../api';
import type { Operations } from '../api.generated';
import { href, type Me, type Screen } from '../main';
import { labelOf, roles, t, texts, unitKinds, when } from '../i18n';
import { problemScreen, refusalNote } from './problem';
import { act, outcomeOf, valuesOf } from './outcome';
import { gated, permission, unitPathOf } from '../permissions';

/**
 * A unit and its people (`/console/units/{code}/people`): the unit and the units under it, its
 * accounts (each opens its screen), its delegations (revoke; grant to a deputy), and a new account.
 * A form is shown to whoever the rule table lets use it (operators manage accounts, the chief editor
 * delegates), otherwise its reason; the API decides again, and its refusal is the error summary.
 */
const delegable = ['content.approve', 'qa.check'] as const;
/** A list the caller may not read stays a refusal to show; anything else is thrown. */
const problem = (error: unknown): ApiProblem => {
  if (error instanceof ApiProblem) return error;
  throw error;
};

export async function people(me: Me, unit: string): Promise<Screen> {
  const title = `${t(texts.people)} — ${unit}`;
  const key = `people:${unit}`;
  let u: Operations['GET /units/{code}']['response']['unit'];
  try {
    u = (await call('GET /units/{code}', { path: { code: unit } })).data.unit;
  } catch (error) {
    return problemScreen(title, error);
  }
  const [path, children, accounts, delegations] = await Promise.all([
    unitPathOf(unit),
    call('GET /units', { query: { parent: unit, limit: '100' } as never }).then(
      (r) => r.data.items,
      (e: unknown) => problem(e),
    ),
    call('GET /units/{code}/accounts', { path: { code: unit }, query: { limit: '100' } as never }).then(
      (r) => r.data.items,
      (e: unknown) => problem(e),
    ),
    call('GET /units/{code}/delegations', { path: { code: unit }, query: { limit: '100' } as never }).then(
      (r) => r.data.items,
      (e: unknown) => problem(e),
    ),
  ]);
  const mayManage = permission(me, 'account.manage', path);
  const mayDelegate = permission(me, 'delegation.manage', path);
  const nameOf = (id: string) =>
    (Array.isArray(accounts) ? accounts.find((a) => a.id === id)?.username : undefined) ?? id;

  const create = (event: Event) => {
    const { one, lists } = valuesOf(event, ['roles']);
    return act(
      key,
      async () => {
        const { data } = await call('POST /accounts', {
          body: {
            ...(one.username && { username: one.username }),
            fullName: one.fullName ?? '',
            email: one.email ?? '',
            unitCode: unit,
            roles: lists.roles as never,
          },
        });
        return html`<p>${t(texts.done)}${t(texts.newAccount)}: <strong>${data.account.username}</strong></p>
          ${data.temporaryPassword ? html`<p>${t(texts.temporaryPassword)}: <code class="secret">${data.temporaryPassword}</code></p>` : ''}`;
      },
      {
        'body.username': 'new-username',
        'body.fullName': 'new-fullName',
        'body.email': 'new-email',
        'body.roles': 'new-role-0',
      },
    );
  };
  const grant = (event: Event) => {
    const { one, lists } = valuesOf(event, ['actions']);
    return act(
      key,
      async () => {
        await call('POST /delegations', {
          body: {
            deputyId: one.deputyId ?? '',
            actions: lists.actions as never,
            validFrom: one.validFrom ? new Date(one.validFrom).toISOString() : '',
            validTo: one.validTo ? new Date(one.validTo).toISOString() : '',
          },
        });
        return html`<p>${t(texts.done)}${t(texts.newDelegation)}</p>`;
      },
      {
        'body.deputyId': 'grant-deputy',
        'body.actions': 'grant-action-0',
        'body.validFrom': 'grant-from',
        'body.validTo': 'grant-to',
      },
    );
  };
  const revoke = (deputyId: string, id: string) =>
    act(key, async () => {
      await call('POST /accounts/{id}/delegations/{delegationId}/revoke', { path: { id: deputyId, delegationId: id } });
      return html`<p>${t(texts.done)}${t(texts.revoke)}</p>`;
    });

  return {
    title,
    body: html`${outcomeOf(key)}
      <dl class="facts">
        <dt>${t(texts.unitFacts)}</dt><dd><a href=${href(`units/${u.code}`)}>${t(u.name)} (${u.code})</a></dd>
        <dt>${t(texts.kind)}</dt><dd>${labelOf(unitKinds, u.kind)}</dd>
        <dt>${t(texts.domain)}</dt><dd>${u.domain}</dd>
        <dt>${t(texts.languages)}</dt><dd>${u.languages.join(', ')}</dd>
        <dt>${t(texts.status)}</dt><dd>${u.status}${u.successorCode ? html` → <a href=${href(`units/${u.successorCode}/people`)}>${u.successorCode}</a>` : ''}</dd>
        ${u.parentCode ? html`<dt>${t(texts.parentUnit)}</dt><dd><a href=${href(`units/${u.parentCode}/people`)}>${u.parentCode}</a></dd>` : ''}
      </dl>
      ${
        Array.isArray(children) && children.length > 0
          ? html`<section aria-labelledby="children-h"><h2 id="children-h">${t(texts.subUnits)}</h2>
            <ul class="cards">${children.map((c) => html`<li><a href=${href(`units/${c.code}/people`)}>${t(c.name)}</a></li>`)}</ul></section>`
          : ''
      }
      <section aria-labelledby="accounts-h">
        <h2 id="accounts-h">${t(texts.accounts)}</h2>
        ${
          Array.isArray(accounts)
            ? html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.accounts)}><table class="accounts">
              <thead><tr><th scope="col">${t(texts.username)}</th><th scope="col">${t(texts.fullName)}</th><th scope="col">${t(texts.rolesLabel)}</th><th scope="col">${t(texts.status)}</th></tr></thead>
              <tbody>${accounts.map(
                (a) =>
                  html`<tr data-account=${a.username}><td><a href=${href(`accounts/${a.id}`)}>${a.username}</a></td><td>${a.fullName}</td><td>${a.roles.map((r) => labelOf(roles, r)).join(', ')}</td><td>${t(a.status === 'active' ? texts.active : texts.closed)}</td></tr>`,
              )}</tbody>
            </table></div>`
            : refusalNote(accounts)
        }
        ${gated(
          mayManage,
          t(texts.newAccount),
          () => html`<form class="step admin" @submit=${create} aria-labelledby="new-account-h">
          <h3 id="new-account-h">${t(texts.newAccount)}</h3>
          <label for="new-username">${t(texts.username)}</label><input id="new-username" name="username" autocomplete="off">
          <label for="new-fullName">${t(texts.fullName)}</label><input id="new-fullName" name="fullName" required>
          <label for="new-email">${t(texts.email)}</label><input id="new-email" name="email" type="email" required>
          <fieldset><legend>${t(texts.rolesLabel)}</legend>
            ${Object.entries(roles).map(([role, label], i) => html`<div class="check"><input type="checkbox" id=${`new-role-${i}`} name="roles" value=${role}><label for=${`new-role-${i}`}>${t(label)}</label></div>`)}
          </fieldset>
          <button type="submit">${t(texts.newAccount)}</button>
        </form>`,
        )}
      </section>
      <section aria-labelledby="delegations-h">
        <h2 id="delegations-h">${t(texts.delegations)}</h2>
        ${
          Array.isArray(delegations)
            ? delegations.length === 0
              ? html`<p>${t(texts.none)}</p>`
              : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.delegations)}><table class="delegations">
                <thead><tr><th scope="col">${t(texts.deputy)}</th><th scope="col">${t(texts.actions)}</th><th scope="col">${t(texts.validFrom)}</th><th scope="col">${t(texts.validTo)}</th><th scope="col">${t(texts.status)}</th></tr></thead>
                <tbody>${delegations.map(
                  (
                    d,
                  ) => html`<tr><td>${nameOf(d.deputyId)}</td><td><code>${d.actions.join(', ')}</code></td><td>${when(d.validFrom)}</td><td>${when(d.validTo)}</td>
                    <td>${d.revokedAt ? `${t(texts.revoked)} ${when(d.revokedAt)}` : !mayDelegate.allowed ? t(texts.active) : html`<button type="button" @click=${() => revoke(d.deputyId, d.id)}>${t(texts.revoke)}<span class="visually-hidden"> ${nameOf(d.deputyId)}</span></button>`}</td></tr>`,
                )}</tbody>
              </table></div>`
            : refusalNote(delegations)
        }
        ${gated(
          mayDelegate,
          t(texts.newDelegation),
          () => html`<form class="step admin" @submit=${grant} aria-labelledby="grant-h">
          <h3 id="grant-h">${t(texts.newDelegation)}</h3>
          <label for="grant-deputy">${t(texts.deputy)}</label>
          ${
            Array.isArray(accounts)
              ? html`<select id="grant-deputy" name="deputyId" required>
                ${accounts.filter((a) => a.status === 'active').map((a) => html`<option value=${a.id}>${a.username} — ${a.fullName}</option>`)}
              </select>`
              : // Whoever may not list the unit's accounts (a chief editor) names the deputy by account id.
                html`<input id="grant-deputy" name="deputyId" required autocomplete="off">`
          }
          <fieldset><legend>${t(texts.actions)}</legend>
            ${delegable.map((action, i) => html`<div class="check"><input type="checkbox" id=${`grant-action-${i}`} name="actions" value=${action}><label for=${`grant-action-${i}`}><code>${action}</code></label></div>`)}
          </fieldset>
          <label for="grant-from">${t(texts.validFrom)}</label><input id="grant-from" name="validFrom" type="datetime-local" required>
          <label for="grant-to">${t(texts.validTo)}</label><input id="grant-to" name="validTo" type="datetime-local" required>
          <button type="submit">${t(texts.grant)}</button>
        </form>`,
        )}
      </section>`,
  };
}
