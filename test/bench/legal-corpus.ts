import type { ContentItemRecord } from '../../shared/adapters/dynamo/content';
import type { LegalDocument } from '../../shared/domain/content';
import { categoryOf } from '../../shared/domain/content';

/**
 * A province's legal documents for the search bench, generated deterministically: document i is
 * the same in every run of the same size. Issue dates run evenly from 2016 to November 2026; each
 * (year, form, issuer) numbers its documents 1, 2, 3… in issue order, as a registry does, so
 * "12/2026/QĐ-UBND" exists once and the number 12 recurs across forms, issuers and years.
 */
const FORMS: ReadonlyArray<{
  id: LegalDocument['form'];
  code: string;
  name: string;
  normative: boolean;
  weight: number;
}> = [
  { id: 'quyet-dinh', code: 'QĐ', name: 'Quyết định', normative: true, weight: 40 },
  { id: 'quyet-dinh', code: 'QĐ', name: 'Quyết định', normative: false, weight: 12 },
  { id: 'nghi-quyet', code: 'NQ', name: 'Nghị quyết', normative: true, weight: 8 },
  { id: 'chi-thi', code: 'CT', name: 'Chỉ thị', normative: false, weight: 5 },
  { id: 'ke-hoach', code: 'KH', name: 'Kế hoạch', normative: false, weight: 15 },
  { id: 'thong-bao', code: 'TB', name: 'Thông báo', normative: false, weight: 10 },
  { id: 'huong-dan', code: 'HD', name: 'Hướng dẫn', normative: false, weight: 4 },
  { id: 'bao-cao', code: 'BC', name: 'Báo cáo', normative: false, weight: 6 },
];

const ISSUERS: ReadonlyArray<{ code: string; name: string; signers: readonly string[]; weight: number }> = [
  {
    code: 'UBND',
    name: 'Ủy ban nhân dân tỉnh Bình Định',
    signers: ['Phạm Anh Tuấn', 'Nguyễn Tự Công Hoàng', 'Lâm Hải Giang', 'Nguyễn Tuấn Thanh'],
    weight: 60,
  },
  { code: 'HĐND', name: 'Hội đồng nhân dân tỉnh Bình Định', signers: ['Hồ Quốc Dũng', 'Đoàn Văn Phi'], weight: 10 },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', signers: ['Trần Thanh Bình', 'Lê Văn Hòa'], weight: 8 },
  { code: 'SNN', name: 'Sở Nông nghiệp và Phát triển nông thôn', signers: ['Nguyễn Văn Hiền'], weight: 6 },
  { code: 'SYT', name: 'Sở Y tế', signers: ['Lê Quang Hùng', 'Trần Văn Trương'], weight: 6 },
  { code: 'SGDĐT', name: 'Sở Giáo dục và Đào tạo', signers: ['Nguyễn Thị Hồng Loan'], weight: 5 },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', signers: ['Hồ Văn Anh'], weight: 5 },
];

const SUBJECTS: ReadonlyArray<{ text: string; field: string }> = [
  { text: 'quản lý đất đai và giá đất', field: 'Đất đai' },
  { text: 'bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất', field: 'Đất đai' },
  { text: 'hạn mức giao đất ở, công nhận quyền sử dụng đất cho hộ gia đình, cá nhân', field: 'Đất đai' },
  { text: 'quản lý chất thải rắn sinh hoạt', field: 'Tài nguyên – Môi trường' },
  { text: 'khai thác khoáng sản làm vật liệu xây dựng thông thường', field: 'Tài nguyên – Môi trường' },
  { text: 'bảo vệ và phát triển rừng', field: 'Nông nghiệp' },
  { text: 'xây dựng nông thôn mới nâng cao', field: 'Nông nghiệp' },
  { text: 'phòng, chống dịch bệnh truyền nhiễm', field: 'Y tế' },
  { text: 'giá dịch vụ khám bệnh, chữa bệnh tại cơ sở y tế công lập', field: 'Y tế' },
  { text: 'mức thu học phí đối với cơ sở giáo dục công lập', field: 'Giáo dục' },
  { text: 'tuyển sinh vào lớp 10 trung học phổ thông', field: 'Giáo dục' },
  { text: 'chuyển đổi số và phát triển chính quyền số', field: 'Công nghệ thông tin' },
  { text: 'vận hành Cổng thông tin điện tử và cung cấp thông tin trên môi trường mạng', field: 'Công nghệ thông tin' },
  { text: 'cải cách hành chính và công bố danh mục thủ tục hành chính', field: 'Nội vụ' },
  { text: 'tuyển dụng công chức, viên chức', field: 'Nội vụ' },
  { text: 'phân bổ dự toán ngân sách nhà nước', field: 'Tài chính' },
  { text: 'kế hoạch đầu tư công trung hạn', field: 'Tài chính' },
  { text: 'bảo đảm trật tự an toàn giao thông', field: 'Giao thông' },
  { text: 'phòng cháy, chữa cháy và cứu nạn, cứu hộ', field: 'Quốc phòng – An ninh' },
  { text: 'hỗ trợ doanh nghiệp nhỏ và vừa', field: 'Công thương' },
  { text: 'phát triển du lịch bền vững', field: 'Văn hóa – Du lịch' },
  { text: 'phòng, chống thiên tai và tìm kiếm cứu nạn', field: 'Quốc phòng – An ninh' },
];
const ACTS: readonly string[] = [
  'Ban hành Quy định về',
  'Sửa đổi, bổ sung một số điều của Quy định về',
  'Phê duyệt Đề án',
  'Về việc triển khai thực hiện',
  'Về việc tăng cường công tác',
];
const PLACES: readonly string[] = [
  'trên địa bàn tỉnh Bình Định',
  'tại thành phố Quy Nhơn',
  'tại các huyện miền núi',
  'giai đoạn 2021–2025',
  'giai đoạn 2026–2030',
  'năm 2026',
];
const STATUS_BY_AGE: readonly LegalDocument['effectiveness'][] = [
  'in-force',
  'in-force',
  'in-force',
  'partly-expired',
  'expired',
];

/** mulberry32: a small seeded generator, so document i never depends on the run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function weighted<T extends { weight: number }>(choices: readonly T[], r: number): T {
  const total = choices.reduce((s, c) => s + c.weight, 0);
  let x = r * total;
  for (const c of choices) if ((x -= c.weight) < 0) return c;
  return choices[choices.length - 1]!;
}
const pick = <T>(choices: readonly T[], r: number) => choices[Math.floor(r * choices.length)]!;

const FIRST_DAY = Date.UTC(2016, 0, 4);
const LAST_DAY = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;

export const benchItemId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** The `count` documents, in issue order, as published content items of `portal`. */
export function* legalCorpus(count: number, portal: string): Generator<ContentItemRecord> {
  const numbers = new Map<string, number>();
  const policy = categoryOf('legal-document').publishPolicy;
  for (let i = 0; i < count; i++) {
    const r = random(i * 7919 + 17);
    const issued = new Date(FIRST_DAY + Math.floor(((LAST_DAY - FIRST_DAY) / DAY) * (i / count)) * DAY);
    const issuedOn = issued.toISOString().slice(0, 10);
    const year = issued.getUTCFullYear();
    const form = weighted(FORMS, r());
    const issuer = weighted(ISSUERS, r());
    const key = `${year}/${form.code}-${issuer.code}/${form.normative}`;
    const number = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, number);
    const subject = pick(SUBJECTS, r());
    const summary = `${pick(ACTS, r())} ${subject.text} ${pick(PLACES, r())}`;
    const age = (LAST_DAY - issued.getTime()) / (LAST_DAY - FIRST_DAY);
    const publishedAt = new Date(issued.getTime() + (1 + Math.floor(r() * 2)) * DAY).toISOString();
    const at = publishedAt;
    yield {
      id: benchItemId(i),
      unitCode: portal,
      unitPath: [portal],
      category: 'legal-document',
      language: 'vi',
      title: `${form.name} ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`,
      summary,
      body: `<p>${form.name} số ${number}. ${summary}.</p>`,
      legalDocument: {
        form: form.id,
        numberSymbol: form.normative
          ? `${number}/${year}/${form.code}-${issuer.code}`
          : `${number}/${form.code}-${issuer.code}`,
        issuingAuthority: issuer.name,
        signer: pick(issuer.signers, r()),
        issuedOn,
        summary,
        field: subject.field,
        effectiveness: age > 0.3 ? pick(STATUS_BY_AGE, r()) : 'in-force',
        relations: [],
      },
      attachments: [],
      contributors: [{ name: 'Văn phòng UBND tỉnh', share: 100 }],
      state: 'published',
      version: 6,
      openClocks: [],
      publishPolicy: policy,
      createdBy: 'bench',
      createdAt: at,
      updatedAt: at,
      publishedAt,
      publishedOnTime: true,
    };
  }
}
