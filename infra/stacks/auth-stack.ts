import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolResourceServer,
  ResourceServerScope,
} from 'aws-cdk-lib/aws-cognito';
import { machineScopes, RESOURCE_SERVER } from '../../shared/domain/access/scopes';
import type { Construct } from 'constructs';
import { roles } from '../../shared/domain/roles';
import type { DeploymentConfig } from '../config/deployment';

/**
 * Staff sign-in: one user pool, a group per role, the regulations' password rules (NA 10.2đ:
 * at least 8 characters with upper, lower, digit and special character; change at first sign-in).
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: StackProps & { config: DeploymentConfig }) {
    super(scope, id, props);
    this.userPool = new UserPool(this, 'Staff', {
      userPoolName: `portal-${props.config.stage}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      customAttributes: { unit: new StringAttribute({ mutable: true, maxLen: 64 }) },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'TOTP MFA is offered to every account; making it mandatory is each province\u2019s decision (the regulations require strong passwords, not MFA).',
    });
    this.consoleClient = this.userPool.addClient('Console', {
      // adminUserPassword: the API verifies the current password when a user changes it (POST /me/password).
      authFlows: { userSrp: true, adminUserPassword: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    // Agency systems: client credentials against a resource server with the portal's scopes.
    new UserPoolResourceServer(this, 'PortalScopes', {
      userPool: this.userPool,
      identifier: RESOURCE_SERVER,
      scopes: Object.entries(machineScopes).map(([name, description]) => new ResourceServerScope({ scopeName: name, scopeDescription: description })),
    });
    this.userPool.addDomain('TokenDomain', { cognitoDomain: { domainPrefix: `portal-${props.config.stage}-${props.config.province.code}` } });
    for (const role of roles) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    }
  }
}
