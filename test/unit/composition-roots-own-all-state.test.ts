import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One composition root per runtime (issue 21 item 2): clients, repositories and the unit of work are
 * built by a root (a Lambda entry's `lambdaRoot`, the local stack, a test) and passed in; no other
 * module keeps state of its own between calls. This reads every source file for module-level state
 * — a `let`/`var` at the top level, or a Map/Set there that is filled at run time — and fails on one
 * that is neither a root nor listed below. TypeScript 7 has no compiler API in JavaScript, so the
 * check reads the formatted source: a top-level statement starts at column 0.
 */
const root = resolve(import.meta.dirname, '../..');
const SCANNED = ['functions', 'shared', 'events', 'infra'];

/** The runtimes' roots: the only modules that may hold state across calls. */
const ROOTS = new Set([
  'infra/local/start.ts', // `npm start`: its Ctrl-C guard
]);

/**
 * Module-level values computed once from constants (no configuration, no clients, nothing a test
 * or a stack would need a fresh copy of): memo tables of pure functions.
 */
const CONSTANT_MEMOS = new Set([
  'shared/domain/search/plan.ts:phrases', // the legal forms' token sequences, built at the first search
  'shared/domain/text.ts:humanTexts', // one zod schema per length pair
  'shared/domain/operations/schedule-expression.ts:formatters', // one Intl formatter per zone
  'shared/domain/calendar/lunar.ts:month11Starts', // the lunar year's start, per zone and year
  'functions/operations/openapi.ts:documents', // the generated document, parsed once per origin
  'functions/operations/openapi.ts:parsed',
]);

/**
 * State not yet moved into a composition root. Shrinks to empty: a conversion removes its lines
 * here, and the test fails if a listed entry no longer exists (so the list cannot go stale).
 */
const NOT_YET_WIRED = new Set([
  // The local IAM guard of the backup signing key, registered once by infra/local/backup-signing-root.ts
  // (the same function for every stack of a process).
  'shared/adapters/backup/signing-keys.ts:localGuard',
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `file:name` of every module-level variable and of every module-level Map/Set not named as a constant. */
function moduleState(file: string, text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const variable = /^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)/.exec(line);
    if (variable) found.push(`${file}:${variable[1]}`);
    // UPPER_CASE sets and maps are lookup tables written once at import and only read after.
    const collection = /^(?:export\s+)?const\s+([a-z_$][\w$]*)\s*(?::[^=]+)?=\s*new\s+(?:Map|Set|WeakMap)\b/.exec(line);
    if (collection && !/:\s*Readonly/.test(line)) found.push(`${file}:${collection[1]}`);
    // An object built at import from the environment or a process-wide client: a singleton by another name.
    const built =
      /^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*new\s+\w+\(.*(?:env\(\)|documentClient\(\)|dynamoClient\(\)|s3Client\(\)|sqsClient\(\)|process\.env)/.exec(
        line,
      );
    if (built) found.push(`${file}:${built[1]}`);
  }
  return found;
}

const all = SCANNED.flatMap((dir) => sources(resolve(root, dir))).flatMap((path) => {
  const file = relative(root, path);
  return ROOTS.has(file) ? [] : moduleState(file, readFileSync(path, 'utf8'));
});

describe('composition roots own all state', () => {
  it('finds module-level state the way this check reads it', () => {
    expect(
      moduleState(
        'x.ts',
        'let a = 1;\nexport let b: number | undefined;\nconst c = new Map<string, number>();\nconst D = new Set([1]);\nconst g = new Repo(documentClient(), env().TABLE_NAME);\nconst h = () => new Repo(documentClient());\nexport const f: ReadonlySet<string> = new Set([]);\n  let inner = 2;\nconst e = 3;',
      ),
    ).toEqual(['x.ts:a', 'x.ts:b', 'x.ts:c', 'x.ts:g']);
  });

  it('keeps no module-level mutable state outside the composition roots', () => {
    const unexpected = all.filter((entry) => !NOT_YET_WIRED.has(entry) && !CONSTANT_MEMOS.has(entry));
    expect(
      unexpected,
      'build it in a root (shared/composition/services.ts) and pass it in; see docs/composition.md',
    ).toEqual([]);
  });

  it('lists only state that still exists (remove an entry once its module is wired)', () => {
    const present = new Set(all);
    expect([...NOT_YET_WIRED, ...CONSTANT_MEMOS].filter((entry) => !present.has(entry))).toEqual([]);
  });
});
