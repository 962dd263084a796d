import { html } from 'lit-html';
import { call } from '../api';
import { href, type Screen } from '../main';
import { labelOf, t, texts, when } from '../i18n';
import { consultationStates, participationTexts as p } from '../texts-participation';
import { problemScreen } from './problem';

/**
 * A portal's consultations on drafts, open for comment (default) or closed, as the public reads
 * them (`listConsultations`: the API offers staff no other list); each opens the board's view.
 */
export async function consultations(unit: string, query: URLSearchParams): Promise<Screen> {
  const status = query.get('status') === 'closed' ? 'closed' : 'open';
  const title = `${t(p.consultations)} — ${unit}`;
  try {
    const { data } = await call('GET /public/portals/{portal}/consultations', {
      path: { portal: unit },
      query: { status, cursor: query.get('cursor') ?? undefined },
    });
    const tab = (value: 'open' | 'closed') =>
      html`<a href=${href(`units/${unit}/consultations`, { status: value })} aria-current=${value === status ? 'page' : 'false'}>${t(value === 'open' ? p.openNow : p.closedOnes)}</a>`;
    return {
      title,
      body: html`<nav class="links" aria-label=${t(texts.filters)}>${tab('open')} ${tab('closed')}</nav>
        ${
          data.items.length === 0
            ? html`<p>${t(texts.none)}</p>`
            : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(p.consultations)}><table class="consultations">
              <thead><tr><th scope="col">${t(texts.title)}</th><th scope="col">${t(texts.state)}</th><th scope="col">${t(p.opensAt)}</th><th scope="col">${t(p.closesAt)}</th><th scope="col">${t(p.window)}</th><th scope="col">${t(p.articles)}</th></tr></thead>
              <tbody>
                ${data.items.map(
                  (c) => html`<tr>
                    <td><a href=${href(`consultations/${c.id}`)}>${c.title}</a></td>
                    <td>${c.stateLabel ? t(c.stateLabel) : labelOf(consultationStates, c.state)}</td>
                    <td>${when(c.window.opensAt)}</td>
                    <td>${when(c.window.closesAt)}</td>
                    <td>${c.window.calendarDays} ${t(p.days)}</td>
                    <td>${c.articleCount}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`
        }
        ${data.nextCursor ? html`<p><a href=${href(`units/${unit}/consultations`, { status, cursor: data.nextCursor })}>${t(texts.more)}</a></p>` : ''}
        <p class="hint">${t(p.scheduledNotListed)}</p>`,
    };
  } catch (error) {
    return problemScreen(title, error);
  }
}
