import { App } from 'aws-cdk-lib';
import { loadDeploymentConfig } from './config/deployment';
import { buildPortal } from './portal-app';

buildPortal(new App(), loadDeploymentConfig());
