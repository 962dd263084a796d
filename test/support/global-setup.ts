import type { TestProject } from 'vitest/node';
import { startEmulators } from '../../infra/local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3sqsEndpoint: string;
  }
}

/** Starts the emulators once for the whole run (in memory); every test file connects to them. */
export default async function setup(project: TestProject) {
  // DynamoDB Local serves a short run: the quick JIT only and one GC thread spend far less CPU
  // (integration files: ~53 → ~34 s of the JVM's CPU) than the JVM's defaults tuned for long runs.
  process.env.JDK_JAVA_OPTIONS =
    `${process.env.JDK_JAVA_OPTIONS ?? ''} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`.trim();
  // A database per test file (local-stack.ts gives each its own access key): see `sharedDb`.
  const emulators = await startEmulators({ region: 'ap-southeast-1', sharedDb: false });
  project.provide('dynamodbEndpoint', emulators.dynamodbEndpoint);
  project.provide('s3sqsEndpoint', emulators.s3sqsEndpoint);
  return () => emulators.stop();
}
