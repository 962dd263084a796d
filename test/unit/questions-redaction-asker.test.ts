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
