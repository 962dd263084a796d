import { Stack, type StackProps } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { portalWebAcl } from '../constructs/firewall';

/**
 * The web ACL of the distribution. AWS keeps every CloudFront-scoped web ACL in us-east-1, so this
 * stack lives there; the edge stack (in the deployment's region) reads its ARN through CDK's
 * cross-region references (an SSM parameter written here and read there at deploy time).
 */
export class EdgeFirewallStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    this.webAclArn = portalWebAcl(this, 'Firewall', 'CLOUDFRONT').attrArn;
  }
}
