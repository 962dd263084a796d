import { DomainError } from '../domain/errors';

/**
 * Where publication asks whether an item's files were checked (issue 8 #2: nothing is published
 * until its files are). The reader is the uploads area's (`GET /uploads/{id}`'s status), which the
 * composition root wires as `services.attachmentStatus` (shared/composition/services.ts).
 */
export type AttachmentStatus = 'pending' | 'clean' | 'quarantined' | 'missing';
/** Statuses of an item's uploads; an upload of another unit than the item's counts as `missing`. */
export type AttachmentStatusReader = (
  uploadIds: readonly string[],
  unitCode: string,
) => Promise<Readonly<Record<string, AttachmentStatus>>>;

/** Refuses (409, naming each file) unless every attachment is `clean`, as `statusOf` reads them. */
export async function requireCleanAttachments(
  statusOf: AttachmentStatusReader,
  itemId: string,
  unitCode: string,
  uploadIds: readonly string[],
): Promise<void> {
  if (uploadIds.length === 0) return;
  const status = await statusOf(uploadIds, unitCode);
  const unchecked = uploadIds.filter((id) => status[id] !== 'clean');
  if (unchecked.length === 0) return;
  const message = {
    vi: `Chưa thể đăng ${itemId}: tệp đính kèm chưa được kiểm tra an toàn hoặc bị cách ly (${unchecked.map((id) => `${id}: ${status[id] ?? 'missing'}`).join(', ')})`,
    en: `Cannot publish ${itemId}: attachments not checked clean (${unchecked.map((id) => `${id}: ${status[id] ?? 'missing'}`).join(', ')})`,
  };
  throw new DomainError(
    'conflict',
    message,
    unchecked.map((id) => ({
      field: `attachments.${uploadIds.indexOf(id)}`,
      code: `attachment_${status[id] ?? 'missing'}`,
      message,
    })),
  );
}
