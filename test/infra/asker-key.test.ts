import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';
import { functionDefinitions } from '../../functions/manifest';

/**
 * The askers' personal data key (issue 9 §7) in the synthesized templates: a customer managed KMS
 * key with rotation, kept on deletion; askQuestion's function (and commenting's, issue 28) alone may generate data keys under
 * it, the staff Q&A function alone may decrypt them, always with the question as encryption context.
 */
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

describe("the askers' data key", () => {
  let templates: Array<Record<string, any>>;
  /** Every KMS action any Lambda function's role is allowed, by function. */
  let kmsActions: Map<string, Statement[]>;
  beforeAll(() => {
    templates = Object.values(defaultPortal().stacks).map((stack) => Template.fromStack(stack).toJSON());
    kmsActions = new Map();
    for (const t of templates) {
      const resources = t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
      for (const fn of Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function')) {
        const key = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string | undefined;
        if (!key || !(key in functionDefinitions)) continue;
        const roleId = fn.Properties.Role?.['Fn::GetAtt']?.[0] as string;
        const statements = Object.values(resources)
          .filter(
            (r) =>
              r.Type === 'AWS::IAM::Policy' &&
              (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
          )
          .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
          .filter((s) => s.Effect === 'Allow' && asList(s.Action).some((a) => a.startsWith('kms:')))
          // The backup signing key has its own test (backup-signing.test.ts).
          .filter((s) => !JSON.stringify(s.Resource).includes('BackupSigningKeyArn'));
        if (statements.length > 0) kmsActions.set(key, statements);
      }
    }
  });

  it('is a customer managed key with yearly rotation, retained with the data', () => {
    const keys = templates.flatMap((t) =>
      Object.values(
        t.Resources as Record<string, { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }>,
      ).filter((r) => r.Type === 'AWS::KMS::Key' && r.Properties.KeyUsage !== 'SIGN_VERIFY'),
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
  });

  it('lets askQuestion generate data keys and the staff function and the notifications consumer decrypt them, nothing else, and only with the question as context', () => {
    expect([...kmsActions.keys()].sort()).toEqual([
      'consultationCommentsPublic',
      'questions',
      'questionsPublic',
      'sendNotifications',
    ]);
    const only = (key: string) => {
      const statements = kmsActions.get(key)!;
      expect(statements).toHaveLength(1);
      const [s] = statements;
      expect(JSON.stringify(s!.Resource)).toContain('AskerKeyArn');
      expect(s!.Condition).toEqual({
        'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['questionId'] },
        Null: { 'kms:EncryptionContext:questionId': 'false' },
      });
      return asList(s!.Action);
    };
    expect(only('questionsPublic')).toEqual(['kms:GenerateDataKey']);
    // A commenter's data is sealed as an asker's (the comment's code as the context's value); nothing opens it yet.
    expect(only('consultationCommentsPublic')).toEqual(['kms:GenerateDataKey']);
    expect(only('questions')).toEqual(['kms:Decrypt']);
    // The notifications consumer opens the asker item for the address only.
    expect(only('sendNotifications')).toEqual(['kms:Decrypt']);
  });

  it('tells exactly those functions which key to use', () => {
    for (const t of templates) {
      for (const fn of Object.values(
        t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>,
      ).filter((r) => r.Type === 'AWS::Lambda::Function')) {
        const vars = fn.Properties.Environment?.Variables ?? {};
        const wired = ['questions', 'questionsPublic', 'sendNotifications', 'consultationCommentsPublic'].includes(
          vars.POWERTOOLS_SERVICE_NAME,
        );
        expect(vars.ASKER_KEYS === 'kms' && vars.ASKER_KEY_ID !== undefined, vars.POWERTOOLS_SERVICE_NAME).toBe(wired);
      }
    }
  });
});
