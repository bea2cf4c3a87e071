import { describe, expect, it } from 'vitest';
import { clean, multiplier, readNumber } from './numbers.js';

describe('readNumber', () => {
  it.each([
    ['1,300', 1300], ['2.39', 2.39], ['c200', 200], ['c. 70', 70], ['nine', 9], ['twenty-five', 25],
    ['two thousand', 2000], ['three hundred', 300], ['one million', 1_000_000], ['a dozen', 12], ['eighteen', 18],
  ])('reads "%s" as %d', (text, value) => expect(readNumber(text)).toBe(value));

  it('gives NaN for what is not a number', () => {
    expect(readNumber('several')).toBeNaN();
  });
});

describe('multiplier and clean', () => {
  it('reads scales in either case', () => {
    expect(multiplier('m')).toBe(1e6);
    expect(multiplier('bn')).toBe(1e9);
    expect(multiplier('K')).toBe(1e3);
    expect(multiplier(' million')).toBe(1e6);
    expect(multiplier(undefined)).toBe(1);
  });

  it('rounds floating-point noise away', () => {
    expect(clean(2.39 * 1e9)).toBe(2_390_000_000);
    expect(clean(4.05 * 1e6)).toBe(4_050_000);
  });
});
