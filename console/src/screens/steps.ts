import { html, type TemplateResult } from 'lit-html';
import { t, texts, type Bilingual } from '../i18n';

/**
 * The steps of an item's or a question's state as the API lists them (`steps`): the ones the caller
 * may take as forms with their inputs and a button, the others (not offered) with the API's reason.
 * The console never decides who may do what; the API decides again when a step is asked for.
 */
export type Step = { action: string; label: Bilingual; allowed: boolean; reason?: Bilingual; requires: string[] };

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function stepsSection(
  steps: readonly Step[],
  inputsOf: (step: Step) => TemplateResult[],
  take: (event: Event, step: Step) => void,
) {
  const allowed = steps.filter((s) => s.allowed);
  const refused = steps.filter((s) => !s.allowed);
  return html`<section aria-labelledby="steps-h">
    <h2 id="steps-h">${t(texts.steps)}</h2>
    ${allowed.length === 0 ? html`<p>${t(texts.noSteps)}</p>` : ''}
    <div class="steps">
      ${allowed.map((step) => {
        const inputs = inputsOf(step);
        return html`<form class="step" data-step=${step.action} @submit=${(e: Event) => take(e, step)}>
          ${inputs}
          <button type="submit" class=${inputs.length > 0 ? '' : 'primary'} data-action=${step.action}>${capitalise(t(step.label))}</button>
        </form>`;
      })}
    </div>
    ${
      refused.length > 0
        ? html`<h3>${t(texts.notYours)}</h3>
          <ul class="refused">${refused.map((s) => html`<li data-refused=${s.action}><strong>${capitalise(t(s.label))}</strong>: ${s.reason ? t(s.reason) : ''}</li>`)}</ul>`
        : ''
    }
  </section>`;
}
