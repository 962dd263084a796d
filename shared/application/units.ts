import type { Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import { nfc } from '../domain/text';
import {
  assertDistinctParts,
  assertLevelAllowed,
  assertMergeable,
  assertOffices,
  assertParentAllowed,
  assertSlugAllowed,
  assertSplitKind,
  defaultSlugOf,
  domainOf,
  mayHaveChildren,
  type Office,
  type Unit,
  type UnitKind,
} from '../domain/units/unit';
import { conventionsOf } from '../domain/policies/conventions';
import type { UnitChange } from '../adapters/dynamo/units';
import type { WriteAction } from '../adapters/dynamo/unit-of-work';
import { commitContext, systemActor, type BootstrapContext, type UseCaseContext } from './context';
import type { Services } from '../composition/services';

/** Creating, renaming, merging and splitting units; every change audited, history kept. */
export interface NewUnit {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly kind: UnitKind;
  readonly parentCode: string | null;
  readonly slug?: string;
  readonly languages?: readonly string[];
  readonly offices?: readonly Office[];
}

/** What the deployment's preset says about units: how many levels, whether offices exist (NA 1.2a, 10.2d). */
const conventions = (s: Services) => conventionsOf(s.config.POLICY_PRESET);

/** Children whose domains follow a renamed parent are updated this many per transaction (3 actions each). */
const CASCADE_CHUNK = 30;

const notFound = (code: string, field = 'code') =>
  invalidField(field, { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` }, 'not_found');

async function pathOf(s: Services, code: string, field?: string): Promise<Unit[]> {
  const path = await s.units.path(code);
  if (path.length === 0)
    throw field
      ? notFound(code, field)
      : new DomainError('not_found', { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` });
  return path;
}

const codes = (path: readonly Unit[]) => path.map((u) => u.code);

function audit(
  ctx: { principal: Principal; requestId: string; now: Date },
  action: string,
  unit: string,
  before: unknown,
  after: unknown,
) {
  return auditEntry(
    {
      scope: unit,
      actor: { id: ctx.principal.id, kind: ctx.principal.kind },
      action,
      target: { type: 'Unit', id: unit },
      before,
      after,
      requestId: ctx.requestId,
    },
    ctx.now,
  );
}

const changeActions = (s: Services, changes: readonly UnitChange[]): WriteAction[] =>
  changes.flatMap((c) => s.units.change(c));

function buildUnit(s: Services, input: NewUnit, ancestors: readonly Unit[], field = 'body'): Unit {
  assertLevelAllowed(input.kind, conventions(s).levels, `${field}.kind`);
  assertOffices(input.offices, conventions(s).offices, `${field}.offices`);
  const slug = input.slug ?? defaultSlugOf(input.kind, input.name.vi);
  if (!/^[a-z0-9]{1,40}$/.test(slug)) {
    throw invalidField('slug', {
      vi: 'Không tạo được tên miền từ tên đơn vị; hãy nhập slug',
      en: 'Cannot derive a domain label from the name; give a slug',
    });
  }
  if (input.kind !== 'province') assertSlugAllowed(slug);
  const domain = input.kind === 'province' ? s.config.PROVINCE_DOMAIN : domainOf(input.kind, slug, ancestors);
  return {
    code: input.code,
    name: { vi: nfc(input.name.vi), en: nfc(input.name.en) },
    kind: input.kind,
    parentCode: input.parentCode,
    ancestorCodes: codes(ancestors),
    slug,
    domain,
    languages: input.languages ?? ['vi', 'en'],
    status: 'active',
    formerDomains: [],
    ...(input.offices && {
      offices: input.offices.map((o) => ({ slug: o.slug, name: { vi: nfc(o.name.vi), en: nfc(o.name.en) } })),
    }),
    version: 1,
  };
}

export async function createUnit(s: Services, ctx: UseCaseContext | BootstrapContext, input: NewUnit): Promise<Unit> {
  const ancestors = input.parentCode ? await pathOf(s, input.parentCode, 'parentCode') : [];
  if (ctx.principal !== 'bootstrap') requireAccess(ctx.principal, 'unit.manage', codes(ancestors), ctx.now);
  assertParentAllowed(input.kind, ancestors[0]);
  const unit = buildUnit(s, input, ancestors);
  const actor = ctx.principal === 'bootstrap' ? systemActor(unit.code) : ctx.principal;
  await s.uow.commit(
    {
      actions: changeActions(s, [
        {
          unit,
          expectedVersion: 0,
          history: {
            at: ctx.now.toISOString(),
            event: 'created',
            detail: { name: unit.name, parentCode: unit.parentCode },
          },
          claimDomains: [unit.domain],
        },
      ]),
      audits: [audit({ ...ctx, principal: actor }, 'unit.create', unit.code, null, unit)],
    },
    commitContext(ctx),
  );
  return unit;
}

/** Follows merges and splits to the unit that carries the work now. */
export async function resolveUnit(s: Services, code: string): Promise<{ requested: Unit; current: Unit }> {
  const { units } = s;
  const requested = await units.get(code);
  if (!requested) throw new DomainError('not_found', { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` });
  let current = requested;
  for (let hops = 0; current.successorCode && hops < 10; hops++) {
    const next = await units.get(current.successorCode);
    if (!next) break;
    current = next;
  }
  return { requested, current };
}

/**
 * Renames a unit. A new label changes the domains of the units below it (a district's
 * communes): the unit commits first, then its descendants follow in bounded transactions, each
 * with their history. Repeating the request finishes a cascade that was interrupted.
 */
export async function renameUnit(
  s: Services,
  ctx: UseCaseContext,
  code: string,
  change: { name: { vi: string; en: string }; slug?: string; offices?: readonly Office[] },
  expectedVersion: number | undefined,
): Promise<Unit> {
  const path = await pathOf(s, code);
  const unit = path[0]!;
  requireAccess(ctx.principal, 'unit.manage', codes(path), ctx.now);
  if (unit.status !== 'active')
    throw new DomainError('conflict', {
      vi: `Đơn vị ${code} không còn hoạt động`,
      en: `Unit ${code} is no longer active`,
    });
  if (expectedVersion !== undefined && expectedVersion !== unit.version) {
    throw new DomainError('precondition_failed', {
      vi: `Đơn vị đã thay đổi (phiên bản ${unit.version})`,
      en: `The unit changed (version ${unit.version})`,
    });
  }
  assertOffices(change.offices, conventions(s).offices);
  const slug = change.slug ?? unit.slug;
  if (slug !== unit.slug && unit.kind !== 'province') assertSlugAllowed(slug);
  const domain = unit.kind === 'province' ? unit.domain : domainOf(unit.kind, slug, path.slice(1));
  const renamed: Unit = {
    ...unit,
    name: { vi: nfc(change.name.vi), en: nfc(change.name.en) },
    slug,
    domain,
    ...(change.offices && {
      offices: change.offices.map((o) => ({ slug: o.slug, name: { vi: nfc(o.name.vi), en: nfc(o.name.en) } })),
    }),
    formerDomains: domain === unit.domain ? unit.formerDomains : [...unit.formerDomains, unit.domain],
    version: unit.version + 1,
  };
  await s.uow.commit(
    {
      actions: changeActions(s, [
        {
          unit: renamed,
          expectedVersion: unit.version,
          ifMatch: expectedVersion !== undefined,
          history: {
            at: ctx.now.toISOString(),
            event: 'renamed',
            detail: { from: unit.name, to: renamed.name, fromDomain: unit.domain, toDomain: domain },
          },
          claimDomains: domain === unit.domain ? [] : [domain],
        },
      ]),
      audits: [audit(ctx, 'unit.rename', code, unit, renamed)],
    },
    commitContext(ctx),
  );
  await cascadeDomains(s, ctx, [renamed, ...path.slice(1)]);
  return renamed;
}

/** Brings the domains of every active unit below `path[0]` in line with it, chunk by chunk. */
async function cascadeDomains(s: Services, ctx: UseCaseContext, path: readonly Unit[]): Promise<number> {
  const { units, uow } = s;
  const parent = path[0]!;
  let updated = 0;
  let cursor: string | undefined;
  do {
    const page = await units.children(parent.code, 100, cursor);
    const moved = page.items
      .filter((c) => c.status === 'active')
      .map((child) => ({ child, domain: domainOf(child.kind, child.slug, path) }))
      .filter(({ child, domain }) => child.domain !== domain);
    for (let i = 0; i < moved.length; i += CASCADE_CHUNK) {
      const changes: UnitChange[] = moved.slice(i, i + CASCADE_CHUNK).map(({ child, domain }) => ({
        unit: { ...child, domain, formerDomains: [...child.formerDomains, child.domain], version: child.version + 1 },
        expectedVersion: child.version,
        history: {
          at: ctx.now.toISOString(),
          event: 'renamed',
          detail: { fromDomain: child.domain, toDomain: domain, because: parent.code },
        },
        claimDomains: [domain],
      }));
      await uow.commit({ actions: changeActions(s, changes) }, commitContext(ctx));
      updated += changes.length;
      // Only units that may have units below them are looked into: a district's communes cost no read each.
      for (const { unit } of changes)
        if (mayHaveChildren(unit.kind)) updated += await cascadeDomains(s, ctx, [unit, ...path]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return updated;
}

/**
 * Merges `sources` into `target` (QN 11.5): the sources stop, name the target as successor, and
 * their open work and accounts move to it. Repeating the call finishes an interrupted move.
 */
export async function mergeUnits(s: Services, ctx: UseCaseContext, sources: readonly string[], targetCode: string) {
  const { principal, now } = ctx;
  const targetPath = await pathOf(s, targetCode, 'into');
  const target = targetPath[0]!;
  requireAccess(principal, 'unit.manage', codes(targetPath), now);
  if (target.status !== 'active')
    throw invalidField('into', {
      vi: `Đơn vị ${targetCode} không còn hoạt động`,
      en: `Unit ${targetCode} is no longer active`,
    });
  const changes: UnitChange[] = [];
  const audits = [];
  for (const code of sources) {
    if (code === targetCode)
      throw invalidField('sources', {
        vi: 'Không thể sáp nhập đơn vị vào chính nó',
        en: 'A unit cannot merge into itself',
      });
    const path = await pathOf(s, code, 'sources');
    const source = path[0]!;
    requireAccess(principal, 'unit.manage', codes(path), now);
    assertMergeable(codes(path), codes(targetPath), 'sources');
    if (source.status === 'merged' && source.successorCode === targetCode) continue; // resumed call
    if (source.status !== 'active')
      throw invalidField('sources', {
        vi: `Đơn vị ${code} không còn hoạt động`,
        en: `Unit ${code} is no longer active`,
      });
    const merged: Unit = { ...source, status: 'merged', successorCode: targetCode, version: source.version + 1 };
    changes.push({
      unit: merged,
      expectedVersion: source.version,
      history: { at: now.toISOString(), event: 'merged-into', detail: { into: targetCode } },
    });
    audits.push(audit(ctx, 'unit.merge', code, source, merged));
  }
  if (changes.length > 0) {
    changes.push({
      unit: { ...target, version: target.version + 1 },
      expectedVersion: target.version,
      history: { at: now.toISOString(), event: 'absorbed', detail: { from: changes.map((c) => c.unit.code) } },
    });
    // At most 20 sources (the API's bound): 3 actions each, well inside one transaction.
    await s.uow.commit({ actions: changeActions(s, changes), audits }, commitContext(ctx));
  }
  const moved = await moveEverything(s, ctx, sources, targetCode);
  return { target: targetCode, ...moved };
}

/**
 * Splits `code` into new units that take its place under the same parent, so the caller must
 * manage the parent, and the new units must be of the source's kind (issue 12 #1). Its open work
 * goes to `workTo`.
 */
export async function splitUnit(
  s: Services,
  ctx: UseCaseContext,
  code: string,
  into: readonly NewUnit[],
  workTo: string,
) {
  const { principal, now } = ctx;
  const path = await pathOf(s, code);
  const source = path[0]!;
  const ancestors = path.slice(1);
  if (ancestors.length === 0)
    throw new DomainError('forbidden', { vi: 'Không thể tách cấp tỉnh', en: 'The province cannot be split' });
  requireAccess(principal, 'unit.manage', codes(ancestors), now);
  if (source.status !== 'active')
    throw new DomainError('conflict', {
      vi: `Đơn vị ${code} không còn hoạt động`,
      en: `Unit ${code} is no longer active`,
    });
  if (!into.some((u) => u.code === workTo))
    throw invalidField('workTo', {
      vi: 'workTo phải là một trong các đơn vị mới',
      en: 'workTo must be one of the new units',
    });
  const created = into.map((input, i) => {
    assertSplitKind(source, input.kind, `into.${i}.kind`);
    assertParentAllowed(input.kind, ancestors[0]);
    return buildUnit(s, { ...input, parentCode: source.parentCode }, ancestors, `into.${i}`);
  });
  assertDistinctParts(code, created);
  const split: Unit = { ...source, status: 'split', successorCode: workTo, version: source.version + 1 };
  const at = now.toISOString();
  await s.uow.commit(
    {
      actions: changeActions(s, [
        {
          unit: split,
          expectedVersion: source.version,
          history: { at, event: 'split-into', detail: { into: created.map((u) => u.code), workTo } },
        },
        ...created.map((unit) => ({
          unit,
          expectedVersion: 0,
          history: { at, event: 'split-from' as const, detail: { from: code } },
          claimDomains: [unit.domain],
        })),
      ]),
      audits: [
        audit(ctx, 'unit.split', code, source, { ...split, into: created.map((u) => u.code) }),
        ...created.map((unit) => audit(ctx, 'unit.create', unit.code, null, { ...unit, splitFrom: code })),
      ],
    },
    commitContext(ctx),
  );
  const moved = await moveEverything(s, ctx, [code], workTo);
  return { created, ...moved };
}

/** Moves open work and accounts, one small transaction per item, so any number fits. */
async function moveEverything(s: Services, ctx: UseCaseContext, sources: readonly string[], target: string) {
  const { work, accounts, uow } = s;
  let movedWork = 0;
  let movedAccounts = 0;
  for (const source of sources) {
    movedWork += await work.moveUnitWork(uow, commitContext(ctx), source, target);
    for (
      let page = await accounts.ofUnit(source, 100);
      page.items.length > 0;
      page = await accounts.ofUnit(source, 100)
    ) {
      const before = movedAccounts;
      for (const listed of page.items) {
        // The index may lag: move only what the record itself still places in the source unit.
        const account = await accounts.get(listed.id);
        if (!account || account.unitCode !== source) continue;
        const moved = { ...account, unitCode: target, version: account.version + 1 };
        await uow.commit(
          {
            actions: [accounts.replace(moved, account.version)],
            audits: [
              auditEntry(
                {
                  scope: source,
                  actor: { id: ctx.principal.id, kind: ctx.principal.kind },
                  action: 'account.move-unit',
                  target: { type: 'Account', id: account.id },
                  before: { unitCode: source },
                  after: { unitCode: target },
                  requestId: ctx.requestId,
                },
                ctx.now,
              ),
            ],
          },
          commitContext(ctx),
        );
        movedAccounts += 1;
      }
      if (movedAccounts === before) break;
    }
  }
  return { movedWork, movedAccounts };
}
