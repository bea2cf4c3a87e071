// The real-data check: Oflog publishes, with its adult social care measures, the median over all
// councils and each council's MAD-scaled deviation. Importing its file and computing the same
// figures through the compendium must give the publisher's numbers on every non-blank row.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/domain/index.js';
import type { Compendium } from '../src/domain/performance.js';
import { testStore } from './helpers/store.js';
import { services } from '../src/services/index.js';
import { loadConfig } from '../src/config.js';
import { compendiumInSql } from '../src/store/queries/compendiumInSql.js';
import type { Store } from '../src/store/index.js';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
const FILE = path.join(SHARED, 'data', 'oflog-asc-metrics.csv');

interface OflogRow {
  'Financial year': string;
  'Local authority code': string;
  Code: string;
  Value: string;
  MEDIAN: string;
  MADs_from_median: string;
  rank_order: string;
}

let store: Store;
let s: ReturnType<typeof services>;
const rows: OflogRow[] = parse(fs.readFileSync(FILE), { columns: true, bom: true });
const byYear = new Map<string, Compendium[]>();

beforeAll(async () => {
  store = await testStore();
  s = services(store, loadConfig());
  const result = await s.observations.import(FILE, { polarityFrom: 'rank_order' });
  expect(result).toMatchObject({ rows: 6376, inserted: 6376, missing: 298 });
  // "Over all councils in the file": a group of every council that appears in it.
  await s.groups.custom('oflog-all', [...new Set(rows.map((r) => r['Local authority code']))]);
  for (const year of new Set(rows.map((r) => r['Financial year']))) {
    byYear.set(year, await s.performance.compendiumForGroup({ group: 'oflog-all', period: year }));
  }
});
afterAll(async () => { await store?.close(); });

/** The publisher's file gives some figures to 9 or 10 significant digits; ours are full doubles. */
const close = (ours: number, theirs: number, relative: number) => Math.abs(ours - theirs) <= relative * Math.max(1, Math.abs(theirs));

describe('Oflog adult social care metrics', () => {
  it('reads polarity from rank_order in any case, None as no judgement', async () => {
    const indicators = Object.fromEntries((await s.indicators.list()).map((i) => [i.code, i.polarity]));
    expect(indicators).toEqual({ ASC1: 'higher', ASC2: 'higher', ASC3: 'higher', ASC4: 'higher', ASC5: 'higher', ASC6: 'none', ASC7: 'none' });
  });

  it("reproduces the publisher's MEDIAN and MADs_from_median on every non-blank row", () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const r of rows) {
      if (r.Value === '') continue;
      const period = parsePeriod(r['Financial year']);
      if (!period.ok) throw new Error(period.error);
      const compendium = byYear.get(r['Financial year'])?.find((c) => c.area.code === r['Local authority code']);
      const row = compendium?.rows.find((x) => x.indicator.code === r.Code);
      const where = `${r['Financial year']} ${r.Code} ${r['Local authority code']}`;
      if (!row || row.group.median === null || row.madDeviation === null) {
        wrong.push(`${where}: no figure`);
        continue;
      }
      expect(row.value).toBe(Number(r.Value));
      if (!close(row.group.median, Number(r.MEDIAN), 1e-9)) wrong.push(`${where}: median ${row.group.median} ≠ ${r.MEDIAN}`);
      if (!close(row.madDeviation, Number(r.MADs_from_median), 1e-7)) wrong.push(`${where}: MADs ${row.madDeviation} ≠ ${r.MADs_from_median}`);
      checked++;
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBe(6078);
  });

  it('agrees with the same compendium computed in SQL (percentile_cont, rank())', async () => {
    const members = [...new Set(rows.map((r) => r['Local authority code']))];
    for (const area of ['E10000018', 'E09000001', 'E06000053']) {
      const ours = byYear.get('2022-23')?.find((c) => c.area.code === area) as Compendium;
      const inSql = await compendiumInSql(store.db, {
        area, members, periodKey: 'FY2022-23', previousKey: 'FY2021-22', yearEarlierKey: 'FY2021-22',
        seriesKeys: ['FY2015-16', 'FY2016-17', 'FY2017-18', 'FY2018-19', 'FY2019-20', 'FY2020-21', 'FY2021-22', 'FY2022-23'],
      });
      expect(inSql.length).toBe(ours.rows.length);
      for (const row of ours.rows) {
        const other = inSql.find((x) => x.indicator_id === row.indicator.id);
        expect(other).toMatchObject({
          value: row.value, n: row.group.n, min: row.group.min, max: row.group.max, median: row.group.median,
          rank: row.rank, quartile_band: row.quartileBand, previous: row.previous.value, trend_points: row.trendPoints,
        });
        for (const k of ['q1', 'q3', 'mad', 'mean'] as const) expect(Number(other?.[k])).toBeCloseTo(row.group[k] as number, 9);
        if (row.madDeviation === null) expect(other?.mad_deviation).toBeNull();
        else expect(Number(other?.mad_deviation)).toBeCloseTo(row.madDeviation, 9);
      }
    }
  });

  it('keeps blank values as missing: no deviation, and left out of the median', () => {
    const blanks = rows.filter((r) => r.Value === '');
    expect(blanks).toHaveLength(298);
    for (const r of blanks) {
      const row = byYear.get(r['Financial year'])?.find((c) => c.area.code === r['Local authority code'])?.rows.find((x) => x.indicator.code === r.Code);
      expect(row).toMatchObject({ value: null, madDeviation: null, rank: null, rag: 'missing' });
      expect(close(row?.group.median as number, Number(r.MEDIAN), 1e-9)).toBe(true);
    }
  });
});
