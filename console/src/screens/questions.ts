import { html } from 'lit-html';
import { call } from '../api';
import { href, type Screen } from '../main';
import { questionStages, t, texts, when } from '../i18n';
import { filterForm } from './filters';
import { problemScreen } from './problem';

/** The board's inbox (`view=portal`) or the questions routed to a unit (`view=unit`), by stage or overdue. */
export async function questions(unit: string, query: URLSearchParams): Promise<Screen> {
  const view = query.get('view') === 'unit' ? 'unit' : 'portal';
  const title = `${t(view === 'portal' ? texts.boardInbox : texts.unitInbox)} — ${unit}`;
  try {
    const { data } = await call('GET /units/{code}/questions', {
      path: { code: unit },
      query: {
        view,
        stage: query.get('stage') ?? undefined,
        overdue: query.get('overdue') ?? undefined,
        cursor: query.get('cursor') ?? undefined,
      } as never,
    });
    const other = view === 'portal' ? 'unit' : 'portal';
    return {
      title,
      body: html`<p><a href=${href(`units/${unit}/questions`, { view: other })}>${t(other === 'portal' ? texts.boardInbox : texts.unitInbox)}</a></p>
        ${filterForm(
          [
            { name: 'stage', label: texts.stage, options: questionStages },
            { name: 'overdue', label: texts.overdueOnly },
          ],
          query,
          { view },
        )}
        ${
          data.items.length === 0
            ? html`<p>${t(texts.none)}</p>`
            : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.questions)}><table>
              <thead><tr><th scope="col">${t(texts.title)}</th><th scope="col">${t(texts.stage)}</th><th scope="col">${t(texts.received)}</th><th scope="col">${t(texts.due)}</th><th scope="col">${t(texts.assignedTo)}</th></tr></thead>
              <tbody>
                ${data.items.map(
                  (q) => html`<tr class=${q.overdue ? 'overdue' : ''}>
                    <td><a href=${href(`questions/${q.id}`)}>${q.title}</a></td>
                    <td>${t(questionStages[q.stage] ?? { vi: q.stage, en: q.stage })}</td>
                    <td>${when(q.receivedAt)}</td>
                    <td>${when(q.dueAt)} ${q.overdue ? html`<strong class="tag bad">${t(texts.overdue)}</strong>` : ''}</td>
                    <td>${q.assignedTo ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`
        }
        ${data.nextCursor ? html`<p><a href=${href(`units/${unit}/questions`, { ...Object.fromEntries(query), cursor: data.nextCursor })}>${t(texts.more)}</a></p>` : ''}`,
    };
  } catch (error) {
    return problemScreen(title, error);
  }
}
