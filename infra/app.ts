import { App } from 'aws-cdk-lib/core';
import { loadDeploymentConfig } from './config/deployment';
import { buildPortal } from './portal-app';

buildPortal(new App(), loadDeploymentConfig());
