import type { z } from 'zod';

/**
 * Where in the request a field the domain names came from. The domain, the use cases and the
 * adapters name domain fields (`comment`, `slug`, `legalDocument.issuedOn`, `into.0.code`);
 * problem details name request paths, one spelling per field (`body.comment`, `header.if-match`).
 * The route's own contract says where each field travels: a field whose first segment is a
 * member of the route's body is `body.…`, of its query `query.…`, of its path `params.…`. Fields
 * the HTTP layer named itself (`body.…`, `query.…`, `params.…`, `headers.…`) and fields that are
 * no part of the request (`actor`, `syndicatedFrom`, `consent.publication`) pass through unchanged.
 */
const renamed: Readonly<Record<string, string>> = {
  // The version the client saw travels in If-Match (RFC 9110 §13.1.1).
  expectedVersion: 'header.if-match',
  idempotencyKey: 'headers.Idempotency-Key',
  challengeToken: 'headers.X-Challenge-Token',
  // The unit an item or a question is sent to (the workflow's assignee unit).
  assignTo: 'body.unitCode',
};

/**
 * Top-level body members of the workflow steps, for results that carry no route of their own
 * (each item of a bulk transition names the fields of the step it took).
 */
const stepBodyMembers: ReadonlySet<string> = new Set([
  'action',
  'comment',
  'reason',
  'publicNote',
  'assignee',
  'publishAt',
  'unit',
  'complexity',
  'ground',
  'answer',
]);

/** The parts of a route's contract a field may come from. */
export interface RequestParts {
  readonly params?: z.core.$ZodType;
  readonly query?: z.core.$ZodType;
  readonly body?: z.core.$ZodType;
}

// Already a request path. (A domain field called `body`, an item's rich text, has no dot and is looked up.)
const PREFIXED = /^(?:body|query|params|headers?)\./;

export function requestField(field: string, route?: RequestParts): string {
  const renaming = renamed[field];
  if (renaming !== undefined) return renaming;
  if (PREFIXED.test(field)) return field;
  const [head] = field.split('.') as [string];
  if (route !== undefined) {
    for (const part of ['body', 'query', 'params'] as const) {
      const schema = route[part];
      if (schema !== undefined && memberNames(schema).has(head)) return `${part}.${field}`;
    }
  }
  return stepBodyMembers.has(head) ? `body.${field}` : field;
}

/** The member names an object schema accepts, through optional, pipe, union and intersection wrappers. */
export function memberNames(schema: z.core.$ZodType): ReadonlySet<string> {
  const names = new Set<string>();
  const visit = (s: z.core.$ZodType | undefined): void => {
    if (s === undefined) return;
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'object':
        for (const name of Object.keys(def.shape as object)) names.add(name);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        return visit(def.innerType as z.core.$ZodType);
      case 'pipe':
        return visit(def.in as z.core.$ZodType);
      case 'union':
        for (const option of def.options as z.core.$ZodType[]) visit(option);
        return;
      case 'intersection':
        visit(def.left as z.core.$ZodType);
        return visit(def.right as z.core.$ZodType);
      case 'lazy':
        return visit((def.getter as () => z.core.$ZodType)());
      default:
        return;
    }
  };
  visit(schema);
  return names;
}
