import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { generate, SOURCE, TARGET } from './api-types';

/**
 * `npm run console:build`: the API's types from its OpenAPI document, then one minified ES module
 * and one stylesheet with content hashes in their names (cached for good), and index.html naming
 * them (never cached). The output is the folder a static bucket (or `npm start`) serves at /console/.
 */
const root = resolve(import.meta.dirname, '..');
export const DEFAULT_OUT = resolve(root, 'dist');
/** The first screen's budget (issue 25): at most 60 KB of gzipped JavaScript and CSS. */
export const CONSOLE_BUDGET_BYTES = 60 * 1024;

export interface ConsoleBuild {
  readonly outDir: string;
  readonly script: string;
  readonly style: string;
  /** Gzipped bytes of what the first screen loads: the script and the stylesheet. */
  readonly gzipBytes: { readonly js: number; readonly css: number };
}

export async function buildConsole(outDir = DEFAULT_OUT): Promise<ConsoleBuild> {
  writeFileSync(TARGET, generate(JSON.parse(readFileSync(SOURCE, 'utf8'))));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: { main: resolve(root, 'src/main.ts'), style: resolve(root, 'src/style.css') },
    outdir: resolve(outDir, 'assets'),
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => resolve(p));
  const script = outputs.find((p) => p.endsWith('.js'))!;
  const style = outputs.find((p) => p.endsWith('.css'))!;
  const index = readFileSync(resolve(root, 'index.html'), 'utf8')
    .replace('href="STYLE"', `href="assets/${basename(style)}"`)
    .replace('src="SCRIPT"', `src="assets/${basename(script)}"`);
  writeFileSync(resolve(outDir, 'index.html'), index);
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  return { outDir, script: basename(script), style: basename(style), gzipBytes: { js: gz(script), css: gz(style) } };
}

if (process.argv[1] === import.meta.filename) {
  const out = await buildConsole(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT);
  console.log(
    `console built in ${out.outDir}: ${out.script} ${out.gzipBytes.js} B gz, ${out.style} ${out.gzipBytes.css} B gz`,
  );
}
