import { describe, expect, it } from 'vitest';
import { groupStats, madSorted } from './group-stats.js';

describe('groupStats', () => {
  it('computes n, min, max, mean, median, quartiles and MAD over the values present', () => {
    const g = groupStats([7, 15, null, 36, 39, 40, 41]);
    expect(g).toEqual({
      n: 6, members: 7, min: 7, max: 41, mean: 178 / 6, median: 37.5, q1: 20.25, q3: 39.75,
      // |x − 37.5| = 30.5, 22.5, 1.5, 1.5, 2.5, 3.5 → sorted 1.5 1.5 2.5 3.5 22.5 30.5 → median 3
      mad: 3,
    });
  });
  it('leaves missing values out of n but counts the members (blank is never zero)', () => {
    const withBlank = groupStats([1, 2, null, 4]);
    const withZero = groupStats([1, 2, 0, 4]);
    expect(withBlank.n).toBe(3);
    expect(withBlank.members).toBe(4);
    expect(withBlank.median).toBe(2);
    expect(withZero.median).toBe(1.5);
    expect(withZero.min).toBe(0);
  });
  it('gives all nulls when no member has a value', () => {
    expect(groupStats([null, null])).toEqual({ n: 0, members: 2, min: null, max: null, mean: null, median: null, q1: null, q3: null, mad: null });
    expect(groupStats([]).n).toBe(0);
  });
  it('handles n < 4: one value, two values, three values', () => {
    expect(groupStats([5])).toMatchObject({ n: 1, min: 5, max: 5, mean: 5, median: 5, q1: 5, q3: 5, mad: 0 });
    expect(groupStats([2, 4])).toMatchObject({ n: 2, median: 3, q1: 2.5, q3: 3.5, mad: 1 });
    expect(groupStats([1, 2, 9])).toMatchObject({ n: 3, median: 2, q1: 1.5, q3: 5.5, mad: 1 });
  });
  it('gives MAD = 0 when all values are equal', () => {
    expect(groupStats([3.2, 3.2, 3.2, 3.2, 3.2])).toMatchObject({ n: 5, min: 3.2, max: 3.2, median: 3.2, q1: 3.2, q3: 3.2, mad: 0, mean: 3.2 });
  });
  it('keeps the mean exact over many values that do not add up exactly in floating point', () => {
    const values = Array.from({ length: 1000 }, () => 0.1);
    expect(groupStats(values).mean).toBe(0.1);
  });
  it('sorts numbers as numbers', () => {
    expect(groupStats([100, 9, 10]).median).toBe(10);
  });
});

describe('madSorted', () => {
  it('is the median of absolute deviations from the median', () => {
    // 1 1 2 2 4 6 9: median 2; deviations 1 1 0 0 2 4 7 → median 1
    expect(madSorted([1, 1, 2, 2, 4, 6, 9], 2)).toBe(1);
  });
});
