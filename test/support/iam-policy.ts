/**
 * IAM as AWS evaluates a role's identity policy, for the DynamoDB statements CDK synthesizes
 * (test/infra): an explicit Deny wins, then any Allow, else the implicit deny. Resources are read
 * from the template's intrinsic functions by shape: the portal table, one of its indexes, or the
 * drill's scratch tables. Conditions: `dynamodb:LeadingKeys` with StringLike under ForAllValues
 * (true when the request has no leading key, as in IAM) and ForAnyValue (false then); any other
 * condition is taken as holding for an Allow and as not holding for a Deny, so a test that
 * expects a refusal never passes on a condition this model does not read.
 */
export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

export type Target =
  | { kind: 'table' }
  | { kind: 'index'; name: string }
  | { kind: 'scratch' }
  | { kind: 'scratch-index' };

export interface Request {
  readonly action: string;
  readonly target: Target;
  readonly leadingKey?: string;
}

export const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** IAM's StringLike: `*` any run of characters, `?` one. */
export const stringLike = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  ).test(value);

const actionMatches = (granted: string, action: string) => stringLike(granted, `dynamodb:${action}`);

/**
 * What a template resource names, or undefined when it is no DynamoDB table of ours (a bucket, a
 * queue…). `tableId`: the table's logical ID in the data stack, which every reference to its ARN
 * carries (a GetAtt, or the export of one).
 */
export function targetOf(resource: unknown, tableId: string): Target | 'any' | undefined {
  if (resource === '*') return 'any';
  const text = JSON.stringify(resource);
  const scratch = text.includes('-drill-*');
  const index = /\/index\/([\w*-]+)/.exec(text)?.[1];
  if (scratch) return index ? { kind: 'scratch-index' } : { kind: 'scratch' };
  if (!text.includes(tableId)) return undefined;
  return index ? { kind: 'index', name: index } : { kind: 'table' };
}

function resourceMatches(resource: unknown, target: Target, tableId: string): boolean {
  const named = targetOf(resource, tableId);
  if (named === 'any') return true;
  if (!named || named.kind !== target.kind) return false;
  return named.kind !== 'index' || target.kind !== 'index' || named.name === '*' || named.name === target.name;
}

function conditionHolds(statement: Statement, request: Request): boolean {
  for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(entries)) {
      if (key !== 'dynamodb:LeadingKeys' || !/StringLike$/.test(operator)) return statement.Effect === 'Allow';
      const patterns = asList(values);
      const keysOfRequest = request.leadingKey === undefined ? [] : [request.leadingKey];
      const anyMatch = keysOfRequest.some((k) => patterns.some((p) => stringLike(p, k)));
      if (operator.startsWith('ForAllValues:')) {
        if (!keysOfRequest.every((k) => patterns.some((p) => stringLike(p, k)))) return false;
      } else if (!anyMatch) return false;
    }
  }
  return true;
}

const applies = (statement: Statement, request: Request, tableId: string) =>
  asList(statement.Action).some((a) => actionMatches(a, request.action)) &&
  asList(statement.Resource).some((r) => resourceMatches(r, request.target, tableId)) &&
  conditionHolds(statement, request);

export function decide(
  statements: readonly Statement[],
  request: Request,
  tableId: string,
): 'allow' | 'deny' | 'implicit-deny' {
  if (statements.some((s) => s.Effect === 'Deny' && applies(s, request, tableId))) return 'deny';
  return statements.some((s) => s.Effect === 'Allow' && applies(s, request, tableId)) ? 'allow' : 'implicit-deny';
}

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

/** Each function's role statements (by its manifest key, from POWERTOOLS_SERVICE_NAME) and the table's logical ID, from synthesized templates. */
export function roleStatementsOf(templates: ReadonlyArray<{ Resources?: unknown }>): {
  statementsOf: Map<string, Statement[]>;
  tableId: string;
} {
  const statementsOf = new Map<string, Statement[]>();
  let tableId = '';
  for (const template of templates) {
    const resources = (template.Resources ?? {}) as Resources;
    for (const [id, r] of Object.entries(resources))
      if (r.Type === 'AWS::DynamoDB::GlobalTable' || r.Type === 'AWS::DynamoDB::Table') tableId ||= id;
    for (const fn of Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function')) {
      const key = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string | undefined;
      if (!key) continue;
      const roleId = fn.Properties.Role?.['Fn::GetAtt']?.[0] as string;
      const policies = Object.values(resources).filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' &&
          (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
      );
      statementsOf.set(
        key,
        policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]),
      );
    }
  }
  if (!tableId) throw new Error('no DynamoDB table in the templates');
  return { statementsOf, tableId };
}
