import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REDACTED, redactPersonalData } from '../../shared/domain/questions/redaction';

/**
 * Publication redacts personal data (issue 9 §3, §7): whatever phone, e-mail or ID number is put
 * anywhere in ordinary Vietnamese text is gone afterwards, and the ordinary text (legal document
 * numbers, dates, amounts, institutions) is left as it was.
 */
const words = [
  'xin',
  'hỏi',
  'thủ',
  'tục',
  'cấp',
  'giấy',
  'chứng',
  'nhận',
  'quyền',
  'sử',
  'dụng',
  'đất',
  'thuế',
  'hồ',
  'sơ',
  'gồm',
  'nộp',
  'ở',
  'đâu',
  'thời',
  'hạn',
  'giải',
  'quyết',
  'bao',
  'lâu',
  'phí',
  'lệ',
  'nhà',
  'ở',
  'hộ',
  'kinh',
  'doanh',
  'đăng',
  'ký',
  'khai',
  'sinh',
  'bảo',
  'hiểm',
  'xã',
  'hội',
  'học',
  'sinh',
  'trường',
  'phường',
  'huyện',
  'tỉnh',
  'người',
  'dân',
];
const fixed = [
  '12/2026/QĐ-UBND',
  '01/2021/TT-BTC',
  '356/2025/NĐ-CP',
  'Nghị định 100/2019/NĐ-CP',
  'ngày 12/02/2026',
  '13/02/2026',
  '2026-02-13',
  'ngày 5 tháng 3 năm 2026',
  'Ủy ban nhân dân tỉnh Bình Định',
  'Sở Tài nguyên và Môi trường',
  'Điều 5',
  'khoản 2',
  '500.000 đồng',
  'Luật Đất đai 2024',
  '15 ngày',
  'Thành phố Hồ Chí Minh',
  'Quy Nhơn',
  '1.200.000.000 đồng',
  '30%',
  'mục 3.2',
  'lô số 45',
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words) },
  { weight: 1, arbitrary: fc.constantFrom(...fixed) },
);
const punctuated = fc.tuple(piece, fc.constantFrom('', '', '', ',', '.', ';', ':', '?')).map(([w, p]) => w + p);
const ordinaryText = fc.array(punctuated, { minLength: 1, maxLength: 40 });

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const mobile = fc.tuple(
  fc.constantFrom('3', '5', '7', '8', '9'),
  digits(8),
  fc.constantFrom(' ', '.', '-', ''),
  fc.constantFrom('0', '+84 ', '+84', '(+84) ', '0084 '),
);
const phone = fc.oneof(
  mobile.map(([a, rest, sep, prefix]) => {
    const n = a + rest; // 9 digits after the trunk prefix
    const grouped =
      sep === ''
        ? n
        : prefix.startsWith('0') && prefix.length === 1
          ? [`${n.slice(0, 3)}`, n.slice(3, 6), n.slice(6)].join(sep)
          : [n.slice(0, 3), n.slice(3, 6), n.slice(6)].join(sep);
    return prefix + grouped;
  }),
  // Landlines: 02x + 8 digits, as `024 3825 1234` or `0243.825.1234`.
  fc
    .tuple(digits(2), digits(8), fc.constantFrom(' ', '.'))
    .map(([area, rest, sep]) =>
      sep === ' '
        ? `02${area.slice(0, 1)} ${rest.slice(0, 4)} ${rest.slice(4)}`
        : `02${area}.${rest.slice(0, 3)}.${rest.slice(3, 7)}`,
    ),
);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/),
    fc.constantFrom('gmail.com', 'yahoo.com.vn', 'binhdinh.gov.vn', 'example.vn'),
  )
  .map(([u, d]) => `${u}@${d}`);
const idNumber = fc.oneof(
  digits(9),
  digits(12),
  fc.tuple(fc.constantFrom('B', 'C', 'N'), digits(7)).map(([l, d]) => l + d),
);
const personal = fc.oneof(phone, email, idNumber);

const insertAt = (pieces: string[], at: number, value: string) =>
  [...pieces.slice(0, at % (pieces.length + 1)), value, ...pieces.slice(at % (pieces.length + 1))].join(' ');
const onlyDigits = (s: string) => s.replace(/\D/g, '');

describe('redactPersonalData', () => {
  it('hides phones, e-mails and ID numbers inserted anywhere in ordinary text', () => {
    fc.assert(
      fc.property(ordinaryText, personal, fc.nat(), (pieces, value, at) => {
        const text = insertAt(pieces, at, value);
        const out = redactPersonalData(text);
        expect(out).not.toContain(value);
        expect(out).toContain(REDACTED);
        if (!value.includes('@')) expect(onlyDigits(out)).not.toContain(onlyDigits(value).replace(/^(84|0084)/, ''));
        // What surrounds it is intact.
        expect(out).toBe(insertAt(pieces, at, REDACTED));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves ordinary text, legal document numbers, dates and amounts as they are', () => {
    fc.assert(
      fc.property(ordinaryText, (pieces) => {
        const text = pieces.join(' ');
        expect(redactPersonalData(text)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(ordinaryText, personal, fc.nat(), (pieces, value, at) => {
        const once = redactPersonalData(insertAt(pieces, at, value));
        expect(redactPersonalData(once)).toBe(once);
      }),
    );
  });

  it.each([
    ['Số điện thoại của tôi là 0912 345 678.', 'Số điện thoại của tôi là [đã ẩn].'],
    ['Liên hệ +84 912 345 678 hoặc (+84) 912-345-678', 'Liên hệ [đã ẩn] hoặc [đã ẩn]'],
    ['Máy bàn 024 3825 1234, 0243.825.1234, 0912.345.678', 'Máy bàn [đã ẩn], [đã ẩn], [đã ẩn]'],
    ['Thư: an.nguyen@gmail.com.', 'Thư: [đã ẩn].'],
    ['CCCD 079123456789, CMND 123456789, hộ chiếu B1234567', 'CCCD [đã ẩn], CMND [đã ẩn], hộ chiếu [đã ẩn]'],
    ['Tôi là Nguyễn Văn An, hỏi giúp bà Lan', 'Tôi là [đã ẩn], hỏi giúp bà [đã ẩn]'],
    ['Ông Trần Quốc Bảo và chị Hồng Nhung', 'Ông [đã ẩn] và chị [đã ẩn]'],
    ['Nguyễn Thị Mai Anh ở Quy Nhơn', '[đã ẩn] ở Quy Nhơn'],
    [
      'Theo Quyết định số 12/2026/QĐ-UBND ngày 12/02/2026 của Ủy ban nhân dân tỉnh',
      'Theo Quyết định số 12/2026/QĐ-UBND ngày 12/02/2026 của Ủy ban nhân dân tỉnh',
    ],
    [
      'Thành phố Hồ Chí Minh, đường Lê Lợi, 1.200.000.000 đồng',
      'Thành phố Hồ Chí Minh, đường Lê Lợi, 1.200.000.000 đồng',
    ],
  ])('%s', (text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it("hides the asker's own name, address, organisation, phone and e-mail, however the phone is written", () => {
    const asker = {
      kind: 'individual' as const,
      fullName: 'Phạm Thị Hồng Nhung',
      address: '123 Xuân Diệu, phường Quy Nhơn Nam',
      phone: '0905 123 456',
      email: 'nhung@example.vn',
      nationality: 'Việt Nam',
    };
    const text =
      'Tôi, PHẠM THỊ HỒNG NHUNG, ở 123 Xuân Diệu, phường Quy Nhơn Nam, số 0905123456 hay +84 905 123 456, quốc tịch Việt Nam.';
    expect(redactPersonalData(text, asker)).toBe(
      'Tôi, [đã ẩn], ở [đã ẩn], số [đã ẩn] hay [đã ẩn], quốc tịch Việt Nam.',
    );
    const company = {
      kind: 'organisation' as const,
      representativeName: 'Lê Quang Vinh',
      organisationName: 'Công ty TNHH Hải Vinh Quy Nhơn',
      organisationAddress: '45 Nguyễn Huệ',
    };
    expect(
      redactPersonalData('Công ty TNHH Hải Vinh Quy Nhơn, đại diện Lê Quang Vinh, trụ sở 45 Nguyễn Huệ', company),
    ).toBe('[đã ẩn], đại diện [đã ẩn], trụ sở [đã ẩn]');
  });
});
