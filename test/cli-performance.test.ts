// The CLI end to end on the real Oflog data: Leicestershire (E10000018) against its nearest
// neighbours, and one clear line on bad input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import type { Compendium } from '../src/domain/performance.js';
import { workspaceFolder } from './helpers/workspace-folder.js';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-cli-'));

async function cli(...args: string[]): Promise<string> {
  let captured = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    captured += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await buildProgram().exitOverride().parseAsync(['--data', dir, ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  return captured;
}

beforeAll(async () => {
  await workspaceFolder(dir); // as init leaves a folder (helpers/workspace-folder.ts)
  await cli('observations', 'import', path.join(DATA, 'oflog-asc-metrics.csv'), '--map', 'Financial year=period,Local authority code=area,Code=indicator,Value=value,Measure=title', '--polarity-from', 'rank_order');
  await cli('groups', 'import', path.join(DATA, 'oflog-nearest-neighbours.json'), '--name', 'neighbours', '--skip-invalid');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compendium performance on the real data', () => {
  it('gives Leicestershire against its 16 nearest neighbours in 2022/23', async () => {
    const c = JSON.parse(await cli('performance', '--area', 'E10000018', '--group', 'neighbours', '--period', '2022/23', '--format', 'json')) as Compendium;
    const neighbours = (JSON.parse(fs.readFileSync(path.join(DATA, 'oflog-nearest-neighbours.json'), 'utf8')) as Record<string, string[]>).E10000018;
    expect(c.area.code).toBe('E10000018');
    expect(c.group).toMatchObject({ name: 'neighbours', members: neighbours.length });
    expect(c.group.label).toBe('Nearest statistical neighbours of Leicestershire');

    // Worked independently from the file: the neighbours' 2022-23 values of each measure.
    const records: Record<string, string>[] = parse(fs.readFileSync(path.join(DATA, 'oflog-asc-metrics.csv')), { columns: true, bom: true });
    const mine = records.filter((r) => r['Financial year'] === '2022-23' && neighbours.includes(r['Local authority code']) && r.Value !== '');
    const codes = [...new Set(mine.map((r) => r.Code))].sort();
    expect(c.rows.map((r) => r.indicator.code)).toEqual(codes);
    for (const row of c.rows) {
      const values = mine.filter((r) => r.Code === row.indicator.code).map((r) => Number(r.Value)).sort((a, b) => a - b);
      const own = Number(mine.find((r) => r.Code === row.indicator.code && r['Local authority code'] === 'E10000018')?.Value);
      const mid = values.length / 2;
      const median = values.length % 2 ? values[Math.floor(mid)] : (values[mid - 1] + values[mid]) / 2;
      expect(row.value).toBe(own);
      expect(row.group.n).toBe(values.length);
      expect(row.group.median).toBeCloseTo(median, 12);
      if (row.indicator.polarity === 'higher') {
        expect(row.rank).toBe(1 + values.filter((v) => v > own).length);
        expect(row.quartileBand).toBe(Math.ceil((4 * (row.rank as number)) / values.length));
      } else {
        expect(row.rank).toBeNull();
      }
    }
    expect(c.summary.indicators).toBe(c.rows.length);
  });

  it('prints a readable table with words and symbols for status', async () => {
    const text = await cli('performance', '--area', 'E10000018', '--group', 'neighbours', '--period', '2022/23');
    expect(text).toContain('Leicestershire County Council (E10000018), financial year 2022/23, against Nearest statistical neighbours of Leicestershire (16 councils)');
    expect(text).toMatch(/ASC3 +Outcome, Ease of finding information ab… +61\.8 .* 15 of 16 +Q4/);
  });

  it('gives every member of the group at once as CSV', async () => {
    const csv = await cli('performance', '--area', 'E10000018', '--group', 'neighbours', '--period', '2022/23', '--all', '--format', 'csv');
    const records: Record<string, string>[] = parse(csv, { columns: true });
    expect(new Set(records.map((r) => r.area_code)).size).toBe(16);
    expect(records.every((r) => r.period === 'FY2022-23')).toBe(true);
  });

  it('says what is wrong in one sentence on bad input', async () => {
    await expect(cli('performance', '--area', 'E10000018', '--group', 'neighbours', '--period', '2022/25')).rejects.toThrow(/^"2022\/25": the two years must be consecutive, as in 2023\/24$/);
    await expect(cli('performance', '--area', 'E10000018', '--format', 'xml')).rejects.toThrow(/^--format must be table, csv or json, not "xml"$/);
  });
});
