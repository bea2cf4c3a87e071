import { describe, expect, it } from 'vitest';
import { madDeviation } from './mad-deviation.js';
import { groupStats } from './group-stats.js';

describe('madDeviation', () => {
  it('is (value − median) / MAD', () => {
    const g = groupStats([7, 15, 36, 39, 40, 41]); // median 37.5, MAD 3
    expect(madDeviation(41, g)).toBeCloseTo(3.5 / 3, 15);
    expect(madDeviation(7, g)).toBeCloseTo(-30.5 / 3, 15);
    expect(madDeviation(37.5, g)).toBe(0);
  });
  it('is undefined (null) when MAD = 0, even for a value away from the median', () => {
    const g = groupStats([2, 2, 2, 5]);
    expect(g.mad).toBe(0);
    expect(madDeviation(5, g)).toBeNull();
  });
  it('is null without a value or without a median', () => {
    expect(madDeviation(null, { median: 1, mad: 1 })).toBeNull();
    expect(madDeviation(Number.NaN, { median: 1, mad: 1 })).toBeNull();
    expect(madDeviation(3, { median: null, mad: null })).toBeNull();
  });
});
