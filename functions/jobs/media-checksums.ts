import { jobFunction } from '../../shared/jobs/job';
import { createS3Client } from '../../shared/adapters/aws-clients';
import { coreRoot } from '../../shared/composition/core-root';
import { giveMissingChecksums } from '../../shared/adapters/backup/media-checksums';
import { uploadPrefixes } from '../../shared/domain/uploads/upload';

/**
 * Gives every clean media object without a SHA-256 checksum one (issue 24): run by hand, once, after
 * this change is deployed (new uploads get one when copied to clean/). The weekly backup then reads
 * no media byte. Resumable: a run that reaches its time budget stops; run it again.
 */
export const handler = coreRoot((s) => {
  const s3 = createS3Client();
  return jobFunction(
    'media-checksums',
    async () => {
      const { checked, given, finished } = await giveMissingChecksums(
        s3,
        s.config.MEDIA_BUCKET,
        uploadPrefixes.clean,
        780_000,
      );
      return { checked, given: given.length, finished };
    },
    s.uow,
  );
});
