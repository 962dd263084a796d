import { lambdaRoot } from '../../shared/composition/lambda';
import { jobFunction } from '../../shared/jobs/job';
import { ensureAccount, ensureProvince } from '../../shared/application/bootstrap';
import { conventionsOf } from '../../shared/domain/policies/conventions';
import { cognitoIdentity } from '../../shared/adapters/identity/cognito-root';

/**
 * First run of a deployment: the province unit and the first operator (`admin`, or `admin.<tỉnh>` where
 * the preset prescribes account names, NA 10.2d; e-mail from the deployment config). On AWS Cognito e-mails the temporary password; locally it is printed by
 * `npm start` instead. Running it again changes nothing.
 */
export const handler = lambdaRoot(
  (s) =>
    jobFunction(
      'bootstrap-directory',
      async () => {
        const config = s.config;
        await ensureProvince(s, { vi: config.PROVINCE_NAME, en: config.PROVINCE_NAME_EN });
        const created = await ensureAccount(s, {
          username: conventionsOf(config.POLICY_PRESET).accountNames ? `admin.${config.PROVINCE_CODE}` : 'admin',
          fullName: 'Quản trị Cổng thông tin điện tử tỉnh',
          email: config.OPERATOR_EMAIL,
          unitCode: config.PROVINCE_CODE,
          roles: ['operator'],
        });
        return { province: config.PROVINCE_CODE, operatorCreated: Boolean(created) };
      },
      s.uow,
    ),
  () => ({ identity: cognitoIdentity }),
);
