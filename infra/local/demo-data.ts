import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureAccount, ensureProvince, ensureUnits, type SeededAccount } from '../../shared/application/bootstrap';
import { seedDemoContent, seedDemoTranslations } from '../../shared/application/content-demo';
import type { NewUnit } from '../../shared/application/units';
import { conventionsOf } from '../../shared/domain/policies/conventions';
import type { LocalIdentityProvider } from '../../shared/adapters/identity/local';
import { seedDemoQuestions } from './demo-questions';
import { seedDemoReport } from './demo-reports';
import { seedDemoConsultations } from './demo-consultations';
import { seedDemoOutage, seedDemoRatings } from './demo-participation-ratings';
import type { DeploymentConfig } from '../config/deployment';
import type { Services } from '../../shared/composition/services';

type DemoRole = SeededAccount['roles'][number];
type Office = NonNullable<NewUnit['offices']>[number];
const office = (slug: string, vi: string, en: string): Office => ({ slug, name: { vi, en } });

/** One demo person: the account's name by default, and the office it is named after where the preset prescribes names (NA 10.2d). */
interface CastMember {
  readonly key: string;
  readonly username: string;
  readonly office?: Office;
  readonly fullName: string;
  readonly unitCode: string;
  readonly roles: readonly DemoRole[];
}

/**
 * The demo's units and people under the deployment's preset (issue 23 #9): three levels (a district
 * with two communes) or, where the preset has two levels, communes and wards directly under the
 * province (NA 1.2a); account names as the preset prescribes (NA 10.2d: `admin.<unit>`,
 * `admin.<office>.<unit>`, each office on its unit). `cattan` is the commune that answers the demo
 * questions in either shape.
 */
export function demoCast(config: DeploymentConfig) {
  const province = config.province.code;
  const conventions = conventionsOf(config.policyPreset);
  const twoLevels = conventions.levels.value === 2;
  const members: CastMember[] = [
    { key: 'operator', username: 'admin', fullName: 'Quản trị Cổng tỉnh', unitCode: province, roles: ['operator'] },
    {
      key: 'auditor',
      username: 'kiemtra',
      office: office('kiemtra', 'Tổ kiểm tra', 'Inspection team'),
      fullName: 'Kiểm tra viên',
      unitCode: province,
      roles: ['auditor'],
    },
    {
      key: 'deptOperator',
      username: 'admin.sotttt',
      fullName: 'Quản trị Sở TT&TT',
      unitCode: 'sotttt',
      roles: ['operator'],
    },
    {
      key: 'deptChief',
      username: 'truongban.sotttt',
      office: office('lanhdao', 'Lãnh đạo Sở (Trưởng ban Biên tập)', 'Department leadership (chief editor)'),
      fullName: 'Trưởng ban Biên tập',
      unitCode: 'sotttt',
      roles: ['chief-editor'],
    },
    {
      key: 'deptDeputy',
      username: 'phoban.sotttt',
      office: office('phoban', 'Phó Trưởng ban Biên tập', 'Deputy chief editor'),
      fullName: 'Phó Trưởng ban Biên tập',
      unitCode: 'sotttt',
      roles: ['deputy-editor'],
    },
    {
      key: 'deptSecretary',
      username: 'thuky.sotttt',
      office: office('vanphong', 'Văn phòng Sở (Thư ký Ban Biên tập)', 'Department office (board secretary)'),
      fullName: 'Thư ký Ban Biên tập',
      unitCode: 'sotttt',
      roles: ['secretary', 'editor'],
    },
    {
      key: 'contributor',
      username: 'ctv.sotttt',
      office: office('ctv', 'Cộng tác viên', 'Contributors'),
      fullName: 'Cộng tác viên',
      unitCode: 'sotttt',
      roles: ['contributor'],
    },
    {
      key: 'reporter',
      username: 'phongvien.sotttt',
      office: office('phongvien', 'Phóng viên', 'Reporters'),
      fullName: 'Phóng viên',
      unitCode: 'sotttt',
      roles: ['reporter'],
    },
    {
      key: 'communeHead',
      username: twoLevels ? 'admin.cattan' : 'admin.phucat.cattan',
      fullName: 'Quản trị xã Cát Tân',
      unitCode: 'cattan',
      roles: ['operator', 'unit-head'],
    },
    {
      key: 'communeOfficer',
      username: twoLevels ? 'canbo.cattan' : 'canbo.phucat.cattan',
      office: office('vanhoa', 'Công chức Văn hóa – Xã hội', 'Culture and social affairs officer'),
      fullName: 'Cán bộ trả lời Hỏi – Đáp',
      unitCode: 'cattan',
      roles: ['unit-officer'],
    },
    // The provincial portal's own editorial board (issue 9 §10): it receives, routes and checks the questions.
    {
      key: 'chief',
      username: 'truongban',
      office: office('bbt', 'Ban Biên tập Cổng tỉnh (Trưởng ban)', 'Portal editorial board (chief)'),
      fullName: 'Trưởng ban Biên tập Cổng tỉnh',
      unitCode: province,
      roles: ['chief-editor'],
    },
    {
      key: 'deputy',
      username: 'phoban',
      office: office('phoban', 'Phó Trưởng ban Biên tập Cổng tỉnh', 'Portal deputy chief editor'),
      fullName: 'Phó Trưởng ban Biên tập Cổng tỉnh',
      unitCode: province,
      roles: ['deputy-editor'],
    },
    {
      key: 'secretary',
      username: 'thuky',
      office: office('thuky', 'Thư ký Ban Biên tập Cổng tỉnh', 'Portal board secretary'),
      fullName: 'Thư ký Ban Biên tập Cổng tỉnh',
      unitCode: province,
      roles: ['secretary'],
    },
  ];
  const slugOfUnit = (code: string) => (code === province ? province : code);
  const named = members.map((m) => ({
    ...m,
    username: conventions.accountNames
      ? m.office
        ? `admin.${m.office.slug}.${slugOfUnit(m.unitCode)}`
        : `admin.${slugOfUnit(m.unitCode)}`
      : m.username,
  }));
  const officesOf = (code: string) =>
    conventions.offices ? { offices: named.filter((m) => m.unitCode === code && m.office).map((m) => m.office!) } : {};
  const units: NewUnit[] = [
    {
      code: 'sotttt',
      name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' },
      kind: 'department',
      parentCode: province,
      slug: 'sotttt',
      ...officesOf('sotttt'),
    },
    {
      code: 'vpubnd',
      name: { vi: 'Văn phòng UBND tỉnh', en: 'Office of the Provincial People’s Committee' },
      kind: 'department',
      parentCode: province,
      slug: 'vpubnd',
    },
    ...(twoLevels
      ? [
          {
            code: 'cattan',
            name: { vi: 'Xã Cát Tân', en: 'Cát Tân Commune' },
            kind: 'commune' as const,
            parentCode: province,
            ...officesOf('cattan'),
          },
          {
            code: 'phuongmot',
            name: { vi: 'Phường Một', en: 'Ward One' },
            kind: 'commune' as const,
            parentCode: province,
            slug: 'phuongmot',
          },
        ]
      : [
          // Default labels as QN 4.2–4.3 write them: Huyện Phù Cát → phucat, Xã Cát Tân → cattan.phucat.
          {
            code: 'phucat',
            name: { vi: 'Huyện Phù Cát', en: 'Phù Cát District' },
            kind: 'district' as const,
            parentCode: province,
          },
          {
            code: 'cattan',
            name: { vi: 'Xã Cát Tân', en: 'Cát Tân Commune' },
            kind: 'commune' as const,
            parentCode: 'phucat',
            ...officesOf('cattan'),
          },
          {
            code: 'catminh',
            name: { vi: 'Xã Cát Minh', en: 'Cát Minh Commune' },
            kind: 'commune' as const,
            parentCode: 'phucat',
          },
          {
            code: 'phuongmot',
            name: { vi: 'Phường Một', en: 'Ward One' },
            kind: 'commune' as const,
            parentCode: province,
            slug: 'phuongmot',
          },
        ]),
  ];
  const byKey = Object.fromEntries(named.map((m) => [m.key, m]));
  return { units, people: named, provinceOffices: officesOf(province).offices, byKey };
}

/**
 * Demo data for a first `npm start`: the province's units and people (demoCast), published items of
 * every category in the department's portal, items in each of the provincial portal's other
 * languages (QN: English and Chinese), questions from askers who give what the preset requires
 * (CB 11.2), and last month's report. Returns the accounts created now, with their temporary passwords.
 */
export async function seedDemo(
  s: Services,
  config: DeploymentConfig,
  options: { readonly onAccount?: (account: SeededAccount) => void } = {},
): Promise<SeededAccount[]> {
  const province = config.province.code;
  const cast = demoCast(config);
  await ensureProvince(s, { vi: config.province.name, en: config.province.nameEn }, cast.provinceOffices);
  await ensureUnits(s, cast.units);
  const created: SeededAccount[] = [];
  for (const person of cast.people) {
    const account = await ensureAccount(s, {
      username: person.username,
      fullName: person.fullName,
      unitCode: person.unitCode,
      email: `${person.username}@${config.domain}`,
      roles: [...person.roles],
    });
    if (account) {
      created.push(account);
      // Kept at once: its temporary password exists nowhere else, and a later step may still fail.
      options.onAccount?.(account);
    }
  }
  // A living portal for newcomers: a few published items of every category (issue 8 #10)…
  await seedDemoContent(s, 'sotttt');
  // …and the provincial portal's other language versions (QN 2: English and Chinese).
  await seedDemoTranslations(s, province);
  // Questions on the provincial portal in each stage, one overdue (issue 9 §10).
  const { secretary, chief, communeHead } = cast.byKey;
  await seedDemoQuestions(s, province, config.policyPreset, {
    secretary: secretary!.username,
    chief: chief!.username,
    unitHead: communeHead!.username,
  });
  // Ratings of the department's items over five weeks, and one planned outage of the province's portal (issue 28 §5–6).
  await seedDemoRatings(s, 'sotttt');
  await seedDemoOutage(s, province);
  // Last month's report of the preset (issue 27), a draft to write, approve, send and download.
  await seedDemoReport(s, province);
  // One consultation open for comment and one closed with its published summary (issue 28).
  await seedDemoConsultations(s, 'sotttt');
  return created;
}

/**
 * Local stack only: the demo accounts' temporary passwords are kept in <data dir>/demo-passwords.json
 * (mode 0600, git-ignored with the rest of .local/; no deployed code reads it), so that every
 * `npm start` shows them again until each is changed at first sign-in. A changed password is
 * dropped from the file at the next start.
 */
export const DEMO_PASSWORDS_FILE = 'demo-passwords.json';

export interface DemoPassword extends SeededAccount {
  readonly temporaryPassword: string;
  readonly status: 'pending' | 'expired';
}

const readStore = (file: string): SeededAccount[] =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeededAccount[]) : [];

/** Adds the accounts just created to the store; returns those whose temporary password is still unchanged. */
export async function demoPasswords(
  identity: LocalIdentityProvider,
  dataDir: string,
  seeded: readonly SeededAccount[],
): Promise<DemoPassword[]> {
  const file = resolve(dataDir, DEMO_PASSWORDS_FILE);
  const known = new Map(readStore(file).map((a) => [a.username, a]));
  for (const account of seeded) if (account.temporaryPassword) known.set(account.username, account);
  const unchanged: DemoPassword[] = [];
  for (const account of known.values()) {
    const status = account.temporaryPassword ? await identity.temporaryPasswordStatus(account.username) : 'unknown';
    if (status === 'pending' || status === 'expired')
      unchanged.push({ ...account, temporaryPassword: account.temporaryPassword!, status });
  }
  writeFileSync(
    file,
    JSON.stringify(
      unchanged.map(({ status: _, ...account }) => account),
      null,
      2,
    ),
    { mode: 0o600 },
  );
  return unchanged;
}

/** Adds one account just created to the store (before anything else of the start can fail). */
export function rememberDemoPassword(dataDir: string, account: SeededAccount): void {
  if (!account.temporaryPassword) return;
  const file = resolve(dataDir, DEMO_PASSWORDS_FILE);
  const known = readStore(file).filter((a) => a.username !== account.username);
  writeFileSync(file, JSON.stringify([...known, account], null, 2), { mode: 0o600 });
}

/**
 * The demo part of `npm start`: seeds what is missing, keeping each new account's temporary password
 * in the store as soon as the account exists, so that a start failing half-way (a demo step the
 * deployment's rules refuse, a stopped emulator) leaves them readable, and the next start — which
 * creates nobody again and finishes what is missing — still shows them.
 */
export async function startDemo(
  s: Services,
  identity: LocalIdentityProvider,
  dataDir: string,
  config: DeploymentConfig,
): Promise<DemoPassword[]> {
  await seedDemo(s, config, { onAccount: (account) => rememberDemoPassword(dataDir, account) });
  return demoPasswords(identity, dataDir, []);
}

/** The lines `npm start` prints about the demo accounts. */
export function demoPasswordLines(accounts: readonly DemoPassword[]): string {
  if (accounts.length === 0)
    return '  Demo accounts  every temporary password has been changed (npm run reset starts afresh)\n';
  const rows = accounts.map(
    (a) =>
      `    ${a.username.padEnd(22)} ${a.temporaryPassword.padEnd(16)} ${a.roles.join(', ')} @ ${a.unitCode}` +
      (a.status === 'expired' ? '   (expired: npm run reset)' : ''),
  );
  return `\n  Demo accounts (temporary passwords, shown until changed at first sign-in):\n${rows.join('\n')}\n`;
}
