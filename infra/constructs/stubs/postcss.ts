/**
 * Stands in for `postcss` in the Lambda bundles (esbuild alias in infra/constructs/bundling.ts).
 * sanitize-html parses a `style` attribute with postcss only when styles are allowed; our
 * allow-list (shared/domain/content/rich-text.ts) drops every `style`, so postcss and its
 * source-map library (~90 KiB) would be parsed at every cold start and never run. If a future
 * allow-list lets styles through, this throws instead of passing them unchecked; the content
 * tests run unbundled, on the real postcss, and test/integration/lambda-bundle.test.ts checks
 * the bundled sanitiser.
 */
export function parse(): never {
  throw new Error('Inline styles are not allowed: postcss is not bundled (infra/constructs/stubs/postcss.ts)');
}
