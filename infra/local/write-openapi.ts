import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  generatedPath,
  generatedTextPath,
  openApiSource,
  serialise,
  serialiseText,
} from '../../functions/operations/openapi-source';

// `npm run openapi`: writes the document the openapi function serves (functions/operations/openapi-source.ts).
const document = openApiSource();
writeFileSync(generatedPath, serialise(document));
writeFileSync(generatedTextPath, serialiseText(document));
console.log(`wrote ${fileURLToPath(generatedPath)}`);
