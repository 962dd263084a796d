import { appendFileSync } from 'node:fs';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import type { EdgeCache } from '../../application/edge-refresh';
import { withoutSdkLogging } from '../aws-clients';

/** CloudFront: one CreateInvalidation per batch (the reference makes a retried batch a no-op). */
export class CloudFrontEdgeCache implements EdgeCache {
  private client?: CloudFrontClient;
  constructor(private readonly distributionId: string) {}

  async invalidate(paths: readonly string[], reference: string): Promise<void> {
    this.client ??= withoutSdkLogging(new CloudFrontClient({}));
    await this.client.send(
      new CreateInvalidationCommand({
        DistributionId: this.distributionId,
        InvalidationBatch: { CallerReference: reference, Paths: { Quantity: paths.length, Items: [...paths] } },
      }),
    );
  }
}

/**
 * Locally there is no distribution: the invalidations go to the file the local stack names
 * (LOCAL_INVALIDATIONS_FILE, one JSON line each) so that tests and operators can read them.
 */
export class LocalEdgeCache implements EdgeCache {
  async invalidate(paths: readonly string[], reference: string): Promise<void> {
    const file = process.env.LOCAL_INVALIDATIONS_FILE;
    if (file) appendFileSync(file, JSON.stringify({ reference, paths }) + '\n');
  }
}

/** CloudFront when the edge stack named the distribution (EDGE_DISTRIBUTION_ID), the local file otherwise. */
export const edgeCache = (): EdgeCache =>
  process.env.EDGE_DISTRIBUTION_ID ? new CloudFrontEdgeCache(process.env.EDGE_DISTRIBUTION_ID) : new LocalEdgeCache();
