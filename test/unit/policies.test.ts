import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import { effectivePolicy, nationalPreset, policyRuleIds, policyRules, presets } from '../../shared/domain/policies';

/**
 * The values a deployment runs with: preset, national fallback, overrides, each with its source and basis. The
 * presets are legal data, pinned: a change to a deadline or its citation must be made in the fixture too, on purpose.
 */
describe('deadline presets are the regulations’ values, bases and notes, pinned', () => {
  it('are exactly the values and citations of the regulations (test/fixtures/policy-presets.json)', async () => {
    const pinned = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/policy-presets.json'), 'utf8'));
    expect(presets).toStrictEqual(pinned);
    // The presets are built once, at import. Built again inside this test, so that mutation testing
    // sees this test read them (a mutant of module-level data is otherwise judged by no test that pins it).
    vi.resetModules();
    const fresh = await import('../../shared/domain/policies/presets');
    expect(fresh.presets).toStrictEqual(pinned);
    expect(fresh.presetIds).toStrictEqual(pinned.map((p: { id: string }) => p.id));
  });
});

describe('what a preset adds beside its clocks', () => {
  it('each preset answers as it says, or as the national rule does where it is silent', () => {
    for (const preset of presets) {
      expect(effectivePolicy(preset.id).answering).toEqual(preset.answering ?? nationalPreset.answering);
    }
    expect(effectivePolicy('cao-bang-2015').answering).not.toEqual(nationalPreset.answering);
  });

  it('BĐ 7.1 and 12.4: advertising approval and the report-back exist where the preset sets them, and only there', () => {
    for (const preset of presets) {
      const policy = effectivePolicy(preset.id);
      expect('advertisingApproval' in policy).toBe(preset.advertisingApproval !== undefined);
      expect('reportBack' in policy).toBe(preset.reportBack !== undefined);
    }
    expect(effectivePolicy('binh-dinh-2020')).toMatchObject({
      advertisingApproval: { basis: 'BĐ 7.1' },
      reportBack: { complexOnly: true, basis: 'BĐ 12.4' },
    });
  });

  it('CB 10.1c: a value scoped to an issuer applies to that issuer; a document of no named issuer keeps the national value', () => {
    const caoBang = effectivePolicy('cao-bang-2015');
    const scoped = caoBang.value('publish.legalDocument');
    expect(caoBang.valueFor('publish.legalDocument', { issuingAuthority: 'UBND tỉnh Cao Bằng' })).toBe(scoped);
    expect(caoBang.valueFor('publish.legalDocument', {})).toBe(scoped.outsideIssuer);
    expect(caoBang.valueFor('publish.legalDocument', { issuingAuthority: 'Sở Y tế' })).toBe(scoped.outsideIssuer);
    expect(scoped.outsideIssuer).toMatchObject({ source: 'national' });
    // A value with no issuer is the same for every document.
    expect(caoBang.valueFor('publish.news', {})).toBe(caoBang.value('publish.news'));
  });
});

describe('effective policy', () => {
  it.each(presets)('$id: its own values, the national value where it is silent, in rule order', (preset) => {
    const policy = effectivePolicy(preset.id);
    expect(policy.preset).toBe(preset.id);
    expect(policy.name).toBe(preset.name);
    expect(policy.act).toBe(preset.act);
    expect(policy.values.map((v) => v.rule)).toEqual(policyRuleIds);
    for (const rule of policyRuleIds) {
      const own = preset.values[rule];
      const national = {
        rule,
        name: policyRules[rule].name,
        unit: policyRules[rule].unit,
        ...nationalPreset.values[rule],
        source: 'national',
      };
      // A province silent on the event keeps the national one; an issuer-scoped value says what other issuers get.
      const expected = own
        ? {
            ...own,
            countsFrom: own.countsFrom ?? nationalPreset.values[rule].countsFrom,
            ...(own.issuer !== undefined && { outsideIssuer: national }),
            source: preset.id === 'national' ? 'national' : 'preset',
          }
        : { ...nationalPreset.values[rule], source: 'national' };
      expect(policy.value(rule)).toStrictEqual({
        rule,
        name: policyRules[rule].name,
        unit: policyRules[rule].unit,
        ...expected,
      });
    }
  });

  it('Bình Định answers questions in 4 working days (BĐ 12.4) and publishes statistics on the national clock', () => {
    const policy = effectivePolicy('binh-dinh-2020');
    expect(policy.value('qa.answer')).toMatchObject({
      value: 4,
      basis: 'BĐ 12.4',
      source: 'preset',
      unit: 'workingDays',
      countsFrom: 'routing',
    });
    expect(policy.value('publish.statistics')).toMatchObject({
      value: 5,
      basis: 'LTCTT 2016 Điều 18.4',
      source: 'national',
    });
    expect(policy.value('qa.returnOutOfScope').unit).toBe('calendarDays');
  });

  it('keeps a note with the value it explains', () => {
    expect(effectivePolicy('cao-bang-2015').value('publish.draftForComment')).toMatchObject({
      value: 0,
      note: 'the day it is received',
      source: 'preset',
      countsFrom: 'receipt',
    });
  });

  it('replaces single values by overrides, with their basis and no inherited note', () => {
    const policy = effectivePolicy('national', { 'qa.classify': { value: 2, basis: 'QĐ 1/2026' } });
    expect(policy.value('qa.classify')).toStrictEqual({
      rule: 'qa.classify',
      name: policyRules['qa.classify'].name,
      unit: 'workingDays',
      value: 2,
      basis: 'QĐ 1/2026',
      countsFrom: 'receipt',
      source: 'override',
    });
    expect(policy.value('qa.answer').source).toBe('national');
  });

  it('accepts overrides from 0 to 365 days', () => {
    expect(effectivePolicy('binh-dinh-2020', { 'qa.answer': { value: 0, basis: 'x' } }).value('qa.answer').value).toBe(
      0,
    );
    expect(
      effectivePolicy('binh-dinh-2020', { 'qa.answer': { value: 365, basis: 'x' } }).value('qa.answer').value,
    ).toBe(365);
  });

  it('refuses overrides outside 0–365 or not whole, and unknown rules', () => {
    for (const value of [-1, 366, 1.5]) {
      expect(() => effectivePolicy('national', { 'qa.answer': { value, basis: 'x' } })).toThrow(
        'Override qa.answer must be a whole number of days from 0 to 365',
      );
    }
    expect(() => effectivePolicy('national', { 'qa.nope': { value: 1, basis: 'x' } })).toThrow(
      'Unknown policy rule in overrides: qa.nope',
    );
  });

  it('refuses an unknown preset with a not-found error in both languages', () => {
    let error: unknown;
    try {
      effectivePolicy('ha-noi-2030');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('not_found');
    expect((error as DomainError).messages).toStrictEqual({
      vi: 'Không có bộ thời hạn "ha-noi-2030"',
      en: 'No policy preset "ha-noi-2030"',
    });
  });
});
