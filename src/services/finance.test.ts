// The finance files imported for real, funding per head compared and a what-if run, checked against
// figures recomputed here straight from the published files (not through the code under test).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINANCE_FILES } from '../../test/helpers/finance.js';
import { testServices } from '../../test/helpers/store.js';
import type { Services } from './index.js';

let s: Services & { close(): Promise<void> };

/** A column of one row of a plain CSV (quoted thousands allowed), read independently of the presets. */
function cell(file: string, code: string, column: string): number | null {
  const lines = fs.readFileSync(file, 'latin1').split(/\r?\n/);
  const split = (l: string) => (l.match(/("[^"]*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/"/g, ''));
  const header = split(lines[0]);
  const row = lines.find((l) => l.startsWith(`${code},`));
  if (!row) return null;
  const text = split(row)[header.indexOf(column)];
  return text === '..' ? null : Number(text.replace(/,/g, ''));
}

beforeAll(async () => {
  s = await testServices();
  await s.financeData.importFiles(Object.values(FINANCE_FILES).map((source) => ({ source })));
}, 120_000);
afterAll(async () => s?.close());

describe('finance on the real files', () => {
  it('Leicestershire: £418.4m spending power in 2020/21 for 713,085 people is about £586.8 a head', async () => {
    const c = await s.funding.compare({ area: 'E10000018', group: 'english-upper-tier', period: '2020/21' });
    expect(c.council.spendingPower).toBe(418.42);
    expect(c.council.population).toBe(713085);
    expect(c.council.perHead).toBeCloseTo(586.8, 1);
  });

  it('ranks Leicestershire among the upper-tier councils (districts excluded) with a per-head figure, lowest of all', async () => {
    const c = await s.funding.compare({ area: 'E10000018', group: 'english-upper-tier', period: '2020/21' });
    // Independently: every upper-tier council with both figures in the two files.
    const spLines = fs.readFileSync(FINANCE_FILES.spendingPower, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const upper = spLines.filter((r) => r[2] !== 'District council' && r[13] !== '..');
    const perHead = upper.map((r) => ({ code: r[0], v: (Number(r[13]) * 1e6) / (cell(FINANCE_FILES.mye2020, r[0], 'All ages') ?? NaN) })).filter((x) => Number.isFinite(x.v));
    expect(c.ranked).toBe(perHead.length);
    expect(c.rank).toBe(perHead.filter((x) => x.v > (c.council.perHead as number)).length + 1);
    expect(c.rank).toBe(c.ranked);
  });

  it('Northamptonshire has no mid-2020 population on 2021 boundaries, so its per head figure is missing with that reason', async () => {
    const c = await s.funding.compare({ area: 'E10000018', group: 'english-upper-tier', period: '2020/21' });
    const northants = c.missing.find((m) => m.code === 'E10000021');
    expect(northants?.reason).toMatch(/no POP-ALL-AGES value for E10000021 dated within 2020\/21/);
    const perf = await s.performance.compendium({ area: 'E10000021', group: 'english-upper-tier', period: '2020/21' });
    expect(perf.rows.find((r) => r.indicator.code === 'FIN-SP-PER-HEAD')).toMatchObject({ value: null, rank: null });
  });

  it('per head is benchmarked like any indicator: Leicestershire ranked last and in the bottom quartile', async () => {
    const c = await s.funding.compare({ area: 'E10000018', group: 'english-upper-tier', period: '2020/21' });
    const perf = await s.performance.compendium({ area: 'E10000018', group: 'english-upper-tier', period: '2020/21' });
    const row = perf.rows.find((r) => r.indicator.code === 'FIN-SP-PER-HEAD');
    expect(row?.value).toBeCloseTo(586.8, 1);
    expect(row?.rank).toBe(c.ranked);
    expect(row?.quartileBand).toBe(4);
  });

  it('the gap to two other councils is (their per head − ours) × our population', async () => {
    const c = await s.funding.compare({ area: 'E10000018', group: 'english-upper-tier', period: '2020/21' });
    const ours = (418.42 * 1e6) / 713085;
    for (const code of ['E10000024', 'E06000016']) { // Nottinghamshire, Leicester
      const theirs = ((cell(FINANCE_FILES.spendingPower, code, '2021') as number) * 1e6) / (cell(FINANCE_FILES.mye2020, code, 'All ages') as number);
      const gap = c.others.find((o) => o.code === code);
      expect(gap?.gapMillions).toBeCloseTo(((theirs - ours) * 713085) / 1e6, 6);
      expect(gap?.gapMillions).toBeGreaterThan(0);
    }
    expect(c.formula).toMatch(/their spending power per head − ours\) × our population/);
    expect(c.groupMedian?.gapMillions).toBeGreaterThan(0);
  });

  it('derived values are ordinary indicator values, recomputed when an input changes', async () => {
    const before = await s.funding.compare({ area: 'E10000018', period: '2020/21' });
    const csv = 'indicator,area,period,value\nFIN-SPENDING-POWER,E10000018,2020/21,500\n';
    await s.observations.import({ name: 'fix.csv', content: csv });
    const after = await s.funding.compare({ area: 'E10000018', period: '2020/21' });
    expect(after.council.perHead).toBeCloseTo((500 * 1e6) / 713085, 6);
    expect(after.council.perHead).not.toBe(before.council.perHead);
    await s.observations.import({ name: 'back.csv', content: csv.replace('500', '418.42') });
  });

  it('an input approved and published through the workspace workflow recomputes the derived values', async () => {
    const admin = { id: null, name: 'Test administrator', role: 'admin' as const, services: [], outcomeIds: [] };
    const indicator = (await s.values.indicators(admin)).find((i) => i.code === 'FIN-SPENDING-POWER');
    expect(indicator).toBeDefined();
    const key = await s.values.enter(admin, { indicatorId: indicator!.id, periodKey: '2020/21', value: '450', status: 'final' });
    for (const step of ['submit', 'approve'] as const) await s.values.transition(admin, key, step);
    const unchanged = await s.funding.compare({ area: 'E10000018', period: '2020/21' });
    expect(unchanged.council.perHead).toBeCloseTo((418.42 * 1e6) / 713085, 6);
    await s.values.transition(admin, key, 'publish');
    const after = await s.funding.compare({ area: 'E10000018', period: '2020/21' });
    expect(after.council.perHead).toBeCloseTo((450 * 1e6) / 713085, 6);
    await s.observations.import({ name: 'back.csv', content: 'indicator,area,period,value\nFIN-SPENDING-POWER,E10000018,2020/21,418.42\n' });
  });

  it('what-if: shares the total by weighted drivers; weights not summing to 100% are scaled and said so', async () => {
    const r = await s.funding.whatIf({ weights: [{ indicator: 'POP-65-PLUS', weight: 4 }, { indicator: 'POP-0-17', weight: 3 }, { indicator: 'POP-ALL-AGES', weight: 3 }], period: '2020/21' });
    expect(r.notes[0]).toMatch(/summed to 10%, so each was scaled/);
    expect(r.rows.reduce((n, x) => n + x.allocation, 0)).toBeCloseTo(r.totalMillions, 6);
    expect(r.rows.reduce((n, x) => n + x.gainMillions, 0)).toBeCloseTo(0, 6);
    expect(r.excluded.find((e) => e.code === 'E10000021')?.reason).toBe('no population');
    const leics = r.rows.find((x) => x.code === 'E10000018');
    expect(leics?.gainMillions).toBeGreaterThan(0);
    await expect(s.funding.whatIf({ weights: [{ indicator: 'POP-0-17', weight: -1 }] })).rejects.toThrow(/must be a number of 0 or more/);
  });

  it('saves models by name with versions', async () => {
    const a = await s.funding.saveModel({ name: 'County view', weights: [{ indicator: 'POP-65-PLUS', weight: 100 }], period: '2020/21' });
    const b = await s.funding.saveModel({ name: 'County view', weights: [{ indicator: 'POP-65-PLUS', weight: 50 }, { indicator: 'POP-ALL-AGES', weight: 50 }], period: '2020/21' });
    expect([a.version, b.version]).toEqual([1, 2]);
    expect((await s.funding.runModel('County view', 1)).weights).toEqual([{ indicator: 'POP-65-PLUS', weight: 100 }]);
    expect((await s.funding.runModel('County view')).model).toEqual({ name: 'County view', version: 2 });
  });

  it('a broken file writes nothing at all', async () => {
    await expect(s.financeData.importFiles([{ source: FINANCE_FILES.csp, preset: 'ons-mye-single-year' }])).rejects.toThrow('no column `Code` in the first 20 rows');
  });
});
