import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINANCE_FILES, PRESET_OF, referenceAreaCodes } from '../../../test/helpers/finance.js';
import { guessFinancePreset, parseFinancePreset, readFinanceCell, type PresetResult } from './index.js';

const areas = referenceAreaCodes();
const ctx = { isArea: (c: string) => areas.has(c) };
const results = new Map<string, PresetResult>();
const read = (key: keyof typeof FINANCE_FILES): PresetResult => {
  let r = results.get(key);
  if (!r) results.set(key, (r = parseFinancePreset(PRESET_OF[key], fs.readFileSync(FINANCE_FILES[key]), FINANCE_FILES[key].split('/').pop() as string, ctx)));
  return r;
};
const valueOf = (r: PresetResult, indicator: string, area: string, period: string) =>
  r.values.find((v) => v.indicatorCode === indicator && v.areaCode === area && v.periodKey === period);

describe('finance presets on every real file', () => {
  it.each(Object.keys(FINANCE_FILES) as (keyof typeof FINANCE_FILES)[])('%s: no problems, and what was read adds up', (key) => {
    const r = read(key);
    expect(r.problems).toEqual([]);
    const c = r.counts;
    expect(c.valuesImported + c.valuesMissing + c.valuesSkipped).toBe(c.valuesRead);
    expect(r.values.length).toBe(c.valuesImported + c.valuesMissing);
    expect(r.skipped.length).toBe(c.rowsSkipped);
    // every data row yields one value per indicator of the preset, kept or skipped with a reason
    expect(c.valuesRead).toBe(c.rowsRead * r.indicators.length * (key === 'spendingPower' ? 10 : 1));
    expect(guessFinancePreset(fs.readFileSync(FINANCE_FILES[key]))).toBe(PRESET_OF[key]);
  });

  it('spending power: one row per council line of the file, ".." kept as missing with its reason', () => {
    const r = read('spendingPower');
    const lines = fs.readFileSync(FINANCE_FILES.spendingPower, 'utf8').trim().split('\n');
    expect(r.counts.rowsRead).toBe(lines.length - 1);
    const dots = lines.slice(1).reduce((n, l) => n + l.split(',').filter((c) => c.trim() === '..').length, 0);
    expect(dots).toBeGreaterThan(0);
    expect(r.counts.valuesMissing).toBe(dots);
    expect(valueOf(r, 'FIN-SPENDING-POWER', 'E10000018', 'FY2020-21')?.value).toBe(418.42);
    expect(valueOf(r, 'FIN-SPENDING-POWER', 'E10000018', 'FY2019-20')?.value).toBe(389.53);
    const dorset = valueOf(r, 'FIN-SPENDING-POWER', 'E10000009', 'FY2020-21');
    expect(dorset?.value).toBeNull();
    expect(dorset?.note).toMatch(/^Missing: not available \("\.\." in the published file\)\. Source: MHCLG/);
    expect(valueOf(r, 'FIN-SPENDING-POWER', 'E10000018', 'FY2011-12')?.note).toBe('Source: MHCLG, local government finance settlement (spending power); Open Government Licence v3.0');
  });

  it('population: the Latin-1 file is detected, bands add up, and Leicestershire has 713,085 people at mid-2020', () => {
    const r = read('mye2020');
    expect(r.encoding).toBe('windows-1252');
    expect(read('mye2019').encoding).toBe('utf-8');
    const at = (code: string) => valueOf(r, code, 'E10000018', 'D2020-06-30')?.value;
    expect(at('POP-ALL-AGES')).toBe(713085);
    expect(at('POP-65-PLUS')).toBe(146675);
    expect(at('POP-0-17')).toBe(143343);
    expect((at('POP-0-17') as number) + (at('POP-18-64') as number) + (at('POP-65-PLUS') as number)).toBe(713085);
    expect(valueOf(read('mye2019'), 'POP-ALL-AGES', 'E10000018', 'D2019-06-30')?.value).toBe(706155);
    // on 2021 boundaries: no Northamptonshire county row at all
    expect(r.values.some((v) => v.areaCode === 'E10000021')).toBe(false);
    expect(r.skipped.find((s) => s.code === 'K02000001')?.reason).toMatch(/not a council/);
  });

  it('CSP components: a ceased council listed with zeros is missing, not £0', () => {
    const r = read('csp');
    const zeros = r.values.filter((v) => v.value === null);
    expect(zeros.every((v) => /every component is zero/.test(v.note))).toBe(true);
    expect(valueOf(r, 'FIN-CSP-SFA', 'E10000018', 'FY2020-21')?.value).toBeCloseTo(61.87462438, 8);
  });

  it('revenue outturn: header after the preamble, £ thousand with separators, "[x]" missing, class totals not read', () => {
    const r = read('rsx');
    expect(valueOf(r, 'RO-ADULT-SOCIAL-CARE', 'E10000018', 'FY2022-23')?.value).toBe(215451);
    expect(r.values.filter((v) => /\[x\]/.test(v.note)).length).toBeGreaterThan(0);
    expect(r.values.some((v) => v.areaCode === 'E06' || v.areaCode === 'E10')).toBe(false);
    expect(r.skipped.some((s) => s.code === 'E31000001')).toBe(true);
  });
});

describe('bad input', () => {
  it('a file that is not the preset\'s format says which column it expected', () => {
    const wrong = fs.readFileSync(FINANCE_FILES.csp);
    expect(() => parseFinancePreset('ons-mye-single-year', wrong, 'csp.csv', ctx)).toThrow('csp.csv: no column `Code` in the first 20 rows');
    expect(() => parseFinancePreset('mhclg-spending-power', 'a,b\n1,2\n', 'x.csv', ctx)).toThrow('x.csv: no column `ons_code` in the first 20 rows');
    expect(() => parseFinancePreset('nope', 'a', 'x.csv', ctx)).toThrow(/is not a preset/);
  });

  it('an unreadable number and a repeated year are problems with their line', () => {
    const text = 'ons_code,ons_name,class,region,2020,2021\nE10000018,Leics,County council,EM,1.5,abc\nE10000018,Leics,County council,EM,1,2\n';
    const r = parseFinancePreset('mhclg-spending-power', text, 'sp.csv', ctx);
    expect(r.problems.map((p) => `${p.line}:${p.column ?? ''} ${p.message}`)).toEqual([
      '2:6 "abc" is not a number or a known missing-value marker (.., x, c, [c], -)',
      '3: E10000018 FIN-SPENDING-POWER for FY2019-20 is given twice (first on line 2): overlapping years or a repeated row',
    ]);
  });

  it('reads the publishers\' markers as missing with a reason, never zero', () => {
    for (const m of ['..', 'x', 'c', '[c]', '-', '', '[x]']) expect(readFinanceCell(m)).toHaveProperty('missing');
    expect(readFinanceCell('"1,234.5"'.slice(1, -1))).toEqual({ value: 1234.5 });
    expect(readFinanceCell('12,34')).toHaveProperty('error');
  });
});
