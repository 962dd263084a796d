import { describe, expect, it } from 'vitest';
import { auditEntry, passwordChangeAudit } from '../../shared/domain/audit';
import { dayNumber, isoWeekday, parseIsoDate, toIsoDate, civil } from '../../shared/domain/calendar';
import { machineScopeNames, RESOURCE_SERVER, USER_SCOPE } from '../../shared/domain/access/scopes';
import { usernameSchema } from '../../shared/domain/accounts/account';
import { DomainError, invalidField } from '../../shared/domain/errors';
import * as z from 'zod/mini';
import {
  BILINGUAL_MARK,
  foldDiacritics,
  humanText,
  humanTextProblem,
  isCleanCharacters,
  nfc,
  text,
} from '../../shared/domain/text';

/** The small shared pieces of the domain: errors, bilingual text, audit entries, civil dates. */
const now = new Date('2026-03-10T03:00:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('domain errors', () => {
  it('carry a code, both messages (English as the message) and the failing fields', () => {
    const error = new DomainError('conflict', { vi: 'Xung đột', en: 'Conflict' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('Conflict');
    expect(error.fields).toEqual([]);
  });

  it('invalidField names the field, with code invalid unless told', () => {
    const message = { vi: 'Sai', en: 'Wrong' };
    const error = invalidField('body.x', message);
    expect(error.code).toBe('validation');
    expect(error.messages).toBe(message);
    expect(error.fields).toStrictEqual([{ field: 'body.x', code: 'invalid', message }]);
    expect(invalidField('body.x', message, 'taken').fields[0]?.code).toBe('taken');
  });
});

describe('text', () => {
  it('pairs Vietnamese and English', () => {
    expect(text('Xin chào', 'Hello')).toStrictEqual({ vi: 'Xin chào', en: 'Hello' });
  });

  it('stores NFC and folds diacritics, đ and Đ included', () => {
    expect(nfc('Việt'.normalize('NFD'))).toBe('Việt');
    expect(nfc('Việt'.normalize('NFD'))).toHaveLength(4);
    expect(foldDiacritics('Đường Điện Biên Phủ, đảo Cát Bà')).toBe('Duong Dien Bien Phu, dao Cat Ba');
    expect(foldDiacritics('Ừ'.normalize('NFD'))).toBe('U');
  });

  it('humanText takes NFC, trimmed text within its bounds, and refuses what readers would not see as it is, in both languages', () => {
    const title = humanText(10, 2);
    expect(z.parse(title, '  Vie\u0302\u0323t  ')).toBe('Việt');
    const refusal = (value: string) => {
      const result = z.safeParse(title, value);
      if (result.success) return undefined;
      const message = result.error.issues[0]!.message;
      expect(message.startsWith(BILINGUAL_MARK)).toBe(true);
      return JSON.parse(message.slice(1)) as { vi: string; en: string };
    };
    expect(refusal('x')?.en).toBe('The length must be 2 to 10 characters');
    expect(refusal('x'.repeat(11))?.vi).toBe('Độ dài phải từ 2 đến 10 ký tự');
    expect(refusal('ab\u202Ecd')?.en).toMatch(/bidi/);
    expect(refusal('ab\uD800cd')?.en).toMatch(/lone surrogate/);
    expect(refusal('ab\u0007cd')?.en).toMatch(/control characters/);
    expect(refusal('\u200B\u200B')?.en).toMatch(/invisible characters/);
    expect(refusal('— … —')?.en).toMatch(/at least one letter or digit/);
    expect(refusal('Hà Nội')).toBeUndefined();
    // One schema per bounds, shared by the fields that use them.
    expect(humanText(10, 2)).toBe(title);
    expect(humanText(10)).not.toBe(title);
  });

  it('isCleanCharacters refuses lone surrogates and control characters, and nothing else', () => {
    expect(isCleanCharacters('<p>Xin chào\n\tbạn</p>')).toBe(true);
    expect(isCleanCharacters('a\uD800')).toBe(false);
    expect(isCleanCharacters('\uDC00a')).toBe(false);
    expect(isCleanCharacters('a\u0000')).toBe(false);
    expect(isCleanCharacters('😀')).toBe(true);
  });
});

describe('human text: each character readers would not see as it is, refused with why', () => {
  it.each([
    ['a lone high surrogate', 'Tên \uD800', 'lone surrogate'],
    ['a lone low surrogate', '\uDC00 tên', 'lone surrogate'],
    ['a bidi override', 'Tên \u202E', 'bidi override'],
    ['a bidi isolate', 'Tên \u2066', 'bidi override'],
    ['a control character', 'Tên\u0007', 'control characters'],
    ['only zero-width characters', '\u200B\u200C\u200D', 'invisible characters'],
    ['a zero-width space in a word (issue 20)', 'Tin\u200B mới', 'invisible characters'],
    ['a byte-order mark', '\uFEFFTin', 'invisible characters'],
    ['the Arabic letter mark', 'Tin\u061C', 'invisible characters'],
    ['a non-character', 'Tin\uFFFF', 'invisible characters'],
    ['only punctuation', '— … —', 'at least one letter or digit'],
  ])('refuses %s, saying why in both languages', (_, value, why) => {
    const problem = humanTextProblem(value);
    expect(problem?.en).toContain(why);
    expect(problem?.vi.length).toBeGreaterThan(10);
  });

  it.each([['Sở Tư pháp'], ['UBND xã 3'], ['Tab\tand\nnew lines'], ['Ngày 2/9']])('accepts %s', (value) => {
    expect(humanTextProblem(value)).toBeUndefined();
  });
});

describe('audit entries', () => {
  it('add an id and the time to what happened', () => {
    const fields = {
      scope: 'demo',
      actor: { id: 'a', kind: 'user' },
      action: 'unit.rename',
      target: { type: 'Unit', id: 'u' },
      before: 1,
      after: 2,
      requestId: 'r',
    };
    const entry = auditEntry(fields, now);
    expect(entry).toStrictEqual({ id: expect.stringMatching(UUID), at: '2026-03-10T03:00:00.000Z', ...fields });
    expect(auditEntry(fields, now).id).not.toBe(entry.id);
    expect(Math.abs(Date.parse(auditEntry(fields).at) - Date.now())).toBeLessThan(60_000);
  });

  it('record a password change without the secret, first sign-in told apart', () => {
    const account = { id: 'acc-1', unitCode: 'sotttt' };
    expect(passwordChangeAudit(account, 'req-1', now, false)).toStrictEqual({
      id: expect.stringMatching(UUID),
      at: '2026-03-10T03:00:00.000Z',
      scope: 'sotttt',
      actor: { id: 'acc-1', kind: 'user' },
      action: 'account.password-change',
      target: { type: 'Account', id: 'acc-1' },
      before: null,
      after: { passwordChangedAt: '2026-03-10T03:00:00.000Z' },
      requestId: 'req-1',
    });
    expect(passwordChangeAudit(account, 'req-1', now, true).action).toBe('account.first-password');
  });
});

describe('civil dates', () => {
  it('number days from 1970-01-01 and back, before and after it', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(toIsoDate(dayNumber(1900, 3, 1))).toBe('1900-03-01');
    expect(civil(dayNumber(2100, 12, 31))).toStrictEqual({ year: 2100, month: 12, day: 31 });
  });

  it('give ISO weekdays, Monday 1 to Sunday 7, before 1970 too', () => {
    expect(isoWeekday(dayNumber(2026, 3, 9))).toBe(1);
    expect(isoWeekday(dayNumber(2026, 3, 8))).toBe(7);
    expect(isoWeekday(dayNumber(1900, 1, 1))).toBe(1);
    expect(isoWeekday(dayNumber(1969, 12, 28))).toBe(7);
  });

  it('parse YYYY-MM-DD strictly', () => {
    expect(parseIsoDate('2028-02-29')).toBe(dayNumber(2028, 2, 29));
    for (const bad of [
      '0050-01-01',
      '2027-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-3-9',
      ' 2026-03-09',
      '2026-03-09T00:00',
      'x',
    ]) {
      expect(parseIsoDate(bad), bad).toBeUndefined();
    }
  });
});

describe('usernames and scopes', () => {
  it('usernames are lower-case ASCII labels joined by dots, dashes or underscores, at most six, 64 characters', () => {
    for (const ok of ['admin', 'admin.sotttt', 'nguyenvana.phucat', 'a-b_c.d', 'a.b.c.d.e.f', 'x'.repeat(64)]) {
      expect(usernameSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['Admin', '.admin', 'admin.', 'a..b', 'a.b.c.d.e.f.g', 'quản.trị', 'x'.repeat(65), '']) {
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('machine clients get portal/* scopes; people carry Cognito’s own', () => {
    expect(USER_SCOPE).toBe('aws.cognito.signin.user.admin');
    expect(RESOURCE_SERVER).toBe('portal');
    expect(machineScopeNames).toEqual(['portal/read', 'portal/content.submit', 'portal/qa.answer']);
  });
});
