import { invalidField, DomainError, type FieldIssue } from '../errors';

/**
 * Who asks (BĐ 12.2, CB 11.2): an individual or an organisation, with the fields the deployment's
 * preset requires. The requirements are data, one entry per preset with its article; a preset
 * without its own entry uses the national product default (the BĐ shape, the most common one).
 */
export const individualFields = ['fullName', 'nationality', 'address', 'phone', 'email', 'occupation', 'idNumber'] as const;
export const organisationFields = ['representativeName', 'representativePosition', 'organisationName', 'organisationAddress', 'phone', 'email'] as const;
export type IndividualField = (typeof individualFields)[number];
export type OrganisationField = (typeof organisationFields)[number];

export type Asker =
  | ({ readonly kind: 'individual' } & Partial<Record<IndividualField, string>>)
  | ({ readonly kind: 'organisation' } & Partial<Record<OrganisationField, string>>);

export interface AskerRequirement<F extends string> {
  readonly required: readonly F[];
  readonly basis: string;
}

export interface AskerRequirements {
  readonly individual: AskerRequirement<IndividualField>;
  readonly organisation: AskerRequirement<OrganisationField>;
}

const bdIndividual: AskerRequirement<IndividualField> = {
  // "e-mail if any": optional.
  required: ['fullName', 'nationality', 'address', 'phone'],
  basis: 'BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có)',
};
const bdOrganisation: AskerRequirement<OrganisationField> = {
  required: ['representativeName', 'representativePosition', 'organisationName', 'phone', 'email'],
  basis: 'BĐ 12.2b (họ tên, chức vụ người đại diện, tên đầy đủ của tổ chức, điện thoại, e-mail)',
};

export const nationalAskerRequirements: AskerRequirements = {
  individual: { ...bdIndividual, basis: `Mặc định của hệ thống / product default, as ${bdIndividual.basis}` },
  organisation: { ...bdOrganisation, basis: `Mặc định của hệ thống / product default, as ${bdOrganisation.basis}` },
};

/** By policy preset id (shared/domain/policies/presets.ts). */
export const askerRequirementsByPreset: Readonly<Record<string, AskerRequirements>> = {
  'binh-dinh-2020': { individual: bdIndividual, organisation: bdOrganisation },
  'cao-bang-2015': {
    individual: {
      required: ['fullName', 'nationality', 'address', 'phone', 'occupation', 'idNumber'],
      basis: 'CB 11.2b (thêm nghề nghiệp, số CMND/CCCD hoặc hộ chiếu)',
    },
    organisation: {
      required: ['representativeName', 'representativePosition', 'organisationName', 'organisationAddress', 'phone', 'email'],
      basis: 'CB 11.2a (thêm địa chỉ trụ sở)',
    },
  },
};

export const askerRequirements = (presetId: string): AskerRequirements => askerRequirementsByPreset[presetId] ?? nationalAskerRequirements;

const fieldNames: Record<IndividualField | OrganisationField, { vi: string; en: string }> = {
  fullName: { vi: 'họ và tên', en: 'full name' },
  nationality: { vi: 'quốc tịch', en: 'nationality' },
  address: { vi: 'địa chỉ', en: 'address' },
  phone: { vi: 'số điện thoại', en: 'phone number' },
  email: { vi: 'thư điện tử', en: 'e-mail' },
  occupation: { vi: 'nghề nghiệp', en: 'occupation' },
  idNumber: { vi: 'số CMND/CCCD hoặc hộ chiếu', en: 'ID card or passport number' },
  representativeName: { vi: 'họ tên người đại diện', en: "representative's full name" },
  representativePosition: { vi: 'chức vụ người đại diện', en: "representative's position" },
  organisationName: { vi: 'tên đầy đủ của tổ chức', en: "organisation's full name" },
  organisationAddress: { vi: 'địa chỉ trụ sở', en: 'head-office address' },
};

/** Every required field the asker left out, and every field of the other kind they sent, at once. */
export function askerProblems(asker: Asker, presetId: string): FieldIssue[] {
  const requirement = askerRequirements(presetId)[asker.kind];
  const allowed: readonly string[] = asker.kind === 'individual' ? individualFields : organisationFields;
  const values = asker as unknown as Record<string, string | undefined>;
  const issues: FieldIssue[] = [];
  for (const field of requirement.required as readonly (IndividualField | OrganisationField)[]) {
    if ((values[field]?.trim() ?? '') === '') {
      const name = fieldNames[field];
      issues.push({
        field: `body.asker.${field}`,
        code: 'required',
        message: { vi: `Cần nêu ${name.vi} (${requirement.basis})`, en: `Give the ${name.en} (${requirement.basis})` },
      });
    }
  }
  for (const field of Object.keys(values)) {
    if (field !== 'kind' && !allowed.includes(field) && values[field] !== undefined) {
      const message = {
        vi: `Trường "${field}" không dùng cho người hỏi là ${asker.kind === 'individual' ? 'cá nhân' : 'tổ chức'}`,
        en: `Field "${field}" does not apply to an asker who is an ${asker.kind}`,
      };
      issues.push({ field: `body.asker.${field}`, code: 'not_allowed', message });
    }
  }
  return issues;
}

export function requireCompleteAsker(asker: Asker, presetId: string): void {
  const issues = askerProblems(asker, presetId);
  if (issues.length === 1) throw invalidField(issues[0]!.field, issues[0]!.message, issues[0]!.code);
  if (issues.length > 1) {
    const message = { vi: issues.map((i) => i.message.vi).join('; '), en: issues.map((i) => i.message.en).join('; ') };
    throw new DomainError('validation', message, issues);
  }
}

/** The fields that identify an asker for duplicate detection (lower-cased, spaces collapsed). */
export function askerIdentity(asker: Asker): string {
  const v = asker as unknown as Record<string, string | undefined>;
  const parts = asker.kind === 'individual' ? [v.fullName, v.phone, v.email] : [v.organisationName, v.representativeName, v.phone, v.email];
  return [asker.kind, ...parts.map((p) => (p ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim())].join('\n');
}
