import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/domain/access/authorize';
import { DomainError } from '../../shared/domain/errors';
import { nationalPreset, presets } from '../../shared/domain/policies';
import {
  type AnswerAuthorisation,
  answererRefusal,
  liveAuthorisation,
  needsAuthorisation,
} from '../../shared/domain/questions';

/**
 * Who may answer a question for its unit (CB 11.5 under Cao Bằng's preset): the unit's head, or an
 * officer the head authorised for the question's field, within the authorisation's validity, not revoked.
 */
const caoBang = presets.find((p) => p.id === 'cao-bang-2015')?.answering;
if (!caoBang) throw new Error('Cao Bằng states who answers (CB 11.5)');
const national = nationalPreset.answering;

const person = (roles: Principal['roles'], id = 'officer-1'): Principal => ({
  id,
  kind: 'user',
  unitCode: 'so-tn-mt',
  roles,
  delegations: [],
});
const officer = person(['unit-officer']);
const head = person(['unit-head'], 'head-1');

const authorisation = (over: Partial<AnswerAuthorisation> = {}): AnswerAuthorisation => ({
  id: 'auth-1',
  officerId: 'officer-1',
  unitCode: 'so-tn-mt',
  fields: ['land-environment'],
  validFrom: '2026-03-01T00:00:00.000Z',
  validTo: '2026-09-01T00:00:00.000Z',
  grantedBy: 'head-1',
  grantedAt: '2026-02-27T08:00:00.000Z',
  ...over,
});
const during = new Date('2026-05-15T03:00:00.000Z');

describe('which presets ask for the head or an authorised officer (CB 11.5)', () => {
  it('Cao Bằng asks an officer who is not the head for an authorisation', () => {
    expect(needsAuthorisation(caoBang, officer)).toBe(true);
  });

  it('never asks the head of the unit for one', () => {
    expect(needsAuthorisation(caoBang, head)).toBe(false);
    expect(needsAuthorisation(caoBang, person(['unit-officer', 'unit-head']))).toBe(false);
  });

  it('lets any staff answer under the national rule, which names no authorisation', () => {
    expect(national.answerers).toBe('unit-staff');
    expect(needsAuthorisation(national, officer)).toBe(false);
  });
});

describe('a live authorisation: the unit, the field, the validity, not revoked', () => {
  const live = (list: readonly AnswerAuthorisation[], at = during, unit = 'so-tn-mt') =>
    liveAuthorisation(list, unit, 'land-environment', at);

  it('is found for the unit and field it names, during its validity', () => {
    const granted = authorisation();
    expect(live([granted])).toBe(granted);
  });

  it('covers every field when it lists none', () => {
    const everyField = authorisation({ fields: [] });
    expect(liveAuthorisation([everyField], 'so-tn-mt', 'justice', during)).toBe(everyField);
  });

  it('does not cover a field it does not list', () => {
    expect(liveAuthorisation([authorisation()], 'so-tn-mt', 'justice', during)).toBeUndefined();
  });

  it('does not cover another unit', () => {
    expect(live([authorisation()], during, 'so-xay-dung')).toBeUndefined();
  });

  it('is no longer live once revoked', () => {
    expect(live([authorisation({ revokedAt: '2026-04-01T00:00:00.000Z' })])).toBeUndefined();
  });

  it('starts at its first instant and ends just before its end', () => {
    const granted = authorisation();
    expect(live([granted], new Date(granted.validFrom))).toBe(granted);
    expect(live([granted], new Date(Date.parse(granted.validFrom) - 1))).toBeUndefined();
    expect(live([granted], new Date(Date.parse(granted.validTo) - 1))).toBe(granted);
    expect(live([granted], new Date(granted.validTo))).toBeUndefined();
  });

  it('passes over revoked, expired and other units’ grants to the one that is live', () => {
    const good = authorisation({ id: 'auth-live' });
    const list = [
      authorisation({ id: 'auth-revoked', revokedAt: '2026-04-01T00:00:00.000Z' }),
      authorisation({ id: 'auth-expired', validTo: '2026-04-01T00:00:00.000Z' }),
      authorisation({ id: 'auth-other-unit', unitCode: 'so-xay-dung' }),
      good,
    ];
    expect(live(list)?.id).toBe('auth-live');
  });
});

describe('refusing an answerer who is neither the head nor authorised (CB 11.5)', () => {
  it('refuses an officer without a live authorisation, naming the unit, the field and the rule', () => {
    const refusal = answererRefusal(caoBang, officer, 'so-tn-mt', 'land-environment', [], during);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal?.code).toBe('forbidden');
    for (const text of [refusal?.messages.vi, refusal?.messages.en]) {
      expect(text).toContain('so-tn-mt');
      expect(text).toContain('"land-environment"');
      expect(text).toContain(caoBang.basis);
    }
    expect(refusal?.messages.vi).toMatch(/^Chỉ Thủ trưởng đơn vị so-tn-mt hoặc người được Thủ trưởng ủy quyền/);
    expect(refusal?.messages.en).toMatch(/^Only the head of unit so-tn-mt, or an officer the head authorised/);
    expect(refusal?.fields).toEqual([{ field: 'actor', code: 'answer_not_authorised', message: refusal?.messages }]);
  });

  it('refuses an officer whose authorisation was revoked', () => {
    const revoked = authorisation({ revokedAt: '2026-04-01T00:00:00.000Z' });
    expect(answererRefusal(caoBang, officer, 'so-tn-mt', 'land-environment', [revoked], during)?.code).toBe(
      'forbidden',
    );
  });

  it('lets an officer with a live authorisation answer', () => {
    expect(answererRefusal(caoBang, officer, 'so-tn-mt', 'land-environment', [authorisation()], during)).toBe(
      undefined,
    );
  });

  it('lets the head answer without any authorisation', () => {
    expect(answererRefusal(caoBang, head, 'so-tn-mt', 'land-environment', [], during)).toBeUndefined();
  });

  it('lets any staff answer where the preset names no such rule', () => {
    expect(answererRefusal(national, officer, 'so-tn-mt', 'land-environment', [], during)).toBeUndefined();
  });
});
