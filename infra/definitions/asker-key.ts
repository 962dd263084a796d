/**
 * The customer managed KMS key that wraps the askers' data keys (issue 9 §7): in the data stack,
 * rotated yearly, kept on stack deletion; functions name its ARN through this export, and only
 * those whose manifest entry says `askerKey` get a grant on it.
 */
export const askerKeyArnExportName = (dataStackName: string) => `${dataStackName}:AskerKeyArn`;
export const ASKER_KEY_LOGICAL_NAME = 'AskerDataKey';
