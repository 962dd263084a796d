import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from '../../shared/domain/questions/redaction';

/**
 * Issue 20 §5: the asker's address is hidden by its parts — the house number with its street,
 * however the asker or the unit writes them (`12 Lê Lợi`, `số 12 đường Lê Lợi`, `số nhà 12, phố Lê
 * Lợi`, `Lê Lợi số 12`, in capitals), not only as the whole string the asker typed. A street named
 * without the house number stays: it identifies nobody and answers name streets all the time.
 */
const individual = (address: string) => ({ kind: 'individual' as const, fullName: 'Phạm Thị Mai', address });

describe('the address by its parts', () => {
  it('hides "12 Lê Lợi" from "12 Lê Lợi, phường Bến Thành, quận 1" in a question and in an answer', () => {
    const asker = individual('12 Lê Lợi, phường Bến Thành, quận 1, TP Hồ Chí Minh');
    expect(redactPersonalData('Nhà tôi ở 12 Lê Lợi, xin hỏi về cấp phép sửa nhà.', asker)).toBe(
      `Nhà tôi ở ${REDACTED}, xin hỏi về cấp phép sửa nhà.`,
    );
    expect(redactPersonalData('Căn nhà số 12 đường Lê Lợi của bà được sửa chữa nếu có giấy phép.', asker)).toBe(
      `Căn nhà ${REDACTED} của bà được sửa chữa nếu có giấy phép.`,
    );
    expect(redactPersonalData('Đường Lê Lợi đang được mở rộng.', asker)).toBe('Đường Lê Lợi đang được mở rộng.');
  });

  it('reads the house number in its usual shapes (12A, 12/3, 45B/2, "số nhà 7") and the street with or without its kind', () => {
    expect(
      redactPersonalData('tại số nhà 45B/2, phố Hàng Bông', individual('Số nhà 45B/2 phố Hàng Bông, Hoàn Kiếm')),
    ).toBe(`tại ${REDACTED}`);
    expect(redactPersonalData('LÊ LỢI SỐ 12A, TP', individual('12A Lê Lợi'))).toBe(`${REDACTED}, TP`);
    expect(redactPersonalData('ở 12/3 Trần Phú', individual('12/3 đường Trần Phú, phường 1'))).toBe(`ở ${REDACTED}`);
    // Another house on the same street is not the asker's.
    expect(redactPersonalData('ở 14 Trần Phú', individual('12/3 đường Trần Phú, phường 1'))).toBe('ở 14 Trần Phú');
  });
});

const streets = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Huệ',
  'Xuân Diệu',
  'Hai Bà Trưng',
  'Phan Chu Trinh',
  'Hàng Bông',
  'Điện Biên Phủ',
  'Lý Thường Kiệt',
  'Võ Thị Sáu',
  '30 Tháng 4',
];
const wards = ['phường Bến Thành', 'phường Quy Nhơn Nam', 'xã Hòa Tiến', 'phường 7', 'thị trấn Tân Phú'];
const houseNumber = fc
  .tuple(
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom('', 'A', 'B', 'bis'),
    fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
  )
  .map(([n, letter, slash]) => `${n}${letter}${slash === undefined ? '' : `/${slash}`}`);
const address = fc.record({
  number: houseNumber,
  street: fc.constantFrom(...streets),
  kind: fc.constantFrom('', 'đường ', 'phố '),
  prefix: fc.constantFrom('', 'số ', 'Số nhà '),
  ward: fc.constantFrom(...wards),
});
/** How a text mentions the house: the shapes people write, cased as typed or in capitals. */
const mention = fc.record({
  shape: fc.constantFrom(
    (n: string, s: string) => `${n} ${s}`,
    (n: string, s: string) => `số ${n} ${s}`,
    (n: string, s: string) => `số nhà ${n}, đường ${s}`,
    (n: string, s: string) => `${n} phố ${s}`,
    (n: string, s: string) => `${s} số ${n}`,
    (n: string, s: string) => `${n}, ${s}`,
  ),
  upper: fc.boolean(),
  before: fc.constantFrom('Nhà tôi ở ', 'Hộ gia đình tại ', 'Căn nhà ', '(', ''),
  after: fc.constantFrom(' bị ngập khi mưa.', ', xin hỏi thủ tục.', ')', ''),
});

describe('generated Vietnamese addresses', () => {
  it('never leave the house number with its street in the published text, however written', () => {
    fc.assert(
      fc.property(address, mention, (a, m) => {
        const typed = `${a.prefix}${a.number} ${a.kind}${a.street}, ${a.ward}`;
        const said = m.shape(a.number, a.street);
        const text = `${m.before}${m.upper ? said.toUpperCase() : said}${m.after}`;
        const out = redactPersonalData(text, individual(typed)).toLowerCase();
        const street = a.street.toLowerCase();
        const number = a.number.toLowerCase();
        // Neither "<number> … <street>" nor "<street> … <number>" survives, in any order or separator.
        const numberThenStreet = out.indexOf(number) >= 0 && out.indexOf(street, out.indexOf(number)) >= 0;
        const streetThenNumber = out.indexOf(street) >= 0 && out.indexOf(number, out.indexOf(street)) >= 0;
        return !(numberThenStreet || streetThenNumber) && out.includes(REDACTED);
      }),
      { numRuns: 500 },
    );
  });

  it('keep the text around the address as it was', () => {
    fc.assert(
      fc.property(address, (a) => {
        const typed = `${a.number} ${a.kind}${a.street}, ${a.ward}`;
        const text = `Xin hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất cho nhà ${a.number} ${a.street} của tôi.`;
        return (
          redactPersonalData(text, individual(typed)) ===
          `Xin hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất cho nhà ${REDACTED} của tôi.`
        );
      }),
      { numRuns: 300 },
    );
  });
});
