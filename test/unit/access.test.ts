import { describe, expect, it } from 'vitest';
import { can, type Principal } from '../../shared/domain/access/authorize';
import { accessRules } from '../../shared/domain/access/rules';
import { roles, systemRoles } from '../../shared/domain/roles';
import { lockoutAfter, passwordExpired, passwordIssues } from '../../shared/domain/accounts/password-policy';
import { adminAccountName, domainOf, languageDomains, slugOf } from '../../shared/domain/units/unit';
import { signToken, verifyToken } from '../../shared/adapters/identity/tokens';

const now = new Date('2026-03-10T03:00:00Z');
const person = (
  roles: Principal['roles'],
  unitCode = 'sotttt',
  delegations: Principal['delegations'] = [],
): Principal => ({
  id: 'p',
  kind: 'user',
  unitCode,
  roles,
  delegations,
});
const sotttt = ['sotttt', 'demo'];
const cattan = ['cattan', 'phucat', 'demo'];

describe('access rule table', () => {
  it('lets a province operator manage every unit, a department operator only its own', () => {
    expect(can(person(['operator'], 'demo'), 'unit.manage', cattan, now)).toBe(true);
    expect(can(person(['operator'], 'sotttt'), 'unit.manage', sotttt, now)).toBe(true);
    expect(can(person(['operator'], 'sotttt'), 'unit.manage', cattan, now)).toBe(false);
    expect(can(person(['operator'], 'phucat'), 'unit.manage', cattan, now)).toBe(true);
  });

  it('keeps editors, reporters and contributors out of account management', () => {
    for (const role of ['editor', 'reporter', 'contributor', 'secretary'] as const) {
      expect(can(person([role]), 'account.manage', sotttt, now)).toBe(false);
      expect(can(person([role]), 'audit.read', sotttt, now)).toBe(false);
    }
  });

  it('lets auditors read but never change', () => {
    expect(can(person(['auditor'], 'demo'), 'audit.read', cattan, now)).toBe(true);
    expect(can(person(['auditor'], 'demo'), 'account.read', cattan, now)).toBe(true);
    for (const rule of accessRules.filter((r) => !/read/.test(r.action))) {
      expect(can(person(['auditor'], 'demo'), rule.action, ['demo'], now)).toBe(false);
    }
  });

  it('lets a deputy approve only under a delegation, within its scope and window (CB 17.3b)', () => {
    const delegation = {
      id: 'd1',
      deputyId: 'p',
      unitCode: 'sotttt',
      actions: ['content.approve' as const],
      validFrom: '2026-03-01T00:00:00.000Z',
      validTo: '2026-03-31T00:00:00.000Z',
    };
    expect(can(person(['deputy-editor']), 'content.approve', sotttt, now)).toBe(false);
    expect(can(person(['deputy-editor'], 'sotttt', [delegation]), 'content.approve', sotttt, now)).toBe(true);
    expect(
      can(
        person(['deputy-editor'], 'sotttt', [delegation]),
        'content.approve',
        sotttt,
        new Date('2026-04-01T00:00:00Z'),
      ),
    ).toBe(false);
    expect(
      can(
        person(['deputy-editor'], 'sotttt', [delegation]),
        'content.approve',
        sotttt,
        new Date('2026-02-28T00:00:00Z'),
      ),
    ).toBe(false);
    expect(
      can(
        person(['deputy-editor'], 'sotttt', [{ ...delegation, revokedAt: '2026-03-05T00:00:00Z' }]),
        'content.approve',
        sotttt,
        now,
      ),
    ).toBe(false);
    expect(can(person(['deputy-editor'], 'sotttt', [delegation]), 'content.approve', ['vpubnd', 'demo'], now)).toBe(
      false,
    );
    expect(can(person(['deputy-editor'], 'sotttt', [delegation]), 'account.manage', sotttt, now)).toBe(false);
    // The chief decides without any delegation.
    expect(can(person(['chief-editor']), 'content.approve', sotttt, now)).toBe(true);
  });

  it('names a legal or operational basis for every rule, and only known roles', () => {
    for (const rule of accessRules) {
      expect(rule.basis.length).toBeGreaterThan(3);
      for (const role of rule.roles) expect([...roles, ...systemRoles]).toContain(role);
    }
  });
});

describe('password policy (NA 10.2đ)', () => {
  it('needs 8 characters with upper, lower, digit and special character', () => {
    expect(passwordIssues('Abcdef1!')).toEqual([]);
    expect(passwordIssues('Mật-Khẩu-2026')).toEqual([]);
    for (const weak of ['Abc1!', 'abcdefg1!', 'ABCDEFG1!', 'Abcdefgh!', 'Abcdefgh1']) {
      const [issue] = passwordIssues(weak);
      expect(issue?.field).toBe('newPassword');
      expect(issue?.message.vi).toMatch(/NA 10\.2đ/);
    }
  });

  it('expires passwords older than 3 months', () => {
    expect(passwordExpired('2026-01-01T00:00:00Z', now)).toBe(false);
    expect(passwordExpired('2025-12-01T00:00:00Z', now)).toBe(true);
    expect(passwordExpired(undefined, now)).toBe(true);
  });

  it('locks after 5 failures for 15 minutes', () => {
    expect(lockoutAfter(4, now)).toBeUndefined();
    expect(lockoutAfter(5, now)).toBe('2026-03-10T03:15:00.000Z');
  });
});

describe('sub-portal domains and admin account names (QN 4, TG 4, NA 10.2d)', () => {
  const province = { kind: 'province' as const, slug: 'binhdinh', domain: 'binhdinh.gov.vn' };
  const district = { kind: 'district' as const, slug: 'phucat', domain: 'phucat.binhdinh.gov.vn' };

  it('drops diacritics and spaces, with đ as d', () => {
    expect(slugOf('Huyện Phù Cát')).toBe('huyenphucat');
    expect(slugOf('Đồng Đa')).toBe('dongda');
  });

  it('derives agency, district and commune domains in both shapes', () => {
    expect(domainOf('department', 'sotttt', [province])).toBe('sotttt.binhdinh.gov.vn');
    expect(domainOf('district', 'phucat', [province])).toBe('phucat.binhdinh.gov.vn');
    expect(domainOf('commune', 'cattan', [district, province])).toBe('cattan.phucat.binhdinh.gov.vn');
    expect(domainOf('commune', 'phuongmot', [province])).toBe('phuongmot.binhdinh.gov.vn');
  });

  it('gives the provincial portal a subdomain per foreign language (en.<tinh>.gov.vn)', () => {
    expect(languageDomains({ kind: 'province', domain: 'quangninh.gov.vn', languages: ['vi', 'en', 'zh'] })).toEqual({
      en: 'en.quangninh.gov.vn',
      zh: 'zh.quangninh.gov.vn',
    });
    expect(languageDomains({ kind: 'department', domain: 'sotttt.quangninh.gov.vn', languages: ['vi', 'en'] })).toEqual(
      {},
    );
  });

  it('names unit admin accounts admin.<unit> or admin.<dept>.<unit>', () => {
    expect(adminAccountName({ kind: 'department', slug: 'sotttt' }, [province])).toBe('admin.sotttt');
    expect(adminAccountName({ kind: 'commune', slug: 'cattan' }, [district, province])).toBe('admin.phucat.cattan');
  });
});

describe('local tokens', () => {
  it('verify only unexpired tokens signed with the secret', () => {
    const secret = 'x'.repeat(40);
    const token = signToken({ sub: 'a', token_use: 'access' }, secret, 60, now);
    expect(verifyToken(token, secret, now)?.sub).toBe('a');
    expect(verifyToken(token, 'y'.repeat(40), now)).toBeUndefined();
    expect(verifyToken(token, secret, new Date(now.getTime() + 61_000))).toBeUndefined();
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'admin', exp: 9e9, token_use: 'access' })).toString('base64url')}.${s}`;
    expect(verifyToken(forged, secret, now)).toBeUndefined();
  });
});
