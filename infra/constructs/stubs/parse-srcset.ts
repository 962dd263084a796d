/**
 * Stands in for `parse-srcset` in the Lambda bundles (esbuild alias in infra/constructs/bundling.ts).
 * sanitize-html parses a `srcset` only when the allow-list lets one through; ours
 * (shared/domain/content/rich-text.ts) allows `src` on images, never `srcset`. If a future
 * allow-list does, this throws rather than pass a srcset unchecked.
 */
export default function parseSrcset(): never {
  throw new Error('srcset is not allowed: parse-srcset is not bundled (infra/constructs/stubs/parse-srcset.ts)');
}
