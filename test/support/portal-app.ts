import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, type Stack } from 'aws-cdk-lib/core';
import { Template } from 'aws-cdk-lib/assertions';
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
let shared: { app: App; stacks: ReturnType<typeof buildPortal> & Record<string, Stack> } | undefined;

/**
 * `stacks` holds the top-level stacks by name (`stacks.api`…) and their nested stacks by path
 * (`Portal-dev-Api/QuestionsRoutes`: the API's areas, infra/stacks/api-areas.ts), so a test that
 * reads every stack's template reads every template CloudFormation deploys.
 */
export function defaultPortal() {
  if (!shared) {
    const app = testApp();
    const stacks = buildPortal(app, loadDeploymentConfig());
    const nested = Object.fromEntries(
      Object.values(stacks).flatMap((stack) => nestedStacksOf(stack).map((n) => [n.node.path, n] as const)),
    );
    shared = { app, stacks: { ...stacks, ...nested } };
  }
  return shared;
}

/** The stacks nested in a stack (its area stacks, for the API). */
export const nestedStacksOf = (stack: Stack): NestedStack[] =>
  stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack && c.nestedStackParent === stack);

/**
 * A stack's template with its nested stacks' resources merged in: the API's methods, functions and
 * permissions read as one template, wherever the area stacks put them.
 */
export function wholeTemplate(stack: Stack): Template {
  const json = structuredClone(Template.fromStack(stack).toJSON()) as { Resources: Record<string, unknown> };
  for (const nested of nestedStacksOf(stack))
    Object.assign(json.Resources, Template.fromStack(nested).toJSON().Resources);
  return Template.fromJSON(json, { skipCyclicalDependenciesCheck: true });
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
