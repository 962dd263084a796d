import { writeFileSync } from 'node:fs';
import { PROVINCES_DOC, provincesMarkdown } from './catalogue';

/** `npm run provinces`: writes docs/provinces.md from the conformance suites' test names. */
writeFileSync(PROVINCES_DOC, provincesMarkdown());
console.log(`wrote ${PROVINCES_DOC}`);
