import type { BuildOptions } from 'esbuild';

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
