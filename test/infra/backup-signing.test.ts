import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';
import { functionDefinitions } from '../../functions/manifest';

/**
 * The backup signing key (issue 24) in the synthesized templates: an asymmetric KMS key for
 * signing, kept on deletion; the backup writer's role alone may Sign with it, the restore drill's
 * may only Verify, no other role names it, and no statement anywhere grants kms:Sign more widely.
 */
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}
const asList = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

describe('the backup signing key', () => {
  let templates: Array<Record<string, any>>;
  /** Each function's allowed statements that name the key, and every allowed statement of every policy. */
  const onKey = new Map<string, string[]>();
  let everyStatement: Statement[];
  beforeAll(() => {
    templates = Object.values(defaultPortal().stacks).map((stack) => Template.fromStack(stack).toJSON());
    everyStatement = [];
    for (const t of templates) {
      const resources = t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
      for (const policy of Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy'))
        everyStatement.push(...(policy.Properties.PolicyDocument.Statement as Statement[]));
      for (const fn of Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function')) {
        const key = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string | undefined;
        if (!key || !(key in functionDefinitions)) continue;
        const roleId = fn.Properties.Role?.['Fn::GetAtt']?.[0] as string;
        const actions = Object.values(resources)
          .filter(
            (r) =>
              r.Type === 'AWS::IAM::Policy' &&
              (r.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
          )
          .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
          .filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Resource).includes('BackupSigningKeyArn'))
          .flatMap((s) => asList(s.Action));
        if (actions.length > 0) onKey.set(key, [...(onKey.get(key) ?? []), ...actions].sort());
      }
    }
  });

  it('is an asymmetric ECC P-256 signing key, retained with the backups it signed', () => {
    const keys = templates
      .flatMap((t) =>
        Object.values(
          t.Resources as Record<string, { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }>,
        ),
      )
      .filter((r) => r.Type === 'AWS::KMS::Key' && r.Properties.KeyUsage === 'SIGN_VERIFY');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
      DeletionPolicy: 'Retain',
    });
  });

  it('only the backup writer may sign; the restore drill may only verify; nobody else names it', () => {
    expect(Object.fromEntries(onKey)).toEqual({
      weeklyBackup: ['kms:Sign', 'kms:Verify'],
      restoreDrill: ['kms:Verify'],
    });
    // No wider grant reaches it: no kms:Sign or kms:* on every resource, anywhere.
    const wide = everyStatement.filter(
      (s) => s.Effect === 'Allow' && asList(s.Action).some((a) => a === 'kms:Sign' || a === 'kms:*' || a === '*'),
    );
    expect(wide.every((s) => JSON.stringify(s.Resource).includes('BackupSigningKeyArn'))).toBe(true);
  });

  it('tells exactly those functions to sign or verify with KMS, and which key', () => {
    for (const t of templates) {
      for (const fn of Object.values(
        t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>,
      ).filter((r) => r.Type === 'AWS::Lambda::Function')) {
        const vars = fn.Properties.Environment?.Variables ?? {};
        const wired = ['weeklyBackup', 'restoreDrill'].includes(vars.POWERTOOLS_SERVICE_NAME);
        expect(
          vars.BACKUP_SIGNING === 'kms' && JSON.stringify(vars.BACKUP_SIGNING_KEY_ID).includes('BackupSigningKeyArn'),
          vars.POWERTOOLS_SERVICE_NAME,
        ).toBe(wired);
      }
    }
  });
});
