import { html } from 'lit-html';
import { ApiProblem, call } from '../api';
import { labelOf, scanStatuses, t, texts } from '../i18n';

/** An item's attachments with the verdict of their safety check (pending, clean, quarantined): only clean files are published. */
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`;

export async function attachmentsSection(ids: readonly string[]) {
  const rows = await Promise.all(
    ids.map(async (id) => {
      try {
        return (await call('GET /uploads/{uploadId}', { path: { uploadId: id } })).data;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return { uploadId: id, status: 'missing' as const };
        throw error;
      }
    }),
  );
  return html`<section aria-labelledby="attachments-h">
    <h2 id="attachments-h">${t(texts.attachments)}</h2>
    ${
      rows.length === 0
        ? html`<p>${t(texts.noAttachments)}</p>`
        : html`<div class="scroll" role="region" tabindex="0" aria-label=${t(texts.attachments)}><table class="attachments">
          <thead><tr><th scope="col">${t(texts.file)}</th><th scope="col">${t(texts.fileType)}</th><th scope="col">${t(texts.size)}</th><th scope="col">${t(texts.scan)}</th></tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr data-status=${r.status}>
              <td>${'fileName' in r ? r.fileName : r.uploadId}</td>
              <td>${'contentType' in r ? r.contentType : '—'}</td>
              <td>${'size' in r ? kb(r.size) : '—'}</td>
              <td><span class=${`tag ${r.status === 'clean' ? 'good' : r.status === 'pending' ? 'wait' : 'bad'}`}>${labelOf(scanStatuses, r.status)}</span></td>
            </tr>`,
          )}</tbody>
        </table></div>`
    }
  </section>`;
}
