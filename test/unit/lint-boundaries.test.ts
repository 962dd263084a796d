import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of biome.json (issue 21 #5), as `npm run lint` applies them: a probe file
 * is linted at a chosen path, in a scratch copy of the repository's configuration (never in the
 * tree: other runs read it). The domain imports no adapter, use case, HTTP, runtime configuration
 * or AWS code; use cases name no key module. A rule that stopped firing (a glob typo, an override
 * lost) fails here.
 */
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'lint-boundaries-'));
const { vcs: _vcs, $schema: _schema, ...config } = JSON.parse(readFileSync('biome.json', 'utf8'));
writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
cpSync('lint', join(scratch, 'lint'), { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let probes = 0;
function lint(path: string, source: string): { ok: boolean; output: string } {
  const file = path.replace(/\.ts$/, `-${(probes += 1)}.ts`);
  mkdirSync(dirname(join(scratch, file)), { recursive: true });
  writeFileSync(join(scratch, file), source);
  const run = spawnSync(process.execPath, [biome, 'lint', file], { cwd: scratch, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('import boundaries (biome.json, npm run lint)', () => {
  it.each([
    ['shared/domain/questions/probe.ts', "import { keys } from '../../adapters/dynamo/keys';"],
    ['shared/domain/probe.ts', "import { UnitOfWork } from '../adapters/dynamo/unit-of-work';"],
    ['shared/domain/content/probe.ts', "import { currentCalendar } from '../../application/calendar-service';"],
    ['shared/domain/probe.ts', "import { HttpProblem } from '../http/problem';"],
    ['shared/domain/probe.ts', "import { env } from '../config/env';"],
    ['shared/domain/probe.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';"],
    ['shared/domain/probe.ts', "import middy from '@middy/core';"],
  ])('the domain may not import it: %s ← %s', (path, source) => {
    const result = lint(path, `${source}\nexport const probe = 1;\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/noRestrictedImports/);
  });

  it('a use case may not import the key module; it may import a repository', () => {
    const keysImport = lint(
      'shared/application/probe.ts',
      "import { keys } from '../adapters/dynamo/keys';\nexport const probe = keys;\n",
    );
    expect(keysImport.ok).toBe(false);
    expect(keysImport.output).toMatch(/Use cases name no key or attribute/);
    expect(
      lint(
        'shared/application/probe.ts',
        "import { UnitOfWork } from '../adapters/dynamo/unit-of-work';\nexport const probe = UnitOfWork;\n",
      ).ok,
    ).toBe(true);
  });

  it('the domain imports the domain, and adapters import keys', () => {
    expect(
      lint(
        'shared/domain/questions/probe.ts',
        "import { auditEntry } from '../audit';\nexport const probe = auditEntry;\n",
      ).ok,
    ).toBe(true);
    expect(
      lint('shared/adapters/dynamo/probe.ts', "import { keys } from './keys';\nexport const probe = keys;\n").ok,
    ).toBe(true);
  });

  it('module-level `let` in Lambda code is reported (a warning until issue 21 #2 lands); a `let` in a function is not', () => {
    const moduleLet = lint(
      'shared/application/probe.ts',
      "let cache: string | undefined;\nexport const probe = () => (cache ??= 'x');\n",
    );
    expect(moduleLet.output).toMatch(/No module-level `let`/);
    expect(lint('functions/probe/handler.ts', 'export let calls = 0;\n').output).toMatch(/No module-level `let`/);
    expect(
      lint('shared/application/probe.ts', 'export function probe() {\n  let n = 1;\n  n += 1;\n  return n;\n}\n')
        .output,
    ).not.toMatch(/No module-level `let`/);
  });
});
