import { DomainError } from '../errors';
import { issuerScopes, type ClockEvent, type IssuerScope } from './clock-events';
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
  /** The event the clock counts from (./clock-events.ts). */
  readonly countsFrom: ClockEvent;
  /** Only documents of this issuer; others take `outsideIssuer`. */
  readonly issuer?: IssuerScope;
  readonly outsideIssuer?: EffectiveValue;
  readonly source: 'preset' | 'national' | 'override';
}

/** What decides which value applies to one item: its issuing authority (CB 10.1c). */
export interface ClockFacts {
  readonly issuingAuthority?: string | undefined;
}

export interface EffectivePolicy {
  readonly preset: string;
  readonly name: string;
  readonly act: string;
  readonly values: readonly EffectiveValue[];
  value(rule: PolicyRuleId): EffectiveValue;
  /** The value for one item: an issuer-scoped value applies to that issuer's documents only. */
  valueFor(rule: PolicyRuleId, facts: ClockFacts): EffectiveValue;
  /** Who answers questions (CB 11.5 under Cao Bằng). */
  readonly answering: AnsweringRule;
  /** Advertising needs the People's Committee's recorded approval (BĐ 7.1). */
  readonly advertisingApproval?: { readonly basis: string };
  /** A complex question's unit reports back within the clock (BĐ 12.4). */
  readonly reportBack?: { readonly complexOnly: true; readonly basis: string };
}

export interface PolicyOverride {
  readonly value: number;
  readonly basis: string;
}

export function effectivePolicy(
  presetId: string,
  overrides: Readonly<Record<string, PolicyOverride>> = {},
): EffectivePolicy {
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
    const national: EffectiveValue = { ...base, ...nationalPreset.values[rule], source: 'national' };
    const own = preset.values[rule];
    // An override changes the number of days; the event and the issuer stay the regulation's.
    const event = {
      countsFrom: own?.countsFrom ?? national.countsFrom,
      ...(own?.issuer !== undefined && { issuer: own.issuer, outsideIssuer: national }),
    };
    const override = overrides[rule];
    if (override) return { ...base, ...event, value: override.value, basis: override.basis, source: 'override' };
    if (own) return { ...base, ...own, ...event, source: preset.id === 'national' ? 'national' : 'preset' };
    return national;
  });
  const byRule = new Map(values.map((v) => [v.rule, v]));
  const value = (rule: PolicyRuleId) => byRule.get(rule)!;
  const valueFor = (rule: PolicyRuleId, facts: ClockFacts): EffectiveValue => {
    const v = value(rule);
    if (v.issuer === undefined || v.outsideIssuer === undefined) return v;
    return facts.issuingAuthority !== undefined && issuerScopes[v.issuer].matches(facts.issuingAuthority)
      ? v
      : v.outsideIssuer;
  };
  return {
    preset: preset.id,
    name: preset.name,
    act: preset.act,
    values,
    value,
    valueFor,
    answering: preset.answering ?? nationalPreset.answering,
    ...(preset.advertisingApproval !== undefined && { advertisingApproval: preset.advertisingApproval }),
    ...(preset.reportBack !== undefined && { reportBack: preset.reportBack }),
  };
}
