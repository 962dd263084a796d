import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { defaultPortal } from '../support/portal-app';
import { bucketDefinitions } from '../../infra/definitions/buckets';

/** Attachments can be brought back after a delete or overwrite: the media bucket keeps versions for a while. */
describe('Data stack: media bucket', () => {
  let template: Template;
  let mediaId: string;
  beforeAll(() => {
    const { stacks } = defaultPortal();
    template = Template.fromStack(stacks.data);
    mediaId = stacks.data.getLogicalId(stacks.data.buckets.media.node.defaultChild as never);
  });

  it('is versioned, expires noncurrent versions after the defined period and aborts stale multipart uploads', () => {
    const media = template.findResources('AWS::S3::Bucket')[mediaId]!;
    expect(media.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const rules = media.Properties.LifecycleConfiguration.Rules as Array<Record<string, unknown>>;
    expect(rules).toContainEqual(
      expect.objectContaining({
        Status: 'Enabled',
        NoncurrentVersionExpiration: { NoncurrentDays: bucketDefinitions.media.keepNoncurrentVersionsDays },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      }),
    );
    expect(bucketDefinitions.media.keepNoncurrentVersionsDays).toBeGreaterThanOrEqual(30);
  });

  it('keeps every versioned bucket\u2019s old versions for a bounded time', () => {
    for (const bucket of Object.values(template.findResources('AWS::S3::Bucket'))) {
      if (bucket.Properties.VersioningConfiguration?.Status !== 'Enabled') continue;
      const rules = bucket.Properties.LifecycleConfiguration?.Rules as
        | Array<{ NoncurrentVersionExpiration?: unknown }>
        | undefined;
      expect(rules?.some((r) => r.NoncurrentVersionExpiration)).toBe(true);
    }
  });
});
