import { invalidField } from '../errors';
import { foldDiacritics, text } from '../text';
import {
  allowedFileTypes,
  extensionOf,
  fileTypeOfContentType,
  isAllowedFileType,
  MAX_UPLOAD_BYTES,
  type FileTypeId,
} from './file-types';
import type { DetectedType } from './sniff';

/**
 * An attachment's life: declared (name, content type, size) → uploaded straight to S3 under
 * `incoming/` → checked from its bytes → `clean` (copied under `clean/`, served with safe headers)
 * or `quarantined` (moved under `quarantine/`, never served, reported). Nothing is published
 * until every file of the item is clean.
 */
export type UploadStatus = 'pending' | 'clean' | 'quarantined';
/** `replaced`: the object under the form's key changed during or before its check (the form was used again). */
export type QuarantineReason = 'type-mismatch' | 'forbidden-type' | 'size-mismatch' | 'replaced';

export interface Upload {
  readonly id: string;
  readonly unitCode: string;
  readonly uploaderId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly declaredType: FileTypeId;
  readonly size: number;
  readonly status: UploadStatus;
  readonly detectedType: DetectedType | null;
  readonly reason?: QuarantineReason;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly checkedAt?: string;
  /** The ETag of the object the check read (its staged copy's source): the version that was judged. */
  readonly checkedEtag?: string;
}

/**
 * Where each stage of an upload lives in the media bucket. `checking/` holds the checker's own
 * copy of the object while it is judged: only the checker writes there, so the bytes it sniffs
 * are the bytes it copies out, whatever is posted to `incoming/` meanwhile.
 */
export const uploadPrefixes = {
  incoming: 'incoming/',
  clean: 'clean/',
  quarantine: 'quarantine/',
  checking: 'checking/',
} as const;
/** One check's private copy (a redelivered event runs its own check with its own copy). */
export const checkingKey = (uploadId: string, checkId: string) => `${uploadPrefixes.checking}${uploadId}/${checkId}`;
export const incomingKey = (uploadId: string) => `${uploadPrefixes.incoming}${uploadId}`;
export const cleanKey = (uploadId: string) => `${uploadPrefixes.clean}${uploadId}`;
export const quarantineKey = (uploadId: string) => `${uploadPrefixes.quarantine}${uploadId}`;
/** The upload an `incoming/<id>` key belongs to, or undefined for any other key. */
export const uploadIdOfIncomingKey = (key: string): string | undefined => {
  const match = /^incoming\/([A-Za-z0-9-]{1,64})$/.exec(key);
  return match?.[1];
};

/** How long the presigned form stays usable. */
export const UPLOAD_FORM_TTL_SECONDS = 15 * 60;

/**
 * The declared type a request names, checked against the allowed list: the content type must
 * be one of CB 13.2's and the file name must end with one of that type's extensions.
 */
export function declaredFileType(fileName: string, contentType: string, size: number): FileTypeId {
  const type = fileTypeOfContentType(contentType);
  if (!type) {
    throw invalidField(
      'contentType',
      text(`Loại tệp ${contentType} không được phép (CB 13.2)`, `Content type ${contentType} is not allowed (CB 13.2)`),
      'file_type_not_allowed',
    );
  }
  const extension = extensionOf(fileName);
  if (!extension || !type.extensions.includes(extension)) {
    throw invalidField(
      'fileName',
      text(
        `Tên tệp phải có đuôi ${type.extensions.map((e) => `.${e}`).join(' hoặc ')} cho loại ${contentType}`,
        `The file name must end with ${type.extensions.map((e) => `.${e}`).join(' or ')} for ${contentType}`,
      ),
      'extension_mismatch',
    );
  }
  if (size > MAX_UPLOAD_BYTES) {
    throw invalidField(
      'size',
      text(`Tệp không được lớn hơn ${MAX_UPLOAD_BYTES} byte`, `A file must not exceed ${MAX_UPLOAD_BYTES} bytes`),
      'too_large',
    );
  }
  return type.id;
}

export interface CheckOutcome {
  readonly status: 'clean' | 'quarantined';
  readonly detectedType: DetectedType;
  readonly reason?: QuarantineReason;
}

/**
 * The verdict on the stored bytes: clean only when they are the declared type and exactly the
 * declared size (S3 enforces the size through the POST policy; checking it again costs nothing
 * and covers a store that does not, such as the local emulator).
 */
export function checkOutcome(
  upload: Pick<Upload, 'declaredType' | 'size'>,
  detectedType: DetectedType,
  storedSize: number,
  replaced = false,
): CheckOutcome {
  if (replaced) return { status: 'quarantined', detectedType, reason: 'replaced' };
  if (!isAllowedFileType(detectedType)) return { status: 'quarantined', detectedType, reason: 'forbidden-type' };
  if (detectedType !== upload.declaredType) return { status: 'quarantined', detectedType, reason: 'type-mismatch' };
  if (storedSize !== upload.size) return { status: 'quarantined', detectedType, reason: 'size-mismatch' };
  return { status: 'clean', detectedType };
}

/**
 * The headers a clean file is served with: its true type, never sniffed, as a download under its
 * original name. `Content-Disposition` per RFC 6266 §4.3: an ASCII `filename` fallback (diacritics
 * folded, anything else replaced) and the exact name as RFC 8187/5987 `filename*=UTF-8''…`.
 */
export function servingHeaders(upload: Pick<Upload, 'fileName' | 'declaredType'>) {
  return {
    'content-type': allowedFileTypes[upload.declaredType].contentTypes[0],
    'content-disposition': contentDisposition(upload.fileName),
    'x-content-type-options': 'nosniff',
  } as const;
}

export function contentDisposition(fileName: string): string {
  const fallback = foldDiacritics(fileName).replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** RFC 5987 §3.2.1 value-chars: attr-char as is, every other UTF-8 byte percent-encoded. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Upload ids that are not clean, in the order given: what blocks publication. */
export function notClean(uploadIds: readonly string[], uploads: ReadonlyMap<string, Pick<Upload, 'status'>>): string[] {
  return uploadIds.filter((id) => uploads.get(id)?.status !== 'clean');
}
