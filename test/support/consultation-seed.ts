import { randomUUID } from 'node:crypto';
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
