import { DomainError } from '../errors';
import { nationalPreset, presets, type AnsweringRule } from './presets';
import { policyRuleIds, policyRules, type PolicyRuleId, type PolicyUnit } from './rules';

/** The values a deployment runs with: its preset, the national value where the preset is silent, and its overrides. */
export interface EffectiveValue {
  readonly rule: PolicyRuleId;
  readonly name: { readonly vi: string; readonly en: string };
  readonly value: number;
  readonly unit: PolicyUnit;
  readonly basis: string;
  readonly note?: string;
  readonly source: 'preset' | 'national' | 'override';
}

export interface EffectivePolicy {
  readonly preset: string;
  readonly name: string;
  readonly act: string;
  readonly values: readonly EffectiveValue[];
  value(rule: PolicyRuleId): EffectiveValue;
  /** Who answers questions (CB 11.5 under Cao Bằng). */
  readonly answering: AnsweringRule;
}

export interface PolicyOverride {
  readonly value: number;
  readonly basis: string;
}

export function effectivePolicy(presetId: string, overrides: Readonly<Record<string, PolicyOverride>> = {}): EffectivePolicy {
  const preset = presets.find((p) => p.id === presetId);
  if (!preset) {
    throw new DomainError('not_found', {
      vi: `Không có bộ thời hạn "${presetId}"`,
      en: `No policy preset "${presetId}"`,
    });
  }
  for (const [rule, override] of Object.entries(overrides)) {
    if (!(rule in policyRules)) throw new Error(`Unknown policy rule in overrides: ${rule}`);
    if (!Number.isInteger(override.value) || override.value < 0 || override.value > 365) {
      throw new Error(`Override ${rule} must be a whole number of days from 0 to 365`);
    }
  }
  const values = policyRuleIds.map((rule): EffectiveValue => {
    const base = { rule, name: policyRules[rule].name, unit: policyRules[rule].unit };
    const override = overrides[rule];
    if (override) return { ...base, value: override.value, basis: override.basis, source: 'override' };
    const own = preset.values[rule];
    if (own) return { ...base, ...own, source: preset.id === 'national' ? 'national' : 'preset' };
    return { ...base, ...nationalPreset.values[rule], source: 'national' };
  });
  const byRule = new Map(values.map((v) => [v.rule, v]));
  return { preset: preset.id, name: preset.name, act: preset.act, values, value: (rule) => byRule.get(rule)!, answering: preset.answering ?? nationalPreset.answering };
}
