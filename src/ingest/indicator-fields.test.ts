import { describe, expect, it } from 'vitest';
import { readFrequency, readPolarity, readUnit, readValue } from './indicator-fields.js';

describe('readPolarity', () => {
  it("reads Oflog's rank_order in any case, and our own words", () => {
    expect(['desc', 'DESC', 'Desc'].map(readPolarity)).toEqual(['higher', 'higher', 'higher']);
    expect(['asc', 'ASC'].map(readPolarity)).toEqual(['lower', 'lower']);
    expect(['None', 'none', 'NONE'].map(readPolarity)).toEqual(['none', 'none', 'none']);
    expect(readPolarity('Higher is better')).toBe('higher');
    expect(readPolarity('lower')).toBe('lower');
  });
  it('is undefined for blank and null for words it does not know', () => {
    expect(readPolarity('  ')).toBeUndefined();
    expect(readPolarity('sideways')).toBeNull();
  });
});

describe('readValue', () => {
  it('reads plain, signed, decimal and exponent numbers', () => {
    expect(readValue('7.6')).toBe(7.6);
    expect(readValue('-0.5')).toBe(-0.5);
    expect(readValue('.5')).toBe(0.5);
    expect(readValue('1.5e3')).toBe(1500);
    expect(readValue(' 42 ')).toBe(42);
    expect(readValue('0')).toBe(0);
  });
  it('reads thousands separators, per cent and pounds', () => {
    expect(readValue('1,234,567.5')).toBe(1234567.5);
    expect(readValue('45.2%')).toBe(45.2);
    expect(readValue('£2,500')).toBe(2500);
  });
  it('keeps blanks and not-available markers as missing, never zero', () => {
    for (const m of ['', ' ', '..', '-', 'x', 'c', 'n/a', 'N/A', 'M', ':']) expect(readValue(m)).toBeNull();
  });
  it('refuses text that is not a number', () => {
    for (const bad of ['ten', '1,23', '12abc', '1.2.3', 'Infinity', '1e999']) expect(readValue(bad)).toBeUndefined();
  });
});

describe('readUnit and readFrequency', () => {
  it('reads the usual ways of writing them', () => {
    expect(readUnit('%')).toBe('percent');
    expect(readUnit('Rate per 100,000')).toBe('rate-per-100000');
    expect(readUnit('per 1,000 population')).toBe('rate-per-1000');
    expect(readUnit('£')).toBe('gbp');
    expect(readUnit('furlongs')).toBeNull();
    expect(readFrequency('Annual')).toBe('annual-financial');
    expect(readFrequency('academic year')).toBe('annual-academic');
    expect(readFrequency('Quarterly')).toBe('quarterly');
    expect(readFrequency('fortnightly')).toBeNull();
  });
});
