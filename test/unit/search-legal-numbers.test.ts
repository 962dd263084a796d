import { describe, expect, it } from 'vitest';
import { findLegalNumbers, formsNamed, parseLegalNumber } from '../../shared/domain/search';

/**
 * Reading forms and legal numbers (NĐ 30/2020): a form named by its code (with or without Đ) or its name,
 * numbers with their spacing, decomposed input and number 0, and numbers found inside running text.
 */
const keysOf = (value: string) => formsNamed(value).map((f) => f.key);

describe('forms by code or name; a first code is the form only before an authority; numbers found in text', () => {
  it('names a form by its code (with or without Đ) or its name', () => {
    expect(keysOf('QĐ')).toEqual(['quyet-dinh']);
    expect(keysOf('qd')).toEqual(['quyet-dinh']);
    expect(keysOf(' Quyết định ')).toEqual(['quyet-dinh']);
    expect(keysOf('quyet dinh')).toEqual(['quyet-dinh']);
    expect(keysOf('HĐ')).toEqual(['hop-dong']);
    expect(keysOf('Thông tư liên tịch')).toEqual(['thong-tu-lien-tich']);
    expect(keysOf('   ')).toEqual([]);
    expect(keysOf('Sắc lệnh')).toEqual([]);
  });

  it('takes a first code as the form only when an authority follows', () => {
    expect(parseLegalNumber('12/QĐ')).toMatchObject({ codes: ['QĐ'], authorityCodes: ['QĐ'] });
    expect(parseLegalNumber('12/QĐ')?.formCode).toBeUndefined();
    expect(parseLegalNumber('12/2026/UBND')?.formCode).toBeUndefined();
    expect(parseLegalNumber('12/2026/HD-UBND')).toMatchObject({ formCode: 'HD', authorityCodes: ['UBND'] });
    expect(parseLegalNumber('12/2026/XY-UBND')).toMatchObject({ authorityCodes: ['XY', 'UBND'] });
  });

  it('finds numbers in text with where they stand', () => {
    expect(findLegalNumbers('trang 12, số 7/2026 và 8/QĐ-UBND')).toEqual([
      { value: expect.objectContaining({ symbol: '7/2026' }), index: 13, length: 6 },
      { value: expect.objectContaining({ symbol: '8/QĐ-UBND' }), index: 23, length: 9 },
    ]);
  });
});

describe('formsNamed: spacing and dashes, a code with its Đ, blank input', () => {
  it('reads a folded name with surrounding and repeated spaces or dashes', () => {
    expect(keysOf(' quyet  dinh ')).toEqual(['quyet-dinh']);
    expect(keysOf('thong - bao')).toEqual(['thong-bao']);
  });
  it('takes a code written with its Đ exactly, even with spaces around it', () => {
    expect(keysOf(' HĐ ')).toEqual(['hop-dong']);
    // Folded, "hd" would also mean hợp đồng; written exactly, it is hướng dẫn's code.
    expect(keysOf('HD')).toEqual(['huong-dan']);
  });
  it('finds nothing for blank input', () => {
    expect(formsNamed('   ')).toEqual([]);
  });
});

describe('parseLegalNumber: spacing, decomposed input, form codes and authority codes', () => {
  it('ignores spaces around the number', () => {
    expect(parseLegalNumber('  12/2026/QĐ-UBND \n')).toMatchObject({ symbol: '12/2026/QĐ-UBND' });
  });
  it('reads decomposed (NFD) input as NFC', () => {
    expect(parseLegalNumber('5/KH-SỞ'.normalize('NFD'))).toMatchObject({
      symbol: '5/KH-SỞ',
      formCode: 'KH',
      authorityCodes: ['SỞ'],
    });
  });
  it('a code that names a form without a code (Luật) is an authority code, not a form code', () => {
    const parsed = parseLegalNumber('1/LUAT-X');
    expect(parsed).toMatchObject({ authorityCodes: ['LUAT', 'X'] });
    expect(parsed).not.toHaveProperty('formCode');
  });
  it('a code typed without its Đ is still a form code', () => {
    expect(parseLegalNumber('7/QD-UBND')).toMatchObject({ formCode: 'QD', authorityCodes: ['UBND'] });
  });
});

describe('findLegalNumbers: number 0 is no number', () => {
  it('skips number 0, which no register issues', () => {
    expect(findLegalNumbers('số 0/2026/QĐ-UBND và 3/2026/QĐ-UBND')).toEqual([
      { value: expect.objectContaining({ symbol: '3/2026/QĐ-UBND' }), index: 21, length: 14 },
    ]);
  });
});
