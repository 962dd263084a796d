import { DomainError } from '../domain/errors';

/**
 * Where publication asks whether an item's files were checked (issue 8 #2: nothing is published
 * until its files are). The uploads area registers its reader (`GET /uploads/{id}`'s status) with
 * `useAttachmentStatus`; until it does, every attachment counts as `pending`, so an item with
 * files cannot go online unchecked.
 */
export type AttachmentStatus = 'pending' | 'clean' | 'quarantined' | 'missing';
export type AttachmentStatusReader = (uploadIds: readonly string[]) => Promise<Readonly<Record<string, AttachmentStatus>>>;

let reader: AttachmentStatusReader = async (ids) => Object.fromEntries(ids.map((id) => [id, 'pending' as const]));

export function useAttachmentStatus(statusOf: AttachmentStatusReader): void {
  reader = statusOf;
}

/** Refuses (409, naming each file) unless every attachment is `clean`. */
export async function requireCleanAttachments(itemId: string, uploadIds: readonly string[]): Promise<void> {
  if (uploadIds.length === 0) return;
  const status = await reader(uploadIds);
  const unchecked = uploadIds.filter((id) => status[id] !== 'clean');
  if (unchecked.length === 0) return;
  const message = {
    vi: `Chưa thể đăng ${itemId}: tệp đính kèm chưa được kiểm tra an toàn hoặc bị cách ly (${unchecked.map((id) => `${id}: ${status[id] ?? 'missing'}`).join(', ')})`,
    en: `Cannot publish ${itemId}: attachments not checked clean (${unchecked.map((id) => `${id}: ${status[id] ?? 'missing'}`).join(', ')})`,
  };
  throw new DomainError(
    'conflict',
    message,
    unchecked.map((id) => ({ field: `attachments.${uploadIds.indexOf(id)}`, code: `attachment_${status[id] ?? 'missing'}`, message })),
  );
}
