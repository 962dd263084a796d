import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib/core';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPoolOperation,
  type PasswordPolicy,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolResourceServer,
  UserPoolEmail,
  VerificationEmailStyle,
  ResourceServerScope,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { reservedConcurrency } from '../config/capacity-plan';
import { machineScopes, RESOURCE_SERVER } from '../../shared/domain/access/scopes';
import type { Construct } from 'constructs';
import { passwordPolicy } from '../../shared/domain/accounts/password-policy';
import { roles } from '../../shared/domain/roles';
import { mailIdentity, mailSenderAddress, type DeploymentConfig } from '../config/deployment';
import { cognitoMessages } from '../definitions/cognito-messages';
import { CognitoTriggerFunction } from '../constructs/cognito-trigger-function';

type PolicyValues = { readonly [K in 'minLength' | 'temporaryPasswordValidityDays']: { readonly value: number } } & {
  readonly [K in 'requireLower' | 'requireUpper' | 'requireDigit' | 'requireSpecial']: { readonly value: boolean };
};

/** Cognito's password policy from the domain's (shared/domain/accounts/password-policy.ts), so they never differ. */
export function userPoolPasswordPolicy(policy: PolicyValues = passwordPolicy): PasswordPolicy {
  return {
    minLength: policy.minLength.value,
    requireLowercase: policy.requireLower.value,
    requireUppercase: policy.requireUpper.value,
    requireDigits: policy.requireDigit.value,
    requireSymbols: policy.requireSpecial.value,
    tempPasswordValidity: Duration.days(policy.temporaryPasswordValidityDays.value),
  };
}

/**
 * Staff sign-in: one user pool, a group per role, the regulations' password rules (NA 10.2đ,
 * from the domain), and a trigger that records on our account every password change made in
 * Cognito (first sign-in, reset), so that the "must change" mark and the 3-month rule hold on AWS.
 */
/** The hosted domain's prefix: the console's code flow talks to https://<prefix>.auth.<region>.amazoncognito.com. */
export const cognitoDomainPrefix = (config: DeploymentConfig) => `portal-${config.stage}-${config.province.code}`;

export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: StackProps & { config: DeploymentConfig; table: ITable }) {
    super(scope, id, props);
    // The console's address staff are sent to: its home, where a sign-out lands.
    const messages = cognitoMessages(
      `Cổng TTĐT ${props.config.province.name}`,
      props.config.console.logoutUrls[0] ?? `https://${props.config.domain}`,
    );
    this.userPool = new UserPool(this, 'Staff', {
      userPoolName: `portal-${props.config.stage}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: userPoolPasswordPolicy(),
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      customAttributes: { unit: new StringAttribute({ mutable: true, maxLen: 64 }) },
      // Through SES with the identity the notifications use (Cognito's own sender allows 50 a day,
      // in English); the texts are the pool's templates, not a custom message trigger: no function
      // on the sign-in path, and the template is what an infra test can read.
      email: UserPoolEmail.withSES({
        fromEmail: mailSenderAddress(props.config),
        fromName: `Cổng TTĐT ${props.config.province.name}`,
        ...(mailIdentity(props.config).includes('@') ? {} : { sesVerifiedDomain: mailIdentity(props.config) }),
      }),
      userInvitation: { emailSubject: messages.invitation.subject, emailBody: messages.invitation.body },
      userVerification: {
        emailSubject: messages.verification.subject,
        emailBody: messages.verification.body,
        emailStyle: VerificationEmailStyle.CODE,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'TOTP MFA is offered to every account; making it mandatory is each province\u2019s decision (the regulations require strong passwords, not MFA).',
    });
    const passwordChanges = new CognitoTriggerFunction(
      this,
      'PasswordChangesTrigger',
      'cognitoPasswordChanges',
      props.table,
    );
    // Sign-in waits on this trigger: its reserved concurrency keeps a public burst from starving it.
    (passwordChanges.node.defaultChild as CfnFunction).reservedConcurrentExecutions = reservedConcurrency(
      props.config.capacity,
    ).get('cognitoPasswordChanges');
    // First sign-in (NEW_PASSWORD_REQUIRED answered) ends in a post authentication; a confirmed
    // forgotten-password reset in a post confirmation. Cognito's own ChangePassword has no trigger:
    // the API's POST /me/password is the way to change a password, and it records the change itself.
    this.userPool.addTrigger(UserPoolOperation.POST_AUTHENTICATION, passwordChanges);
    this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, passwordChanges);

    const { callbackUrls, logoutUrls } = props.config.console;
    this.consoleClient = this.userPool.addClient('Console', {
      // USER_PASSWORD_AUTH is the flow the local stand-in speaks (/local-auth) and cognito-local
      // tests, so both sides sign in the same way (the password travels over TLS, as it does to
      // POST /me/password). ADMIN_USER_PASSWORD_AUTH lets the API verify the current password
      // when a user changes it. No SRP and no custom auth: one flow, on both sides.
      authFlows: { userPassword: true, adminUserPassword: true },
      // A browser app holds no secret: the authorization code flow with PKCE, never implicit.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        // COGNITO_ADMIN is the scope every staff route accepts (USER_SCOPE, shared/domain/access/scopes.ts):
        // without it a code-flow access token passes no signed-in method.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls,
        logoutUrls,
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    // Agency systems: client credentials against a resource server with the portal's scopes.
    new UserPoolResourceServer(this, 'PortalScopes', {
      userPool: this.userPool,
      identifier: RESOURCE_SERVER,
      scopes: Object.entries(machineScopes).map(
        ([name, description]) => new ResourceServerScope({ scopeName: name, scopeDescription: description }),
      ),
    });
    this.userPool.addDomain('TokenDomain', { cognitoDomain: { domainPrefix: cognitoDomainPrefix(props.config) } });
    for (const role of roles) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    }
  }
}
