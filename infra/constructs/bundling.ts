import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** esbuild settings shared by the Lambda bundles (PortalFunction) and the bundle benchmark. */
export const bundlingTarget = 'node22';
export const esmRequireBanner = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** The same options as PortalFunction's `bundling`, for esbuild called directly (npm run bench). */
export const bundleOptions: BuildOptions = {
  format: 'esm',
  target: bundlingTarget,
  minify: true,
  // Maps for readable stack traces, without embedded sources (they cost import time and memory).
  sourcemap: 'linked',
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: { js: esmRequireBanner },
  outExtension: { '.js': '.mjs' },
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
};
