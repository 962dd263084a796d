import { html } from 'lit-html';
import { call } from '../api';
import { href, type Me, type Screen } from '../main';
import { labelOf, t, texts, when } from '../i18n';
import { permission, unitPathOf } from '../permissions';
import { commentFlags, commentStates, consultationStates, participationTexts as p } from '../texts-participation';
import { act, outcomeOf, valuesOf } from './outcome';
import { consultationStepsSection, type StaffConsultation } from './consultation-steps';
import { errorSummary, problemScreen, refusalNote } from './problem';

/**
 * One consultation for its portal's board (`getStaffConsultation`): its window and draft, then the
 * comments a page at a time (`listCommentsForModeration`, oldest first, "more" while `nextCursor`),
 * each with the moderation the board may take: publish (only with the author's consent to
 * publication) or hide with a reason the author will read. The rule table (`consultation.moderate`)
 * decides whether the list is shown at all; the API judges every step again.
 */
type Staff = StaffConsultation & {
  portal: string;
  title: string;
  documentType: string;
  opensAt: string;
  closesAt: string;
  minimumCalendarDays: number;
  basis: string;
  draftVersion: number;
};
type Comment = Awaited<ReturnType<typeof commentsOf>>['data']['items'][number];
const commentsOf = (id: string, cursor: string | undefined) =>
  call('GET /consultations/{id}/comments', { path: { id }, query: { cursor } });

/** Comment codes hold dots (GY.20261207.0001): ids of the page's elements use dashes. */
const idOf = (code: string) => code.replaceAll('.', '-');

/** One outcome per screen (outcome.ts keeps the last one), under the title: the focus goes there. */
const outcomeKey = (consultationId: string) => `consultation-${consultationId}`;

function moderate(consultationId: string, code: string, action: 'publish' | 'hide', reason?: string) {
  return act(
    outcomeKey(consultationId),
    async () => {
      const { data } = await call('POST /consultation-comments/{code}/moderation', {
        path: { code },
        body: { action, ...(reason !== undefined && { reason }) },
      });
      return html`${t(data.state === 'hidden' ? p.hidden : p.published)} ${data.code}`;
    },
    { 'body.reason': `hide-reason-${idOf(code)}` },
  );
}

function commentCard(consultationId: string, c: Comment) {
  const id = idOf(c.code);
  const hide = (event: Event) => void moderate(consultationId, c.code, 'hide', valuesOf(event).one.reason ?? '');
  const publish = (event: Event) => {
    event.preventDefault();
    void moderate(consultationId, c.code, 'publish');
  };
  return html`<li class="comment" data-code=${c.code} data-state=${c.state}>
    <h3 id=${`c-${id}`}>${c.code}</h3>
    <dl class="facts">
      <dt>${t(texts.state)}</dt><dd>${labelOf(commentStates, c.state)}</dd>
      <dt>${t(p.onArticle)}</dt><dd>${c.article ? `${t(p.article)} ${c.article}` : t(p.wholeDraft)} (${t(p.draftVersion).toLowerCase()} ${c.draftVersion})</dd>
      <dt>${t(p.commenterKind)}</dt><dd>${t(c.commenterKind === 'organisation' ? p.organisation : p.individual)}</dd>
      <dt>${t(texts.received)}</dt><dd>${when(c.receivedAt)}</dd>
      ${c.flag ? html`<dt>${t(p.flag)}</dt><dd><strong class="tag bad">${labelOf(commentFlags, c.flag)}</strong></dd>` : ''}
      ${c.hidden ? html`<dt>${t(p.hiddenBecause)}</dt><dd>${c.hidden.reason} (${when(c.hidden.at)})</dd>` : ''}
    </dl>
    <p class="body">${c.text}</p>
    ${c.publicText !== c.text ? html`<p><strong>${t(p.publicText)}:</strong> ${c.publicText}</p>` : ''}
    ${!c.publicationConsent ? html`<p class="refused">${t(p.noConsent)}</p>` : ''}
    <div class="steps">
      ${
        c.state !== 'published' && c.publicationConsent
          ? html`<form class="step" @submit=${publish}>
            <button type="submit" class="primary" data-moderate="publish" aria-describedby=${`c-${id}`}>${t(p.publish)}</button>
          </form>`
          : ''
      }
      ${
        c.state !== 'hidden'
          ? html`<form class="step" @submit=${hide}>
            <label for=${`hide-reason-${id}`}>${t(p.hideReason)}</label>
            <textarea id=${`hide-reason-${id}`} name="reason" rows="2" required aria-describedby=${`c-${id}`}></textarea>
            <button type="submit" data-moderate="hide" aria-describedby=${`c-${id}`}>${t(p.hide)}</button>
          </form>`
          : ''
      }
    </div>
  </li>`;
}

async function commentsSection(me: Me, c: Staff, unitPath: readonly string[], cursor: string | undefined) {
  const may = permission(me, 'consultation.moderate', unitPath);
  let body;
  if (!may.allowed) body = html`<p class="refused">${t(may.reason)}</p>`;
  else {
    try {
      const { data } = await commentsOf(c.id, cursor);
      body = html`${
        data.items.length === 0
          ? html`<p>${t(p.noComments)}</p>`
          : html`<ol class="comments">${data.items.map((item) => commentCard(c.id, item))}</ol>`
      }
      ${data.nextCursor ? html`<p><a href=${href(`consultations/${c.id}`, { cursor: data.nextCursor })}>${t(texts.more)}</a></p>` : ''}`;
    } catch (error) {
      body = refusalNote(error);
    }
  }
  return html`<section aria-labelledby="comments-h"><h2 id="comments-h">${t(p.comments)}</h2>${body}</section>`;
}

export async function consultation(me: Me, id: string, query: URLSearchParams): Promise<Screen> {
  let c: Staff;
  let etag: string | null;
  try {
    const read = await call('GET /consultations/{id}', { path: { id } });
    c = read.data as unknown as Staff;
    etag = read.etag;
  } catch (error) {
    return problemScreen(t(p.consultation), error);
  }
  const unitPath = await unitPathOf(c.portal).catch(() => [c.portal]);
  let comments;
  try {
    comments = await commentsSection(me, c, unitPath, query.get('cursor') ?? undefined);
  } catch (error) {
    comments = errorSummary(error);
  }
  return {
    title: c.title,
    body: html`<p class="links"><a href=${href(`units/${c.portal}/consultations`)}>${t(p.backToConsultations)}</a>
        <a href=${href(`units/${c.portal}/audit`, { target: c.id })}>${t(texts.auditOfItem)}</a></p>
      ${outcomeOf(outcomeKey(c.id))}
      <dl class="facts">
        <dt>${t(texts.state)}</dt><dd>${labelOf(consultationStates, c.state)}</dd>
        <dt>${t(p.opensAt)}</dt><dd>${when(c.opensAt)}</dd>
        <dt>${t(p.closesAt)}</dt><dd>${when(c.closesAt)}</dd>
        <dt>${t(p.minimumDays)}</dt><dd>${c.minimumCalendarDays} ${t(p.days)} (${c.basis})</dd>
        <dt>${t(p.draftVersion)}</dt><dd>${c.draftVersion}</dd>
        <dt>${t(p.articles)}</dt><dd>${c.articles.length}</dd>
      </dl>
      ${consultationStepsSection(me, c, unitPath, etag, outcomeKey(c.id))}
      ${comments}`,
  };
}
