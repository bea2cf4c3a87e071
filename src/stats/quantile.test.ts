import { describe, expect, it } from 'vitest';
import { medianSorted, quantileSorted, sortedPresent } from './quantile.js';

describe('quantileSorted (R type 7, Excel QUARTILE.INC)', () => {
  it('interpolates between order statistics', () => {
    // Excel: QUARTILE.INC({1,2,3,4},1) = 1.75, (…,3) = 3.25
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    // Excel: QUARTILE.INC({7,15,36,39,40,41},1) = 20.25, (…,3) = 39.75
    expect(quantileSorted([7, 15, 36, 39, 40, 41], 0.25)).toBe(20.25);
    expect(quantileSorted([7, 15, 36, 39, 40, 41], 0.75)).toBe(39.75);
    // R: quantile(1:10, c(.25,.75), type = 7) = 3.25, 7.75
    const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSorted(oneToTen, 0.25)).toBe(3.25);
    expect(quantileSorted(oneToTen, 0.75)).toBe(7.75);
  });
  it('lands on an order statistic when (n − 1)p is whole', () => {
    expect(quantileSorted([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.75)).toBe(40);
  });
  it('gives the ends at p = 0 and p = 1, and the value itself for one value', () => {
    expect(quantileSorted([3, 8, 9], 0)).toBe(3);
    expect(quantileSorted([3, 8, 9], 1)).toBe(9);
    expect(quantileSorted([5], 0.25)).toBe(5);
    expect(quantileSorted([5], 0.75)).toBe(5);
  });
  it('is null with no values', () => {
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});

describe('medianSorted', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(medianSorted([1, 3, 10])).toBe(3);
    expect(medianSorted([1, 3, 10, 11])).toBe(6.5);
    expect(medianSorted([4])).toBe(4);
    expect(medianSorted([])).toBeNull();
  });
});

describe('sortedPresent', () => {
  it('drops missing values (null, undefined, NaN) and sorts numerically, not as text', () => {
    expect(Array.from(sortedPresent([10, null, 9, undefined, 100, Number.NaN, -1]))).toEqual([-1, 9, 10, 100]);
  });
  it('keeps zero as a value', () => {
    expect(Array.from(sortedPresent([0, null, 0]))).toEqual([0, 0]);
  });
});
