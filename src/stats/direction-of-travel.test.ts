import { describe, expect, it } from 'vitest';
import { directionOfTravel } from './direction-of-travel.js';

describe('directionOfTravel', () => {
  it('reads the change through polarity', () => {
    expect(directionOfTravel(60, 50, 'higher')).toBe('improving');
    expect(directionOfTravel(40, 50, 'higher')).toBe('worsening');
    expect(directionOfTravel(40, 50, 'lower')).toBe('improving');
    expect(directionOfTravel(60, 50, 'lower')).toBe('worsening');
  });
  it('says increasing or decreasing with polarity none', () => {
    expect(directionOfTravel(60, 50, 'none')).toBe('increasing');
    expect(directionOfTravel(40, 50, 'none')).toBe('decreasing');
    expect(directionOfTravel(50, 50, 'none')).toBe('no-change');
  });
  it('is no change only for equal values by default (tolerance 0, exact)', () => {
    expect(directionOfTravel(50, 50, 'higher')).toBe('no-change');
    expect(directionOfTravel(50.0001, 50, 'higher')).toBe('improving');
  });
  it('is no change within the tolerance, inclusive, and a change beyond it', () => {
    expect(directionOfTravel(50.5, 50, 'higher', 0.5)).toBe('no-change');
    expect(directionOfTravel(49.5, 50, 'higher', 0.5)).toBe('no-change');
    expect(directionOfTravel(50.6, 50, 'higher', 0.5)).toBe('improving');
    expect(directionOfTravel(49.4, 50, 'lower', 0.5)).toBe('improving');
  });
  it('is not comparable when either value is missing', () => {
    expect(directionOfTravel(null, 50, 'higher')).toBe('not-comparable');
    expect(directionOfTravel(50, null, 'higher')).toBe('not-comparable');
    expect(directionOfTravel(null, null, 'none')).toBe('not-comparable');
  });
  it('treats zero as a value, not as missing', () => {
    expect(directionOfTravel(0, 5, 'lower')).toBe('improving');
    expect(directionOfTravel(5, 0, 'lower')).toBe('worsening');
  });
});
