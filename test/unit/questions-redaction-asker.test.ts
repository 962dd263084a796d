import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from '../../shared/domain/questions/redaction';

/**
 * The asker's own values in a published text (issue 9 §7): hidden however they are written, even
 * where the generic patterns (phones, e-mails, ID numbers, full names) would not see them; what
 * the asker told about themselves that identifies nobody (kind, nationality, position, occupation) stays.
 */
const individual = (fields: Record<string, string>) => ({ kind: 'individual' as const, ...fields });

describe("the asker's own values", () => {
  it('hide a phone written with any separators, only because it is theirs', () => {
    const text = 'Xin gọi lại số 09-05-12-34-56 giúp tôi.';
    expect(redactPersonalData(text)).toBe(text);
    expect(redactPersonalData(text, individual({ phone: '0905 123 456' }))).toBe(
      `Xin gọi lại số ${REDACTED} giúp tôi.`,
    );
    // Given with the country code, found in its national form and with it.
    expect(
      redactPersonalData('số (84) 9-05-12-34-56 hoặc 0905.12.34.56', individual({ phone: '+84 905 123 456' })),
    ).toBe(`số ${REDACTED} hoặc ${REDACTED}`);
  });

  it('hide the digits of an ID number with letters and separators', () => {
    expect(redactPersonalData('hộ chiếu B12-34-567 đây', individual({ idNumber: 'B1234567' }))).toBe(
      `hộ chiếu B${REDACTED} đây`,
    );
    expect(redactPersonalData('hộ chiếu B12-34-567 đây')).toBe('hộ chiếu B12-34-567 đây');
  });

  it('hide a short number given as a phone as text, and ignore one-letter values', () => {
    expect(redactPersonalData('mã 12345 nhé', individual({ phone: '12345' }))).toBe(`mã ${REDACTED} nhé`);
    expect(redactPersonalData('mã 123456 nhé', individual({ phone: '12345' }))).toBe('mã 123456 nhé');
    expect(redactPersonalData('A và B', individual({ fullName: 'A' }))).toBe('A và B');
  });

  it('keep what identifies nobody: kind, nationality, position, occupation', () => {
    const text = 'individual, Việt Nam, Giám đốc trả lời, Kỹ sư xây dựng';
    expect(
      redactPersonalData(text, {
        kind: 'individual',
        fullName: 'Lê Văn An',
        nationality: 'Việt Nam',
        occupation: 'Kỹ sư xây dựng',
      } as never),
    ).toBe(text);
    expect(
      redactPersonalData(text, {
        kind: 'organisation',
        representativeName: 'Lê Văn An',
        representativePosition: 'Giám đốc',
        organisationName: 'Công ty An Bình',
      } as never),
    ).toBe(text);
  });

  it('hide an organisation whatever its case, and an address whole even where it contains the name', () => {
    expect(
      redactPersonalData('Hợp tác xã Nông nghiệp Thành Công; hợp tác xã nông nghiệp thành công', {
        kind: 'organisation',
        organisationName: 'Hợp tác xã Nông nghiệp Thành Công',
      } as never),
    ).toBe(`${REDACTED}; ${REDACTED}`);
    expect(
      redactPersonalData(
        'Tôi ở 12 Xuân Diệu, Quy Nhơn.',
        individual({ fullName: 'Xuân Diệu', address: '12 Xuân Diệu, Quy Nhơn' }),
      ),
    ).toBe(`Tôi ở ${REDACTED}.`);
  });
});

describe("the asker's own values: short numbers, repeats, addresses however typed", () => {
  it('hides a 6-digit number of theirs every time it appears, and no shorter part of it alone', () => {
    const asker = individual({ idNumber: '841234' });
    expect(redactPersonalData('mã 841234, nhắc lại: 841234; còn 1234 là số phòng', asker)).toBe(
      `mã ${REDACTED}, nhắc lại: ${REDACTED}; còn 1234 là số phòng`,
    );
    // From six digits on, found with separators too.
    expect(redactPersonalData('mã 84 12 34 nhé', asker)).toBe(`mã ${REDACTED} nhé`);
  });

  it('hides their house and street from an address typed with stray spaces before its comma or between words', () => {
    for (const address of ['12 Lê Lợi , phường Quy Nhơn', '12  Lê  Lợi, phường Quy Nhơn']) {
      expect(redactPersonalData('nhà tôi ở 12 Lê Lợi gần chợ', individual({ address })), address).toBe(
        `nhà tôi ở ${REDACTED} gần chợ`,
      );
    }
  });

  it('hides an address with no house number whole, and the text around it stays', () => {
    const asker = individual({ address: 'Thôn Phú Hòa, xã Cát Tân' });
    expect(redactPersonalData('Tôi ở Thôn Phú Hòa, xã Cát Tân, huyện Phù Cát.', asker)).toBe(
      `Tôi ở ${REDACTED}, huyện Phù Cát.`,
    );
  });

  it('keeps a well-known name after a form of address (Bác Hồ Chí Minh), and hides a person’s', () => {
    expect(redactPersonalData('Học tập tấm gương Bác Hồ Chí Minh')).toBe('Học tập tấm gương Bác Hồ Chí Minh');
    expect(redactPersonalData('Gửi ông Trần Văn Bình')).toBe(`Gửi ông ${REDACTED}`);
    // A longer run of capitals that begins with the kept name is the name's institution, kept whole.
    expect(redactPersonalData('Bảo tàng Hồ Chí Minh Chi nhánh Bình Định')).toBe(
      'Bảo tàng Hồ Chí Minh Chi nhánh Bình Định',
    );
  });
});
