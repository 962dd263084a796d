import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureAccount, ensureProvince, ensureUnits, type SeededAccount } from '../../shared/application/bootstrap';
import { seedDemoContent } from '../../shared/application/content-demo';
import type { LocalIdentityProvider } from '../../shared/adapters/identity/local';
import { seedDemoQuestions } from './demo-questions';
import { seedDemoReport } from './demo-reports';
import type { DeploymentConfig } from '../config/deployment';
import type { Services } from '../../shared/composition/services';

/**
 * Demo data for a first `npm start`: a province with a department, a district with two communes
 * (three-level shape) and a commune directly under the province (two-level shape), and accounts
 * for the main roles (the editorial board with a contributor and a reporter), and published items of every
 * category in the department's portal. Returns the accounts created now, with their temporary passwords.
 */
export async function seedDemo(s: Services, config: DeploymentConfig, options: { readonly onAccount?: (account: SeededAccount) => void } = {}): Promise<SeededAccount[]> {
  const province = config.province.code;
  await ensureProvince(s, { vi: config.province.name, en: config.province.nameEn });
  await ensureUnits(s, [
    { code: 'sotttt', name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' }, kind: 'department', parentCode: province, slug: 'sotttt' },
    { code: 'vpubnd', name: { vi: 'Văn phòng UBND tỉnh', en: 'Office of the Provincial People’s Committee' }, kind: 'department', parentCode: province, slug: 'vpubnd' },
    { code: 'phucat', name: { vi: 'Huyện Phù Cát', en: 'Phù Cát District' }, kind: 'district', parentCode: province },
    { code: 'cattan', name: { vi: 'Xã Cát Tân', en: 'Cát Tân Commune' }, kind: 'commune', parentCode: 'phucat' },
    { code: 'catminh', name: { vi: 'Xã Cát Minh', en: 'Cát Minh Commune' }, kind: 'commune', parentCode: 'phucat' },
    { code: 'phuongmot', name: { vi: 'Phường Một', en: 'Ward One' }, kind: 'commune', parentCode: province, slug: 'phuongmot' },
  ]);
  const people = [
    { username: 'admin', fullName: 'Quản trị Cổng tỉnh', unitCode: province, roles: ['operator'] as const },
    { username: 'kiemtra', fullName: 'Kiểm tra viên', unitCode: province, roles: ['auditor'] as const },
    { username: 'admin.sotttt', fullName: 'Quản trị Sở TT&TT', unitCode: 'sotttt', roles: ['operator'] as const },
    { username: 'truongban.sotttt', fullName: 'Trưởng ban Biên tập', unitCode: 'sotttt', roles: ['chief-editor'] as const },
    { username: 'phoban.sotttt', fullName: 'Phó Trưởng ban Biên tập', unitCode: 'sotttt', roles: ['deputy-editor'] as const },
    { username: 'thuky.sotttt', fullName: 'Thư ký Ban Biên tập', unitCode: 'sotttt', roles: ['secretary', 'editor'] as const },
    { username: 'ctv.sotttt', fullName: 'Cộng tác viên', unitCode: 'sotttt', roles: ['contributor'] as const },
    { username: 'phongvien.sotttt', fullName: 'Phóng viên', unitCode: 'sotttt', roles: ['reporter'] as const },
    { username: 'admin.phucat.cattan', fullName: 'Quản trị xã Cát Tân', unitCode: 'cattan', roles: ['operator', 'unit-head'] as const },
    { username: 'canbo.phucat.cattan', fullName: 'Cán bộ trả lời Hỏi – Đáp', unitCode: 'cattan', roles: ['unit-officer'] as const },
    // The provincial portal's own editorial board (issue 9 §10): it receives, routes and checks the questions.
    { username: 'truongban', fullName: 'Trưởng ban Biên tập Cổng tỉnh', unitCode: province, roles: ['chief-editor'] as const },
    { username: 'phoban', fullName: 'Phó Trưởng ban Biên tập Cổng tỉnh', unitCode: province, roles: ['deputy-editor'] as const },
    { username: 'thuky', fullName: 'Thư ký Ban Biên tập Cổng tỉnh', unitCode: province, roles: ['secretary'] as const },
  ];
  const created: SeededAccount[] = [];
  for (const person of people) {
    const account = await ensureAccount(s, { ...person, email: `${person.username}@${config.domain}`, roles: [...person.roles] });
    if (account) {
      created.push(account);
      // Kept at once: its temporary password exists nowhere else, and a later step may still fail.
      options.onAccount?.(account);
    }
  }
  // A living portal for newcomers: a few published items of every category (issue 8 #10).
  await seedDemoContent('sotttt');
  // Questions on the provincial portal in each stage, one overdue (issue 9 §10).
  await seedDemoQuestions(province, config.policyPreset);
  // Last month's report of the preset (issue 27), a draft to write, approve, send and download.
  await seedDemoReport(s, province);
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

const readStore = (file: string): SeededAccount[] => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeededAccount[]) : []);

/** Adds the accounts just created to the store; returns those whose temporary password is still unchanged. */
export async function demoPasswords(identity: LocalIdentityProvider, dataDir: string, seeded: readonly SeededAccount[]): Promise<DemoPassword[]> {
  const file = resolve(dataDir, DEMO_PASSWORDS_FILE);
  const known = new Map(readStore(file).map((a) => [a.username, a]));
  for (const account of seeded) if (account.temporaryPassword) known.set(account.username, account);
  const unchanged: DemoPassword[] = [];
  for (const account of known.values()) {
    const status = account.temporaryPassword ? await identity.temporaryPasswordStatus(account.username) : 'unknown';
    if (status === 'pending' || status === 'expired') unchanged.push({ ...account, temporaryPassword: account.temporaryPassword!, status });
  }
  writeFileSync(file, JSON.stringify(unchanged.map(({ status: _, ...account }) => account), null, 2), { mode: 0o600 });
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
export async function startDemo(s: Services, identity: LocalIdentityProvider, dataDir: string, config: DeploymentConfig): Promise<DemoPassword[]> {
  await seedDemo(s, config, { onAccount: (account) => rememberDemoPassword(dataDir, account) });
  return demoPasswords(identity, dataDir, []);
}

/** The lines `npm start` prints about the demo accounts. */
export function demoPasswordLines(accounts: readonly DemoPassword[]): string {
  if (accounts.length === 0) return '  Demo accounts  every temporary password has been changed (npm run reset starts afresh)\n';
  const rows = accounts.map(
    (a) =>
      `    ${a.username.padEnd(22)} ${a.temporaryPassword.padEnd(16)} ${a.roles.join(', ')} @ ${a.unitCode}` +
      (a.status === 'expired' ? '   (expired: npm run reset)' : ''),
  );
  return `\n  Demo accounts (temporary passwords, shown until changed at first sign-in):\n${rows.join('\n')}\n`;
}
