// The compendium on a small, hand-checked data set: every figure below was worked out by hand
// from the methodology, not by running the code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../../test/helpers/store.js';

type S = Awaited<ReturnType<typeof testServices>>;
let s: S;

const A = 'E10000018'; // Leicestershire
const B = 'E10000007';
const C = 'E10000019';
const D = 'E10000024';
const E = 'E10000031';
const YEARS = ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23'];

function csv(): string {
  const lines = ['Financial year,Local authority code,Code,Measure,Value,rank_order'];
  const put = (year: string, area: string, code: string, title: string, value: string, order: string) =>
    lines.push(`${year},${area},${code},"${title}",${value},${order}`);
  // P1, higher is better: A rises steadily; the others are flat.
  YEARS.forEach((y, i) => {
    put(y, A, 'P1', 'Satisfaction, adults', String(60 + 2 * i), 'desc');
    put(y, B, 'P1', 'Satisfaction, adults', '80', 'DESC');
    put(y, C, 'P1', 'Satisfaction, adults', '60', 'desc');
    put(y, D, 'P1', 'Satisfaction, adults', '80', 'desc');
    put(y, E, 'P1', 'Satisfaction, adults', '', '');
  });
  // P2, lower is better, two years only.
  for (const [y, a, b, c, d, e] of [['2021/22', '10', '11', '12', '9', '8'], ['2022/23', '10', '10', '12', '', '8']]) {
    put(y, A, 'P2', 'Delayed transfers', a, 'asc');
    put(y, B, 'P2', 'Delayed transfers', b, 'asc');
    put(y, C, 'P2', 'Delayed transfers', c, 'asc');
    put(y, D, 'P2', 'Delayed transfers', d, 'asc');
    put(y, E, 'P2', 'Delayed transfers', e, 'asc');
  }
  put('2022/23', A, 'P3', 'Population', '5', 'None');
  put('2022/23', B, 'P3', 'Population', '7', 'None');
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  s = await testServices();
  await s.observations.import({ name: 'values.csv', content: csv() }, { polarityFrom: 'rank_order' });
  await s.groups.custom('east-five', [A, B, C, D, E], { description: 'Five counties' });
  await s.targets.set({ indicator: 'P1', area: A, period: '2022/23', value: 72, tolerance: 5, toleranceKind: 'percent' });
});
afterAll(async () => { await s.close(); });

describe('performance.compendium', () => {
  it('gives every figure of a row as the methodology defines it', async () => {
    const c = await s.performance.compendium({ area: A, group: 'east-five', period: '2022/23' });
    expect(c.area).toEqual({ code: A, name: 'Leicestershire County Council' });
    expect(c.group).toEqual({ name: 'east-five', label: 'Five counties', members: 5 });
    expect(c.periodKey).toBe('FY2022-23');
    expect(c.rows.map((r) => r.indicator.code)).toEqual(['P1', 'P2', 'P3']);
    const p1 = c.rows[0];
    expect(p1.indicator).toMatchObject({ title: 'Satisfaction, adults', polarity: 'higher', frequency: 'annual-financial' });
    // 60 70 80 80 (E blank): median 75, Q1 67.5, Q3 80, mean 72.5, MAD median(15,5,5,5) = 5
    expect(p1.group).toEqual({ n: 4, members: 5, min: 60, max: 80, mean: 72.5, median: 75, q1: 67.5, q3: 80, mad: 5 });
    expect(p1).toMatchObject({
      value: 70, status: 'final', rank: 3, quartileBand: 3, madDeviation: -1,
      target: { value: 72, tolerance: 5, toleranceKind: 'percent' }, rag: 'amber',
      previous: { periodKey: 'FY2021-22', value: 68 }, directionPrevious: 'improving',
      yearEarlier: { periodKey: 'FY2021-22', value: 68 }, directionYearEarlier: 'improving',
      trend: 'getting-better', trendPoints: 6,
    });
    const p2 = c.rows[1];
    // 8 10 10 12, lower is better: A (10) is beaten by one → rank 2 of 4, band ⌈8/4⌉ = 2
    expect(p2).toMatchObject({ value: 10, rank: 2, quartileBand: 2, rag: 'no-target', directionPrevious: 'no-change', trend: 'too-few-points', trendPoints: 2 });
    const p3 = c.rows[2];
    expect(p3).toMatchObject({ value: 5, rank: null, quartileBand: null, rag: 'no-target', directionPrevious: 'not-comparable' });
    expect(p3.group).toMatchObject({ n: 2, median: 6 });
    expect(c.summary).toEqual({
      indicators: 3,
      rag: { green: 0, amber: 1, red: 0, 'no-target': 2, missing: 0 },
      quartiles: { 1: 0, 2: 1, 3: 1, 4: 0, none: 1 },
      direction: { improving: 1, worsening: 0, noChange: 1, notComparable: 1 },
    });
  });

  it('shows a blank as missing, never as zero, and leaves it out of the group', async () => {
    const c = await s.performance.compendium({ area: E, group: 'east-five', period: 'FY2022-23' });
    const p1 = c.rows.find((r) => r.indicator.code === 'P1');
    expect(p1).toMatchObject({ value: null, rag: 'missing', rank: null, quartileBand: null, madDeviation: null, directionPrevious: 'not-comparable' });
    expect(p1?.group.n).toBe(4);
  });

  it('adds the council to a group it is not in, and defaults to the latest period', async () => {
    await s.groups.custom('pair', [B, C]);
    const c = await s.performance.compendium({ area: A, group: 'pair' });
    expect(c.periodKey).toBe('FY2022-23');
    expect(c.group.members).toBe(3);
    expect(c.rows[0].group.n).toBe(3);
    expect(c.rows[0].quartileBand).toBeNull(); // n < 4
  });

  it('sees re-imported values at once, and records the change in the audit trail', async () => {
    const before = await s.performance.compendium({ area: A, group: 'east-five', period: '2022/23' });
    expect(before.rows[0].value).toBe(70);
    const r = await s.observations.import({ name: 'fix.csv', content: `Financial year,Local authority code,Code,Value\n2022/23,${A},P1,73\n2021/22,${A},P1,68\n` });
    expect(r).toMatchObject({ rows: 2, inserted: 0, updated: 1, unchanged: 1 });
    const after = await s.performance.compendium({ area: A, group: 'east-five', period: '2022/23' });
    expect(after.rows[0]).toMatchObject({ value: 73, rag: 'green', rank: 3 });
    const audit = await s.performance.history({ indicator: 'p1', area: A, group: 'east-five' });
    expect(audit.points.at(-1)).toMatchObject({ periodKey: 'FY2022-23', value: 73, target: 72, n: 4 });
  });

  it('uses published values only', async () => {
    await s.observations.import({ name: 'draft.csv', content: `Financial year,Local authority code,Code,Value\n2022/23,${B},P1,10\n` }, { workflowState: 'draft' });
    const c = await s.performance.compendium({ area: A, group: 'east-five', period: '2022/23' });
    const p1 = c.rows[0];
    expect(p1.group.min).toBe(60); // B's draft 10 is not used: B no longer has a published value
    expect(p1.group.n).toBe(3);
  });

  it('lists the periods with data, newest first', async () => {
    expect(await s.performance.periods()).toEqual(['FY2022-23', 'FY2021-22', 'FY2020-21', 'FY2019-20', 'FY2018-19', 'FY2017-18']);
  });

  it('gives every member of a group at once, each ranked in the same group', async () => {
    const all = await s.performance.compendiumForGroup({ group: 'east-five', period: '2021/22' });
    expect(all.map((c) => c.area.code)).toEqual([B, A, C, D, E]); // members in code order
    const p2 = all.map((c) => c.rows.find((r) => r.indicator.code === 'P2')?.rank);
    // 2021/22 P2: A 10, B 11, C 12, D 9, E 8 (lower is better)
    expect(p2).toEqual([4, 3, 5, 2, 1]);
  });

  it('gives the history of one indicator with the group median and IQR', async () => {
    const h = await s.performance.history({ indicator: 'P1', area: A, group: 'east-five' });
    expect(h.points.map((p) => p.periodKey)).toEqual(['FY2017-18', 'FY2018-19', 'FY2019-20', 'FY2020-21', 'FY2021-22', 'FY2022-23']);
    // 2017/18: 60 80 60 80 → median 70, Q1 60, Q3 80
    expect(h.points[0]).toEqual({ periodKey: 'FY2017-18', value: 60, target: null, n: 4, median: 70, q1: 60, q3: 80 });
  });

  it('says clearly what is not there', async () => {
    await expect(s.performance.compendium({ area: 'E99999999', group: 'east-five' })).rejects.toThrow(/Area "E99999999" not found/);
    await expect(s.performance.compendium({ area: A, group: 'nobody' })).rejects.toThrow(/Comparator group "nobody" not found/);
    await expect(s.performance.compendium({ area: A, group: 'east-five', period: '2022/25' })).rejects.toThrow(/consecutive/);
    await expect(s.performance.history({ indicator: 'NOPE', area: A })).rejects.toThrow(/Indicator "NOPE" not found/);
  });

  // Last: it adds a value in a new period.
  it("lays one council's values awaiting approval over the published ones when asked (a draft report's view)", async () => {
    // B's P1 2022/23 is the draft 10 of 'uses published values only'; the published ones are A 73, C 60, D 80.
    const b = (await s.performance.compendium({ area: B, group: 'east-five', period: '2022/23', unpublished: true })).rows[0];
    expect(b).toMatchObject({ value: 10, unpublished: true, rank: 4, quartileBand: 4 });
    expect([b.group.n, b.group.min, b.group.median]).toEqual([4, 10, 66.5]);
    expect((await s.performance.compendium({ area: B, group: 'east-five', period: '2022/23' })).rows[0]).toMatchObject({ value: null, rank: null });
    // Another council's drafts are not laid over: A sees the published group.
    const a = (await s.performance.compendium({ area: A, group: 'east-five', period: '2022/23', unpublished: true })).rows[0];
    expect(a.unpublished).toBeUndefined();
    expect([a.group.n, a.group.min]).toEqual([3, 60]);
    // A value in a period nobody has published yet joins the council's history and trend.
    await s.observations.import({ name: 'next.csv', content: `Financial year,Local authority code,Code,Value\n2023/24,${A},P1,75\n` }, { workflowState: 'submitted' });
    const h = await s.performance.history({ indicator: 'P1', area: A, group: 'east-five', unpublished: true });
    expect(h.points.at(-1)).toMatchObject({ periodKey: 'FY2023-24', value: 75, n: 1, median: 75 });
    expect((await s.performance.history({ indicator: 'P1', area: A, group: 'east-five' })).points.at(-1)!.periodKey).toBe('FY2022-23');
    const next = (await s.performance.compendium({ area: A, group: 'east-five', period: '2023/24', unpublished: true })).rows[0];
    expect(next).toMatchObject({ value: 75, unpublished: true, previous: { periodKey: 'FY2022-23', value: 73 }, directionPrevious: 'improving' });
  });
});
