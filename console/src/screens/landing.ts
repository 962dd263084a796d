import { html } from 'lit-html';
import { href, type Me, type Screen } from '../main';
import { t, texts } from '../i18n';
import { adminTexts } from '../texts-admin';

/** The first screen: the sign-in button, or once signed in, who you are and where your work is. */
export function landing(me: Me | undefined, signIn: () => void): Screen {
  if (!me) {
    return {
      title: t(texts.app),
      body: html`<p>${t(texts.landingIntro)}</p><button type="button" class="primary" @click=${signIn}>${t(texts.signIn)}</button>`,
    };
  }
  const unit = me.account.unitCode;
  return {
    title: `${t(texts.hello)}, ${me.account.fullName}`,
    body: html`<dl class="facts">
        <dt>${t(texts.yourUnit)}</dt><dd>${unit}</dd>
        <dt>${t(texts.yourRoles)}</dt><dd>${me.account.roles.join(', ')}</dd>
      </dl>
      <ul class="cards">
        <li><a href=${href(`units/${unit}/content`, { state: 'submitted' })}>${t(texts.queue)}</a></li>
        <li><a href=${href(`units/${unit}/questions`, { view: 'portal' })}>${t(texts.boardInbox)}</a></li>
        <li><a href=${href(`units/${unit}/questions`, { view: 'unit' })}>${t(texts.unitInbox)}</a></li>
        <li><a href=${href(`units/${unit}/figures`)}>${t(texts.figures)}</a></li>
        <li><a href=${href(`units/${unit}/audit`)}>${t(texts.audit)}</a></li>
        <li><a href=${href('jobs')}>${t(texts.jobs)}</a></li>
        <li><a href=${href(`units/${unit}/people`)}>${t(texts.people)}</a></li>
        <li><a href=${href('machine-clients')}>${t(texts.machineClients)}</a></li>
        <li><a href=${href(`units/${unit}`)}>${t(adminTexts.units)}</a></li>
        <li><a href=${href('incidents')}>${t(adminTexts.incidents)}</a></li>
        <li><a href=${href('security-checks')}>${t(adminTexts.securityChecks)}</a></li>
      </ul>`,
  };
}
