import { html } from 'lit-html';
import { ApiProblem } from '../api';
import type { Screen } from '../main';
import { t, texts } from '../i18n';

/** An error summary (GOV.UK pattern): the API's problem detail, each field linked to its input. */
export function errorSummary(error: unknown, inputs: Record<string, string> = {}) {
  if (!(error instanceof ApiProblem)) throw error;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2>${t(texts.problem)}</h2>
    <p>${t(error.detail)}</p>
    ${
      error.fields.length > 0
        ? html`<ul>${error.fields.map((f) => {
            const input = inputs[f.field];
            const message = f.message ? t(f.message) : f.field;
            return html`<li>${
              input
                ? html`<a href=${`#${input}`} data-external @click=${(e: Event) => {
                    e.preventDefault();
                    document.getElementById(input)?.focus();
                  }}>${message}</a>`
                : message
            }</li>`;
          })}</ul>`
        : ''
    }
  </div>`;
}

export const problemScreen = (title: string, error: unknown): Screen => ({ title, body: errorSummary(error) });

/** A list the caller may not read: the API's reason as a plain note (not an alert: nothing went wrong yet). */
export function refusalNote(error: unknown) {
  if (!(error instanceof ApiProblem)) throw error;
  return html`<p class="refused">${t(error.detail)}</p>`;
}
