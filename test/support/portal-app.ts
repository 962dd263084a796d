import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib/core';
import { buildPortal } from '../../infra/portal-app';
import { loadDeploymentConfig } from '../../infra/config/deployment';

/**
 * The CDK app of the default deployment (infra/config/deployment.json), with cdk-nag, built once
 * per test process and shared by the infra test files (the `infra` project runs them in one process
 * each worker, vitest.config.ts): a synth is ~7 s the first time in a process, ~1.5 s after.
 * `Template.fromStack` synthesises the app once; a synth that throws (a cdk-nag finding) is not
 * cached, so every file that reads a template still fails on it. Don't add constructs to it: build
 * your own `testApp()` for that.
 */
let shared: { app: App; stacks: ReturnType<typeof buildPortal> } | undefined;

export function defaultPortal() {
  if (!shared) {
    const app = testApp();
    shared = { app, stacks: buildPortal(app, loadDeploymentConfig()) };
  }
  return shared;
}

/**
 * A fresh app that skips esbuild bundling (infra tests are about the templates, not the code) and,
 * unless asked, CDK's built-in CloudFormation validation: ~7 s of CPU per synth, spent once on the
 * default deployment by stacks.test.ts, not in every file's own app.
 */
export const testApp = (options: { cloudFormationValidation?: boolean; prefix?: string } = {}) =>
  new App({
    outdir: mkdtempSync(join(tmpdir(), options.prefix ?? 'cdk-test-')),
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    // As cdk.json: a finding of the validation is an error, not a warning.
    context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:validateAgainstDefaultRules': true },
  });
