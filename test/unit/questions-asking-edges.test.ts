import { conventionsOf } from '../../shared/domain/policies/conventions';
import { describe, expect, it } from 'vitest';
import {
  answerOf,
  askerIdentity,
  askerProblems,
  isTrackingCode,
  requireCompleteAsker,
  requireVietnameseText,
  SECRET_PATTERN,
  secretHash,
  trackingCode,
  vietnameseTextProblem,
  type Asker,
} from '../../shared/domain/questions';
import { refusal } from '../support/refusal';

/** Edges of asking (issue 9 §1, BĐ 12.2, CB 11.2) and of the answer (CB 11.4–11.6) that questions-domain.test.ts leaves open. */

const individual: Asker = { kind: 'individual', fullName: 'Nguyễn Văn An', nationality: 'Việt Nam', address: 'Quy Nhơn', phone: '0912345678' };
const organisation: Asker = { kind: 'organisation', representativeName: 'Trần Thị Bình', representativePosition: 'Giám đốc', organisationName: 'Công ty TNHH Bình An', phone: '0256 3822 000', email: 'lienhe@binhan.vn' };

describe('the asker: messages in both languages, one refusal naming every field', () => {
  it('names a missing field in Vietnamese too, with the article that requires it', () => {
    expect(askerProblems(individual, 'cao-bang-2015')[0]?.message.vi).toBe('Cần nêu nghề nghiệp (CB 11.2b (thêm nghề nghiệp, số CMND/CCCD hoặc hộ chiếu))');
  });

  it('refuses a field of the other kind in both languages, for an individual and for an organisation', () => {
    const [asIndividual] = askerProblems({ ...individual, organisationName: 'X' } as unknown as Asker, 'binh-dinh-2020');
    expect(asIndividual?.message).toEqual({
      vi: 'Trường "organisationName" không dùng cho người hỏi là cá nhân',
      en: 'Field "organisationName" does not apply to an asker who is an individual',
    });
    expect(askerProblems({ ...organisation, fullName: 'Y' } as unknown as Asker, 'binh-dinh-2020')).toEqual([
      {
        field: 'body.asker.fullName',
        code: 'not_allowed',
        message: { vi: 'Trường "fullName" không dùng cho người hỏi là tổ chức', en: 'Field "fullName" does not apply to an asker who is an organisation' },
      },
    ]);
  });

  it('ignores a field of the other kind that is present but undefined (an absent optional key after parsing)', () => {
    expect(askerProblems({ ...individual, organisationName: undefined } as unknown as Asker, 'binh-dinh-2020')).toEqual([]);
  });

  it('accepts a complete asker, and refuses several faults at once as one validation error listing them all', () => {
    expect(() => requireCompleteAsker(individual, 'binh-dinh-2020')).not.toThrow();
    expect(() => requireCompleteAsker(organisation, 'binh-dinh-2020')).not.toThrow();
    const single = refusal(() => requireCompleteAsker({ ...individual, phone: '' }, 'binh-dinh-2020'));
    expect([single.code, single.messages.en]).toEqual(['validation', 'Give the phone number (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có))']);
    const error = refusal(() => requireCompleteAsker({ kind: 'individual', fullName: 'Nguyễn Văn An', nationality: 'Việt Nam' }, 'binh-dinh-2020'));
    expect(error.code).toBe('validation');
    expect(error.fields.map((f) => f.field)).toEqual(['body.asker.address', 'body.asker.phone']);
    expect(error.messages).toEqual({
      vi: 'Cần nêu địa chỉ (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có)); Cần nêu số điện thoại (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có))',
      en: 'Give the address (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có)); Give the phone number (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có))',
    });
  });
});

describe('the asker identity used for duplicate detection', () => {
  it('keeps an individual and an organisation with the same phone and e-mail apart', () => {
    const person: Asker = { kind: 'individual', fullName: 'Công ty TNHH Bình An', phone: '0256 3822 000', email: 'lienhe@binhan.vn' };
    expect(askerIdentity(person)).not.toBe(askerIdentity({ ...organisation, representativeName: undefined } as Asker));
  });

  it('identifies an organisation by its name, representative, phone and e-mail, regardless of case and spacing', () => {
    const same = { ...organisation, organisationName: ' CÔNG TY  tnhh Bình An', email: 'LienHe@BinhAn.vn' } as Asker;
    expect(askerIdentity(same)).toBe(askerIdentity(organisation));
    for (const change of [{ organisationName: 'Công ty TNHH Bình Minh' }, { representativeName: 'Lê Văn Cường' }, { phone: '0256 3822 001' }, { email: 'khac@binhan.vn' }]) {
      expect(askerIdentity({ ...organisation, ...change } as Asker)).not.toBe(askerIdentity(organisation));
    }
  });

  it('treats a name typed in capitals, with tabs or decomposed marks, as the same asker', () => {
    const typed = { ...individual, fullName: 'NGUYỄN\tVĂN AN'.normalize('NFD') } as Asker;
    expect(askerIdentity(typed)).toBe(askerIdentity(individual));
    // A missing e-mail and an empty one are the same; a different name is not.
    expect(askerIdentity({ ...individual, email: '' } as Asker)).toBe(askerIdentity(individual));
    expect(askerIdentity({ ...individual, fullName: 'Nguyễn Văn Anh' } as Asker)).not.toBe(askerIdentity(individual));
  });
});

describe('the question text: where "without diacritics" begins (BĐ 12.2a)', () => {
  it('refuses a short text without any mark, even of one or two words', () => {
    expect(['Xin hoi', 'Hello'].map(vietnameseTextProblem)).toEqual(['no_diacritics', 'no_diacritics']);
  });

  it('refuses a long text where under a fifth of the words carry a mark, and accepts one with exactly a fifth', () => {
    // 1 marked word of 10: typed without marks, one word copied from elsewhere.
    expect(vietnameseTextProblem('Xin hoi ve thu tuc cap giay phep xay dựng')).toBe('no_diacritics');
    // 1 of 5 is the threshold itself (MIN_MARKED_SHARE): accepted.
    expect(vietnameseTextProblem('Xin hoi ve thu tục')).toBeUndefined();
  });

  it('explains mojibake and legacy encodings in both languages, naming the field', () => {
    const name = { vi: 'Nội dung câu hỏi', en: 'question text' };
    const garbled = refusal(() => requireVietnameseText('body.text', name, 'Há»i vá» thá»§ tá»¥c'));
    expect(garbled.fields[0]).toMatchObject({ field: 'body.text', code: 'mojibake' });
    expect(garbled.messages).toEqual({
      vi: 'Nội dung câu hỏi bị lỗi mã hóa (chữ UTF-8 bị đọc sai thành Latin-1, ví dụ "Há»i"): hãy gõ lại bằng Unicode',
      en: 'The question text is garbled (UTF-8 read as Latin-1, e.g. "Há»i"): type it again in Unicode',
    });
    const legacy = refusal(() => requireVietnameseText('body.title', { vi: 'Tiêu đề', en: 'title' }, 'H¸i vÒ thñ tôc ®Êt ®ai'));
    expect(legacy.fields[0]).toMatchObject({ field: 'body.title', code: 'legacy_encoding' });
    expect(legacy.messages).toEqual({
      vi: 'Tiêu đề dùng bảng mã cũ (TCVN3/ABC hoặc VNI): hãy chuyển sang Unicode (TCVN 6909:2001)',
      en: 'The title uses a legacy encoding (TCVN3/ABC or VNI): convert it to Unicode (TCVN 6909:2001)',
    });
  });
});

describe('tracking codes and secret hashes: the edges', () => {
  const day = '20260212';

  it('numbers a day from 0001 up to 999999, every code readable back, and refuses a counter beyond', () => {
    expect(trackingCode(day, 1)).toBe('HD.20260212.0001');
    expect(trackingCode(day, 999_999)).toBe('HD.20260212.999999');
    expect([trackingCode(day, 1), trackingCode(day, 999_999)].every(isTrackingCode)).toBe(true);
    expect(() => trackingCode(day, 1_000_000)).toThrow('Counter out of range: 1000000');
    expect(() => trackingCode(day, 1.5)).toThrow('Counter out of range: 1.5');
  });

  it('takes only an eight-digit day, whole', () => {
    expect(() => trackingCode('x20260212', 1)).toThrow('Not a day: x20260212');
    expect(() => trackingCode('202602120', 1)).toThrow('Not a day: 202602120');
  });

  it('stores the hash as a 43-character base64url string (what the table keeps and compares)', () => {
    expect(secretHash('Ey5x0AT3wegR5T61peuY5ih9bsJaPkxLd1yI4xW2SHQ')).toMatch(SECRET_PATTERN);
  });
});

describe('the answer (CB 11.4–11.6)', () => {
  const citation = { numberSymbol: '102/2024/NĐ-CP', summary: 'Quy định chi tiết thi hành một số điều của Luật Đất đai', issuedOn: '2024-07-30', issuer: 'Chính phủ', contentId: 'c-123' };

  it('keeps the text and every citation, records who answered and when, and carries the advisory notice where the preset has one (CB 11.6)', () => {
    const draft = { text: 'Theo Nghị định 102/2024/NĐ-CP, hồ sơ gồm…', citations: [citation, { ...citation, numberSymbol: '31/2024/QH15', contentId: undefined }] };
    const notice = conventionsOf('cao-bang-2015').advisoryNotice;
    const answer = answerOf(draft, 'unit-head-1', '2026-03-10T02:00:00.000Z', notice);
    expect(answer).toEqual({ ...draft, advisoryNotice: notice, by: 'unit-head-1', at: '2026-03-10T02:00:00.000Z' });
    expect(answer.advisoryNotice?.vi).toContain('chỉ có ý nghĩa tham khảo, không phải là cơ sở pháp lý');
    expect(answer.advisoryNotice?.vi).toContain('(CB 11.6)');
    // Only Cao Bằng's regulation has the notice: no other preset's answers carry one, least of all citing CB 11.6.
    for (const preset of ['national', 'binh-dinh-2020', 'quang-ninh-2023', 'nghe-an-2025', 'tien-giang-2024']) {
      expect(answerOf(draft, 'unit-head-1', '2026-03-10T02:00:00.000Z', conventionsOf(preset).advisoryNotice)).not.toHaveProperty('advisoryNotice');
    }
  });
});
