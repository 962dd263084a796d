import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { bearer, person, seedTree, type Person } from '../support/directory';
import { allRoutes, routes } from '../../functions/routes';
import { roles, type Role } from '../../shared/domain/roles';
import { can } from '../../shared/domain/access/authorize';
import type { Action } from '../../shared/domain/access/rules';
import { createReportAsSystem, reportServices } from '../../shared/application/reports';
import { reportKindOf } from '../../shared/domain/reports/kinds';
import { adHocPeriod } from '../../shared/domain/reports/periods';
import { seedConsultation } from '../support/consultation-seed';

/**
 * Every non-public route, called by each role held in district A (`huyena`) against its own
 * unit and against district B (`huyenb`): the other unit is never reached, and the own unit is
 * reached exactly when the rule table grants the role the route's action.
 */
const local = useLocalStack();

type Side = 'own' | 'other';
interface Request {
  readonly path: string;
  readonly method: string;
  readonly body?: unknown;
  /** The unit path the rule table judges: target first, then its ancestors. */
  readonly unitPath: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** The rule that judges the request when it is finer than the route's coarse action (a workflow step's). */
  readonly judgedBy?: Action;
  /** Whoever may not read the item this way gets 404, as for a missing one (ids reveal nothing). */
  readonly seenWith?: Action;
}

const people: Partial<Record<Role, Person>> = {};
const fixtures: Record<string, string> = {};
const UNIT = { own: 'huyena', other: 'huyenb' } as const;
const COMMUNE = { own: 'xaa', other: 'xab' } as const;
const path = (unit: string) =>
  unit.startsWith('xa') ? [unit, unit === 'xaa' ? 'huyena' : 'huyenb', 'demo'] : [unit, 'demo'];
const province = ['demo'];

/** How to call each signed-in route against one side. Routes without a unit target are listed apart. */
const cases: Record<string, (side: Side, role: Role) => Request> = {
  [routes.createUnit.id]: (side, role) => ({
    method: 'POST',
    path: '/units',
    unitPath: path(UNIT[side]),
    body: {
      code: `u-${role}-${side}`,
      name: { vi: 'Xã Thử', en: 'Test' },
      kind: 'commune',
      parentCode: UNIT[side],
      slug: `u${role.replace(/-/g, '')}${side}`,
    },
  }),
  [routes.renameUnit.id]: (side) => ({
    method: 'PATCH',
    path: `/units/${COMMUNE[side]}`,
    unitPath: path(COMMUNE[side]),
    body: { name: { vi: `Xã ${side}`, en: side } },
  }),
  [routes.mergeUnits.id]: (side) => ({
    method: 'POST',
    path: '/unit-merges',
    unitPath: path(COMMUNE[side]),
    body: { sources: [COMMUNE[side]], into: COMMUNE[side] },
  }),
  [routes.splitUnit.id]: (side) => ({
    method: 'POST',
    path: `/units/${COMMUNE[side]}/split`,
    unitPath: path(COMMUNE[side]),
    body: {
      into: [
        { code: 'xa-p', name: { vi: 'Xã P', en: 'P commune' }, kind: 'commune' },
        { code: 'xa-q', name: { vi: 'Xã Q', en: 'Q commune' }, kind: 'commune' },
      ],
      workTo: 'xa-khac',
    },
  }),
  [routes.unitAccounts.id]: (side) => ({
    method: 'GET',
    path: `/units/${UNIT[side]}/accounts`,
    unitPath: path(UNIT[side]),
  }),
  [routes.unitWork.id]: (side) => ({ method: 'GET', path: `/units/${UNIT[side]}/work`, unitPath: path(UNIT[side]) }),
  [routes.unitDelegations.id]: (side) => ({
    method: 'GET',
    path: `/units/${UNIT[side]}/delegations`,
    unitPath: path(UNIT[side]),
  }),
  [routes.createAccount.id]: (side, role) => ({
    method: 'POST',
    path: '/accounts',
    unitPath: path(UNIT[side]),
    body: {
      username: `moi.${role.replace(/-/g, '')}.${side}`,
      fullName: 'Người mới',
      email: `moi@${side}.example.gov.vn`,
      unitCode: UNIT[side],
      roles: ['editor'],
    },
  }),
  [routes.getAccount.id]: (side) => ({
    method: 'GET',
    path: `/accounts/${fixtures[`target.${side}`]}`,
    unitPath: path(UNIT[side]),
  }),
  [routes.setRoles.id]: (side) => ({
    method: 'PUT',
    path: `/accounts/${fixtures[`target.${side}`]}/roles`,
    unitPath: path(UNIT[side]),
    body: { roles: ['unit-officer'] },
  }),
  [routes.closeAccount.id]: (side) => ({
    method: 'POST',
    path: `/accounts/${fixtures[`target.${side}`]}/close`,
    unitPath: path(UNIT[side]),
    body: { successorId: fixtures[`target.${side}`], reason: 'transfer' },
  }),
  [routes.unlockAccount.id]: (side) => ({
    method: 'POST',
    path: `/accounts/${fixtures[`target.${side}`]}/unlock`,
    unitPath: path(UNIT[side]),
  }),
  [routes.grantDelegation.id]: (side) => ({
    method: 'POST',
    path: '/delegations',
    unitPath: [UNIT[side]],
    body: {
      deputyId: fixtures[`deputy.${side}`],
      actions: ['content.approve'],
      validFrom: '2026-01-01T00:00:00Z',
      validTo: '2026-06-01T00:00:00Z',
    },
  }),
  [routes.revokeDelegation.id]: (side) => ({
    method: 'POST',
    path: `/accounts/${fixtures[`deputy.${side}`]}/delegations/${fixtures[`delegation.${side}`]}/revoke`,
    unitPath: [UNIT[side]],
  }),
  [routes.audit.id]: (side) => ({ method: 'GET', path: `/audit?unit=${UNIT[side]}`, unitPath: path(UNIT[side]) }),
  [routes.registerMachineClient.id]: (side) => ({
    method: 'POST',
    path: '/machine-clients',
    unitPath: path(UNIT[side]),
    body: { name: 'Hệ thống thử', unitCode: UNIT[side], scopes: ['portal/read'] },
  }),
  [routes.listMachineClients.id]: (side) => ({
    method: 'GET',
    path: `/machine-clients?unit=${UNIT[side]}`,
    unitPath: path(UNIT[side]),
  }),
  [routes.disableMachineClient.id]: (side) => ({
    method: 'POST',
    path: `/machine-clients/${fixtures[`client.${side}`]}/disable`,
    unitPath: path(UNIT[side]),
  }),
  [routes.createContentItem.id]: (side) => ({
    method: 'POST',
    path: `/units/${UNIT[side]}/content`,
    unitPath: path(UNIT[side]),
    body: { category: 'news', language: 'vi', title: 'Tin thử', body: '<p>Nội dung</p>' },
  }),
  [routes.listUnitContent.id]: (side) => ({
    method: 'GET',
    path: `/units/${UNIT[side]}/content`,
    unitPath: path(UNIT[side]),
  }),
  [routes.getContentItem.id]: (side) => ({
    method: 'GET',
    path: `/content/${fixtures[`content.${side}`]}`,
    unitPath: path(UNIT[side]),
  }),
  // Submitting a draft: judged by content.submit (the first allowed role submits it, later ones find it submitted: 409).
  // Submitting another's draft: an authorship step, the author's or the secretary's for the board (AUTHOR_PROXY: content.intake).
  [routes.transitionContentItem.id]: (side) => ({
    method: 'POST',
    path: `/content/${fixtures[`content.${side}`]}/transitions`,
    unitPath: path(UNIT[side]),
    body: { action: 'submit' },
    judgedBy: 'content.intake',
  }),
  // Bulk return from the intake queue: judged by content.intake (the draft is not in the queue: a per-item 409 within a 200).
  [routes.bulkTransitionContent.id]: (side) => ({
    method: 'POST',
    path: `/units/${UNIT[side]}/content/bulk-transitions`,
    unitPath: path(UNIT[side]),
    body: { action: 'return', ids: [fixtures[`content.${side}`]], comment: 'Bổ sung nguồn' },
    judgedBy: 'content.intake',
  }),
  // Editing an item the board is editing: judged by content.edit (the first allowed role edits it, later ones send a stale If-Match: 412).
  [routes.updateContentItem.id]: (side) => ({
    method: 'PATCH',
    path: `/content/${fixtures[`editing.${side}`]}`,
    unitPath: path(UNIT[side]),
    body: { summary: 'Tóm tắt đã sửa' },
    headers: { 'if-match': '"3"' },
    judgedBy: 'content.edit',
  }),
  // Proposing a published item to the province: judged by content.syndicate (the first allowed role proposes it, later ones get 409).
  [routes.proposeSyndication.id]: (side) => ({
    method: 'POST',
    path: `/content/${fixtures[`published.${side}`]}/syndication`,
    unitPath: path(UNIT[side]),
    body: {},
    judgedBy: 'content.syndicate',
  }),
  [routes.jobRuns.id]: () => ({ method: 'GET', path: '/job-runs?job=dependency-check', unitPath: province }),
  // The calendar is the province's: nobody in a district reaches it, whichever side.
  [routes.adminGetSchedule.id]: () => ({ method: 'GET', path: '/admin/calendar/schedules/2026', unitPath: province }),
  [routes.adminPutSchedule.id]: () => ({
    method: 'PUT',
    path: '/admin/calendar/schedules/2030',
    unitPath: province,
    body: { source: 'x', daysOff: [], workingSaturdays: [] },
  }),
  [routes.adminPutHolidayRule.id]: () => ({
    method: 'PUT',
    path: '/admin/calendar/holidays/thu-nghiem',
    unitPath: province,
    body: {
      name: { vi: 'Thử', en: 'Test' },
      date: { calendar: 'solar', month: 6, day: 1 },
      basis: 'x',
      status: 'pending',
    },
  }),
  [routes.getUpload.id]: (side) => ({
    method: 'GET',
    path: `/uploads/${fixtures[`upload.${side}`]}`,
    unitPath: path(UNIT[side]),
  }),
  [routes.listQuestions.id]: (side) => ({
    method: 'GET',
    path: `/units/${UNIT[side]}/questions`,
    unitPath: path(UNIT[side]),
  }),
  [routes.getQuestion.id]: (side) => ({
    method: 'GET',
    path: `/questions/${fixtures[`question.${side}`]}`,
    unitPath: path(UNIT[side]),
  }),
  // Classifying: judged by qa.route (the portal's board); a second classification of a classified question is allowed too.
  [routes.transitionQuestion.id]: (side) => ({
    method: 'POST',
    path: `/questions/${fixtures[`question.${side}`]}/transitions`,
    unitPath: path(UNIT[side]),
    body: { action: 'classify', complexity: 'simple' },
    judgedBy: 'qa.route',
    seenWith: 'qa.read',
  }),
  [routes.grantAnswerAuthorisation.id]: (side) => ({
    method: 'POST',
    path: '/answer-authorisations',
    unitPath: path(UNIT[side]),
    body: { officerId: fixtures[`target.${side}`], validFrom: '2026-01-01T00:00:00Z', validTo: '2026-06-01T00:00:00Z' },
  }),
  [routes.revokeAnswerAuthorisation.id]: (side) => ({
    method: 'POST',
    path: `/accounts/${fixtures[`target.${side}`]}/answer-authorisations/00000000-0000-4000-8000-000000000000/revoke`,
    unitPath: path(UNIT[side]),
  }),
  [routes.unitAnswerAuthorisations.id]: (side) => ({
    method: 'GET',
    path: `/units/${UNIT[side]}/answer-authorisations`,
    unitPath: path(UNIT[side]),
  }),
  [routes.getQuestionFigures.id]: (side) => ({
    method: 'GET',
    path: `/units/${UNIT[side]}/question-figures?from=2026-01-01&to=2026-01-31`,
    unitPath: path(UNIT[side]),
  }),
  [routes.jobs.id]: () => ({ method: 'GET', path: '/jobs', unitPath: province }),
  // The incident register is the province's; one incident is its unit's (its reporter, not the caller, reported it).
  [routes.listIncidents.id]: () => ({ method: 'GET', path: '/incidents', unitPath: province }),
  [routes.getIncident.id]: (side) => ({
    method: 'GET',
    path: `/incidents/${fixtures[`incident.${side}`]}`,
    unitPath: path(UNIT[side]),
  }),
  [routes.updateIncident.id]: (side) => ({
    method: 'POST',
    path: `/incidents/${fixtures[`incident.${side}`]}/timeline`,
    unitPath: path(UNIT[side]),
    body: { note: 'Ghi chú' },
  }),
  [routes.recordSecurityCheck.id]: () => ({
    method: 'POST',
    path: '/security-checks',
    unitPath: province,
    body: { performedAt: '2026-11-01T00:00:00Z', performedBy: 'Đội kiểm tra', scope: 'Cổng', findings: [] },
  }),
  [routes.listSecurityChecks.id]: () => ({ method: 'GET', path: '/security-checks', unitPath: province }),
  // Erasure on an authority's demand: the portal's chief only (repeating it is fine).
  [routes.eraseAskerDataOnDemand.id]: (side) => ({
    method: 'POST',
    path: `/questions/${fixtures[`question.${side}`]}/erasure`,
    unitPath: path(UNIT[side]),
    body: { demandReference: 'Công văn 1/CAT-PA05' },
  }),
  [routes.listReports.id]: (side) => ({
    method: 'GET',
    path: `/reports?unit=${UNIT[side]}`,
    unitPath: path(UNIT[side]),
  }),
  [routes.generateReport.id]: (side) => ({
    method: 'POST',
    path: '/reports',
    unitPath: path(UNIT[side]),
    body: { kind: 'ad-hoc', period: '2026-02-01..2026-02-28', unitCode: UNIT[side] },
  }),
  [routes.getReport.id]: (side) => ({
    method: 'GET',
    path: `/reports/${fixtures[`report.${side}`]}`,
    unitPath: path(UNIT[side]),
  }),
  [routes.updateReportText.id]: (side) => ({
    method: 'PATCH',
    path: `/reports/${fixtures[`report.${side}`]}/text`,
    unitPath: path(UNIT[side]),
    body: { sections: { assessment: 'Đánh giá thử' } },
    judgedBy: 'report.edit',
  }),
  [routes.transitionReport.id]: (side) => ({
    method: 'POST',
    path: `/reports/${fixtures[`approvable.${side}`]}/transitions`,
    unitPath: path(UNIT[side]),
    body: { action: 'approve' },
    judgedBy: 'report.approve',
  }),
  [routes.downloadReport.id]: (side) => ({
    method: 'GET',
    path: `/reports/${fixtures[`report.${side}`]}/download?format=csv`,
    unitPath: path(UNIT[side]),
  }),
  [routes.getRoyaltyTally.id]: (side) => ({
    method: 'GET',
    path: `/royalties/2026-Q1?unit=${UNIT[side]}`,
    unitPath: path(UNIT[side]),
  }),
  // Comments on a consultation (issue 28 #3): the board moderates its own tree's; another unit's are not found.
  [routes.listCommentsForModeration.id]: (side) => ({
    method: 'GET',
    path: `/consultations/${fixtures[`consultation.${side}`]}/comments`,
    unitPath: path(UNIT[side]),
    seenWith: 'consultation.moderate',
  }),
  [routes.moderateComment.id]: (side) => ({
    method: 'POST',
    path: `/consultation-comments/${fixtures[`comment.${side}`]}/moderation`,
    unitPath: path(UNIT[side]),
    body: { action: 'hide', reason: 'Nội dung không phù hợp' },
    seenWith: 'consultation.moderate',
  }),
  // Issue 28: a consultation read by staff, and a draft scheduled for comment.
  [routes.getStaffConsultation.id]: (side) => ({
    method: 'GET',
    path: `/consultations/${fixtures[`consultation.${side}`]}`,
    unitPath: path(UNIT[side]),
    seenWith: 'content.read',
  }),
  [routes.transitionConsultation.id]: (side) => ({
    method: 'POST',
    path: `/consultations/${fixtures[`draft.${side}`]}/transitions`,
    unitPath: path(UNIT[side]),
    body: {
      action: 'schedule',
      documentType: 'other-draft',
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 7_200_000).toISOString(),
    },
    judgedBy: 'consultation.manage',
  }),
  // Issue 28 §5–6: a unit's rating figures and texts; a planned suspension of a unit's portal.
  [routes.getRatingFigures.id]: (side) => ({
    method: 'GET',
    path: `/ratings/figures?unit=${UNIT[side]}&from=2026-01-01&to=2026-01-31`,
    unitPath: path(UNIT[side]),
  }),
  [routes.announcePlannedOutage.id]: (side) => ({
    method: 'POST',
    path: '/planned-outages',
    unitPath: path(UNIT[side]),
    body: {
      portal: UNIT[side],
      startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 60 * 86_400_000 + 3_600_000).toISOString(),
      affectedServices: ['portal'],
      notice: { vi: 'Bảo trì định kỳ' },
    },
  }),
};
/** Signed-in routes about the caller alone, with no unit to cross (an upload is declared, an incident reported, in the caller's own unit). */
const selfOnly = new Set<string>([
  routes.me.id,
  routes.changePassword.id,
  routes.createUpload.id,
  routes.reportIncident.id,
]);
/** Where "another unit" is refused as invalid input rather than forbidden (the deputy must be of the caller's own unit). */
const otherIsInvalid = new Set<string>([routes.grantDelegation.id, routes.grantAnswerAuthorisation.id]);

beforeAll(async () => {
  await seedTree();
  // Fixtures that don't depend on each other are made concurrently: the file's setup is mostly waiting on requests.
  const [, targetA, targetB, deputyA, deputyB, chiefB, provinceOperator, editorB, secretaryB] = await Promise.all([
    Promise.all(
      roles.map(
        async (role) => (people[role] = await person(local.api, `r.${role.replace(/-/g, '')}`, 'huyena', [role])),
      ),
    ),
    person(local.api, 'muc-tieu.a', 'huyena', ['unit-officer']),
    person(local.api, 'muc-tieu.b', 'huyenb', ['unit-officer']),
    person(local.api, 'pho.a', 'huyena', ['deputy-editor']),
    person(local.api, 'pho.b', 'huyenb', ['deputy-editor']),
    person(local.api, 'truong.b', 'huyenb', ['chief-editor']),
    person(local.api, 'admin', 'demo', ['operator']),
    person(local.api, 'bientap.b', 'huyenb', ['editor']),
    person(local.api, 'thuky.b', 'huyenb', ['secretary']),
  ]);
  Object.assign(fixtures, {
    'target.own': targetA.id,
    'target.other': targetB.id,
    'deputy.own': deputyA.id,
    'deputy.other': deputyB.id,
  });
  const reportIncident = async (who: Person) => {
    const res = await local.api('/incidents', {
      method: 'POST',
      headers: { ...bearer(who), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Sự cố thử', description: 'Mô tả', severity: 'low', affectedServices: ['other'] }),
    });
    return ((await res.json()) as { id: string }).id;
  };
  const grant = async (chief: Person, deputyId: string) => {
    const res = await local.api('/delegations', {
      method: 'POST',
      headers: { ...bearer(chief), 'content-type': 'application/json' },
      body: JSON.stringify({
        deputyId,
        actions: ['content.approve'],
        validFrom: '2026-01-01T00:00:00Z',
        validTo: '2026-12-01T00:00:00Z',
      }),
    });
    return ((await res.json()) as { id: string }).id;
  };
  const register = async (unitCode: string) => {
    const res = await local.api('/machine-clients', {
      method: 'POST',
      headers: { ...bearer(provinceOperator), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Hệ thống', unitCode, scopes: ['portal/read'] }),
    });
    return ((await res.json()) as { client: { clientId: string } }).client.clientId;
  };
  const declareUpload = async (who: Person) => {
    const res = await local.api('/uploads', {
      method: 'POST',
      headers: { ...bearer(who), 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'dinh-kem.pdf', contentType: 'application/pdf', size: 100 }),
    });
    return ((await res.json()) as { uploadId: string }).uploadId;
  };
  const draft = async (unitCode: string) => {
    const writer = await person(local.api, `ctv.${unitCode}`, unitCode, ['contributor']);
    const res = await local.api(`/units/${unitCode}/content`, {
      method: 'POST',
      headers: { ...bearer(writer), 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'news', language: 'vi', title: 'Bản nháp', body: '<p>Nội dung</p>' }),
    });
    return ((await res.json()) as { id: string }).id;
  };
  // Items in editing (version 3) and published, on each side, for the edit and syndication routes.
  const board = {
    huyena: { secretary: people.secretary!, chief: people['chief-editor']! },
    huyenb: { secretary: secretaryB, chief: chiefB },
  };
  const taken = async (unitCode: 'huyena' | 'huyenb', until: 'editing' | 'published', category = 'news', tag = '') => {
    const writer = await person(local.api, `ctv.${until}${tag}.${unitCode}`, unitCode, ['contributor']);
    const created = await local.api(`/units/${unitCode}/content`, {
      method: 'POST',
      headers: { ...bearer(writer), 'content-type': 'application/json' },
      body: JSON.stringify({
        category,
        language: 'vi',
        title: 'Tin thử',
        body: '<p>Nội dung</p>',
        submit: true,
      }),
    });
    const id = ((await created.json()) as { id: string }).id;
    const { secretary, chief } = board[unitCode];
    const steps: Array<[Person, string]> =
      until === 'editing'
        ? [[secretary, 'accept']]
        : [
            [secretary, 'accept'],
            [secretary, 'propose'],
            [chief, 'approve'],
            [secretary, 'publish'],
          ];
    for (const [who, action] of steps) {
      const res = await local.api(`/content/${id}/transitions`, {
        method: 'POST',
        headers: { ...bearer(who), 'content-type': 'application/json' },
        body: JSON.stringify({ action }),
      });
      if (res.status !== 200)
        throw new Error(`${action} of the ${unitCode} fixture: ${res.status} ${await res.text()}`);
    }
    return id;
  };
  const ask = async (portal: string) => {
    const res = await local.api(`/public/portals/${portal}/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        asker: {
          kind: 'individual',
          fullName: 'Người hỏi',
          nationality: 'Việt Nam',
          address: 'Xã A',
          phone: '0900000000',
        },
        field: 'other',
        title: 'Câu hỏi thử nghiệm',
        text: `Xin hỏi về việc thử nghiệm cổng của ${portal}`,
        consent: { processing: true, publication: false },
      }),
    });
    return ((await res.json()) as { trackingCode: string }).trackingCode;
  };
  // A consultation open now on each side, and a comment on it (the public route, as anyone comments).
  const consultationOf = (unitCode: string) =>
    seedConsultation({
      unitCode,
      unitPath: [unitCode, 'demo'],
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
  const consultations = { huyena: consultationOf('huyena'), huyenb: consultationOf('huyenb') };
  const commentOn = async (unitCode: 'huyena' | 'huyenb') => {
    const { id } = await consultations[unitCode];
    const res = await local.api(`/public/portals/${unitCode}/consultations/${id}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        commenter: {
          kind: 'individual',
          fullName: 'Người góp ý',
          nationality: 'Việt Nam',
          address: 'Xã A',
          phone: '0900000001',
        },
        article: 1,
        text: 'Đề nghị làm rõ phạm vi điều chỉnh của dự thảo.',
        consent: { processing: true, publication: true },
      }),
    });
    return ((await res.json()) as { code: string }).code;
  };
  const systemReport = (unitCode: string, from: string, to: string) =>
    createReportAsSystem(
      reportServices(local.stack().services, local.clients().s3),
      reportKindOf('national', 'ad-hoc'),
      unitCode,
      adHocPeriod(from, to),
      new Date(),
    );
  const made = {
    'incident.own': reportIncident(targetA),
    'incident.other': reportIncident(targetB),
    'client.own': register('huyena'),
    'client.other': register('huyenb'),
    'upload.own': declareUpload(people.editor!),
    'upload.other': declareUpload(editorB),
    'delegation.own': grant(people['chief-editor']!, deputyA.id),
    'delegation.other': grant(chiefB, deputyB.id),
    'content.own': draft('huyena'),
    'content.other': draft('huyenb'),
    'editing.own': taken('huyena', 'editing'),
    'editing.other': taken('huyenb', 'editing'),
    'published.own': taken('huyena', 'published'),
    'published.other': taken('huyenb', 'published'),
    'draft.own': taken('huyena', 'published', 'draft-for-comment', '.duthao'),
    'draft.other': taken('huyenb', 'published', 'draft-for-comment', '.duthao'),
    'question.own': ask('huyena'),
    'question.other': ask('huyenb'),
    // Reports the platform generated: one whose text each role may write, one each role may try to approve.
    'report.own': systemReport('huyena', '2026-01-01', '2026-01-31'),
    'report.other': systemReport('huyenb', '2026-01-01', '2026-01-31'),
    'approvable.own': systemReport('huyena', '2026-03-01', '2026-03-31'),
    'approvable.other': systemReport('huyenb', '2026-03-01', '2026-03-31'),
    'consultation.own': consultations.huyena.then((c) => c.id),
    'consultation.other': consultations.huyenb.then((c) => c.id),
    'comment.own': commentOn('huyena'),
    'comment.other': commentOn('huyenb'),
  };
  const ids = await Promise.all(Object.values(made));
  Object.keys(made).forEach((name, i) => (fixtures[name] = ids[i]!));
}, 120_000);

describe('tenant isolation', () => {
  it('covers every non-public route', () => {
    const signedIn = allRoutes.filter((r) => r.auth !== 'public').map((r) => r.id);
    expect(signedIn.filter((id) => !cases[id] && !selfOnly.has(id))).toEqual([]);
  });

  it.each(roles.map((role) => [role]))(
    '%s in district A reaches its own unit only as the rule table says, never district B',
    async (role) => {
      const caller = people[role as Role]!;
      const failures: string[] = [];
      // A route's two sides touch different units, so they are called together; routes stay in order.
      for (const route of allRoutes.filter((r) => cases[r.id])) {
        await Promise.all(
          (['own', 'other'] as const).map(async (side) => {
            const request = cases[route.id]!(side, role as Role);
            const res = await local.api(request.path, {
              method: request.method,
              headers: {
                ...bearer(caller),
                ...(request.body ? { 'content-type': 'application/json' } : {}),
                ...request.headers,
              },
              ...(request.body ? { body: JSON.stringify(request.body) } : {}),
            });
            const text = await res.text();
            const allowed = can(
              { id: caller.id, kind: 'user', unitCode: 'huyena', roles: [role as Role], delegations: [] },
              request.judgedBy ?? (route as { action?: Action }).action!,
              request.unitPath,
              new Date(),
            );
            const label = `${route.id} ${side} → ${res.status}`;
            if (side === 'other') {
              const expected = otherIsInvalid.has(route.id) ? [400, 403] : [403, 404];
              if (!expected.includes(res.status))
                failures.push(`${label} (expected ${expected.join('/')}) ${text.slice(0, 200)}`);
              if (text.includes('muc-tieu.b') || text.includes('pho.b'))
                failures.push(`${label} leaks district B data`);
            } else if (allowed && (res.status === 401 || res.status === 403)) {
              failures.push(`${label} (the rule table allows it)`);
            } else if (
              !allowed &&
              res.status !== 403 &&
              !(
                res.status === 404 &&
                request.seenWith &&
                !can(
                  { id: caller.id, kind: 'user', unitCode: 'huyena', roles: [role as Role], delegations: [] },
                  request.seenWith,
                  request.unitPath,
                  new Date(),
                )
              )
            ) {
              failures.push(`${label} (the rule table forbids it)`);
            }
          }),
        );
      }
      expect(failures).toEqual([]);
    },
  );
});
