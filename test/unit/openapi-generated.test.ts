import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generatedPath,
  generatedTextPath,
  openApiSource,
  serialise,
  serialiseText,
} from '../../functions/operations/openapi-source';

describe('the OpenAPI document the openapi function serves', () => {
  it('is the one the route contracts describe now (else: npm run openapi)', () => {
    const stored = readFileSync(generatedPath, 'utf8');
    const current = serialise(openApiSource());
    // One line on failure, not a 200 KB diff.
    expect(stored === current, 'functions/operations/openapi.generated.json is stale: run `npm run openapi`').toBe(
      true,
    );
  });

  it('is what the function serves: the same document, as the string its module holds (else: npm run openapi)', () => {
    const document = openApiSource();
    expect(
      readFileSync(generatedTextPath, 'utf8') === serialiseText(document),
      'functions/operations/openapi.generated-text.ts is stale: run `npm run openapi`',
    ).toBe(true);
  });
});
