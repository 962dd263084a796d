import { resolve } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib/core';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
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
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN }),
    loggingFormat: LoggingFormat.JSON,
    bundling: lambdaBundling,
  };
}
