import { describe, expect, it } from 'vitest';
import { quartileBand } from './quartile-band.js';

describe('quartileBand', () => {
  it('is ⌈4 × rank / n⌉: the same number of values in each band', () => {
    const n = 16;
    const bands = Array.from({ length: n }, (_, i) => quartileBand(i + 1, n, 'higher'));
    expect(bands).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
  });
  it('rounds up at boundaries that are not whole (n = 10)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => quartileBand(r, 10, 'lower'))).toEqual([1, 1, 2, 2, 2, 3, 3, 4, 4, 4]);
  });
  it('puts tied best values in the top band', () => {
    expect(quartileBand(1, 4, 'higher')).toBe(1);
    expect(quartileBand(4, 4, 'higher')).toBe(4);
  });
  it('is not given for polarity none, without a rank, or with fewer than 4 values', () => {
    expect(quartileBand(1, 16, 'none')).toBeNull();
    expect(quartileBand(null, 16, 'higher')).toBeNull();
    expect(quartileBand(1, 3, 'higher')).toBeNull();
    expect(quartileBand(1, 0, 'higher')).toBeNull();
  });
});
