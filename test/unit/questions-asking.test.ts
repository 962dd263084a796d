import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../support/fast-check-seed';
import {
  askerIdentity,
  askerProblems,
  duplicateText,
  e164,
  isTrackingCode,
  localDayOf,
  newSecret,
  requireCompleteAsker,
  requireVietnameseText,
  SECRET_PATTERN,
  secretHash,
  secretMatches,
  trackingCode,
  vietnameseTextProblem,
  type Asker,
} from '../../shared/domain/questions';
import { refusal } from '../support/refusal';

const at = (local: string) => new Date(`${local}+07:00`);

/**
 * Asking a question (issue 9 §1, BĐ 12.2, CB 11.2): tracking codes and secrets, the Vietnamese-with-diacritics rule,
 * the asker the preset requires (every refusal's message in both languages) and the identity used to spot duplicates.
 */
describe('tracking codes and secrets', () => {
  it('reads HD.YYYYMMDD.NNNN with the local day of receipt', () => {
    expect(trackingCode(localDayOf(at('2026-02-12T23:59:00')), 42)).toBe('HD.20260212.0042');
    // 00:30 on the 13th in Vietnam is still the 12th in UTC.
    expect(localDayOf(at('2026-02-13T00:30:00'))).toBe('20260213');
    expect(trackingCode('20260212', 12345)).toBe('HD.20260212.12345');
    expect(() => trackingCode('2026-02-12', 1)).toThrow();
    expect(() => trackingCode('20260212', 0)).toThrow();
    expect(isTrackingCode('HD.20260212.0042')).toBe(true);
    expect(
      ['HD.2026021.0042', 'HD.20260212.42', 'hd.20260212.0042', 'HD.20260212.0042 ', 'HD.20260212.0042#x'].map(
        isTrackingCode,
      ),
    ).toEqual([false, false, false, false, false]);
  });

  it('makes 256-bit secrets, stores only their hash and compares them', () => {
    const secrets = new Set(Array.from({ length: 200 }, newSecret));
    expect(secrets.size).toBe(200);
    const secret = [...secrets][0]!;
    expect(secret).toMatch(SECRET_PATTERN);
    const hash = secretHash(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(newSecret(), hash)).toBe(false);
    expect(secretMatches(secret, undefined)).toBe(false);
    expect(secretMatches(secret, 'short')).toBe(false);
    expect(secretMatches('no question has this secret', undefined)).toBe(false);
  });

  it('tells every secret apart from every other (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => secretMatches(a, secretHash(b)) === (a === b)));
  });
});

describe('the question must be Vietnamese with diacritics (BĐ 12.2a)', () => {
  const ok = [
    'Xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ cần những giấy tờ gì?',
    'Tôi muốn hỏi về Luật Đất đai 2024 và Nghị định 102/2024/NĐ-CP.',
    'Đề nghị hướng dẫn.',
    'Nhiệt độ 25°C có ảnh hưởng gì không?',
    'Văn bản «Quy chế» có hiệu lực từ khi nào?',
    'Hỏi về dự án PPP (public-private partnership) của tỉnh',
  ];
  it.each(ok)('accepts %s', (value) => expect(vietnameseTextProblem(value)).toBeUndefined());

  it.each([
    ['Xin hoi thu tuc cap giay phep xay dung', 'no_diacritics'],
    ['Question about the land law in the province', 'no_diacritics'],
    ['1234 5678', 'no_diacritics'],
    ['Há»i vá» thá»§ tá»¥c', 'mojibake'],
    ['Ä‘áº¥t Ä‘ai', 'mojibake'],
    ['TrÆ°á»ng há»c', 'mojibake'],
    ['Tr\u00ADêng häc cã ®Êt', 'legacy_encoding'],
    ['H¸i vÒ thñ tôc ®Êt ®ai', 'legacy_encoding'],
    ['Vieät Nam ñeán naêm', 'legacy_encoding'],
  ])('refuses %s (%s)', (value, problem) => expect(vietnameseTextProblem(value)).toBe(problem));

  it('names the field in both languages', () => {
    const error = refusal(() =>
      requireVietnameseText('text', { vi: 'Nội dung câu hỏi', en: 'question text' }, 'Xin hoi ve dat dai'),
    );
    expect(error.fields[0]).toMatchObject({ field: 'text', code: 'no_diacritics' });
    expect(error.messages).toEqual({
      vi: 'Nội dung câu hỏi phải viết bằng tiếng Việt có dấu (BĐ 12.2a)',
      en: 'The question text must be written in Vietnamese with diacritics (BĐ 12.2a)',
    });
    expect(refusal(() => requireVietnameseText('title', { vi: 'Tiêu đề', en: 'title' }, 'Há»i')).fields[0]?.code).toBe(
      'mojibake',
    );
  });

  it('accepts decomposed (NFD) input as its NFC form', () => {
    expect(() =>
      requireVietnameseText('text', { vi: 'x', en: 'x' }, 'Xin hỏi về đất đai'.normalize('NFD')),
    ).not.toThrow();
  });

  const syllables = [
    'hỏi',
    'đất',
    'thủ',
    'tục',
    'giấy',
    'phép',
    'người',
    'dân',
    'được',
    'không',
    'quy',
    'định',
    'cấp',
    'xã',
    'tỉnh',
    'việc',
  ];
  const sentence = fc.array(fc.constantFrom(...syllables), { minLength: 3, maxLength: 40 }).map((w) => w.join(' '));
  const strip = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');

  it('accepts any sentence of marked syllables, and refuses it once stripped of its marks (property)', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        expect(vietnameseTextProblem(s)).toBeUndefined();
        // A sentence of only unmarked syllables ("dân" → "dan", "quy" stays): stripped, nothing is left marked.
        expect(vietnameseTextProblem(strip(s))).toBe('no_diacritics');
      }),
    );
  });

  it('refuses any marked sentence once its UTF-8 bytes are read as Latin-1 (property)', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        const garbled = Buffer.from(s, 'utf8').toString('latin1');
        expect(vietnameseTextProblem(garbled)).toBe('mojibake');
      }),
    );
  });
});

describe('the asker, as the preset requires (BĐ 12.2, CB 11.2)', () => {
  const individual: Asker = {
    kind: 'individual',
    fullName: 'Nguyễn Văn An',
    nationality: 'Việt Nam',
    address: 'Quy Nhơn',
    phone: '0912345678',
  };
  const organisation: Asker = {
    kind: 'organisation',
    representativeName: 'Trần Thị Bình',
    representativePosition: 'Giám đốc',
    organisationName: 'Công ty TNHH Bình An',
    phone: '0256 3822 000',
    email: 'lienhe@binhan.vn',
  };

  it('takes an individual without e-mail under Bình Định, but asks Cao Bằng askers for occupation and ID number', () => {
    expect(askerProblems(individual, 'binh-dinh-2020')).toEqual([]);
    expect(askerProblems(individual, 'cao-bang-2015').map((i) => i.field)).toEqual([
      'asker.occupation',
      'asker.idNumber',
    ]);
    expect(askerProblems(individual, 'cao-bang-2015')[0]?.message.en).toBe(
      'Give the occupation (CB 11.2b (thêm nghề nghiệp, số CMND/CCCD hoặc hộ chiếu))',
    );
    expect(askerProblems({ ...individual, occupation: 'Kỹ sư', idNumber: '052090001234' }, 'cao-bang-2015')).toEqual(
      [],
    );
  });

  it('asks an organisation for its e-mail (BĐ 12.2b) and, in Cao Bằng, its head-office address (CB 11.2a)', () => {
    expect(askerProblems(organisation, 'binh-dinh-2020')).toEqual([]);
    expect(askerProblems(organisation, 'cao-bang-2015').map((i) => i.field)).toEqual(['asker.organisationAddress']);
    const { email: _email, ...noEmail } = organisation as Record<string, string>;
    expect(askerProblems(noEmail as unknown as Asker, 'binh-dinh-2020').map((i) => i.field)).toEqual(['asker.email']);
  });

  it('uses the national default for presets without their own rule, and refuses fields of the other kind', () => {
    expect(askerProblems({ kind: 'individual' }, 'quang-ninh-2023').map((i) => i.field)).toEqual([
      'asker.fullName',
      'asker.nationality',
      'asker.address',
      'asker.phone',
    ]);
    expect(askerProblems({ ...individual, organisationName: 'X' } as unknown as Asker, 'binh-dinh-2020')).toMatchObject(
      [{ field: 'asker.organisationName', code: 'not_allowed' }],
    );
    expect(refusal(() => requireCompleteAsker({ kind: 'individual' }, 'binh-dinh-2020')).fields).toHaveLength(4);
    expect(refusal(() => requireCompleteAsker({ ...individual, phone: ' ' }, 'binh-dinh-2020')).fields).toEqual([
      expect.objectContaining({ field: 'asker.phone', code: 'required' }),
    ]);
  });

  it('identifies an asker for duplicates regardless of case and spacing', () => {
    expect(askerIdentity({ ...individual, fullName: '  NGUYỄN   văn an ' })).toBe(askerIdentity(individual));
    expect(askerIdentity({ ...individual, phone: '0912345679' })).not.toBe(askerIdentity(individual));
  });
});

const individual: Asker = {
  kind: 'individual',
  fullName: 'Nguyễn Văn An',
  nationality: 'Việt Nam',
  address: 'Quy Nhơn',
  phone: '0912345678',
};
const organisation: Asker = {
  kind: 'organisation',
  representativeName: 'Trần Thị Bình',
  representativePosition: 'Giám đốc',
  organisationName: 'Công ty TNHH Bình An',
  phone: '0256 3822 000',
  email: 'lienhe@binhan.vn',
};

describe('the asker: messages in both languages, one refusal naming every field', () => {
  it('names a missing field in Vietnamese too, with the article that requires it', () => {
    expect(askerProblems(individual, 'cao-bang-2015')[0]?.message.vi).toBe(
      'Cần nêu nghề nghiệp (CB 11.2b (thêm nghề nghiệp, số CMND/CCCD hoặc hộ chiếu))',
    );
  });

  it('refuses a field of the other kind in both languages, for an individual and for an organisation', () => {
    const [asIndividual] = askerProblems(
      { ...individual, organisationName: 'X' } as unknown as Asker,
      'binh-dinh-2020',
    );
    expect(asIndividual?.message).toEqual({
      vi: 'Trường "organisationName" không dùng cho người hỏi là cá nhân',
      en: 'Field "organisationName" does not apply to an asker who is an individual',
    });
    expect(askerProblems({ ...organisation, fullName: 'Y' } as unknown as Asker, 'binh-dinh-2020')).toEqual([
      {
        field: 'asker.fullName',
        code: 'not_allowed',
        message: {
          vi: 'Trường "fullName" không dùng cho người hỏi là tổ chức',
          en: 'Field "fullName" does not apply to an asker who is an organisation',
        },
      },
    ]);
  });

  it('ignores a field of the other kind that is present but undefined (an absent optional key after parsing)', () => {
    expect(askerProblems({ ...individual, organisationName: undefined } as unknown as Asker, 'binh-dinh-2020')).toEqual(
      [],
    );
  });

  it('accepts a complete asker, and refuses several faults at once as one validation error listing them all', () => {
    expect(() => requireCompleteAsker(individual, 'binh-dinh-2020')).not.toThrow();
    expect(() => requireCompleteAsker(organisation, 'binh-dinh-2020')).not.toThrow();
    const single = refusal(() => requireCompleteAsker({ ...individual, phone: '' }, 'binh-dinh-2020'));
    expect([single.code, single.messages.en]).toEqual([
      'validation',
      'Give the phone number (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có))',
    ]);
    const error = refusal(() =>
      requireCompleteAsker(
        { kind: 'individual', fullName: 'Nguyễn Văn An', nationality: 'Việt Nam' },
        'binh-dinh-2020',
      ),
    );
    expect(error.code).toBe('validation');
    expect(error.fields.map((f) => f.field)).toEqual(['asker.address', 'asker.phone']);
    expect(error.messages).toEqual({
      vi: 'Cần nêu địa chỉ (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có)); Cần nêu số điện thoại (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có))',
      en: 'Give the address (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có)); Give the phone number (BĐ 12.2c (họ tên, quốc tịch, địa chỉ, điện thoại, e-mail nếu có))',
    });
  });
});

describe('the asker identity used for duplicate detection', () => {
  it('keeps an individual and an organisation with the same phone and e-mail apart', () => {
    const person: Asker = {
      kind: 'individual',
      fullName: 'Công ty TNHH Bình An',
      phone: '0256 3822 000',
      email: 'lienhe@binhan.vn',
    };
    expect(askerIdentity(person)).not.toBe(askerIdentity({ ...organisation, representativeName: undefined } as Asker));
  });

  it('identifies an organisation by its name, representative, phone and e-mail, regardless of case and spacing', () => {
    const same = { ...organisation, organisationName: ' CÔNG TY  tnhh Bình An', email: 'LienHe@BinhAn.vn' } as Asker;
    expect(askerIdentity(same)).toBe(askerIdentity(organisation));
    for (const change of [
      { organisationName: 'Công ty TNHH Bình Minh' },
      { representativeName: 'Lê Văn Cường' },
      { phone: '0256 3822 001' },
      { email: 'khac@binhan.vn' },
    ]) {
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

  it('collapses spaces rather than dropping them, and keeps each field apart from the next', () => {
    expect(askerIdentity({ ...individual, fullName: 'NguyễnVăn An' } as Asker)).not.toBe(askerIdentity(individual));
    // Without a separator, a name that ends where the next field begins would read as another asker's.
    const a = { kind: 'individual', fullName: 'an', email: 'b@x.vn' } as Asker;
    const b = { kind: 'individual', fullName: 'anb@x.vn', email: '' } as Asker;
    expect(askerIdentity(a)).not.toBe(askerIdentity(b));
  });
});

describe('phone numbers compared as one E.164 number', () => {
  it.each([
    ['0912 345 678'],
    ['0912.345.678'],
    ['+84 912 345 678'],
    ['84912345678'],
    ['0084912345678'],
    ['(+84) 912-345-678'],
  ])('%s is +84912345678', (typed) => {
    expect(e164(typed)).toBe('+84912345678');
  });

  it('keeps what is not a Vietnamese number as its digits, and has nothing for no digits', () => {
    // Too short to hold a country code and a subscriber number: digits that happen to begin with 84.
    expect(e164('8412')).toBe('8412');
    expect(e164('1900 1234')).toBe('19001234');
    expect(e164('không có')).toBe('');
    expect(e164(undefined)).toBe('');
    // A landline with its area code, written nationally or internationally.
    expect(e164('0256 3822 000')).toBe('+842563822000');
    expect(e164('+84 256 3822 000')).toBe('+842563822000');
  });

  it('tells the asker who wrote a number apart from the one who wrote none', () => {
    expect(askerIdentity({ ...individual, phone: 'không' } as Asker)).toBe(
      askerIdentity({ ...individual, phone: undefined } as Asker),
    );
    expect(askerIdentity({ ...individual, phone: undefined } as Asker)).not.toBe(askerIdentity(individual));
  });
});

describe('question text as the duplicate guard compares it', () => {
  it('ignores diacritics, case, punctuation, symbols, invisible characters and spacing', () => {
    const asked = 'Xin hỏi: thủ tục cấp phép xây dựng nhà ở riêng lẻ?';
    for (const again of [
      'xin hoi thu tuc cap phep xay dung nha o rieng le',
      'XIN HỎI — THỦ TỤC CẤP PHÉP XÂY DỰNG NHÀ Ở RIÊNG LẺ!!!',
      'Xin\u200b hỏi   thủ tục "cấp phép" xây dựng, nhà ở riêng lẻ',
      asked.normalize('NFD'),
    ]) {
      expect(duplicateText(again)).toBe(duplicateText(asked));
    }
    expect(duplicateText(asked)).toBe('xin hoi thu tuc cap phep xay dung nha o rieng le');
  });

  it('turns punctuation into a space, so joined words stay apart', () => {
    expect(duplicateText('cấp-phép')).toBe('cap phep');
    expect(duplicateText('5+5=10')).toBe('5 5 10');
    expect(duplicateText('cấp-phép')).not.toBe(duplicateText('cấpphép'));
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
    const garbled = refusal(() => requireVietnameseText('text', name, 'Há»i vá» thá»§ tá»¥c'));
    expect(garbled.fields[0]).toMatchObject({ field: 'text', code: 'mojibake' });
    expect(garbled.messages).toEqual({
      vi: 'Nội dung câu hỏi bị lỗi mã hóa (chữ UTF-8 bị đọc sai thành Latin-1, ví dụ "Há»i"): hãy gõ lại bằng Unicode',
      en: 'The question text is garbled (UTF-8 read as Latin-1, e.g. "Há»i"): type it again in Unicode',
    });
    const legacy = refusal(() =>
      requireVietnameseText('title', { vi: 'Tiêu đề', en: 'title' }, 'H¸i vÒ thñ tôc ®Êt ®ai'),
    );
    expect(legacy.fields[0]).toMatchObject({ field: 'title', code: 'legacy_encoding' });
    expect(legacy.messages).toEqual({
      vi: 'Tiêu đề dùng bảng mã cũ (TCVN3/ABC hoặc VNI): hãy chuyển sang Unicode (TCVN 6909:2001)',
      en: 'The title uses a legacy encoding (TCVN3/ABC or VNI): convert it to Unicode (TCVN 6909:2001)',
    });
  });
});

describe('tracking codes: the counter range and the day; secret hashes: their stored form', () => {
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
