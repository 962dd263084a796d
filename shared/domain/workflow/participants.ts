import type { LocalizedText } from '../text';

/**
 * Who took part in an item (separation of duties, BĐ 9.6, CB 17.3, TG 5.4): whoever wrote,
 * submitted, edited, proposed, co-authored or answered it, or published it in an emergency, never
 * decides on it (approve, reject, send back, confirm, check), whatever roles they hold and however
 * often it went back and forth. The set lives on the item and only grows: each step that makes
 * someone a participant adds them (workflow steps through the engine, creation and edits through
 * the content use cases), and every decision step consults it through `participationRefusal`.
 */
export const participantRoles = [
  'creator',
  'submitter',
  'editor',
  'proposer',
  'contributor',
  'answerer',
  'emergency-publisher',
  'summary-writer',
] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export interface Participant {
  readonly id: string;
  readonly role: ParticipantRole;
}

/** What each role did, as a clause after "you": shown in the refusal. */
export const participantDid: Readonly<Record<ParticipantRole, LocalizedText>> = {
  creator: { vi: 'đã tạo mục này', en: 'created it' },
  submitter: { vi: 'đã gửi mục này', en: 'submitted this' },
  editor: { vi: 'đã sửa nội dung mục này', en: 'edited its content' },
  proposer: { vi: 'đã trình duyệt mục này', en: 'proposed it for decision' },
  contributor: { vi: 'là đồng tác giả của mục này', en: 'are one of its co-authors' },
  answerer: { vi: 'đã soạn câu trả lời', en: 'drafted its answer' },
  'emergency-publisher': { vi: 'đã đăng khẩn mục này', en: 'published it in an emergency' },
  'summary-writer': { vi: 'đã soạn bản tổng hợp ý kiến', en: 'wrote its summary of comments' },
};

/** The set with each new (person, role) added once; the order of first appearance is kept. */
export function withParticipants(
  current: readonly Participant[] | undefined,
  added: readonly Participant[],
): Participant[] {
  const out = [...(current ?? [])];
  for (const p of added)
    if (p.id !== '' && !out.some((q) => q.id === p.id && q.role === p.role)) out.push({ id: p.id, role: p.role });
  return out;
}

/** The roles in which `id` took part, in the order they were recorded. */
export const rolesOf = (participants: readonly Participant[] | undefined, id: string): ParticipantRole[] =>
  // Stryker disable next-line ArrayDeclaration: a placeholder element has no id, so it matches no one either
  (participants ?? []).filter((p) => p.id === id).map((p) => p.role);
