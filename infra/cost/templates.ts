import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib/core';
import { buildPortal } from '../portal-app';
import type { DeploymentConfig } from '../config/deployment';

/** A synthesized CloudFormation template, as much of it as the cost model reads. */
export interface CfnTemplate {
  readonly Resources?: Record<string, { readonly Type: string; readonly Properties?: Record<string, unknown> }>;
}

export interface SynthesizedStack {
  readonly name: string;
  readonly region: string;
  readonly template: CfnTemplate;
}

/**
 * Synthesizes the deployment offline, as the infra tests do (test/support/portal-app.ts): no
 * esbuild bundling, no CloudFormation validation, no cdk-nag (the templates are the same).
 */
export function synthesizeTemplates(config: DeploymentConfig): SynthesizedStack[] {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-cost-'));
  try {
    const app = new App({
      outdir,
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:validateAgainstDefaultRules': true },
    });
    buildPortal(app, config, { nag: false });
    const assembly = app.synth();
    const stacks = assembly.stacks.map((stack) => ({
      name: stack.stackName,
      region: stack.environment.region,
      template: stack.template as CfnTemplate,
    }));
    // The API's area stacks (infra/stacks/api-areas.ts) are nested: their templates are assets of the parent's.
    const nested = app.node
      .findAll()
      .filter((c): c is NestedStack => c instanceof NestedStack)
      .map((stack) => ({
        name: stack.node.path,
        region: Stack.of(stack.nestedStackParent!).region,
        template: JSON.parse(readFileSync(join(assembly.directory, stack.templateFile), 'utf8')) as CfnTemplate,
      }));
    return [...stacks, ...nested];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
