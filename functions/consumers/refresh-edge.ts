import { createHash } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { eventCatalogue, eventDetailEnvelope, eventEnvelope } from '../../events/catalogue';
import { applyEdgeStep, invalidateBatch } from '../../shared/application/edge-refresh';
import { S3PublishedFiles } from '../../shared/adapters/s3/published-files';
import { edgeCache } from '../../shared/adapters/edge/edge-cache';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { lambdaRoot } from '../../shared/composition/lambda';
import { logger } from '../../shared/logger';

/**
 * The edge follows content (issue 26): each batch of workflow steps (SQS, up to a minute's worth)
 * copies or removes published files step by step, then sends one invalidation with every path the
 * successful steps changed. A step that fails is retried alone (batch item failure); a failed
 * invalidation fails the batch, whose steps are idempotent.
 */
const workflow = eventCatalogue.WorkflowTransitioned;

export const handler = lambdaRoot((s) => {
  const files = new S3PublishedFiles(createS3Client(), s.config.MEDIA_BUCKET);
  const attachmentsOf = async (id: string) => (await s.content.get(id))?.attachments;
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: string[] = [];
    const paths: string[] = [];
    for (const record of event.Records) {
      try {
        const envelope = eventEnvelope.parse(JSON.parse(record.body));
        if (envelope.source !== workflow.source || envelope['detail-type'] !== workflow.detailType)
          throw new Error(`Unexpected event ${envelope.source}/${envelope['detail-type']}`);
        const step = workflow.detail.parse(eventDetailEnvelope.parse(envelope.detail).data);
        paths.push(...(await applyEdgeStep(step, files, attachmentsOf)));
      } catch (error) {
        logger.error('edge step failed', { messageId: record.messageId, error: error as Error });
        failures.push(record.messageId);
      }
    }
    // The same batch (same messages) makes the same reference: CloudFront answers a retry without a second invalidation.
    const reference = createHash('sha256')
      .update(event.Records.map((r) => r.messageId).join(','))
      .digest('hex')
      .slice(0, 32);
    await invalidateBatch(paths, edgeCache(), reference);
    return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
  };
});
