import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, openApiSource, serialise } from '../../functions/operations/openapi-source';

describe('the OpenAPI document the openapi function serves', () => {
  it('is the one the route contracts describe now (else: npm run openapi)', () => {
    const stored = readFileSync(generatedPath, 'utf8');
    const current = serialise(openApiSource());
    // One line on failure, not a 200 KB diff.
    expect(stored === current, 'functions/operations/openapi.generated.json is stale: run `npm run openapi`').toBe(true);
  });
});
