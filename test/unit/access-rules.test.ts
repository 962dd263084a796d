import { describe, expect, it } from 'vitest';
import {
  activeDelegation,
  can,
  requireAccess,
  systemPrincipal,
  type Delegation,
  type Principal,
} from '../../shared/domain/access/authorize';
import { accessRules, rolesFor, rulesFor, type Action } from '../../shared/domain/access/rules';
import { machineScopeNames } from '../../shared/domain/access/scopes';
import { DomainError } from '../../shared/domain/errors';
import { isSystemRole, roles, systemRoles, type Role } from '../../shared/domain/roles';

/**
 * Every rule of the access table, for the roles it allows and the roles it refuses, in and out
 * of its scope. The tests walk the table itself, so an action added to it is covered at once.
 */
const now = new Date('2026-03-10T03:00:00Z');
const person = (roleList: readonly Role[], unitCode: string, delegations: readonly Delegation[] = []): Principal => ({
  id: 'p',
  kind: 'user',
  unitCode,
  roles: roleList,
  delegations,
});
const delegation = (action: Action, extra: Partial<Delegation> = {}): Delegation => ({
  id: 'd1',
  deputyId: 'p',
  unitCode: 'cattan',
  actions: [action],
  validFrom: '2026-03-01T00:00:00.000Z',
  validTo: '2026-03-31T00:00:00.000Z',
  ...extra,
});

// A commune under a district under the province.
const commune = ['cattan', 'phucat', 'demo'];
const district = ['phucat', 'demo'];
const actions = [...new Set(accessRules.map((r) => r.action))];
/** Roles that act without a delegation: listed by a rule, other than a deputy on a delegable action. */
const decidesAlone = (rule: (typeof accessRules)[number], role: Role) =>
  rule.roles.includes(role) && !(rule.delegable && role === 'deputy-editor');

describe('the rule table', () => {
  it('has rules for each action, and rolesFor lists each allowed role once', () => {
    for (const action of actions) {
      const rules = rulesFor(action);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.every((r) => r.action === action)).toBe(true);
      const allowed = rolesFor(action);
      expect(new Set(allowed).size).toBe(allowed.length);
      expect([...allowed].sort()).toEqual([...new Set(rules.flatMap((r) => r.roles))].sort());
    }
    expect(rolesFor('account.read').sort()).toEqual(['auditor', 'operator', 'unit-head']);
  });
});

describe('the rules in force', () => {
  // Who may do what today, pinned: changing a rule must change this test too. Actions added later
  // are covered by the table-driven tests below.
  const pinned: Record<string, { roles: Role[]; scope: 'own-unit' | 'unit-tree'; delegable?: true }> = {
    'unit.manage': { roles: ['operator'], scope: 'unit-tree' },
    'account.read': { roles: ['operator', 'auditor', 'unit-head'], scope: 'unit-tree' },
    'account.manage': { roles: ['operator'], scope: 'unit-tree' },
    'delegation.manage': { roles: ['chief-editor'], scope: 'own-unit' },
    'delegation.read': { roles: ['chief-editor', 'deputy-editor', 'operator', 'auditor'], scope: 'unit-tree' },
    'audit.read': { roles: ['auditor', 'operator'], scope: 'unit-tree' },
    'calendar.manage': { roles: ['operator'], scope: 'unit-tree' },
    'calendar.read-config': { roles: ['operator', 'auditor'], scope: 'unit-tree' },
    'work.read': {
      roles: ['operator', 'auditor', 'unit-head', 'unit-officer', 'chief-editor', 'secretary'],
      scope: 'unit-tree',
    },
    'content.approve': { roles: ['chief-editor', 'deputy-editor'], scope: 'own-unit', delegable: true },
    'qa.answer': { roles: ['unit-head', 'unit-officer'], scope: 'own-unit' },
  };

  it.each(Object.entries(pinned))('%s', (action, expected) => {
    const rules = rulesFor(action as Action);
    expect(rules).toHaveLength(1);
    expect([...rules[0]!.roles].sort()).toEqual([...expected.roles].sort());
    expect(rules[0]!.scope).toBe(expected.scope);
    expect(rules[0]!.delegable ?? false).toBe(expected.delegable ?? false);
  });
});

/** Rules for people and machine clients; the system identity's rules are checked below. */
const personRules = accessRules.filter((r) => !r.roles.some(isSystemRole));

describe.each(personRules)('$action ($scope)', (rule) => {
  const allowedHere = roles.filter((role) => decidesAlone(rule, role));
  // Should an action get several rules, a role another rule lists is neither refused nor scoped by this one.
  const refused = roles.filter((role) => !rolesFor(rule.action).includes(role));
  const onlyHere = allowedHere.filter((role) =>
    rulesFor(rule.action).every((r) => r === rule || !r.roles.includes(role)),
  );

  it('allows each of its roles in the target unit itself', () => {
    expect(allowedHere.length).toBeGreaterThan(0);
    for (const role of allowedHere) expect(can(person([role], 'cattan'), rule.action, commune, now), role).toBe(true);
  });

  it('allows one of its roles held among others the rule does not list', () => {
    for (const role of allowedHere)
      expect(can(person([...refused, role], 'cattan'), rule.action, commune, now), role).toBe(true);
  });

  it('refuses every other role, even in the target unit', () => {
    for (const role of refused) expect(can(person([role], 'cattan'), rule.action, commune, now), role).toBe(false);
    expect(can(person(refused, 'cattan'), rule.action, commune, now)).toBe(false);
  });

  it('refuses its roles in a sibling or a unit below the target', () => {
    for (const role of onlyHere) {
      expect(can(person([role], 'catkhanh'), rule.action, commune, now), role).toBe(false);
      expect(can(person([role], 'cattan'), rule.action, district, now), role).toBe(false);
    }
  });

  it(
    rule.scope === 'unit-tree'
      ? 'allows its roles from a unit above the target'
      : 'refuses its roles from a unit above the target',
    () => {
      for (const role of onlyHere) {
        expect(can(person([role], 'demo'), rule.action, commune, now), role).toBe(rule.scope === 'unit-tree');
        expect(can(person([role], 'phucat'), rule.action, commune, now), role).toBe(rule.scope === 'unit-tree');
      }
    },
  );

  it('refuses everyone on an empty unit path', () => {
    for (const role of allowedHere) {
      expect(can(person([role], 'cattan'), rule.action, [], now)).toBe(false);
      expect(can(person([role], ''), rule.action, [''], now)).toBe(false);
    }
  });

  it('names a basis', () => {
    expect(rule.basis.trim().length).toBeGreaterThan(3);
  });
});

describe('delegation (CB 17.3b)', () => {
  const delegable = accessRules.filter((r) => r.delegable && r.roles.includes('deputy-editor'));
  const plainDeputyRules = accessRules.filter((r) => !r.delegable && r.roles.includes('deputy-editor'));

  it('there is at least one delegable action', () => {
    expect(delegable.length).toBeGreaterThan(0);
  });

  it.each(delegable)('a deputy may $action only under a live delegation naming it, for the unit', (rule) => {
    const deputy = (delegations: Delegation[], extraRoles: Role[] = []) =>
      person(['deputy-editor', ...extraRoles], 'cattan', delegations);
    expect(can(deputy([]), rule.action, commune, now)).toBe(false);
    expect(can(deputy([delegation(rule.action)]), rule.action, commune, now)).toBe(true);
    // The window is [validFrom, validTo).
    expect(can(deputy([delegation(rule.action, { validFrom: now.toISOString() })]), rule.action, commune, now)).toBe(
      true,
    );
    expect(
      can(deputy([delegation(rule.action, { validFrom: '2026-03-10T03:00:00.001Z' })]), rule.action, commune, now),
    ).toBe(false);
    expect(can(deputy([delegation(rule.action, { validTo: now.toISOString() })]), rule.action, commune, now)).toBe(
      false,
    );
    expect(
      can(deputy([delegation(rule.action, { validTo: '2026-03-10T03:00:00.001Z' })]), rule.action, commune, now),
    ).toBe(true);
    expect(
      can(deputy([delegation(rule.action, { revokedAt: '2026-03-05T00:00:00.000Z' })]), rule.action, commune, now),
    ).toBe(false);
    expect(can(deputy([delegation(rule.action, { unitCode: 'catkhanh' })]), rule.action, commune, now)).toBe(false);
    const otherAction = actions.find((a) => a !== rule.action)!;
    expect(can(deputy([delegation(otherAction)]), rule.action, commune, now)).toBe(false);
    // A role the rule does not list does not stand in for the delegation.
    expect(can(deputy([], ['editor']), rule.action, commune, now)).toBe(false);
    // A role the rule lists does.
    const other = rule.roles.find((r): r is Role => r !== 'deputy-editor' && !isSystemRole(r))!;
    expect(can(deputy([], [other]), rule.action, commune, now)).toBe(true);
    // A delegation gives no role: without the deputy role it is worth nothing.
    expect(can(person(['editor'], 'cattan', [delegation(rule.action)]), rule.action, commune, now)).toBe(false);
  });

  it.each(plainDeputyRules)('a deputy may $action without a delegation (not delegable)', (rule) => {
    expect(can(person(['deputy-editor'], 'cattan'), rule.action, commune, now)).toBe(true);
  });

  it('finds the live delegation among revoked, expired and foreign ones', () => {
    const live = delegation('content.approve', { id: 'live' });
    const deputy = person(['deputy-editor'], 'cattan', [
      delegation('content.approve', { id: 'revoked', revokedAt: '2026-03-02T00:00:00.000Z' }),
      delegation('content.approve', { id: 'expired', validTo: '2026-03-02T00:00:00.000Z' }),
      delegation('content.approve', { id: 'elsewhere', unitCode: 'catkhanh' }),
      live,
    ]);
    expect(activeDelegation(deputy, 'content.approve', 'cattan', now)).toBe(live);
    expect(activeDelegation(deputy, 'content.approve', 'catkhanh', now)?.id).toBe('elsewhere');
    expect(activeDelegation(deputy, 'qa.answer', 'cattan', now)).toBeUndefined();
    expect(activeDelegation(deputy, 'content.approve', 'cattan', new Date('2026-03-31T00:00:00Z'))).toBeUndefined();
  });
});

describe('requireAccess', () => {
  it('passes silently when allowed', () => {
    expect(requireAccess(person(['operator'], 'demo'), 'account.manage', commune, now)).toBeUndefined();
    expect(() => requireAccess(person(['operator'], 'demo'), 'account.manage', commune)).not.toThrow();
  });

  it('uses the current time for delegations by default', () => {
    const live = delegation('content.approve', {
      validFrom: new Date(Date.now() - 3_600_000).toISOString(),
      validTo: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(() => requireAccess(person(['deputy-editor'], 'cattan', [live]), 'content.approve', commune)).not.toThrow();
    const past = delegation('content.approve');
    expect(() => requireAccess(person(['deputy-editor'], 'cattan', [past]), 'content.approve', commune)).toThrow(
      DomainError,
    );
  });

  it('refuses with a forbidden error naming the action and the unit in both languages', () => {
    const refuse = (path: string[]) => {
      try {
        requireAccess(person(['editor'], 'cattan'), 'account.manage', path, now);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const error = refuse(commune);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('forbidden');
    expect((error as DomainError).messages).toStrictEqual({
      vi: 'Không có quyền "account.manage" đối với đơn vị cattan',
      en: 'Not allowed to "account.manage" on unit cattan',
    });
    expect((refuse([]) as DomainError).messages).toStrictEqual({
      vi: 'Không có quyền "account.manage" đối với đơn vị ',
      en: 'Not allowed to "account.manage" on unit ',
    });
  });
});

describe('the system identity (scheduled publication)', () => {
  const scheduler = systemPrincipal('publication-scheduler', 'demo');
  const systemActions = accessRules.filter((r) => r.roles.some(isSystemRole)).map((r) => r.action);

  it('each system identity takes exactly its one action; publication: content.publish-scheduled, in every unit of the province', () => {
    expect(systemActions).toEqual(['content.publish-scheduled', 'consultation.run-schedule']);
    expect(rolesFor('content.publish-scheduled')).toEqual(['publication-scheduler']);
    expect(rolesFor('consultation.run-schedule')).toEqual(['consultation-scheduler']);
    const consultations = systemPrincipal('consultation-scheduler', 'demo');
    for (const action of actions)
      expect(can(consultations, action, commune, now), action).toBe(action === 'consultation.run-schedule');
    expect(systemPrincipal('publication-scheduler', 'demo')).toStrictEqual({
      id: 'system:publication-scheduler',
      kind: 'system',
      unitCode: 'demo',
      roles: ['publication-scheduler'],
      delegations: [],
    });
    for (const action of actions)
      expect(can(scheduler, action, commune, now), action).toBe(action === 'content.publish-scheduled');
    expect(can(scheduler, 'content.publish-scheduled', district, now)).toBe(true);
    // Not outside its province.
    expect(can(systemPrincipal('publication-scheduler', 'other'), 'content.publish-scheduled', commune, now)).toBe(
      false,
    );
  });

  it('is no role a person can hold, and a person carrying it gains nothing', () => {
    for (const role of systemRoles) expect(roles as readonly string[]).not.toContain(role);
    const impostor = { ...scheduler, kind: 'user' as const };
    for (const action of actions) expect(can(impostor, action, commune, now), action).toBe(false);
    const machine = { ...scheduler, kind: 'machine' as const };
    expect(can(machine, 'content.publish-scheduled', commune, now)).toBe(false);
    // Nor does the system gain a person's role by carrying one.
    expect(can({ ...scheduler, roles: ['secretary'] }, 'content.publish', commune, now)).toBe(false);
  });
});

describe('agency systems act by their token’s scopes, in their own unit only', () => {
  const system = (scopes?: readonly string[]): Principal => ({
    id: 'client-1',
    kind: 'machine',
    unitCode: 'cattan',
    roles: [],
    delegations: [],
    ...(scopes && { scopes }),
  });
  const granted = (scopes?: readonly string[]) => actions.filter((action) => can(system(scopes), action, commune, now));

  it('each scope grants its own actions: reading, submitting content with its files, answering routed questions', () => {
    expect(granted(['portal/read'])).toEqual(['content.read', 'qa.read-routed', 'upload.read']);
    expect(granted(['portal/content.submit']).sort()).toEqual(
      ['content.read', 'content.submit', 'upload.create', 'upload.read'].sort(),
    );
    expect(granted(['portal/qa.answer']).sort()).toEqual(['qa.answer', 'qa.read-routed'].sort());
  });

  it('several scopes grant what any one of them grants', () => {
    const both = granted(['portal/read', 'portal/qa.answer']);
    expect(both).toContain('content.read');
    expect(both).toContain('qa.answer');
  });

  it('grants nothing without a scope, or with one the portal does not define', () => {
    expect(granted()).toEqual([]);
    expect(granted([])).toEqual([]);
    expect(granted(['aws.cognito.signin.user.admin', 'portal/admin'])).toEqual([]);
  });

  it('no scope lets a system take content in, approve or publish it: people decide (CB 17.3)', () => {
    const every = granted(machineScopeNames);
    for (const action of ['content.intake', 'content.approve', 'content.publish', 'qa.read'] as const)
      expect(every, action).not.toContain(action);
  });

  it('a scope acts in the client’s own unit, never in the units below it', () => {
    expect(can(system(['portal/qa.answer']), 'qa.answer', commune, now)).toBe(true);
    expect(can({ ...system(['portal/qa.answer']), unitCode: 'phucat' }, 'qa.answer', commune, now)).toBe(false);
  });
});

describe('an agency system (machine client) acts through its scopes, in its own unit only', () => {
  const system = (unitCode: string, scopes?: readonly string[]): Principal => ({
    id: 'client-1',
    kind: 'machine',
    unitCode,
    roles: [],
    delegations: [],
    ...(scopes && { scopes }),
  });

  it('submits to its own unit with portal/content.submit, not to the units below it nor to another unit', () => {
    const submitter = system('cattan', ['portal/content.submit']);
    expect(can(submitter, 'content.submit', ['cattan', 'phucat', 'demo'], now)).toBe(true);
    expect(can(submitter, 'content.submit', ['thon1', 'cattan', 'phucat', 'demo'], now)).toBe(false);
    expect(can(submitter, 'content.submit', ['phucat', 'demo'], now)).toBe(false);
  });

  it('takes nothing its scopes do not grant, and nothing at all without scopes', () => {
    const reader = system('cattan', ['portal/read']);
    expect(can(reader, 'content.read', ['cattan', 'demo'], now)).toBe(true);
    expect(can(reader, 'content.submit', ['cattan', 'demo'], now)).toBe(false);
    expect(can(system('cattan'), 'content.read', ['cattan', 'demo'], now)).toBe(false);
    // Roles do not count for a machine, whatever it carries.
    const withRoles = { ...system('cattan', ['portal/content.submit']), roles: ['chief-editor'] as const };
    expect(can(withRoles, 'content.approve', ['cattan', 'demo'], now)).toBe(false);
    expect(can(withRoles, 'content.publish', ['cattan', 'demo'], now)).toBe(false);
  });
});
