import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. Log route templates, ids and outcomes; never bodies, query values, names,
 * phone numbers or e-mail addresses (askers' personal data, CB 6).
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'portal',
  logLevel: (process.env.LOG_LEVEL as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
