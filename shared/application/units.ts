import type { Principal } from '../domain/access/authorize';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError, invalidField } from '../domain/errors';
import { nfc } from '../domain/text';
import { assertParentAllowed, domainOf, slugOf, type Unit, type UnitKind } from '../domain/units/unit';
import type { UnitChange } from '../adapters/dynamo/units';
import { env } from '../config/env';
import { directory } from './directory';

/** Creating, renaming, merging and splitting units; every change audited, history kept. */
export interface NewUnit {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly kind: UnitKind;
  readonly parentCode: string | null;
  readonly slug?: string;
  readonly languages?: readonly string[];
}

const notFound = (code: string, field = 'params.code') =>
  invalidField(field, { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` }, 'not_found');

async function pathOf(code: string, field?: string): Promise<Unit[]> {
  const path = await directory().units.path(code);
  if (path.length === 0) throw field ? notFound(code, field) : new DomainError('not_found', { vi: `Không có đơn vị ${code}`, en: `No unit ${code}` });
  return path;
}

const codes = (path: readonly Unit[]) => path.map((u) => u.code);

function audit(principal: Principal, requestId: string, action: string, unit: string, before: unknown, after: unknown, at: Date) {
  return auditEntry({ scope: unit, actor: { id: principal.id, kind: principal.kind }, action, target: { type: 'Unit', id: unit }, before, after, requestId }, at);
}

function buildUnit(input: NewUnit, ancestors: readonly Unit[]): Unit {
  const slug = input.slug ?? slugOf(input.name.vi);
  if (!/^[a-z0-9]{1,40}$/.test(slug)) {
    throw invalidField('body.slug', { vi: 'Không tạo được tên miền từ tên đơn vị; hãy nhập slug', en: 'Cannot derive a domain label from the name; give a slug' });
  }
  const domain = input.kind === 'province' ? env().PROVINCE_DOMAIN : domainOf(input.kind, slug, ancestors);
  return {
    code: input.code,
    name: { vi: nfc(input.name.vi), en: nfc(input.name.en) },
    kind: input.kind,
    parentCode: input.parentCode,
    slug,
    domain,
    languages: input.languages ?? ['vi', 'en'],
    status: 'active',
    formerDomains: [],
    version: 1,
  };
}

export async function createUnit(principal: Principal | 'bootstrap', input: NewUnit, requestId: string, now = new Date()): Promise<Unit> {
  const ancestors = input.parentCode ? await pathOf(input.parentCode, 'body.parentCode') : [];
  if (principal !== 'bootstrap') requireAccess(principal, 'unit.manage', codes(ancestors), now);
  assertParentAllowed(input.kind, ancestors[0]);
  const unit = buildUnit(input, ancestors);
  const actor: Principal = principal === 'bootstrap' ? { id: 'system', kind: 'machine', unitCode: unit.code, roles: [], delegations: [] } : principal;
  await directory().units.apply(
    [{ unit, expectedVersion: 0, history: { at: now.toISOString(), event: 'created', detail: { name: unit.name, parentCode: unit.parentCode } }, claimDomains: [unit.domain] }],
    [audit(actor, requestId, 'unit.create', unit.code, null, unit, now)],
  );
  return unit;
}

/** Follows merges and splits to the unit that carries the work now. */
export async function resolveUnit(code: string): Promise<{ requested: Unit; current: Unit }> {
  const { units } = directory();
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

export async function renameUnit(
  principal: Principal,
  code: string,
  change: { name: { vi: string; en: string }; slug?: string },
  expectedVersion: number | undefined,
  requestId: string,
  now = new Date(),
): Promise<Unit> {
  const path = await pathOf(code);
  const unit = path[0]!;
  requireAccess(principal, 'unit.manage', codes(path), now);
  if (unit.status !== 'active') throw new DomainError('conflict', { vi: `Đơn vị ${code} không còn hoạt động`, en: `Unit ${code} is no longer active` });
  if (expectedVersion !== undefined && expectedVersion !== unit.version) {
    throw new DomainError('precondition_failed', { vi: `Đơn vị đã thay đổi (phiên bản ${unit.version})`, en: `The unit changed (version ${unit.version})` });
  }
  const slug = change.slug ?? unit.slug;
  const domain = unit.kind === 'province' ? unit.domain : domainOf(unit.kind, slug, path.slice(1));
  const renamed: Unit = {
    ...unit,
    name: { vi: nfc(change.name.vi), en: nfc(change.name.en) },
    slug,
    domain,
    formerDomains: domain === unit.domain ? unit.formerDomains : [...unit.formerDomains, unit.domain],
    version: unit.version + 1,
  };
  const changes: UnitChange[] = [
    {
      unit: renamed,
      expectedVersion: unit.version,
      history: { at: now.toISOString(), event: 'renamed', detail: { from: unit.name, to: renamed.name, fromDomain: unit.domain, toDomain: domain } },
      claimDomains: domain === unit.domain ? [] : [domain],
    },
  ];
  // Communes carry their district's label in their domain: move them along.
  if (domain !== unit.domain) {
    const children = await directory().units.children(code, 100);
    for (const child of children.items.filter((c) => c.status === 'active')) {
      const childDomain = domainOf(child.kind, child.slug, [renamed, ...path.slice(1)]);
      changes.push({
        unit: { ...child, domain: childDomain, formerDomains: [...child.formerDomains, child.domain], version: child.version + 1 },
        expectedVersion: child.version,
        history: { at: now.toISOString(), event: 'renamed', detail: { fromDomain: child.domain, toDomain: childDomain, because: code } },
        claimDomains: [childDomain],
      });
    }
  }
  await directory().units.apply(changes, [audit(principal, requestId, 'unit.rename', code, unit, renamed, now)]);
  return renamed;
}

/**
 * Merges `sources` into `target` (QN 11.5): the sources stop, name the target as successor, and
 * their open work and accounts move to it. Repeating the call finishes an interrupted move.
 */
export async function mergeUnits(principal: Principal, sources: readonly string[], targetCode: string, requestId: string, now = new Date()) {
  const targetPath = await pathOf(targetCode, 'body.into');
  const target = targetPath[0]!;
  requireAccess(principal, 'unit.manage', codes(targetPath), now);
  if (target.status !== 'active') throw invalidField('body.into', { vi: `Đơn vị ${targetCode} không còn hoạt động`, en: `Unit ${targetCode} is no longer active` });
  const changes: UnitChange[] = [];
  const audits = [];
  for (const code of sources) {
    if (code === targetCode) throw invalidField('body.sources', { vi: 'Không thể sáp nhập đơn vị vào chính nó', en: 'A unit cannot merge into itself' });
    const path = await pathOf(code, 'body.sources');
    const source = path[0]!;
    requireAccess(principal, 'unit.manage', codes(path), now);
    if (source.status === 'merged' && source.successorCode === targetCode) continue; // resumed call
    if (source.status !== 'active') throw invalidField('body.sources', { vi: `Đơn vị ${code} không còn hoạt động`, en: `Unit ${code} is no longer active` });
    const merged: Unit = { ...source, status: 'merged', successorCode: targetCode, version: source.version + 1 };
    changes.push({ unit: merged, expectedVersion: source.version, history: { at: now.toISOString(), event: 'merged-into', detail: { into: targetCode } } });
    audits.push(audit(principal, requestId, 'unit.merge', code, source, merged, now));
  }
  if (changes.length > 0) {
    changes.push({
      unit: { ...target, version: target.version + 1 },
      expectedVersion: target.version,
      history: { at: now.toISOString(), event: 'absorbed', detail: { from: changes.map((c) => c.unit.code) } },
    });
    await directory().units.apply(changes, audits);
  }
  const moved = await moveEverything(principal, requestId, sources, targetCode, now);
  return { target: targetCode, ...moved };
}

/** Splits `code` into new units under the same parent; its open work goes to `workTo`. */
export async function splitUnit(principal: Principal, code: string, into: readonly NewUnit[], workTo: string, requestId: string, now = new Date()) {
  const path = await pathOf(code);
  const source = path[0]!;
  requireAccess(principal, 'unit.manage', codes(path), now);
  if (source.status !== 'active') throw new DomainError('conflict', { vi: `Đơn vị ${code} không còn hoạt động`, en: `Unit ${code} is no longer active` });
  if (!into.some((u) => u.code === workTo)) throw invalidField('body.workTo', { vi: 'workTo phải là một trong các đơn vị mới', en: 'workTo must be one of the new units' });
  const ancestors = path.slice(1);
  const created = into.map((input) => {
    assertParentAllowed(input.kind, ancestors[0]);
    return buildUnit({ ...input, parentCode: source.parentCode }, ancestors);
  });
  const split: Unit = { ...source, status: 'split', successorCode: workTo, version: source.version + 1 };
  const at = now.toISOString();
  await directory().units.apply(
    [
      { unit: split, expectedVersion: source.version, history: { at, event: 'split-into', detail: { into: created.map((u) => u.code), workTo } } },
      ...created.map((unit) => ({ unit, expectedVersion: 0, history: { at, event: 'split-from' as const, detail: { from: code } }, claimDomains: [unit.domain] })),
    ],
    [
      audit(principal, requestId, 'unit.split', code, source, { ...split, into: created.map((u) => u.code) }, now),
      ...created.map((unit) => audit(principal, requestId, 'unit.create', unit.code, null, { ...unit, splitFrom: code }, now)),
    ],
  );
  const moved = await moveEverything(principal, requestId, [code], workTo, now);
  return { created, ...moved };
}

async function moveEverything(principal: Principal, requestId: string, sources: readonly string[], target: string, now: Date) {
  const { work, accounts } = directory();
  let movedWork = 0;
  let movedAccounts = 0;
  for (const source of sources) {
    movedWork += await work.moveUnitWork(source, target);
    for (let page = await accounts.ofUnit(source, 100); page.items.length > 0; page = await accounts.ofUnit(source, 100)) {
      const before = movedAccounts;
      for (const listed of page.items) {
        // The index may lag: move only what the record itself still places in the source unit.
        const account = await accounts.get(listed.id);
        if (!account || account.unitCode !== source) continue;
        const moved = { ...account, unitCode: target, version: account.version + 1 };
        await accounts.replace(
          moved,
          account.version,
          auditEntry(
            { scope: source, actor: { id: principal.id, kind: principal.kind }, action: 'account.move-unit', target: { type: 'Account', id: account.id }, before: { unitCode: source }, after: { unitCode: target }, requestId },
            now,
          ),
        );
        movedAccounts += 1;
      }
      if (movedAccounts === before) break;
    }
  }
  return { movedWork, movedAccounts };
}
