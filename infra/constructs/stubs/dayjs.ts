/**
 * Stands in for `dayjs` in the Lambda bundles (esbuild alias in infra/constructs/bundling.ts).
 * sanitize-html takes only `naughtyHref` (the `javascript:` URL check) from `launder`, whose
 * other, date-formatting helpers load dayjs (~7 KiB minified) at every cold start and never run.
 * If anything in a bundle ever formats a date with dayjs, this throws rather than misformat.
 */
export default function dayjs(): never {
  throw new Error('dayjs is not bundled (infra/constructs/stubs/dayjs.ts)');
}
