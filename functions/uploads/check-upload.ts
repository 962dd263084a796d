import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { checkUpload } from '../../shared/application/uploads';
import { S3UploadStorage } from '../../shared/adapters/s3/upload-storage';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { lambdaRoot } from '../../shared/composition/lambda';
import { logger } from '../../shared/logger';
import { uploadIdOfIncomingKey } from '../../shared/domain/uploads/upload';

/**
 * The upload checker: S3 reports each object created under `incoming/` to EventBridge (the
 * default bus), a rule sends it to the upload-checks queue (with its DLQ), and this consumer
 * reads the bytes and settles the upload. Locally, infra/local/bucket-notifier.ts sends the same
 * events to the same queue. A record that fails is retried alone and ends in the DLQ.
 */
const s3ObjectCreated = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  id: z.string(),
  time: z.string(),
  detail: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({ key: z.string(), size: z.optional(z.number()), etag: z.optional(z.string()) }),
  }),
});

/** The consumer of one container (or one local stack): its batch processor and the bucket it reads. */
export const handler = lambdaRoot((s) => {
  const processor = new BatchProcessor(EventType.SQS);
  const storage = new S3UploadStorage(createS3Client(), s.config.MEDIA_BUCKET);
  const recordHandler = async (record: SQSRecord) => {
    const event = s3ObjectCreated.parse(JSON.parse(record.body));
    const { bucket, object } = event.detail;
    // S3 URL-encodes keys in notifications; ours are plain ids, so a key that changes is not ours.
    const uploadId = uploadIdOfIncomingKey(decodeURIComponent(object.key.replace(/\+/g, ' ')));
    if (bucket.name !== s.config.MEDIA_BUCKET || !uploadId) {
      logger.warn('object outside incoming/ ignored', { bucket: bucket.name });
      return;
    }
    // The ETag the notification announced: the object checked must be that one (a form used again is refused).
    const announced = object.etag ? object.etag.replace(/"/g, '') : undefined;
    const result = await checkUpload(s, uploadId, storage, { requestId: `s3:${event.id}`, now: new Date() }, announced);
    logger.info('upload checked', { uploadId, ...result });
  };

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    logger.addContext(context);
    return processPartialResponse(event, recordHandler, processor, { context });
  };
});
