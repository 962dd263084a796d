import { resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** esbuild settings shared by the Lambda bundles (PortalFunction) and the bundle benchmark. */
export const bundlingTarget = 'node22';
export const esmRequireBanner =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * Modules replaced in the Lambda bundles, each by a small stand-in that says why:
 * - on Lambda the SDK's default credential chain ends at its first link, the environment
 *   (shared/adapters/lambda-credentials.ts);
 * - sanitize-html needs postcss only for allowed inline styles, and we allow none (stubs/postcss.ts);
 *   it needs only htmlparser2's streaming parser (stubs/htmlparser2.ts), only launder's URL
 *   check, not its dayjs date helpers (stubs/dayjs.ts), and no srcset parser (stubs/parse-srcset.ts);
 * - no call we make uses an AWS event stream (stubs/event-streams.ts), and the DynamoDB client's
 *   endpoint cache needs five methods of an LRU cache, not mnemonist (stubs/lru-cache.ts).
 */
export const lambdaAliases: Record<string, string> = {
  '@aws-sdk/credential-provider-node': resolve(import.meta.dirname, '../../shared/adapters/lambda-credentials.ts'),
  postcss: resolve(import.meta.dirname, 'stubs/postcss.ts'),
  htmlparser2: resolve(import.meta.dirname, 'stubs/htmlparser2.ts'),
  dayjs: resolve(import.meta.dirname, 'stubs/dayjs.ts'),
  'parse-srcset': resolve(import.meta.dirname, 'stubs/parse-srcset.ts'),
  '@smithy/core/event-streams': resolve(import.meta.dirname, 'stubs/event-streams.ts'),
  'mnemonist/lru-cache': resolve(import.meta.dirname, 'stubs/lru-cache.ts'),
};

/** The same options as PortalFunction's `bundling`, for esbuild called directly (npm run bench). */
export const bundleOptions: BuildOptions = {
  format: 'esm',
  target: bundlingTarget,
  minify: true,
  // Vietnamese text (rules' citations, messages, presets) as UTF-8, not \uXXXX escapes: ~7 KB less per function.
  charset: 'utf8',
  // Maps for readable stack traces, without embedded sources (they cost import time and memory).
  sourcemap: 'linked',
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: { js: esmRequireBanner },
  outExtension: { '.js': '.mjs' },
  alias: lambdaAliases,
};

/** NodejsFunction's bundling for every function: ESM, minified, maps without sources, local esbuild (never Docker). */
export const lambdaBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: bundlingTarget,
  minify: true,
  sourceMap: true,
  sourcesContent: false, // no embedded sources: they cost import time and memory
  externalModules: [],
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); give the ESM bundle one.
  banner: esmRequireBanner,
  forceDockerBundling: false,
  esbuildArgs: {
    ...Object.fromEntries(Object.entries(lambdaAliases).map(([from, to]) => [`--alias:${from}`, to])),
    // As bundleOptions: Vietnamese text as UTF-8. Given as an argument: this CDK version declares
    // BundlingOptions.charset but does not pass it to esbuild.
    '--charset': 'utf8',
  },
};
