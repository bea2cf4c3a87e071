import { describe, expect, it } from 'vitest';
import { mannKendall, trend } from './trend.js';

describe('mannKendall', () => {
  it('computes S and its variance', () => {
    const mk = mannKendall([1, 2, 3, 4, 5]);
    expect(mk.s).toBe(10);
    expect(mk.variance).toBeCloseTo((5 * 4 * 15) / 18, 12);
    expect(mk.z).toBeCloseTo(9 / Math.sqrt(300 / 18), 12);
    expect(mk.significant).toBe(true);
  });
  it('corrects the variance for ties', () => {
    // one pair tied: Var = (6·5·17 − 2·1·9) / 18; S = 15 pairs − 1 tied pair = 14
    const mk = mannKendall([1, 1, 2, 3, 4, 5]);
    expect(mk.s).toBe(14);
    expect(mk.variance).toBeCloseTo((510 - 18) / 18, 12);
    expect(mk.z).toBeCloseTo(13 / Math.sqrt(492 / 18), 12);
  });
  it('is not significant for a rise that is not steady enough over 5 points', () => {
    const mk = mannKendall([1, 2, 3, 5, 4]); // S = 8, z = 7 / 4.08 = 1.71 < 1.96
    expect(mk.s).toBe(8);
    expect(mk.significant).toBe(false);
  });
  it('is zero for a flat series', () => {
    expect(mannKendall([2, 2, 2, 2, 2])).toMatchObject({ s: 0, variance: 0, z: 0, significant: false });
  });
});

describe('trend', () => {
  it('needs at least 5 points; missing values do not count', () => {
    expect(trend([1, 2, 3, 4], 'higher')).toEqual({ trend: 'too-few-points', points: 4 });
    expect(trend([1, null, 2, 3, null, 4], 'higher')).toEqual({ trend: 'too-few-points', points: 4 });
    expect(trend([1, null, 2, 3, 4, 5], 'higher')).toEqual({ trend: 'getting-better', points: 5 });
  });
  it('reads a significant rise or fall through polarity', () => {
    expect(trend([1, 2, 3, 4, 5], 'higher').trend).toBe('getting-better');
    expect(trend([1, 2, 3, 4, 5], 'lower').trend).toBe('getting-worse');
    expect(trend([5, 4, 3, 2, 1], 'higher').trend).toBe('getting-worse');
    expect(trend([5, 4, 3, 2, 1], 'lower').trend).toBe('getting-better');
  });
  it('says increasing or decreasing with polarity none', () => {
    expect(trend([1, 2, 3, 4, 5], 'none').trend).toBe('increasing');
    expect(trend([5, 4, 3, 2, 1], 'none').trend).toBe('decreasing');
  });
  it('finds no significant change in a noisy or flat series', () => {
    expect(trend([3, 1, 4, 1, 5, 2, 6, 1], 'higher').trend).toBe('no-significant-change');
    expect(trend([7, 7, 7, 7, 7, 7], 'lower').trend).toBe('no-significant-change');
  });
  it('finds a significant trend in a longer series with setbacks', () => {
    // S = 41 of 45 pairs rising → z ≈ 3.4
    expect(trend([1, 2, 4, 3, 5, 6, 8, 7, 9, 10], 'higher').trend).toBe('getting-better');
  });
});
