import { DomainError, type FieldIssue } from '../errors';
import { foldDiacritics, stripInvisible } from '../text';

/**
 * Who asks (BĐ 12.2, CB 11.2): an individual or an organisation, with the fields the deployment's
 * preset requires. The requirements are data, one entry per preset with its article; a preset
 * without its own entry uses the national product default (the BĐ shape, the most common one).
 */
export const individualFields = [
  'fullName',
  'nationality',
  'address',
  'phone',
  'email',
  'occupation',
  'idNumber',
] as const;
export const organisationFields = [
  'representativeName',
  'representativePosition',
  'organisationName',
  'organisationAddress',
  'phone',
  'email',
] as const;
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
      required: [
        'representativeName',
        'representativePosition',
        'organisationName',
        'organisationAddress',
        'phone',
        'email',
      ],
      basis: 'CB 11.2a (thêm địa chỉ trụ sở)',
    },
  },
};

export const askerRequirements = (presetId: string): AskerRequirements =>
  askerRequirementsByPreset[presetId] ?? nationalAskerRequirements;

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

/**
 * Every required field the asker left out, and every field of the other kind they sent, at once;
 * named under `path` (a commenter on a draft is `commenter`).
 */
export function askerProblems(asker: Asker, presetId: string, path = 'asker'): FieldIssue[] {
  const requirement = askerRequirements(presetId)[asker.kind];
  const allowed: readonly string[] = asker.kind === 'individual' ? individualFields : organisationFields;
  const values = asker as unknown as Record<string, string | undefined>;
  const issues: FieldIssue[] = [];
  for (const field of requirement.required as readonly (IndividualField | OrganisationField)[]) {
    if ((values[field]?.trim() ?? '') === '') {
      const name = fieldNames[field];
      issues.push({
        field: `${path}.${field}`,
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
      issues.push({ field: `${path}.${field}`, code: 'not_allowed', message });
    }
  }
  return issues;
}

export function requireCompleteAsker(asker: Asker, presetId: string, path = 'asker'): void {
  const issues = askerProblems(asker, presetId, path);
  if (issues.length === 0) return;
  // One validation refusal naming every field (with a single issue, the same as invalidField() gives).
  const message = { vi: issues.map((i) => i.message.vi).join('; '), en: issues.map((i) => i.message.en).join('; ') };
  throw new DomainError('validation', message, issues);
}

/**
 * The fields that identify an asker for duplicate detection: names and e-mail lower-cased, spaces
 * collapsed, invisible characters gone; the phone as one E.164 number (`0912.345.678`,
 * `+84 912 345 678` and `0084912345678` are the same asker).
 */
export function askerIdentity(asker: Asker): string {
  const v = asker as unknown as Record<string, string | undefined>;
  const plain = (p: string | undefined) =>
    stripInvisible((p ?? '').normalize('NFC'))
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  const parts =
    asker.kind === 'individual'
      ? [plain(v.fullName), e164(v.phone), plain(v.email)]
      : [plain(v.organisationName), plain(v.representativeName), e164(v.phone), plain(v.email)];
  return [asker.kind, ...parts].join('\n');
}

/** A Vietnamese phone number in E.164 (`+84…`): national (`0…`), `84…`, `0084…` or `+84…`; other digits as they are. */
export function e164(phone: string | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.startsWith('0084')) return `+84${digits.slice(4)}`;
  if (digits.startsWith('84') && digits.length >= 11) return `+${digits}`;
  if (digits.startsWith('0')) return `+84${digits.slice(1)}`;
  return digits;
}

/** A question's text as the duplicate guard compares it: no diacritics, case, punctuation, symbols or invisible characters. */
export const duplicateText = (text: string): string =>
  foldDiacritics(stripInvisible(text.normalize('NFC')))
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
