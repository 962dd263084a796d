import { describe, expect, it } from 'vitest';
import { findLegalNumbers, formsNamed, parseLegalNumber } from '../../shared/domain/search';

/** The edges of reading forms and legal numbers: spacing, a code without its Đ, decomposed input, number 0. */
const keysOf = (value: string) => formsNamed(value).map((f) => f.key);

describe('formsNamed', () => {
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

describe('parseLegalNumber', () => {
  it('ignores spaces around the number', () => {
    expect(parseLegalNumber('  12/2026/QĐ-UBND \n')).toMatchObject({ symbol: '12/2026/QĐ-UBND' });
  });
  it('reads decomposed (NFD) input as NFC', () => {
    expect(parseLegalNumber('5/KH-SỞ'.normalize('NFD'))).toMatchObject({ symbol: '5/KH-SỞ', formCode: 'KH', authorityCodes: ['SỞ'] });
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

describe('findLegalNumbers', () => {
  it('skips number 0, which no register issues', () => {
    expect(findLegalNumbers('số 0/2026/QĐ-UBND và 3/2026/QĐ-UBND')).toEqual([
      { value: expect.objectContaining({ symbol: '3/2026/QĐ-UBND' }), index: 21, length: 14 },
    ]);
  });
});
