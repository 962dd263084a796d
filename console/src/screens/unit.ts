import { html } from 'lit-html';
import { call } from '../api';
import type { Operations } from '../api.generated';
import { href, type Me, type Screen } from '../main';
import { labelOf, t, texts, unitKinds, when } from '../i18n';
import { adminTexts as at, unitEvents } from '../texts-admin';
import { gated, permission, unitPathOf } from '../permissions';
import { act, outcomeOf, valuesOf } from './outcome';
import { problemScreen } from './problem';

/**
 * A unit and its sub-portal (`/console/units/{code}`): what it is, the units under it, its history
 * (creation, renames, merges, splits), and for whoever the rule table lets manage units there
 * (`unit.manage`, operators, on the unit's tree) creating a unit under it, renaming it, merging
 * units into it (QN 11.5) and splitting it (which takes the parent's reach: the parts take its
 * place). Everyone else sees the reason instead of each form; the API decides again.
 */
type Unit = Operations['GET /units/{code}']['response']['unit'];
const kindsUnder = Object.keys(unitKinds).filter((k) => k !== 'province');

const nameInputs = (prefix: string, current?: Unit) => html`
  <label for=${`${prefix}-vi`}>${t(at.nameVi)}</label><input id=${`${prefix}-vi`} name="vi" required .value=${current?.name.vi ?? ''}>
  <label for=${`${prefix}-en`}>${t(at.nameEn)}</label><input id=${`${prefix}-en`} name="en" required .value=${current?.name.en ?? ''}>`;

/** A history entry's detail as "key: value" pairs; a bilingual name in the reader's language. */
const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(
      ([k, v]) =>
        `${k}: ${v && typeof v === 'object' && 'vi' in v ? t(v as { vi: string; en: string }) : Array.isArray(v) ? v.join(', ') : String(v)}`,
    )
    .join('; ');

export async function unitScreen(me: Me, code: string): Promise<Screen> {
  const key = `unit:${code}`;
  let u: Unit;
  let path: string[];
  let history: Operations['GET /units/{code}/history']['response']['items'];
  let children: Unit[];
  try {
    u = (await call('GET /units/{code}', { path: { code } })).data.unit;
    [path, history, children] = await Promise.all([
      unitPathOf(code),
      call('GET /units/{code}/history', { path: { code } }).then((r) => r.data.items),
      call('GET /units', { query: { parent: code, limit: '100' } as never }).then((r) => r.data.items),
    ]);
  } catch (error) {
    return problemScreen(t(at.units), error);
  }
  const manage = permission(me, 'unit.manage', path);
  const maySplit =
    path.length < 2
      ? ({ allowed: false, reason: at.provinceNotSplit } as const)
      : permission(me, 'unit.manage', path.slice(1));

  const create = (event: Event) => {
    const form = event.target as HTMLFormElement;
    const { one } = valuesOf(event);
    return act(
      key,
      async () => {
        const { data } = await call('POST /units', {
          body: {
            code: one.code ?? '',
            name: { vi: one.vi ?? '', en: one.en ?? '' },
            kind: (one.kind ?? '') as never,
            parentCode: code,
            ...(one.slug && { slug: one.slug }),
          },
        });
        form.reset();
        return html`<p>${t(at.created)}: <a href=${href(`units/${data.code}`)}>${t(data.name)}</a> (${data.domain})</p>`;
      },
      {
        'body.code': 'new-code',
        'body.name.vi': 'new-vi',
        'body.name.en': 'new-en',
        'body.kind': 'new-kind',
        'body.slug': 'new-slug',
        'body.parentCode': 'new-code',
      },
    );
  };
  const rename = (event: Event) => {
    const { one } = valuesOf(event);
    return act(
      key,
      async () => {
        await call('PATCH /units/{code}', {
          path: { code },
          body: { name: { vi: one.vi ?? '', en: one.en ?? '' }, ...(one.slug && { slug: one.slug }) },
          headers: { 'if-match': `"${u.version}"` },
        });
        return html`<p>${t(texts.done)}${t(at.rename)}</p>`;
      },
      { 'body.name.vi': 'rename-vi', 'body.name.en': 'rename-en', 'body.slug': 'rename-slug' },
    );
  };
  const merge = (event: Event) => {
    const { one } = valuesOf(event);
    const sources = (one.sources ?? '').split(/[\s,]+/).filter(Boolean);
    return act(
      key,
      async () => {
        const { data } = await call('POST /unit-merges', { body: { sources, into: code } });
        return html`<p>${t(texts.done)}${t(at.merge)} — ${t(texts.movedWork)}: ${data.movedWork}; ${t(at.movedAccounts)}: ${data.movedAccounts}</p>`;
      },
      { 'body.sources': 'merge-sources', 'body.into': 'merge-sources' },
    );
  };
  const split = (event: Event) => {
    const { one } = valuesOf(event);
    const parts = [0, 1].map((n) => ({
      code: one[`part-${n}-code`] ?? '',
      name: { vi: one[`part-${n}-vi`] ?? '', en: one[`part-${n}-en`] ?? '' },
      kind: u.kind as never,
    }));
    return act(
      key,
      async () => {
        const { data } = await call('POST /units/{code}/split', {
          path: { code },
          body: { into: parts, workTo: parts[Number(one.workTo ?? 0)]!.code },
        });
        return html`<p>${t(texts.done)}${t(at.split)}: ${data.created.map((c, n) => html`${n > 0 ? ', ' : ''}<a href=${href(`units/${c}`)}>${c}</a>`)} — ${t(texts.movedWork)}: ${data.movedWork}</p>`;
      },
      Object.fromEntries(
        [0, 1].flatMap((n) => [
          [`body.into.${n}.code`, `part-${n}-code`],
          [`body.into.${n}.name.vi`, `part-${n}-vi`],
          [`body.into.${n}.name.en`, `part-${n}-en`],
          [`body.into.${n}.kind`, `part-${n}-code`],
        ]),
      ),
    );
  };

  const active = u.status === 'active';
  return {
    title: `${t(u.name)} (${u.code})`,
    body: html`${outcomeOf(key)}
      <dl class="facts">
        <dt>${t(texts.kind)}</dt><dd>${labelOf(unitKinds, u.kind)}</dd>
        <dt>${t(texts.domain)}</dt><dd>${u.domain}${u.formerDomains.length > 0 ? ` (${u.formerDomains.join(', ')})` : ''}</dd>
        <dt>${t(texts.languages)}</dt><dd>${u.languages.join(', ')}</dd>
        <dt>${t(texts.status)}</dt><dd data-status=${u.status}>${u.status}${u.successorCode ? html` → <a href=${href(`units/${u.successorCode}`)}>${u.successorCode}</a>` : ''}</dd>
        ${u.parentCode ? html`<dt>${t(texts.parentUnit)}</dt><dd><a href=${href(`units/${u.parentCode}`)}>${u.parentCode}</a></dd>` : ''}
      </dl>
      <p><a href=${href(`units/${code}/people`)}>${t(at.peopleLink)}</a> · <a href=${href('machine-clients', { unit: code })}>${t(texts.machineClients)}</a></p>
      ${
        children.length > 0
          ? html`<section aria-labelledby="children-h"><h2 id="children-h">${t(texts.subUnits)}</h2>
            <ul class="cards">${children.map((c) => html`<li><a href=${href(`units/${c.code}`)}>${t(c.name)}</a> <span class="hint">${c.status === 'active' ? '' : c.status}</span></li>`)}</ul></section>`
          : ''
      }
      <section aria-labelledby="history-h"><h2 id="history-h">${t(at.unitHistory)}</h2>
        <div class="scroll" role="region" tabindex="0" aria-label=${t(at.unitHistory)}><table class="history">
          <thead><tr><th scope="col">${t(texts.at)}</th><th scope="col">${t(at.event)}</th><th scope="col">${t(at.detail)}</th></tr></thead>
          <tbody>${history.map((h) => html`<tr><td>${when(h.at)}</td><td>${labelOf(unitEvents, h.event)}</td><td>${detailText(h.detail)}</td></tr>`)}</tbody>
        </table></div>
      </section>
      ${
        !active
          ? html`<p class="refused">${t(at.inactive)}</p>`
          : html`<div class="steps">
            ${gated(
              manage,
              t(at.newUnit),
              () => html`<form class="step admin" @submit=${create} aria-labelledby="new-unit-h">
              <h2 id="new-unit-h">${t(at.newUnit)}</h2>
              <label for="new-code">${t(texts.unitCode)}</label><input id="new-code" name="code" required autocomplete="off">
              ${nameInputs('new')}
              <label for="new-kind">${t(texts.kind)}</label>
              <select id="new-kind" name="kind">${kindsUnder.map((k) => html`<option value=${k}>${labelOf(unitKinds, k)}</option>`)}</select>
              <label for="new-slug">${t(at.slug)}</label><input id="new-slug" name="slug" autocomplete="off">
              <button type="submit">${t(at.newUnit)}</button>
            </form>`,
            )}
            ${gated(
              manage,
              t(at.rename),
              () => html`<form class="step admin" @submit=${rename} aria-labelledby="rename-h">
              <h2 id="rename-h">${t(at.rename)}</h2>
              ${nameInputs('rename', u)}
              <label for="rename-slug">${t(at.slug)}</label><input id="rename-slug" name="slug" .value=${u.slug} autocomplete="off">
              <button type="submit">${t(at.rename)}</button>
            </form>`,
            )}
            ${gated(
              manage,
              t(at.merge),
              () => html`<form class="step admin" @submit=${merge} aria-labelledby="merge-h">
              <h2 id="merge-h">${t(at.merge)}</h2>
              <label for="merge-sources">${t(at.mergeSources)}</label><input id="merge-sources" name="sources" required autocomplete="off">
              <button type="submit">${t(at.merge)}</button>
            </form>`,
            )}
            ${gated(
              maySplit,
              t(at.split),
              () => html`<form class="step admin" @submit=${split} aria-labelledby="split-h">
              <h2 id="split-h">${t(at.split)}</h2>
              ${[0, 1].map(
                (n) => html`<fieldset><legend>${t(at.part)} ${n + 1}</legend>
                <label for=${`part-${n}-code`}>${t(texts.unitCode)}</label><input id=${`part-${n}-code`} name=${`part-${n}-code`} required autocomplete="off">
                <label for=${`part-${n}-vi`}>${t(at.nameVi)}</label><input id=${`part-${n}-vi`} name=${`part-${n}-vi`} required>
                <label for=${`part-${n}-en`}>${t(at.nameEn)}</label><input id=${`part-${n}-en`} name=${`part-${n}-en`} required>
              </fieldset>`,
              )}
              <fieldset><legend>${t(at.workTo)}</legend>
                ${[0, 1].map((n) => html`<div class="check"><input type="radio" id=${`work-to-${n}`} name="workTo" value=${n} ?checked=${n === 0}><label for=${`work-to-${n}`}>${t(at.part)} ${n + 1}</label></div>`)}
              </fieldset>
              <button type="submit">${t(at.split)}</button>
            </form>`,
            )}
          </div>`
      }`,
  };
}
