import { describe, expect, it } from 'vitest';
import { dataPrecision, decimalsOf, guessUnit } from './presentation.js';

describe('how a new indicator is written', () => {
  it('keeps the precision the data has, ignoring floating-point noise', () => {
    expect(decimalsOf(0.413)).toBe(3);
    expect(decimalsOf(83.30000000000001)).toBe(1);
    expect(decimalsOf(12)).toBe(0);
    expect(dataPrecision([0.4, 0.413, null, 0.41])).toBe(3);
    expect(dataPrecision([7.6, 7.2, 8])).toBe(1);
    expect(dataPrecision([])).toBe(0);
  });

  it('guesses the unit from the name, then from the values', () => {
    expect(guessUnit('Adults who smoke (%)', [12.1])).toBe('percent');
    expect(guessUnit('Proportion of people who feel safe', [77.2])).toBe('percent');
    expect(guessUnit('Admissions per 100,000 population', [512.3])).toBe('rate-per-100000');
    expect(guessUnit('Outcome, ASC Quality of Life', [0.413])).toBe('score');
    expect(guessUnit('Net spending on libraries (£)', [1200])).toBe('gbp');
    expect(guessUnit('Number of new homes', [120])).toBe('count');
    expect(guessUnit('Potholes filled', [120, 340])).toBe('count');
    expect(guessUnit('Some measure', [0.41, 0.39])).toBe('ratio');
    expect(guessUnit('Some measure', [74.2, 80.1])).toBe('other');
  });
});
