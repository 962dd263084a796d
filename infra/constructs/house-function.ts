import { resolve } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib/core';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, LogGroupClass, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionDefinition } from '../../functions/manifest';
import { lambdaBundling } from './bundling';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The house conventions every function shares: its manifest entry bundled by the local esbuild,
 * Node.js 22 on arm64, JSON logs in an explicit, retained log group. Callers add the environment
 * and whatever else their kind of function needs.
 */
export function houseFunctionProps(
  scope: Construct,
  id: string,
  def: FunctionDefinition,
  defaults: { memoryMb: number; timeoutSeconds: number },
): NodejsFunctionProps {
  return {
    entry: resolve(projectRoot, def.entry),
    handler: 'handler',
    projectRoot,
    depsLockFilePath: resolve(projectRoot, 'package-lock.json'),
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: def.memoryMb ?? defaults.memoryMb,
    timeout: Duration.seconds(def.timeoutSeconds ?? defaults.timeoutSeconds),
    description: def.description,
    logGroup: new LogGroup(scope, `${id}Logs`, { ...functionLogRetention(def), removalPolicy: RemovalPolicy.RETAIN }),
    loggingFormat: LoggingFormat.JSON,
    // The platform's START/END/REPORT lines are a third of the bytes and nobody reads them (duration
    // and memory are metrics already): only its warnings and errors (timeouts, out of memory) are kept.
    systemLogLevelV2: SystemLogLevel.WARN,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    bundling: lambdaBundling,
  };
}

/**
 * How long a function's logs are kept, and in which class (issue 26). Jobs' logs are evidence that
 * the compliance jobs ran (backups, drills, escalations: TG 8.2, BĐ 18.6), searched at an audit
 * with Logs Insights and otherwise unread: a year in the Infrequent Access class (half the
 * ingestion price; no metric filters, subscriptions or Live Tail, which none of them uses; the
 * job-run EMF metrics come from the recordJobRun consumer, whose group stays Standard). Every
 * other function's logs serve investigations of recent incidents: three months, Standard.
 */
export function functionLogRetention(def: FunctionDefinition): {
  retention: RetentionDays;
  logGroupClass: LogGroupClass;
} {
  return def.kind === 'job'
    ? { retention: RetentionDays.ONE_YEAR, logGroupClass: LogGroupClass.INFREQUENT_ACCESS }
    : { retention: RetentionDays.THREE_MONTHS, logGroupClass: LogGroupClass.STANDARD };
}
