import { html } from 'lit-html';
import { call } from '../api';
import { href, type Screen } from '../main';
import { t, texts, when } from '../i18n';
import { filterForm } from './filters';
import { problemScreen } from './problem';

/**
 * A unit's audit trail, newest first, or one item's (`target`: its id) within the unit's entries;
 * by actor and from an instant too. The filters are the URL's query.
 */
export async function audit(unit: string, query: URLSearchParams): Promise<Screen> {
  const target = query.get('target') ?? undefined;
  const title = `${t(texts.audit)} — ${target ?? unit}`;
  try {
    const { data } = await call('GET /audit', {
      query: {
        unit,
        target,
        actor: query.get('actor') ?? undefined,
        from: query.get('from') ?? undefined,
        cursor: query.get('cursor') ?? undefined,
        limit: target ? '100' : '25',
      } as never,
    });
    return {
      title,
      body: html`${filterForm(
        [
          { name: 'target', label: texts.targetId, text: true },
          { name: 'actor', label: texts.actorId, text: true },
        ],
        query,
        query.get('from') ? { from: query.get('from')! } : {},
      )}
        ${
          data.items.length === 0
            ? html`<p>${t(texts.none)}</p>`
            : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.audit)}><table class="audit">
              <thead><tr><th scope="col">${t(texts.at)}</th><th scope="col">${t(texts.actor)}</th><th scope="col">${t(texts.action)}</th><th scope="col">${t(texts.target)}</th></tr></thead>
              <tbody>${data.items.map(
                (e) =>
                  html`<tr data-action=${e.action}><td>${when(e.at)}</td><td>${e.actor.id}</td><td><code>${e.action}</code></td><td>${e.target.type} ${e.target.id}</td></tr>`,
              )}</tbody>
            </table></div>`
        }
        ${data.nextCursor ? html`<p><a href=${href(`units/${unit}/audit`, { ...Object.fromEntries(query), cursor: data.nextCursor })}>${t(texts.more)}</a></p>` : ''}`,
    };
  } catch (error) {
    return problemScreen(title, error);
  }
}
