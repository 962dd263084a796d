import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { useLocalStack } from '../support/local-stack';
import { signIn } from '../support/directory';
import { DEMO_PASSWORDS_FILE, demoPasswordLines, demoPasswords, seedDemo } from '../../infra/local/demo-data';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { contentCategoryIds } from '../../shared/domain/content';

/**
 * Issue 12 #28: a newcomer who missed the first `npm start` still sees each demo account's
 * temporary password at the next start, for as long as it has not been changed; `npm run reset`
 * starts afresh.
 */
vi.setConfig({ testTimeout: 120_000 }); // thirteen accounts' scrypt hashes on a loaded machine
const local = useLocalStack();
const config = loadDeploymentConfig();
const root = resolve(import.meta.dirname, '../..');

describe('demo passwords at npm start (local stack only)', () => {
  it('are shown at every start until each is changed, and kept only in a private file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'demo-passwords-'));
    const first = await demoPasswords(
      local.stack().localIdentity(),
      dataDir,
      await seedDemo(local.stack().services, config),
    );
    expect(first.length).toBe(13);
    const admin = first.find((a) => a.username === 'admin')!;
    expect(demoPasswordLines(first)).toContain(admin.temporaryPassword);

    const second = await demoPasswords(
      local.stack().localIdentity(),
      dataDir,
      await seedDemo(local.stack().services, config),
    ); // a second start creates nobody
    expect(second).toEqual(first);
    expect(demoPasswordLines(second)).toContain(admin.temporaryPassword);

    await signIn(local.api, 'admin', admin.temporaryPassword);
    const third = await demoPasswords(
      local.stack().localIdentity(),
      dataDir,
      await seedDemo(local.stack().services, config),
    );
    expect(third.map((a) => a.username)).not.toContain('admin');
    expect(third.length).toBe(12);
    const file = join(dataDir, DEMO_PASSWORDS_FILE);
    expect(readFileSync(file, 'utf8')).not.toContain(admin.temporaryPassword);
    expect(statSync(file).mode & 0o077).toBe(0);

    // The demo department's portal is alive: published items of every category, written once.
    const published = (await (await local.api('/public/portals/sotttt/content?limit=100')).json()) as {
      items: Array<{ category: string; citation: string }>;
    };
    expect(new Set(published.items.map((i) => i.category))).toEqual(new Set(contentCategoryIds));
    // One item per category, a second news item and a second draft for comment (the demo consultations, issue 28).
    expect(published.items).toHaveLength(contentCategoryIds.length + 2);
    expect(published.items[0]!.citation).toMatch(/^Theo Cổng thông tin điện tử Sở Thông tin và Truyền thông/);
    // Its legal documents are searchable, as published ones are.
    const legal = published.items.filter((i) => i.category === 'legal-document');
    const found = (await (await local.api('/public/portals/sotttt/legal-documents?q=quyet+dinh')).json()) as {
      items: unknown[];
    };
    expect(found.items.length).toBe(legal.length);
    expect(legal.length).toBeGreaterThan(0);

    // The provincial portal's own board has questions in each stage, one overdue, visible through the API (written once).
    const province = config.province.code;
    const secretary = first.find((a) => a.username === 'thuky')!;
    expect(secretary).toMatchObject({ unitCode: province, roles: ['secretary'] });
    expect(first.filter((a) => a.unitCode === province).map((a) => a.username)).toEqual(
      expect.arrayContaining(['truongban', 'phoban', 'thuky']),
    );
    const token = await signIn(local.api, 'thuky', secretary.temporaryPassword);
    const list = async (query: string) =>
      (await (
        await local.api(`/units/${province}/questions?view=portal${query}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { items: Array<{ stage: string; overdue: boolean; dueAt?: string }> };
    const all = await list('');
    expect(all.items.map((q) => q.stage).sort()).toEqual([
      'answered',
      'received',
      'received',
      'refused',
      'routed',
      'sent',
    ]);
    const overdue = await list('&overdue=true');
    expect(overdue.items).toHaveLength(1);
    expect(overdue.items[0]).toMatchObject({ stage: 'received', overdue: true });
    expect(all.items.filter((q) => q.dueAt !== undefined && !q.overdue).length).toBeGreaterThan(0);
  });
});

describe('npm run reset', () => {
  const reset = (dataDir: string) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/local/reset.ts'], {
      cwd: root,
      env: { ...process.env, LOCAL_DATA_DIR: dataDir },
    }).then(
      () => 0,
      (error: { code?: number }) => error.code ?? 1,
    );

  it('deletes the local data folder when no stack runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reset-'));
    mkdirSync(join(dataDir, 'dynamodb'));
    writeFileSync(join(dataDir, DEMO_PASSWORDS_FILE), '[]');
    expect(await reset(dataDir)).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a folder holding files the local stack did not create', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reset-'));
    writeFileSync(join(dataDir, 'thesis.docx'), 'x');
    expect(await reset(dataDir)).toBe(1);
    expect(existsSync(join(dataDir, 'thesis.docx'))).toBe(true);
  });

  it('refuses while a stack is running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reset-'));
    writeFileSync(join(dataDir, 'stack.json'), JSON.stringify({ api: local.stack().gateway.url }));
    expect(await reset(dataDir)).toBe(1);
    expect(existsSync(dataDir)).toBe(true);
  });
});
