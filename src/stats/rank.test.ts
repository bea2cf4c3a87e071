import { describe, expect, it } from 'vitest';
import { formatRank, rankIn, ranks } from './rank.js';

describe('ranks', () => {
  it('ranks 1 = best when higher is better, ties sharing the best rank (1, 2, 2, 4)', () => {
    expect(ranks([90, 80, 80, 70], 'higher')).toEqual([1, 2, 2, 4]);
    expect(ranks([70, 80, 90, 80], 'higher')).toEqual([4, 2, 1, 2]);
  });
  it('ranks 1 = lowest when lower is better', () => {
    expect(ranks([70, 80, 80, 90], 'lower')).toEqual([1, 2, 2, 4]);
    expect(ranks([5, 1, 1, 1, 9], 'lower')).toEqual([4, 1, 1, 1, 5]);
  });
  it('gives every member rank 1 when all values are equal', () => {
    expect(ranks([3, 3, 3], 'higher')).toEqual([1, 1, 1]);
    expect(ranks([3, 3, 3], 'lower')).toEqual([1, 1, 1]);
  });
  it('leaves missing values unranked and out of the count', () => {
    expect(ranks([10, null, 30, 20], 'higher')).toEqual([3, null, 1, 2]);
  });
  it('does not rank with polarity none', () => {
    expect(ranks([1, 2, 3], 'none')).toEqual([null, null, null]);
  });
});

describe('rankIn', () => {
  it('finds the rank of one value in the sorted group by binary search', () => {
    const sorted = [1, 2, 2, 2, 5, 8];
    expect(rankIn(sorted, 2, 'higher')).toBe(3);
    expect(rankIn(sorted, 2, 'lower')).toBe(2);
    expect(rankIn(sorted, 8, 'higher')).toBe(1);
    expect(rankIn(sorted, 8, 'lower')).toBe(6);
    expect(rankIn(sorted, null, 'higher')).toBeNull();
  });
  it('shows a rank as "3 of 16"', () => {
    expect(formatRank(3, 16)).toBe('3 of 16');
  });
});
