/**
 * Stands in for `htmlparser2`'s index in the Lambda bundles (esbuild alias in
 * infra/constructs/bundling.ts). sanitize-html uses only the streaming `Parser`; the index also
 * loads the DOM builder, DOM utilities, feed reader and serialiser with its entity encoder
 * (~20 KiB minified), parsed at every cold start of the one function that sanitises. The
 * parser itself (tokenizer and entity decoding) is the package's own file, unchanged.
 * test/integration/lambda-bundle.test.ts runs the bundled sanitiser.
 */
export { Parser } from '../../../node_modules/htmlparser2/dist/Parser.js';
