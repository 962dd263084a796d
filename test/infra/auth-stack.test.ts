import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';
import { deploymentConfigSchema, loadDeploymentConfig } from '../../infra/config/deployment';
import { userPoolPasswordPolicy } from '../../infra/stacks/auth-stack';
import { passwordPolicy } from '../../shared/domain/accounts/password-policy';

/** The staff user pool as synthesized: sign-in flow, console client, password policy, password-change trigger. */
const config = loadDeploymentConfig();

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

describe('Auth stack', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(defaultPortal().stacks.auth);
  });

  it('lets the console client use USER_PASSWORD_AUTH, the flow the local stand-in speaks, and never SRP or custom auth', () => {
    const console = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).find(
      (c) => c.Properties.AllowedOAuthFlows,
    );
    expect(console).toBeDefined();
    expect([...console!.Properties.ExplicitAuthFlows].sort()).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
    ]);
  });

  it('allows only the authorization code flow (PKCE, no secret) with the configured callback and logout URLs', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: config.console.callbackUrls,
      LogoutURLs: config.console.logoutUrls,
    });
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(
      clients
        .filter((c) => c.Properties.AllowedOAuthFlows?.includes('code'))
        .map((c) => c.Properties.GenerateSecret ?? false),
    ).toEqual([false]);
    for (const client of clients) {
      expect(client.Properties.AllowedOAuthFlows ?? []).not.toContain('implicit');
      expect(JSON.stringify(client.Properties.CallbackURLs ?? [])).not.toContain('example.com');
    }
  });

  it('takes the password policy from the domain (one source of truth)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: passwordPolicy.minLength.value,
          RequireLowercase: passwordPolicy.requireLower.value,
          RequireUppercase: passwordPolicy.requireUpper.value,
          RequireNumbers: passwordPolicy.requireDigit.value,
          RequireSymbols: passwordPolicy.requireSpecial.value,
          TemporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays.value,
        },
      },
    });
    // A change in the domain reaches Cognito without touching the stack.
    const stricter = {
      ...passwordPolicy,
      minLength: { value: 12 },
      requireSpecial: { value: false },
      temporaryPasswordValidityDays: { value: 1 },
    };
    expect(userPoolPasswordPolicy(stricter)).toMatchObject({ minLength: 12, requireSymbols: false });
    expect(userPoolPasswordPolicy(stricter).tempPasswordValidity?.toDays()).toBe(1);
  });

  it('records password changes made through Cognito: one trigger on post authentication and post confirmation', () => {
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0]!;
    const lambdaConfig = pool.Properties.LambdaConfig as Record<string, { 'Fn::GetAtt': [string, string] }>;
    expect(Object.keys(lambdaConfig).sort()).toEqual(['PostAuthentication', 'PostConfirmation']);
    const fnId = lambdaConfig.PostAuthentication!['Fn::GetAtt'][0];
    expect(lambdaConfig.PostConfirmation!['Fn::GetAtt'][0]).toBe(fnId);
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
  });

  it('grants the trigger only reads and updates of account items and new audit entries', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    const data = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    const allows = data.filter((s) => s.Effect === 'Allow');
    // Accounts: read and update; audit: append only (no update, no read).
    expect(
      allows
        .map((s) => ({ actions: [s.Action].flat().sort(), keys: s.Condition }))
        .sort((a, b) => a.actions.length - b.actions.length),
    ).toEqual([
      { actions: ['dynamodb:PutItem'], keys: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } } },
      {
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        keys: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ACCOUNT#*'] } },
      },
    ]);
    // The audit guards every role reaching the table carries (infra/constructs/table-access.ts).
    expect(
      data
        .filter((s) => s.Effect === 'Deny')
        .flatMap((s) => [s.Action].flat())
        .sort(),
    ).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(JSON.stringify(allows.map((s) => s.Resource))).not.toContain('index');
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => /^(cognito-idp|s3|sqs|events):/.test(a))).toEqual([]);
  });
});

describe('deployment config: console URLs', () => {
  const base = () =>
    JSON.parse(JSON.stringify(config)) as Record<string, unknown> & {
      console: { callbackUrls: string[]; logoutUrls: string[] };
    };

  it.each([
    ['plain http outside localhost', 'http://demo.gov.vn/callback'],
    ['a fragment', 'https://demo.gov.vn/callback#x'],
    ['a wildcard', 'https://*.demo.gov.vn/callback'],
    ['not a URL', 'callback'],
  ])('refuses %s as a callback URL', (_, url) => {
    const candidate = base();
    candidate.console.callbackUrls = [url];
    const parsed = deploymentConfigSchema.safeParse(candidate);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['console', 'callbackUrls', 0]);
  });

  it('accepts https and http://localhost, and requires at least one of each list', () => {
    const candidate = base();
    candidate.console.callbackUrls = ['https://demo.gov.vn/quan-tri/callback', 'http://localhost:5173/callback'];
    expect(deploymentConfigSchema.safeParse(candidate).success).toBe(true);
    candidate.console.logoutUrls = [];
    expect(deploymentConfigSchema.safeParse(candidate).success).toBe(false);
  });
});
