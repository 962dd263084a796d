import { randomUUID } from 'node:crypto';
import { documentClient } from '../adapters/aws-clients';
import { UploadRepository } from '../adapters/dynamo/uploads';
import { UnitOfWork } from '../adapters/dynamo/unit-of-work';
import { environmentCredentials, presignedPost } from '../adapters/s3/presigned-post';
import { env } from '../config/env';
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
let instances: { uploads: UploadRepository; uow: UnitOfWork } | undefined;
const services = () => (instances ??= { uploads: new UploadRepository(documentClient(), env().TABLE_NAME), uow: new UnitOfWork(documentClient(), env().TABLE_NAME) });

export interface UploadDeclaration {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

export async function createUpload(ctx: UseCaseContext, declaration: UploadDeclaration) {
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
    bucket: env().MEDIA_BUCKET,
    key: incomingKey(upload.id),
    contentType: declaration.contentType,
    size: declaration.size,
    region: process.env.AWS_REGION ?? 'ap-southeast-1',
    credentials: environmentCredentials(),
    now,
    expiresAt,
    ...(process.env.AWS_ENDPOINT_URL_S3 ? { endpoint: process.env.AWS_ENDPOINT_URL_S3 } : {}),
  });
  await services().uow.commit({ actions: [services().uploads.create(upload)] }, commitContext(ctx));
  return { uploadId: upload.id, url: form.url, fields: form.fields, expiresAt: upload.expiresAt };
}

/** The upload's status, for its own unit's staff only (others learn nothing, not even that it exists). */
export async function getUpload(ctx: UseCaseContext, uploadId: string) {
  const upload = await services().uploads.get(uploadId);
  if (!upload || upload.unitCode !== ctx.principal.unitCode) {
    throw new DomainError('not_found', { vi: `Không tìm thấy tệp tải lên ${uploadId}`, en: `Upload ${uploadId} not found` });
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
export async function attachmentsReady(uploadIds: readonly string[], unitCode: string): Promise<{ ready: boolean; notClean: string[] }> {
  if (uploadIds.length === 0) return { ready: true, notClean: [] };
  const found = await services().uploads.getMany(uploadIds);
  const ofUnit = new Map([...found].filter(([, u]) => u.unitCode === unitCode));
  const blocked = notClean(uploadIds, ofUnit);
  return { ready: blocked.length === 0, notClean: blocked };
}

/**
 * Each named upload's check status for the content workflow (shared/application/content-attachments.ts):
 * one that does not exist, or belongs to another unit, is `missing`.
 */
export async function attachmentStatuses(uploadIds: readonly string[], unitCode: string): Promise<Record<string, Upload['status'] | 'missing'>> {
  if (uploadIds.length === 0) return {};
  const found = await services().uploads.getMany(uploadIds);
  return Object.fromEntries(uploadIds.map((id) => {
    const upload = found.get(id);
    return [id, upload && upload.unitCode === unitCode ? upload.status : 'missing'];
  }));
}

/** Where the checker reads and moves objects: S3 on AWS and locally (fauxqs). */
export interface UploadStorage {
  /** The stored size, or undefined when the object is gone. */
  size(key: string): Promise<number | undefined>;
  /** Reads ranges of an object of `size` bytes (ranges past the end come back short or empty). */
  reader(key: string, size: number): ByteReader;
  /** Copies `incoming/<id>` to its clean or quarantine key (with serving headers when clean). */
  copyOut(uploadId: string, to: 'clean' | 'quarantine', headers?: ReturnType<typeof servingHeaders>): Promise<void>;
  deleteIncoming(uploadId: string): Promise<void>;
}

/** The checker's system identity in audit entries. */
const CHECKER = { id: 'upload-checker', kind: 'machine' } as const;

/**
 * Checks one uploaded object from its bytes and settles its upload: copy out, then commit the
 * verdict with its audit entry and event, then delete the incoming object. Each step is safe to
 * repeat, so a redelivered notification finishes an interrupted check and does nothing more.
 */
export async function checkUpload(uploadId: string, storage: UploadStorage, context: { requestId: string; now: Date }) {
  const upload = await services().uploads.get(uploadId);
  if (!upload) return { outcome: 'unknown-upload' as const };
  const key = incomingKey(uploadId);
  if (upload.status !== 'pending') {
    await storage.deleteIncoming(uploadId);
    return { outcome: 'already-checked' as const };
  }
  const size = await storage.size(key);
  if (size === undefined) return { outcome: 'no-object' as const };
  const detected = await sniffFileType(storage.reader(key, size), size);
  const outcome = checkOutcome(upload, detected, size);
  await storage.copyOut(uploadId, outcome.status === 'clean' ? 'clean' : 'quarantine', outcome.status === 'clean' ? servingHeaders(upload) : undefined);
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
    await services().uow.commit(
      {
        actions: [services().uploads.settle(uploadId, outcome, checkedAt)],
        audits: [
          auditEntry(
            {
              scope: upload.unitCode,
              actor: CHECKER,
              action: outcome.status === 'clean' ? 'upload.clean' : 'upload.quarantine',
              target: { type: 'Upload', id: uploadId },
              before: { status: 'pending', declaredType: upload.declaredType, size: upload.size },
              after: { status: outcome.status, detectedType: outcome.detectedType, size, ...(outcome.reason ? { reason: outcome.reason } : {}) },
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
    if ((await services().uploads.get(uploadId))?.status === 'pending') throw error;
  }
  await storage.deleteIncoming(uploadId);
  return { outcome: outcome.status, detectedType: outcome.detectedType, ...(outcome.reason ? { reason: outcome.reason } : {}) };
}
