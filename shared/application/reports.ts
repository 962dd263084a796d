import { createHash } from 'node:crypto';
import { auditEntry } from '../domain/audit';
import { requireAccess } from '../domain/access/authorize';
import { DomainError, invalidField } from '../domain/errors';
import { reportKindOf, kindsOfPreset, type ReportKind } from '../domain/reports/kinds';
import { dueAtOf, lastClosedPeriod, periodOf, type Period } from '../domain/reports/periods';
import { reportFigures, type ReportFigures } from '../domain/reports/figures';
import { royaltyTally, zeroRoyaltyRates, type RoyaltyTally } from '../domain/reports/royalties';
import { decide } from '../domain/workflow/engine';
import { reportWorkflow, type ReportAction, type ReportWorkflowItem } from '../domain/reports/workflow';
import { operationsPolicy } from '../domain/operations/policy';
import { pendingEvent } from '../../events/catalogue';
import type { S3Client } from '@aws-sdk/client-s3';
import { ReportFactsReader } from '../adapters/dynamo/report-facts';
import { ReportRepository, type ReportRecord } from '../adapters/dynamo/reports';
import { reportFiguresKey, ReportStorage } from '../adapters/s3/report-storage';
import { applyTransition } from './workflow-transitions';
import { deploymentPolicy } from './deployment-policy';
import { commitContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/**
 * Reports (issue 27 §3): generated on demand or on schedule from frozen facts only, stored as a
 * draft whose figures live in S3 with their SHA-256 digest, written (free-text sections, audited),
 * approved by the head of the reporting body (never whoever generated or edited it), and sent with
 * a number and date. Each step commits the item, its audit entry and its event together.
 */
export type StoredFigures =
  | { readonly kind: 'figures'; readonly figures: ReportFigures }
  | { readonly kind: 'royalties'; readonly tally: RoyaltyTally };

/** What the reports' use cases need: the root's services and the reports' own adapters (their figures live in S3). */
export type ReportServices = Pick<Services, 'config' | 'units' | 'uow' | 'calendar'> & {
  readonly reports: ReportRepository;
  readonly facts: ReportFactsReader;
  readonly storage: ReportStorage;
};

/** The reports' adapters over a root's services; `s3` is the root's client (only the report functions use S3 here). */
export const reportServices = (s: Services, s3: S3Client): ReportServices => ({
  config: s.config,
  units: s.units,
  uow: s.uow,
  calendar: s.calendar,
  reports: new ReportRepository(s.db, s.table),
  facts: new ReportFactsReader(s.db, s.table),
  storage: new ReportStorage(s3, s.config.MEDIA_BUCKET),
});

export interface StoredReport {
  readonly record: ReportRecord;
  readonly kind: ReportKind;
  readonly content: StoredFigures;
}

const preset = (s: ReportServices) => s.config.POLICY_PRESET;
export const reportKinds = (s: ReportServices) => kindsOfPreset(preset(s));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const actorOf = (ctx: UseCaseContext) => ({ id: ctx.principal.id, kind: ctx.principal.kind });

async function unitPathOf(s: ReportServices, code: string): Promise<string[]> {
  const path = await s.units.scopeOf(code);
  if (path.length === 0) throw new DomainError('not_found', { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` });
  return path;
}

/** The figures of a kind for a closed period, from the facts of the unit and every unit below it. */
export async function figuresFor(
  s: ReportServices,
  kind: ReportKind,
  unitCode: string,
  period: Period,
): Promise<StoredFigures> {
  const { facts } = s;
  const units = await facts.unitTree(unitCode);
  if (kind.figures.includes('royalties')) {
    const attributions = await facts.attributions(
      units.map((u) => u.code),
      period.id,
    );
    return {
      kind: 'royalties',
      tally: royaltyTally(period.id, attributions, s.config.ROYALTY_RATES ?? zeroRoyaltyRates),
    };
  }
  const [unitFacts, operations] = await Promise.all([
    Promise.all(units.map((u) => facts.unitFacts(u, period))),
    facts.operations(period, operationsPolicy(preset(s)).restoreLimitHours),
  ]);
  return { kind: 'figures', figures: reportFigures(unitFacts, operations, period) };
}

export interface GenerateInput {
  readonly kind: string;
  readonly period: string;
  readonly unitCode?: string | undefined;
}

export async function generateReport(
  s: ReportServices,
  ctx: UseCaseContext,
  input: GenerateInput,
): Promise<StoredReport> {
  const kind = reportKindOf(preset(s), input.kind);
  const unitCode = input.unitCode ?? ctx.principal.unitCode;
  const unitPath = await unitPathOf(s, unitCode);
  requireAccess(ctx.principal, 'report.generate', unitPath, ctx.now);
  return createReport(
    s,
    ctx,
    kind,
    unitCode,
    unitPath,
    periodOf(kind.period, input.period, kind.adHoc === true),
    'on-demand',
  );
}

/**
 * The scheduled run (events/schedules.ts `generate-reports`): for each periodic kind of the preset,
 * the provincial portal's report of the last period whose cut-off has passed, unless it exists. The
 * platform generates it (audited as `system`), so anyone entitled may approve it.
 */
export async function generateDueReports(
  s: ReportServices,
  now: Date,
  runId: string,
): Promise<Record<string, string | number>> {
  const province = s.config.PROVINCE_CODE;
  const summary: Record<string, string | number> = { generated: 0, existing: 0 };
  // TG 22.7: a sub-portal's report is its own board's; every unit below the province runs one.
  let subPortals: string[] | undefined;
  for (const kind of reportKinds(s).filter((k) => !k.adHoc)) {
    const period = lastClosedPeriod(kind.period, now);
    const filers =
      kind.filedBy === 'sub-portals'
        ? (subPortals ??= (await s.facts.unitTree(province)).slice(1).map((u) => u.code))
        : [province];
    for (const unitCode of filers) {
      if (await s.reports.get(reportIdOf(kind, period, unitCode))) {
        summary.existing = Number(summary.existing) + 1;
        continue;
      }
      const ctx: UseCaseContext = {
        principal: { id: 'system', kind: 'system', unitCode, roles: [], delegations: [] },
        requestId: `job-${runId}-${unitCode}`,
        now,
      };
      await createReport(s, ctx, kind, unitCode, await unitPathOf(s, unitCode), period, 'schedule');
      summary.generated = Number(summary.generated) + 1;
      summary[kind.id] = period.id;
    }
  }
  return summary;
}

const reportIdOf = (kind: ReportKind, period: Period, unitCode: string) => `${kind.id}.${period.id}.${unitCode}`;

/** A report the platform generates (demo data, scheduled runs), unless it exists; its id. */
export async function createReportAsSystem(
  s: ReportServices,
  kind: ReportKind,
  unitCode: string,
  period: Period,
  now: Date,
): Promise<string> {
  const id = reportIdOf(kind, period, unitCode);
  if (await s.reports.get(id)) return id;
  const ctx: UseCaseContext = {
    principal: { id: 'system', kind: 'system', unitCode, roles: [], delegations: [] },
    requestId: `system-${id}`,
    now,
  };
  await createReport(s, ctx, kind, unitCode, await unitPathOf(s, unitCode), period, 'schedule');
  return id;
}

async function createReport(
  s: ReportServices,
  ctx: UseCaseContext,
  kind: ReportKind,
  unitCode: string,
  unitPath: readonly string[],
  period: Period,
  trigger: 'on-demand' | 'schedule',
): Promise<StoredReport> {
  if (Date.parse(period.endsAt) > ctx.now.getTime()) {
    throw invalidField(
      'period',
      {
        vi: `Kỳ ${period.id} chưa kết thúc (chốt số liệu lúc ${period.endsAt})`,
        en: `Period ${period.id} has not ended (cut-off ${period.endsAt})`,
      },
      'period_open',
    );
  }
  const id = reportIdOf(kind, period, unitCode);
  const content = await figuresFor(s, kind, unitCode, period);
  const bytes = new TextEncoder().encode(
    JSON.stringify({ report: id, reportKind: kind.id, preset: kind.preset, unitCode, period, ...content }),
  );
  const digest = sha256(bytes);
  const { reports, storage } = s;
  const figuresKey = reportFiguresKey(unitCode, id);
  const existing = await reports.get(id);
  if (existing)
    throw new DomainError('conflict', { vi: `Báo cáo ${id} đã được tạo`, en: `Report ${id} exists already` }, [
      {
        field: 'period',
        code: 'exists',
        message: { vi: `Báo cáo ${id} đã được tạo`, en: `Report ${id} exists already` },
      },
    ]);
  // The figures are stored before the item names them: a failed commit leaves an unnamed object version, never a report without figures.
  const figuresVersionId = await storage.put(figuresKey, bytes, digest);
  const at = ctx.now.toISOString();
  const record: ReportRecord = {
    id,
    unitCode,
    unitPath: [...unitPath],
    kind: kind.id,
    preset: kind.preset,
    citation: kind.citation,
    title: kind.title.vi,
    period,
    dueAt: dueAtOf(kind.due, period),
    state: 'draft',
    version: 1,
    openClocks: [],
    trigger,
    generatedBy: ctx.principal.id,
    generatedAt: at,
    editors: [],
    sections: {},
    figuresKey,
    ...(figuresVersionId !== undefined && { figuresVersionId }),
    digest,
  };
  await s.uow.commit(
    {
      actions: [reports.create(record)],
      audits: [
        auditEntry(
          {
            scope: unitCode,
            actor: actorOf(ctx),
            action: 'report.generate',
            target: { type: 'Report', id },
            before: null,
            after: { state: 'draft', version: 1, period: period.id, digest, trigger },
            requestId: ctx.requestId,
          },
          ctx.now,
        ),
      ],
      events: [
        pendingEvent('ReportGenerated', {
          id,
          kind: kind.id,
          period: period.id,
          unitCode,
          version: 1,
          digest,
          actor: actorOf(ctx),
          at,
        }),
      ],
    },
    commitContext(ctx),
  );
  return { record, kind, content };
}

async function readable(
  s: ReportServices,
  ctx: UseCaseContext,
  id: string,
  action: 'report.read' | 'report.edit',
): Promise<ReportRecord> {
  const record = await s.reports.get(id);
  if (!record) throw new DomainError('not_found', { vi: `Không có báo cáo ${id}`, en: `No report ${id}` });
  requireAccess(ctx.principal, action, record.unitPath, ctx.now);
  return record;
}

/** The report with its stored figures, checked against the digest it was generated with. */
export async function getReport(s: ReportServices, ctx: UseCaseContext, id: string): Promise<StoredReport> {
  const record = await readable(s, ctx, id, 'report.read');
  const bytes = await s.storage.get(record.figuresKey, record.figuresVersionId);
  if (sha256(bytes) !== record.digest) throw new Error(`Stored figures of report ${id} do not match their digest`);
  const stored = JSON.parse(new TextDecoder().decode(bytes)) as StoredFigures;
  const content: StoredFigures =
    stored.kind === 'royalties'
      ? { kind: 'royalties', tally: stored.tally }
      : { kind: 'figures', figures: stored.figures };
  return { record, kind: reportKindOf(record.preset, record.kind), content };
}

export async function listReports(
  s: ReportServices,
  ctx: UseCaseContext,
  unitCode: string | undefined,
  limit: number,
  cursor?: string,
) {
  const code = unitCode ?? ctx.principal.unitCode;
  requireAccess(ctx.principal, 'report.read', await unitPathOf(s, code), ctx.now);
  return s.reports.ofUnit(code, limit, cursor);
}

/** Writes free-text sections of a draft (others keep their text); the writer may no longer approve it. */
export async function updateReportText(
  s: ReportServices,
  ctx: UseCaseContext,
  id: string,
  sections: Readonly<Record<string, string>>,
  expectedVersion?: number,
): Promise<ReportRecord> {
  const record = await readable(s, ctx, id, 'report.edit');
  const kind = reportKindOf(record.preset, record.kind);
  const known = new Set(kind.sections.map((s) => s.id));
  for (const section of Object.keys(sections)) {
    if (!known.has(section))
      throw invalidField(
        `sections.${section}`,
        {
          vi: `Báo cáo ${kind.id} không có phần "${section}" (có: ${[...known].join(', ')})`,
          en: `Report ${kind.id} has no section "${section}" (it has: ${[...known].join(', ')})`,
        },
        'unknown_section',
      );
  }
  if (expectedVersion !== undefined && expectedVersion !== record.version) {
    throw new DomainError('precondition_failed', {
      vi: `Báo cáo ${id} đã thay đổi từ phiên bản ${expectedVersion}`,
      en: `Report ${id} changed since version ${expectedVersion}`,
    });
  }
  if (record.state !== 'draft') {
    const message = {
      vi: `Báo cáo ${id} không còn là dự thảo (${record.state}): mở lại trước khi sửa`,
      en: `Report ${id} is no longer a draft (${record.state}): reopen it first`,
    };
    throw new DomainError('conflict', message, [{ field: 'state', code: 'not_draft', message }]);
  }
  const next = Object.fromEntries(
    Object.entries({ ...record.sections, ...sections }).filter(([, text]) => text.trim() !== ''),
  );
  const changed = Object.keys(sections).filter((s) => (record.sections[s] ?? '') !== (next[s] ?? ''));
  const at = ctx.now.toISOString();
  const version = record.version + 1;
  await s.uow.commit(
    {
      actions: [s.reports.updateText(record, next, ctx.principal.id, at, expectedVersion !== undefined)],
      audits: [
        auditEntry(
          {
            scope: record.unitCode,
            actor: actorOf(ctx),
            action: 'report.edit-text',
            target: { type: 'Report', id },
            before: {
              version: record.version,
              sections: Object.fromEntries(changed.map((s) => [s, record.sections[s] ?? ''])),
            },
            after: { version, sections: Object.fromEntries(changed.map((s) => [s, next[s] ?? ''])) },
            requestId: ctx.requestId,
          },
          ctx.now,
        ),
      ],
      events: [
        pendingEvent('ReportTextUpdated', {
          id,
          kind: record.kind,
          period: record.period.id,
          unitCode: record.unitCode,
          version,
          digest: record.digest,
          sections: changed,
          actor: actorOf(ctx),
          at,
        }),
      ],
    },
    commitContext(ctx),
  );
  return {
    ...record,
    sections: next,
    version,
    editors: record.editors.includes(ctx.principal.id) ? record.editors : [...record.editors, ctx.principal.id],
  };
}

export interface TransitionInput {
  readonly action: ReportAction;
  readonly reason?: string | undefined;
  readonly number?: string | undefined;
  readonly sentOn?: string | undefined;
}

export async function transitionReport(
  s: ReportServices,
  ctx: UseCaseContext,
  id: string,
  input: TransitionInput,
  expectedVersion?: number,
): Promise<ReportRecord> {
  const record = await readable(s, ctx, id, 'report.read');
  if (input.action === 'send' && input.number === undefined) {
    throw invalidField(
      'number',
      { vi: 'Cần số văn bản của báo cáo (ví dụ 12/BC-BBT)', en: 'Give the report’s document number (e.g. 12/BC-BBT)' },
      'required',
    );
  }
  const aggregate: ReportWorkflowItem = {
    id,
    state: record.state,
    version: record.version,
    unitPath: record.unitPath,
    openClocks: [],
    // Who generated it and who wrote its text took part: none of them approves it (the engine's one rule).
    participants: [
      { id: record.generatedBy, role: 'creator' },
      ...record.editors.map((editor) => ({ id: editor, role: 'editor' as const })),
    ],
  };
  const at = ctx.now.toISOString();
  const set: Record<string, unknown> = { updatedAt: at };
  if (input.action === 'approve') Object.assign(set, { approvedBy: ctx.principal.id, approvedAt: at });
  if (input.action === 'send')
    Object.assign(set, { number: input.number, sentOn: input.sentOn ?? at.slice(0, 10), sentAt: at });
  const decision = decide(
    reportWorkflow,
    aggregate,
    input.action,
    {
      ...(input.reason !== undefined && { reason: input.reason }),
      ...(expectedVersion !== undefined && { expectedVersion }),
    },
    ctx,
  );
  if (!decision.ok) throw decision.error;
  const applied = await applyTransition(ctx, decision.value, {
    uow: s.uow,
    deadlines: s.calendar.deadlines,
    policy: deploymentPolicy(s.config),
    writes: (due) => s.reports.stepWrites(decision.value, set, due),
  });
  return { ...record, ...set, state: applied.plan.to, version: applied.plan.nextVersion } as ReportRecord;
}

/** The royalty tally of a quarter for a unit and the units below it (read-only, from the frozen attributions). */
export async function royaltyTallyOf(
  s: ReportServices,
  ctx: UseCaseContext,
  quarter: string,
  unitCode?: string,
): Promise<RoyaltyTally> {
  const code = unitCode ?? ctx.principal.unitCode;
  requireAccess(ctx.principal, 'report.read', await unitPathOf(s, code), ctx.now);
  const kind = reportKindOf(preset(s), 'royalty-quarterly', 'quarter');
  const period = periodOf(kind.period, quarter, false, 'quarter');
  const content = await figuresFor(s, kind, code, period);
  return (content as Extract<StoredFigures, { kind: 'royalties' }>).tally;
}
