import { App } from 'aws-cdk-lib/core';
import { loadDeploymentConfig } from './config/deployment';
import { buildPortal } from './portal-app';

const app = new App();
// `-c bootstrap=true`: also the one-off jobs (the first operator); a steady deployment runs without them.
const bootstrap = String(app.node.tryGetContext('bootstrap') ?? 'false') === 'true';
buildPortal(app, loadDeploymentConfig(), { oneOffJobs: bootstrap });
