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
  const emulators = await startEmulators({ region: 'ap-southeast-1' });
  project.provide('dynamodbEndpoint', emulators.dynamodbEndpoint);
  project.provide('s3sqsEndpoint', emulators.s3sqsEndpoint);
  return () => emulators.stop();
}
