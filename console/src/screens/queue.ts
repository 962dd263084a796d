import { html } from 'lit-html';
import { call } from '../api';
import { href, type Screen } from '../main';
import { categories, contentStates, t, texts, when } from '../i18n';
import { filterForm } from './filters';
import { problemScreen } from './problem';
import { bulkForm, bulkOutcome, checkbox } from './bulk';

/** A unit's content items by state (the intake queue is `submitted`), with due instants and overdue flags. */
export async function queue(unit: string, query: URLSearchParams): Promise<Screen> {
  const title = `${t(texts.queue)} — ${unit}`;
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
    // The intake queue offers bulk return, reject and assign (the API decides whether this caller may).
    const bulk = (query.get('state') ?? '') === 'submitted' && items.length > 0;
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
        ${bulk ? bulkForm(unit, new Map(items.map((i) => [i.id, i.title]))) : ''}
        ${next ? html`<p><a href=${href(`units/${unit}/content`, { ...Object.fromEntries(query), cursor: next })}>${t(texts.more)}</a></p>` : ''}`,
    };
  } catch (error) {
    return problemScreen(title, error);
  }
}
