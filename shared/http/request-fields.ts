/**
 * Where in the request a field the domain names came from. The domain and the use cases name
 * domain fields (`comment`, `assignee`, `expectedVersion`); problem details name request paths,
 * one spelling per field (`body.comment`, `header.if-match`). Fields the HTTP layer named itself
 * (`body.…`, `query.…`, `params.…`, `headers.…`) and fields that are no part of the request
 * (`actor`, `syndicatedFrom`, `consent.publication`) pass through unchanged.
 */
const renamed: Readonly<Record<string, string>> = {
  // The version the client saw travels in If-Match (RFC 9110 §13.1.1).
  expectedVersion: 'header.if-match',
  // The unit an item or a question is sent to (the workflow's assignee unit).
  assignTo: 'body.unitCode',
};

/** Top-level body members the workflow steps name (the rest of a dotted path follows them: `answer.citations.0.contentId`). */
const bodyMembers: ReadonlySet<string> = new Set([
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

export function requestField(field: string): string {
  const renaming = renamed[field];
  if (renaming !== undefined) return renaming;
  const [head] = field.split('.');
  return bodyMembers.has(head!) ? `body.${field}` : field;
}
