import { randomUUID } from 'node:crypto';
import type { Services } from '../composition/services';
import type { UploadRepository } from '../adapters/dynamo/uploads';
import { environmentCredentials, presignedPost } from '../adapters/s3/presigned-post';
import { requireAccess } from '../domain/access/authorize';
import { auditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { sniffFileType, type ByteReader } from '../domain/uploads/sniff';
import {
  checkOutcome,
  declaredFileType,
  incomingKey,
  notClean,
  servingHeaders,
  UPLOAD_FORM_TTL_SECONDS,
  type Upload,
} from '../domain/uploads/upload';
import { pendingEvent } from '../../events/catalogue';
import { commitContext, type UseCaseContext } from './context';

/**
 * Attachments: declare an upload and get a presigned POST form, read its check status, settle it
 * from its bytes (the checker), and tell the content workflow whether an item's files are clean.
 */
type UploadServices = Pick<Services, 'uploads' | 'uow' | 'config'>;

export interface UploadDeclaration {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

export async function createUpload(s: UploadServices, ctx: UseCaseContext, declaration: UploadDeclaration) {
  const { principal, now } = ctx;
  requireAccess(principal, 'upload.create', [principal.unitCode], now);
  const declaredType = declaredFileType(declaration.fileName, declaration.contentType, declaration.size);
  const expiresAt = new Date(now.getTime() + UPLOAD_FORM_TTL_SECONDS * 1000);
  const upload: Upload = {
    id: randomUUID(),
    unitCode: principal.unitCode,
    uploaderId: principal.id,
    fileName: declaration.fileName,
    contentType: declaration.contentType,
    declaredType,
    size: declaration.size,
    status: 'pending',
    detectedType: null,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  const form = presignedPost({
    bucket: s.config.MEDIA_BUCKET,
    key: incomingKey(upload.id),
    contentType: declaration.contentType,
    size: declaration.size,
    region: process.env.AWS_REGION ?? 'ap-southeast-1',
    credentials: environmentCredentials(),
    now,
    expiresAt,
    ...(process.env.AWS_ENDPOINT_URL_S3 ? { endpoint: process.env.AWS_ENDPOINT_URL_S3 } : {}),
  });
  await s.uow.commit({ actions: [s.uploads.create(upload)] }, commitContext(ctx));
  return { uploadId: upload.id, url: form.url, fields: form.fields, expiresAt: upload.expiresAt };
}

/** The upload's status, for its own unit's staff only (others learn nothing, not even that it exists). */
export async function getUpload(s: UploadServices, ctx: UseCaseContext, uploadId: string) {
  const upload = await s.uploads.get(uploadId);
  if (!upload || upload.unitCode !== ctx.principal.unitCode) {
    throw new DomainError('not_found', {
      vi: `Không tìm thấy tệp tải lên ${uploadId}`,
      en: `Upload ${uploadId} not found`,
    });
  }
  requireAccess(ctx.principal, 'upload.read', [upload.unitCode], ctx.now);
  return {
    uploadId: upload.id,
    status: upload.status,
    detectedType: upload.detectedType,
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    ...(upload.reason ? { reason: upload.reason } : {}),
  };
}

/**
 * What the content workflow calls before publishing: ready only when every named upload exists,
 * belongs to the item's unit and is clean. `notClean` lists the others (pending, quarantined,
 * unknown or another unit's), so nothing is published until its files are checked.
 */
export async function attachmentsReady(
  s: UploadServices,
  uploadIds: readonly string[],
  unitCode: string,
): Promise<{ ready: boolean; notClean: string[] }> {
  if (uploadIds.length === 0) return { ready: true, notClean: [] };
  const found = await s.uploads.getMany(uploadIds);
  const ofUnit = new Map([...found].filter(([, u]) => u.unitCode === unitCode));
  const blocked = notClean(uploadIds, ofUnit);
  return { ready: blocked.length === 0, notClean: blocked };
}

/**
 * Each named upload's check status for the content workflow (shared/application/content-attachments.ts):
 * one that does not exist, or belongs to another unit, is `missing`.
 */
export async function attachmentStatuses(
  s: { readonly uploads: UploadRepository },
  uploadIds: readonly string[],
  unitCode: string,
): Promise<Record<string, Upload['status'] | 'missing'>> {
  if (uploadIds.length === 0) return {};
  const found = await s.uploads.getMany(uploadIds);
  return Object.fromEntries(
    uploadIds.map((id) => {
      const upload = found.get(id);
      return [id, upload && upload.unitCode === unitCode ? upload.status : 'missing'];
    }),
  );
}

/** Where the checker reads and moves objects: S3 on AWS and locally (fauxqs). */
export interface UploadStorage {
  /** The stored size and ETag (unquoted), or undefined when the object is gone. */
  head(key: string): Promise<{ size: number; etag: string } | undefined>;
  /** Copies `incoming/<id>` at `etag` to this check's own key; undefined if it is gone or no longer that version. */
  stage(
    uploadId: string,
    checkId: string,
    etag: string,
  ): Promise<{ key: string; size: number; etag: string } | undefined>;
  /** Reads ranges of an object of `size` bytes at `etag` (ranges past the end come back short or empty). */
  reader(key: string, size: number, etag: string): ByteReader;
  /** Copies the staged object to its clean or quarantine key (with serving headers when clean). */
  copyOut(
    from: string,
    uploadId: string,
    to: 'clean' | 'quarantine',
    headers?: ReturnType<typeof servingHeaders>,
  ): Promise<void>;
  delete(key: string): Promise<void>;
  deleteIncoming(uploadId: string): Promise<void>;
}

/** The checker's system identity in audit entries. */
const CHECKER = { id: 'upload-checker', kind: 'machine' } as const;

/**
 * Checks one uploaded object from its bytes and settles its upload. The bytes are pinned: the
 * check stages its own copy of the version it found (conditioned on its ETag), sniffs that copy
 * and copies that copy out, so a form posted again meanwhile cannot put other bytes under
 * `clean/`. A form used again is refused: an object that is not the one its notification
 * announced (`announcedEtag`), or that changed while it was judged, is quarantined as `replaced`.
 * Then the verdict commits with its audit entry and event, and the incoming object and the staged
 * copy are deleted. Each step is safe to repeat, so a redelivered notification finishes an
 * interrupted check and does nothing more.
 */
export async function checkUpload(
  s: UploadServices,
  uploadId: string,
  storage: UploadStorage,
  context: { requestId: string; now: Date },
  announcedEtag?: string,
) {
  const upload = await s.uploads.get(uploadId);
  if (!upload) return { outcome: 'unknown-upload' as const };
  const key = incomingKey(uploadId);
  if (upload.status !== 'pending') {
    await storage.deleteIncoming(uploadId);
    return { outcome: 'already-checked' as const };
  }
  const found = await storage.head(key);
  if (found === undefined) return { outcome: 'no-object' as const };
  const staged = await storage.stage(uploadId, randomUUID(), found.etag);
  // Gone between the two requests: the upload stays pending for the next notification.
  if (staged === undefined) return { outcome: 'no-object' as const };
  const detected = await sniffFileType(storage.reader(staged.key, staged.size, staged.etag), staged.size);
  // On S3 the staged copy is of `found` (CopySourceIfMatch); fauxqs ignores that condition, so the
  // object is read again: any change since `found` (or since its notification) refuses the upload.
  const after = await storage.head(key);
  const replaced = (announcedEtag !== undefined && announcedEtag !== found.etag) || after?.etag !== found.etag;
  const outcome = checkOutcome(upload, detected, staged.size, replaced);
  await storage.copyOut(
    staged.key,
    uploadId,
    outcome.status === 'clean' ? 'clean' : 'quarantine',
    outcome.status === 'clean' ? servingHeaders(upload) : undefined,
  );
  const size = staged.size;
  const checkedAt = context.now.toISOString();
  const detail = {
    uploadId,
    unitCode: upload.unitCode,
    uploaderId: upload.uploaderId,
    fileName: upload.fileName,
    declaredType: upload.declaredType,
    detectedType: outcome.detectedType,
    size,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    checkedAt,
  };
  try {
    await s.uow.commit(
      {
        actions: [s.uploads.settle(uploadId, outcome, checkedAt, found.etag)],
        audits: [
          auditEntry(
            {
              scope: upload.unitCode,
              actor: CHECKER,
              action: outcome.status === 'clean' ? 'upload.clean' : 'upload.quarantine',
              target: { type: 'Upload', id: uploadId },
              before: { status: 'pending', declaredType: upload.declaredType, size: upload.size },
              after: {
                status: outcome.status,
                detectedType: outcome.detectedType,
                size,
                etag: found.etag,
                ...(outcome.reason ? { reason: outcome.reason } : {}),
              },
              requestId: context.requestId,
            },
            context.now,
          ),
        ],
        events: [pendingEvent(outcome.status === 'clean' ? 'UploadCleared' : 'UploadQuarantined', detail)],
      },
      context,
    );
  } catch (error) {
    // A concurrent delivery settled it first: its verdict stands. Otherwise (both transactions
    // collided and neither committed) the record is still pending: fail, so SQS delivers again.
    if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
    if ((await s.uploads.get(uploadId))?.status === 'pending') throw error;
  } finally {
    await storage.delete(staged.key);
  }
  await storage.deleteIncoming(uploadId);
  return {
    outcome: outcome.status,
    detectedType: outcome.detectedType,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  };
}
