import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedPath, openApiSource, serialise } from '../../functions/operations/openapi-source';

// `npm run openapi`: writes the document the openapi function serves (functions/operations/openapi-source.ts).
writeFileSync(generatedPath, serialise(openApiSource()));
console.log(`wrote ${fileURLToPath(generatedPath)}`);
