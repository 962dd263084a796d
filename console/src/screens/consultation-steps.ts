import { html, type TemplateResult } from 'lit-html';
import { call } from '../api';
import type { Me } from '../main';
import { t, texts, type Bilingual } from '../i18n';
import { permission } from '../permissions';
import { consultationStepTable, summaryResponseLabels } from '../consultation-steps-table';
import { participationTexts as p } from '../texts-participation';
import { act } from './outcome';
import { stepsSection, type Step } from './steps';

/**
 * The steps of a consultation (`POST /consultations/{id}/transitions`) the caller may take by hand.
 * The API's staff view lists none, so they come from the console's copy of the workflow table
 * (consultation-steps-table.ts) and the rule table (permissions.ts), as the administration forms
 * do; the summary's writer is told they may not approve or return it. Advisory only: the API checks
 * the permission, the guards and If-Match again.
 */
export interface StaffConsultation {
  readonly id: string;
  readonly state: string;
  readonly version: number;
  readonly articles: readonly { number: number; title: string }[];
  readonly summary?: { writtenBy: string };
}

export function consultationSteps(me: Me, c: StaffConsultation, unitPath: readonly string[]): Step[] {
  return Object.entries(consultationStepTable)
    .filter(([, step]) => step.from.includes(c.state))
    .map(([action, step]) => {
      const may = permission(me, step.permission, unitPath);
      const reason: Bilingual | undefined = !may.allowed
        ? may.reason
        : step.notByWriter && c.summary?.writtenBy === me.account.id
          ? p.writerMayNotApprove
          : undefined;
      return {
        action,
        label: step.label,
        allowed: !reason,
        ...(reason && { reason }),
        requires: [...(step.requires ?? [])],
      };
    });
}

/** The summary's rows: the whole draft first, then each article; a row left without "received" is not sent. */
const rows = (c: StaffConsultation) => [
  { article: null, name: t(p.wholeDraft) },
  ...c.articles.map((a) => ({ article: a.number, name: `${t(p.article)} ${a.number}. ${a.title}` })),
];

function summaryRow(i: number, name: string): TemplateResult {
  const id = (field: string) => `writeSummary-${i}-${field}`;
  return html`<fieldset class="summary-row"><legend>${name}</legend>
    <label for=${id('received')}>${t(p.receivedComments)}</label><textarea id=${id('received')} name=${`${i}.received`} rows="2"></textarea>
    <label for=${id('commentCount')}>${t(p.commentCount)}</label><input id=${id('commentCount')} name=${`${i}.commentCount`} type="number" min="0" value="0">
    <label for=${id('response')}>${t(p.response)}</label>
    <select id=${id('response')} name=${`${i}.response`}>
      ${Object.entries(summaryResponseLabels).map(([value, label]) => html`<option value=${value}>${t(label)}</option>`)}
    </select>
    <label for=${id('reason')}>${t(p.responseReason)}</label><textarea id=${id('reason')} name=${`${i}.reason`} rows="2"></textarea>
  </fieldset>`;
}

function inputsOf(c: StaffConsultation, step: Step): TemplateResult[] {
  switch (step.action) {
    case 'newVersion':
      return [
        html`<label for="newVersion-contentId">${t(p.newVersionContent)}</label><input id="newVersion-contentId" name="contentId" required>`,
      ];
    case 'returnSummary':
      return [
        html`<label for="returnSummary-reason">${t(p.returnReason)}</label><textarea id="returnSummary-reason" name="reason" rows="2" required></textarea>`,
      ];
    case 'writeSummary':
      return rows(c).map((row, i) => summaryRow(i, row.name));
    default:
      return [];
  }
}

/** The form as the step's body, and where each field the API may name is on the page. */
function bodyOf(c: StaffConsultation, action: string, form: FormData) {
  const body: Record<string, unknown> = { action };
  const fields: Record<string, string> = {
    'body.contentId': 'newVersion-contentId',
    'body.reason': 'returnSummary-reason',
  };
  if (action === 'writeSummary') {
    const value = (i: number, f: string) => String(form.get(`${i}.${f}`) ?? '').trim();
    const summary = rows(c)
      .map((row, i) => ({ row, i }))
      .filter(({ i }) => value(i, 'received') !== '')
      .map(({ row, i }, sent) => {
        for (const f of ['article', 'received', 'commentCount', 'response', 'reason'])
          fields[`body.summary.${sent}.${f}`] = `writeSummary-${i}-${f === 'article' ? 'received' : f}`;
        return {
          article: row.article,
          received: value(i, 'received'),
          commentCount: Number(value(i, 'commentCount') || '0'),
          response: value(i, 'response'),
          reason: value(i, 'reason'),
        };
      });
    body.summary = summary;
  } else for (const [name, v] of form) if (typeof v === 'string' && v.trim() !== '') body[name] = v.trim();
  return { body, fields };
}

export function consultationStepsSection(
  me: Me,
  c: StaffConsultation,
  unitPath: readonly string[],
  etag: string | null,
  outcomeKey: string,
) {
  const take = (event: Event, step: Step) => {
    event.preventDefault();
    const { body, fields } = bodyOf(c, step.action, new FormData(event.target as HTMLFormElement));
    void act(
      outcomeKey,
      async () => {
        await call('POST /consultations/{id}/transitions', {
          path: { id: c.id },
          body: body as never,
          headers: { 'if-match': etag ?? `"${c.version}"` },
        });
        return html`${t(texts.done)}${t(step.label)}`;
      },
      fields,
    );
  };
  return stepsSection(consultationSteps(me, c, unitPath), (step) => inputsOf(c, step), take);
}
