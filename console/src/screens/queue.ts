import { html } from 'lit-html';
import { call } from '../api';
import { href, type Me, type Screen } from '../main';
import { categories, contentStates, t, texts, when } from '../i18n';
import { filterForm } from './filters';
import { problemScreen } from './problem';
import { unitPathOf } from '../permissions';
import { anyBulkAllowed, bulkOutcome, bulkPermissions, bulkSection, checkbox } from './bulk';

/**
 * A unit's content items by state (the intake queue is `submitted`), with due instants and overdue
 * flags; the intake queue offers the bulk actions the rule table lets the caller take (bulk.ts).
 */
export async function queue(me: Me, unit: string, query: URLSearchParams): Promise<Screen> {
  const title = `${t(texts.queue)} — ${unit}`;
  const intake = (query.get('state') ?? '') === 'submitted';
  // The unit's ancestors are read beside the list (a caller above the unit may act through them).
  const unitPath = intake ? unitPathOf(unit).catch(() => [unit]) : Promise.resolve([unit]);
  try {
    const { data } = await call('GET /units/{code}/content', {
      path: { code: unit },
      query: {
        state: query.get('state') ?? undefined,
        category: query.get('category') ?? undefined,
        overdue: query.get('overdue') ?? undefined,
        cursor: query.get('cursor') ?? undefined,
      } as never,
    });
    const items = data.items as Array<(typeof data.items)[number] & { dueAt?: string; category?: string }>;
    const next = data.nextCursor;
    const may = intake && items.length > 0 ? bulkPermissions(me, await unitPath) : undefined;
    // Checkboxes only when there is a bulk action to take; the API decides again.
    const bulk = may !== undefined && anyBulkAllowed(may);
    return {
      title,
      body: html`${bulkOutcome(unit)}${filterForm(
        [
          { name: 'state', label: texts.state, options: contentStates },
          { name: 'category', label: texts.category, options: categories },
          { name: 'overdue', label: texts.overdueOnly },
        ],
        query,
      )}
        ${
          items.length === 0
            ? html`<p>${t(texts.none)}</p>`
            : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.queue)}><table>
              <thead><tr>${bulk ? html`<th scope="col"><span class="visually-hidden">${t(texts.selectItem)}</span></th>` : ''}<th scope="col">${t(texts.title)}</th><th scope="col">${t(texts.state)}</th><th scope="col">${t(texts.due)}</th></tr></thead>
              <tbody>
                ${items.map(
                  (item) => html`<tr class=${item.overdue ? 'overdue' : ''}>
                    ${bulk ? html`<td class="pick-cell">${checkbox(item.id, item.title)}</td>` : ''}
                    <td><a href=${href(`content/${item.id}`)}>${item.title}</a></td>
                    <td>${t(contentStates[item.state] ?? { vi: item.state, en: item.state })}</td>
                    <td>${when(item.dueAt)} ${item.overdue ? html`<strong class="tag bad">${t(texts.overdue)}</strong>` : ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`
        }
        ${may ? bulkSection(unit, new Map(items.map((i) => [i.id, i.title])), may) : ''}
        ${next ? html`<p><a href=${href(`units/${unit}/content`, { ...Object.fromEntries(query), cursor: next })}>${t(texts.more)}</a></p>` : ''}`,
    };
  } catch (error) {
    return problemScreen(title, error);
  }
}
