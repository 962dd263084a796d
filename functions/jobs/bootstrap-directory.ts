import { jobFunction } from '../../shared/jobs/job';
import { ensureAccount, ensureProvince } from '../../shared/application/bootstrap';
import { env } from '../../shared/config/env';
import { conventionsOf } from '../../shared/domain/policies/conventions';
import { useCognitoIdentity } from '../../shared/adapters/identity/cognito-root';

useCognitoIdentity();

/**
 * First run of a deployment: the province unit and the first operator (`admin`, or `admin.<tỉnh>` where
 * the preset prescribes account names, NA 10.2d; e-mail from the deployment config). On AWS Cognito e-mails the temporary password; locally it is printed by
 * `npm start` instead. Running it again changes nothing.
 */
export const handler = jobFunction('bootstrap-directory', async () => {
  const config = env();
  await ensureProvince({ vi: config.PROVINCE_NAME, en: config.PROVINCE_NAME_EN });
  const created = await ensureAccount({
    username: conventionsOf(config.POLICY_PRESET).accountNames ? `admin.${config.PROVINCE_CODE}` : 'admin',
    fullName: 'Quản trị Cổng thông tin điện tử tỉnh',
    email: config.OPERATOR_EMAIL,
    unitCode: config.PROVINCE_CODE,
    roles: ['operator'],
  });
  return { province: config.PROVINCE_CODE, operatorCreated: Boolean(created) };
});
