import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { httpFrom } from './http-from';
import { fileServices } from './local-stack';
import {
  ConsultationRepository,
  type ConsultationRecord,
  type NewConsultation,
} from '../../shared/adapters/dynamo/consultations';
import { splitArticles } from '../../shared/domain/participation/consultation';

/**
 * A consultation committed straight through its repository, for tests of what hangs off one
 * (comments) without walking the draft through the content workflow: open (or in the state given)
 * between two instants, on a three-article draft unless told otherwise.
 */
export const THREE_ARTICLES = [
  'Điều 1. Phạm vi điều chỉnh',
  'Quy định này quy định về quản lý chợ trên địa bàn tỉnh.',
  'Điều 2. Đối tượng áp dụng',
  '1. Ban quản lý chợ, doanh nghiệp kinh doanh chợ.',
  '2. Thương nhân kinh doanh tại chợ.',
  'Điều 3. Hiệu lực thi hành',
  'Quy định này có hiệu lực kể từ ngày ký.',
].join('\n');

export async function seedConsultation(options: {
  readonly unitCode: string;
  readonly unitPath?: readonly string[];
  readonly opensAt: string;
  readonly closesAt: string;
  readonly state?: ConsultationRecord['state'];
  readonly text?: string;
}): Promise<NewConsultation> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const { articles, preamble } = splitArticles(options.text ?? THREE_ARTICLES);
  const record: NewConsultation = {
    id,
    unitCode: options.unitCode,
    unitPath: options.unitPath ?? [options.unitCode],
    contentId: id,
    language: 'vi',
    title: 'Dự thảo Quy định quản lý chợ',
    documentType: 'legal-normative',
    opensAt: options.opensAt,
    closesAt: options.closesAt,
    minimumDays: 30,
    minimumBasis: 'test',
    state: options.state ?? 'open',
    version: 1,
    openClocks: [],
    draft: { draftVersion: 1, contentVersion: 1, title: 'Dự thảo', preamble, articles, takenAt: now },
    scheduledBy: 'test',
    createdAt: now,
    updatedAt: now,
  };
  const s = fileServices();
  await s.uow.commit(
    { actions: new ConsultationRepository(s.db, s.table).create(record) },
    { requestId: `test-${id}`, now: new Date() },
  );
  return record;
}

/**
 * The i-th comment of one individual on a consultation (article (i mod 3) + 1), through the public
 * route from an address of its own per ten comments (the per-address rate limit); its code.
 */
export async function postComment(
  gatewayUrl: string,
  consultationId: string,
  i: number,
  { publication = true, network = '127.0.11' }: { publication?: boolean; network?: string } = {},
): Promise<string> {
  const res = await httpFrom(gatewayUrl, `/public/portals/binhdinh/consultations/${consultationId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      commenter: {
        kind: 'individual',
        fullName: 'Trần Thị Góp Ý',
        nationality: 'Việt Nam',
        address: '3 Đường Trang, phường Nhơn Bình',
        phone: '0935 000 111',
        email: 'gopy.trang@example.vn',
      },
      article: (i % 3) + 1,
      text: `Ý kiến thứ ${i} về dự thảo quy định quản lý chợ.`,
      consent: { processing: true, publication },
    }),
    from: `${network}.${Math.ceil(i / 10)}`,
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { code: string }).code;
}
