import { passwordPolicy } from '../../shared/domain/accounts/password-policy';

/**
 * The local stand-in's sign-in page (Cognito's managed login on AWS): Vietnamese by default,
 * English with `lang=en`; the username/password step and the first-sign-in new-password step.
 * Plain HTML forms, no script: labels, an error summary linked to the field, visible focus.
 */
export type Lang = 'vi' | 'en';

export interface PageState {
  readonly lang: Lang;
  /** The authorization request, carried through the form unchanged. */
  readonly request: Readonly<Record<string, string>>;
  readonly step: 'password' | 'new-password';
  readonly session?: string;
  readonly username?: string;
  readonly error?: { readonly field: 'username' | 'password' | 'newPassword'; readonly message: string };
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const texts = {
  vi: {
    title: 'Đăng nhập',
    newTitle: 'Đặt mật khẩu mới',
    intro: 'Đăng nhập vào Bàn làm việc biên tập của Cổng thông tin điện tử.',
    newIntro: 'Đây là lần đăng nhập đầu tiên: hãy đặt mật khẩu mới thay mật khẩu tạm.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    newPassword: 'Mật khẩu mới',
    rules: `Ít nhất ${passwordPolicy.minLength.value} ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt (${passwordPolicy.minLength.basis}).`,
    submit: 'Đăng nhập',
    newSubmit: 'Lưu mật khẩu và tiếp tục',
    problem: 'Có lỗi',
    other: 'English',
  },
  en: {
    title: 'Sign in',
    newTitle: 'Set a new password',
    intro: 'Sign in to the editorial console of the e-information portal.',
    newIntro: 'This is your first sign-in: set a new password in place of the temporary one.',
    username: 'Username',
    password: 'Password',
    newPassword: 'New password',
    rules: `At least ${passwordPolicy.minLength.value} characters, with upper- and lower-case letters, a digit and a special character (${passwordPolicy.minLength.basis}).`,
    submit: 'Sign in',
    newSubmit: 'Save the password and continue',
    problem: 'There is a problem',
    other: 'Tiếng Việt',
  },
} as const;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#0b0c0c;background:#f3f2f1}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-top:.4rem solid #a50e0e}
h1{font-size:1.6rem;margin:0 0 .5rem}label{display:block;font-weight:600;margin-top:1rem}
input{display:block;width:100%;min-height:2.75rem;padding:.4rem;font:inherit;border:2px solid #0b0c0c}
button{margin-top:1.25rem;min-height:2.75rem;padding:.5rem 1rem;font:inherit;font-weight:600;color:#fff;background:#00703c;border:0;cursor:pointer}
:focus-visible{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.error-summary{border:4px solid #d4351c;padding:1rem;margin-bottom:1rem}.error-summary a{color:#d4351c;font-weight:600}
.hint{color:#484949;margin:.25rem 0 0}.lang{display:inline-block;margin-bottom:1rem;color:#1d70b8;padding:.5rem 0}a{color:#1d70b8}`;

export function signInPage(state: PageState): string {
  const t = texts[state.lang];
  const other: Lang = state.lang === 'vi' ? 'en' : 'vi';
  const hidden = Object.entries({
    ...state.request,
    lang: state.lang,
    ...(state.session ? { session: state.session } : {}),
  })
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  const switchQuery = new URLSearchParams({ ...state.request, lang: other }).toString();
  const invalid = (field: string) =>
    state.error?.field === field ? ` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const fieldError = (field: string) =>
    state.error?.field === field
      ? `<p id="${field}-error" class="hint" style="color:#d4351c;font-weight:600">${escape(state.error.message)}</p>`
      : '';
  const summary = state.error
    ? `<div class="error-summary" role="alert" tabindex="-1"><h2>${t.problem}</h2><a href="#${state.error.field}">${escape(state.error.message)}</a></div>`
    : '';
  const fields =
    state.step === 'password'
      ? `<label for="username">${t.username}</label>${fieldError('username')}<input id="username" name="username" autocomplete="username" required value="${escape(state.username ?? '')}"${invalid('username')}>
<label for="password">${t.password}</label>${fieldError('password')}<input id="password" name="password" type="password" autocomplete="current-password" required${invalid('password')}>
<button type="submit">${t.submit}</button>`
      : `<label for="newPassword">${t.newPassword}</label><p id="newPassword-hint" class="hint">${t.rules}</p>${fieldError('newPassword')}
<input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required aria-describedby="newPassword-hint"${invalid('newPassword')}>
<button type="submit">${t.newSubmit}</button>`;
  const title = state.step === 'password' ? t.title : t.newTitle;
  return `<!doctype html><html lang="${state.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${STYLE}</style></head><body><main>
<a class="lang" href="?${escape(switchQuery)}" lang="${other}">${t.other}</a>
${summary}<h1>${title}</h1><p>${state.step === 'password' ? t.intro : t.newIntro}</p>
<form method="post" action="authorize" novalidate>${hidden}${fields}</form></main></body></html>`;
}

/** A page for requests that cannot be sent back to the client (unknown client or callback URL). */
export function errorPage(lang: Lang, message: { vi: string; en: string }): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${lang === 'vi' ? 'Lỗi đăng nhập' : 'Sign-in error'}</title><style>${STYLE}</style></head><body><main>
<h1>${lang === 'vi' ? 'Không thể đăng nhập' : 'Cannot sign in'}</h1><p>${escape(message[lang])}</p></main></body></html>`;
}
