import { describe as group, expect, it } from 'vitest';
import { computeDerived, type InputSeries } from './derived.js';
import { describe, evaluateFormula, parseFormula, type Evaluation } from './formula.js';

const parsed = (text: string) => {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const run = (text: string, vars: Record<string, number | null> = {}): Evaluation =>
  evaluateFormula(parsed(text).formula, (c) => (vars[c] === null || vars[c] === undefined ? { missing: `${c} missing` } : { value: vars[c] as number }));

group('formula', () => {
  it('follows precedence, brackets and unary minus', () => {
    expect(run('1 + 2 * 3')).toEqual({ value: 7 });
    expect(run('(1 + 2) * 3')).toEqual({ value: 9 });
    expect(run('-2 * -3 - 1')).toEqual({ value: 5 });
    expect(run('8 / 4 / 2')).toEqual({ value: 1 });
    expect(run('[A] * 1000000 / [B]', { A: 418.42, B: 713085 })).toEqual({ value: (418.42 * 1e6) / 713085 });
    expect(parsed('[SP-X] * 1e6 / [POP-ALL]').refs).toEqual(['SP-X', 'POP-ALL']);
    expect(describe(parsed('([A] - [B]) / ([C] * 2)').formula)).toBe('([A] - [B]) / ([C] * 2)');
  });

  it('division by zero and a missing input are missing with a reason, never infinity or zero', () => {
    expect(run('[A] / [B]', { A: 5, B: 0 })).toEqual({ missing: 'division by zero ([B] is 0)' });
    expect(run('[A] / [B]', { A: 5, B: null })).toEqual({ missing: 'B missing' });
  });

  it('refuses what is not a formula, saying where', () => {
    expect(parseFormula('[A] * ')).toEqual({ ok: false, error: 'the formula ends too soon' });
    expect(parseFormula('process.exit()')).toMatchObject({ ok: false, error: expect.stringContaining('unexpected "p" at character 1') });
    expect(parseFormula('([A] + 1')).toMatchObject({ ok: false, error: 'a closing bracket is missing at the end' });
    expect(parseFormula('[A] [B]')).toMatchObject({ ok: false, error: 'unexpected text at character 5' });
    expect(parseFormula('')).toMatchObject({ ok: false });
  });
});

group('derived values', () => {
  const series = (code: string, snapshot: boolean, rows: [string, string, number | null][]): InputSeries => {
    const byArea = new Map<string, Map<string, { value: number | null; note: string | null }>>();
    for (const [a, p, v] of rows) {
      if (!byArea.has(a)) byArea.set(a, new Map());
      byArea.get(a)?.set(p, { value: v, note: v === null ? 'Missing: blank in the published file. Source: X' : null });
    }
    return { code, snapshot, byArea };
  };
  it('takes the population dated within each financial year, and says why a value is missing', () => {
    const f = parsed('[SP] * 1000000 / [POP]');
    const inputs = new Map([
      ['SP', series('SP', false, [['A', 'FY2020-21', 100], ['A', 'FY2019-20', 90], ['B', 'FY2020-21', 50], ['C', 'FY2020-21', null], ['D', 'FY2020-21', 10]])],
      ['POP', series('POP', true, [['A', 'D2020-06-30', 1000], ['A', 'D2019-06-30', 900], ['C', 'D2020-06-30', 5], ['D', 'D2020-06-30', 0]])],
    ]);
    const out = computeDerived(f.formula, f.refs, inputs);
    const at = (a: string, p: string) => out.find((o) => o.areaCode === a && o.periodKey === p);
    expect(at('A', 'FY2020-21')?.value).toBe(100_000);
    expect(at('A', 'FY2019-20')?.value).toBe(100_000);
    expect(at('B', 'FY2020-21')).toMatchObject({ value: null, note: 'Missing: no POP value for B dated within 2020/21. Derived: [SP] * 1000000 / [POP]' });
    expect(at('C', 'FY2020-21')?.note).toMatch(/^Missing: SP for C at 2020\/21 is missing \(blank in the published file\)/);
    expect(at('D', 'FY2020-21')?.note).toMatch(/^Missing: division by zero/);
    expect(out).toHaveLength(5);
  });
});
