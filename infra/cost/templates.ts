import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib/core';
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
    return app.synth().stacks.map((stack) => ({
      name: stack.stackName,
      region: stack.environment.region,
      template: stack.template as CfnTemplate,
    }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
