import { describe, expect, it } from 'vitest';
import { formatValue } from './format.js';

describe('money as a reader sees it', () => {
  it('shows pounds to the penny (or whole), £ thousands whole and £ million to one place, whatever the data’s precision', () => {
    // A per-head figure from a published file with four decimal places.
    expect(formatValue(2212.4127, 'gbp', 4)).toBe('£2,212.41');
    expect(formatValue(586.8, 'gbp', 1)).toBe('£586.80');
    expect(formatValue(1250, 'gbp', 0)).toBe('£1,250');
    expect(formatValue(-12.3456, 'gbp', 4)).toBe('−£12.35');
    expect(formatValue(215512.3456, 'gbp-thousands', 4)).toBe('£215,512k');
    expect(formatValue(418.41234, 'gbp-millions', 5)).toBe('£418.4m');
    expect(formatValue(418, 'gbp-millions', 0)).toBe('£418m');
  });

  it('keeps other units at the indicator’s own precision (0.413 stays 0.413)', () => {
    expect(formatValue(0.413, 'ratio', 3)).toBe('0.413');
    expect(formatValue(72.44, 'percent', 2)).toBe('72.44%');
    expect(formatValue(null, 'gbp', 2)).toBe('No data');
  });
});
