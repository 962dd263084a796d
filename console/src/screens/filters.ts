import { html } from 'lit-html';
import { navigate } from '../main';
import { t, texts, type Bilingual } from '../i18n';

/** A GET form whose values become the URL's query: the filters survive navigation and reloads. */
export interface Filter {
  readonly name: string;
  readonly label: Bilingual;
  /** Options of a select, or a checkbox when absent (a text input with `text`). */
  readonly options?: Record<string, Bilingual>;
  readonly text?: boolean;
}

export function filterForm(filters: readonly Filter[], query: URLSearchParams, keep: Record<string, string> = {}) {
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const next = new URLSearchParams(keep);
    for (const [name, value] of form) if (typeof value === 'string' && value !== '') next.set(name, value);
    navigate(`${location.pathname}${next.size > 0 ? `?${next}` : ''}`);
  };
  return html`<form class="filters" @submit=${submit} aria-label=${t(texts.filters)}>
    ${filters.map((f) =>
      f.text
        ? html`<div><label for=${`f-${f.name}`}>${t(f.label)}</label><input id=${`f-${f.name}`} name=${f.name} .value=${query.get(f.name) ?? ''}></div>`
        : f.options
          ? html`<div><label for=${`f-${f.name}`}>${t(f.label)}</label>
            <select id=${`f-${f.name}`} name=${f.name}>
              <option value="" ?selected=${!query.get(f.name)}>${t(texts.any)}</option>
              ${Object.entries(f.options).map(([value, label]) => html`<option value=${value} ?selected=${query.get(f.name) === value}>${t(label)}</option>`)}
            </select></div>`
          : html`<div class="check"><input type="checkbox" id=${`f-${f.name}`} name=${f.name} value="true" ?checked=${query.get(f.name) === 'true'}><label for=${`f-${f.name}`}>${t(f.label)}</label></div>`,
    )}
    <button type="submit">${t(texts.apply)}</button>
  </form>`;
}
