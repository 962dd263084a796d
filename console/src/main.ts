import { html, render, type TemplateResult } from 'lit-html';
import { call, setApiBase } from './api';
import { completeSignIn, initAuth, signedIn, signIn, signOut, type AuthConfig } from './auth';
import { lang, setLang, t, texts } from './i18n';
import { landing } from './screens/landing';
import { queue } from './screens/queue';
import { review } from './screens/review';
import { questions } from './screens/questions';
import { question } from './screens/question';
import { figures } from './screens/figures';
import { jobs } from './screens/jobs';
import { audit } from './screens/audit';
import { people } from './screens/people';
import { account } from './screens/account';
import { clients } from './screens/clients';
import { incidents } from './screens/incidents';
import { incident } from './screens/incident';
import { securityChecks } from './screens/security-checks';
import { unitScreen } from './screens/unit';
import { consultations } from './screens/consultations';
import { consultation } from './screens/consultation';
import { participationTexts } from './texts-participation';
import type { Operations } from './api.generated';

/**
 * The console: a single page under /console/ whose screens are chosen by the path; filters live in
 * the query string, so they survive navigation, reloads and shared links.
 */
export type Me = Extract<Operations['GET /me']['response'], { kind: 'user' }>;
export interface Screen {
  readonly title: string;
  readonly body: TemplateResult;
}

const root = new URL('./', document.baseURI).pathname; // "/console/"
let me: Me | undefined;
let config: AuthConfig & { api: string };

export const href = (path: string, query?: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => !!e[1]));
  return `${root}${path}${q.size > 0 ? `?${q}` : ''}`;
};

export function navigate(to: string, replace = false) {
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  void show();
}

/** Links inside the console change the screen without reloading the page (tokens live in memory). */
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a');
  if (
    !link ||
    event.ctrlKey ||
    event.metaKey ||
    event.shiftKey ||
    link.target ||
    !link.href.startsWith(location.origin + root)
  )
    return;
  if (link.hasAttribute('data-external')) return;
  event.preventDefault();
  navigate(link.href);
});
addEventListener('popstate', () => void show());

let rendered = false;
function layout(screen: Screen) {
  // The first render replaces index.html's static "loading" content (lit-html appends otherwise).
  if (!rendered) document.body.textContent = '';
  rendered = true;
  document.title = `${screen.title} — ${t(texts.app)}`;
  const toggle = () => {
    setLang(lang === 'vi' ? 'en' : 'vi');
    void show();
  };
  const unit = me?.account.unitCode;
  render(
    html`<a class="skip" href="#main" data-external @click=${(e: Event) => {
      e.preventDefault();
      document.getElementById('main')?.focus();
    }}>${t(texts.skip)}</a>
      <header>
        <a class="brand" href=${href('')}>${t(texts.app)}</a>
        ${
          me && unit
            ? html`<nav aria-label=${t(texts.nav)}>
              <a href=${href(`units/${unit}/content`, { state: 'submitted' })}>${t(texts.queue)}</a>
              <a href=${href(`units/${unit}/questions`, { view: 'portal' })}>${t(texts.questions)}</a>
              <a href=${href(`units/${unit}/consultations`)}>${t(participationTexts.consultations)}</a>
              <a href=${href(`units/${unit}/figures`)}>${t(texts.figures)}</a>
            </nav>`
            : ''
        }
        <span class="tools">
          <button type="button" class="link" lang=${lang === 'vi' ? 'en' : 'vi'} @click=${toggle}>${t(texts.otherLang)}</button>
          ${me ? html`<span>${me.account.username}</span><button type="button" class="link" @click=${() => void signOut()}>${t(texts.signOut)}</button>` : ''}
        </span>
      </header>
      <main id="main" tabindex="-1"><h1>${screen.title}</h1>${screen.body}</main>`,
    document.body,
  );
}

let shown = 0;
/** Renders the screen of the current URL; a later navigation wins over a slower earlier one. */
export async function show(focus = true): Promise<void> {
  const ticket = ++shown;
  const path = location.pathname.slice(root.length);
  const query = new URLSearchParams(location.search);
  const rerender = () => (ticket === shown ? show(false) : Promise.resolve());
  let screen: Screen;
  if (!signedIn() || !me) {
    screen = landing(me, () => void signIn(location.pathname + location.search, lang));
  } else {
    const parts = path.split('/');
    if (parts[0] === 'units' && parts[2] === 'content') screen = await queue(me, decodeURIComponent(parts[1]!), query);
    else if (parts[0] === 'units' && parts[2] === 'questions')
      screen = await questions(decodeURIComponent(parts[1]!), query);
    else if (parts[0] === 'units' && parts[2] === 'consultations')
      screen = await consultations(decodeURIComponent(parts[1]!), query);
    else if (parts[0] === 'units' && parts[2] === 'figures')
      screen = await figures(decodeURIComponent(parts[1]!), query);
    else if (parts[0] === 'units' && parts[2] === 'audit') screen = await audit(decodeURIComponent(parts[1]!), query);
    else if (parts[0] === 'jobs') screen = await jobs(query);
    else if (parts[0] === 'units' && parts[2] === 'people') screen = await people(me, decodeURIComponent(parts[1]!));
    else if (parts[0] === 'units' && parts[1] && !parts[2]) screen = await unitScreen(me, decodeURIComponent(parts[1]));
    else if (parts[0] === 'accounts' && parts[1]) screen = await account(me, decodeURIComponent(parts[1]));
    else if (parts[0] === 'machine-clients') screen = await clients(me, query);
    else if (parts[0] === 'incidents' && parts[1]) screen = await incident(me, decodeURIComponent(parts[1]));
    else if (parts[0] === 'incidents') screen = await incidents(me, query);
    else if (parts[0] === 'security-checks') screen = await securityChecks(me);
    else if (parts[0] === 'content' && parts[1]) screen = await review(decodeURIComponent(parts[1]), rerender, query);
    else if (parts[0] === 'consultations' && parts[1])
      screen = await consultation(me, decodeURIComponent(parts[1]), query);
    else if (parts[0] === 'questions' && parts[1]) screen = await question(decodeURIComponent(parts[1]), rerender);
    else screen = landing(me, () => undefined);
  }
  if (ticket !== shown) return;
  layout(screen);
  if (focus) document.querySelector<HTMLElement>('main h1')?.focus?.();
}

async function boot() {
  setLang(lang);
  config = await (await fetch(`${root}config.json`)).json();
  setApiBase(config.api);
  await initAuth(config);
  const returnTo = await completeSignIn(new URL(location.href)).catch((error: Error) => {
    console.error('sign-in failed', error);
    return root;
  });
  if (signedIn()) {
    const answer = await call('GET /me');
    if (answer.data.kind === 'user') me = answer.data;
  }
  if (returnTo !== undefined) history.replaceState(null, '', returnTo);
  await show(false);
}

void boot();
