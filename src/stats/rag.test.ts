import { describe, expect, it } from 'vitest';
import { rag } from './rag.js';

const abs = (value: number, tolerance = 0) => ({ value, tolerance, toleranceKind: 'absolute' as const });
const pct = (value: number, tolerance: number) => ({ value, tolerance, toleranceKind: 'percent' as const });

describe('rag', () => {
  it('is green when the value meets or beats the target', () => {
    expect(rag(80, abs(80), 'higher')).toBe('green');
    expect(rag(85, abs(80), 'higher')).toBe('green');
    expect(rag(10, abs(10), 'lower')).toBe('green');
    expect(rag(8, abs(10), 'lower')).toBe('green');
  });
  it('is red when it misses and there is no tolerance', () => {
    expect(rag(79.9, abs(80), 'higher')).toBe('red');
    expect(rag(10.1, abs(10), 'lower')).toBe('red');
  });
  it('is amber within an absolute tolerance (inclusive) and red beyond it', () => {
    expect(rag(78, abs(80, 2), 'higher')).toBe('amber');
    expect(rag(77.9, abs(80, 2), 'higher')).toBe('red');
    expect(rag(12, abs(10, 2), 'lower')).toBe('amber');
    expect(rag(12.5, abs(10, 2), 'lower')).toBe('red');
  });
  it('is amber within a percentage tolerance of the target', () => {
    // 5 % of 80 = 4
    expect(rag(76, pct(80, 5), 'higher')).toBe('amber');
    expect(rag(75.9, pct(80, 5), 'higher')).toBe('red');
    // 10 % of 200 = 20
    expect(rag(220, pct(200, 10), 'lower')).toBe('amber');
    expect(rag(221, pct(200, 10), 'lower')).toBe('red');
  });
  it('uses the size of a negative target for a percentage tolerance', () => {
    expect(rag(-11, pct(-10, 10), 'higher')).toBe('amber');
    expect(rag(-11.5, pct(-10, 10), 'higher')).toBe('red');
  });
  it('is missing when there is no value, target or not', () => {
    expect(rag(null, abs(80), 'higher')).toBe('missing');
    expect(rag(null, null, 'higher')).toBe('missing');
  });
  it('is no target without a target, and with polarity none (no judgement)', () => {
    expect(rag(50, null, 'higher')).toBe('no-target');
    expect(rag(50, abs(80), 'none')).toBe('no-target');
  });
});
