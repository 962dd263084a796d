import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal, testApp } from '../support/portal-app';
import {
  deploymentConfigSchema,
  loadDeploymentConfig,
  mailIdentity,
  mailSenderAddress,
} from '../../infra/config/deployment';
import { AuthStack } from '../../infra/stacks/auth-stack';
import { DataStack } from '../../infra/stacks/data-stack';

/** Issue 19 #5: Cognito mails staff through SES, from the notifications' identity, in Vietnamese and English. */
const config = loadDeploymentConfig();

describe('Cognito e-mail', () => {
  let pool: Record<string, any>;
  beforeAll(() => {
    const template = Template.fromStack(defaultPortal().stacks.auth);
    pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0]!.Properties;
  });

  it('sends through SES (developer account) from the sender and identity the notifications use', () => {
    expect(pool.EmailConfiguration.EmailSendingAccount).toBe('DEVELOPER');
    expect(pool.EmailConfiguration.From).toContain(`<${mailSenderAddress(config)}>`);
    expect(JSON.stringify(pool.EmailConfiguration.SourceArn)).toContain(`:identity/${mailIdentity(config)}`);
    expect(JSON.stringify(pool.EmailConfiguration.SourceArn)).toContain(config.region);
  });

  it('invites with the username and temporary password, in Vietnamese then English', () => {
    const invite = pool.AdminCreateUserConfig.InviteMessageTemplate;
    expect(invite.EmailMessage).toContain('{username}');
    expect(invite.EmailMessage).toContain('{####}');
    expect(invite.EmailMessage).toMatch(/Mật khẩu tạm thời[\s\S]*Temporary password/);
    expect(invite.EmailSubject).toMatch(/^Tài khoản quản trị Cổng TTĐT .+ \/ Your/);
  });

  it('sends the reset and verification code in Vietnamese then English', () => {
    const verification = pool.VerificationMessageTemplate;
    expect(verification.DefaultEmailOption).toBe('CONFIRM_WITH_CODE');
    expect(verification.EmailMessage).toContain('{####}');
    expect(verification.EmailMessage).toMatch(/đặt lại mật khẩu[\s\S]*reset your password/);
    expect(verification.EmailSubject).toMatch(/^Mã xác minh .+ \/ Your/);
  });

  it('uses a sender address as its own identity when the config names the address', () => {
    const own = deploymentConfigSchema.parse({
      ...config,
      notifications: { sender: 'thongbao@demo.gov.vn', identity: 'thongbao@demo.gov.vn' },
    });
    const app = testApp();
    const data = new DataStack(app, 'D', {
      env: { region: own.region },
      corsOrigins: own.corsOrigins,
      backups: own.backups,
    });
    const auth = new AuthStack(app, 'A', { env: { region: own.region }, config: own, table: data.table });
    const props = Object.values(Template.fromStack(auth).findResources('AWS::Cognito::UserPool'))[0]!.Properties;
    expect(JSON.stringify(props.EmailConfiguration.SourceArn)).toContain(':identity/thongbao@demo.gov.vn');
  });
});
