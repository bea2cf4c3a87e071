// Property-based fuzz of every importer through its service into an embedded database: each input is
// either imported correctly (the rows it reports are there, with an audit event) or refused with one
// of the product's own errors, and then nothing at all was written.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { openStore, type Store } from '../../src/store/index.js';
import { loadConfig } from '../../src/config.js';
import { services, type Services } from '../../src/services/index.js';
import { checkBackup } from '../../src/services/backup.js';
import { DB_RUNS, RUNS, expectClearError, tmpDir } from './helpers.js';

let dir: string;
let store: Store;
let s: Services;
const snapshot = () => new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
async function fresh(): Promise<[Store, Services]> {
  const st = await openStore({ dataDir: '', inMemory: true, snapshot: snapshot() });
  const sv = services(st, loadConfig({ dataDir: dir }));
  await sv.workspace.init();
  return [st, sv];
}
beforeAll(async () => {
  dir = tmpDir('fuzz');
  [store, s] = await fresh();
  await s.plans.create({
    title: 'Fuzz plan', councilCode: 'E10000018', startDate: '2022-04-01', endDate: '2026-03-31',
    outcomes: [{ title: 'Strong Economy', themes: [{ title: 'Skills' }] }, { title: 'Safe Places' }],
  });
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const counts = async (sv = s) => (await sv.workspace.status()).counts;

/**
 * Runs one import and checks the all-or-nothing property: a clear error and no table changed, or
 * success, after which CHECK verifies that what it reports is what was written.
 */
async function allOrNothing<T>(tally: Tally, work: () => Promise<T>, check: (result: T, before: Record<string, number>, after: Record<string, number>) => void, sv = s): Promise<void> {
  const before = await counts(sv);
  let result: T;
  try {
    result = await work();
  } catch (e) {
    expectClearError(e);
    expect(await counts(sv)).toEqual(before);
    tally.refused++;
    return;
  }
  check(result, before, await counts(sv));
  tally.imported++;
}

/** How many inputs were imported and how many refused: a fuzz that only ever reaches one side proves little. */
interface Tally { imported: number; refused: number }
const tally = (): Tally => ({ imported: 0, refused: 0 });
function expectBothSides(t: Tally): void {
  expect(t.imported, 'inputs imported').toBeGreaterThan(0);
  expect(t.refused, 'inputs refused').toBeGreaterThan(0);
}

const codes = ['E10000018', 'E07000129', 'E07000130', 'E06000016', 'E99999999', 'W06000001', 'x', ''];
const cell = fc.oneof(
  fc.constantFrom(...codes, 'ASC1', 'ASC2', 'asc1', '2021/22', '2022/23', '2023-24', '2022', '12.5', '-3', '1e308', '', ' ', '#DIV/0!',
    'provisional', 'final', '..', 'NaN', '1,234', 'higher', 'lower', 'percent', 'count', 'annual', 'Strong Economy', 'quarterly'),
  fc.string({ maxLength: 10 }),
);
const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const csv = (header: fc.Arbitrary<string[]>) => fc.oneof(
  fc.tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 })).map(([h, rows]) => [h, ...rows].map((r) => r.map(quote).join(',')).join('\n')),
  fc.string({ maxLength: 200 }),
);

describe('fuzz through the services into PGlite', () => {
  it('observation tables (CSV): a correct import or a clear error and nothing written', async () => {
    const seen = tally();
    const header = fc.shuffledSubarray(['indicator', 'area', 'period', 'value', 'status', 'note', 'title', 'polarity', '2021/22', '2022/23'], { minLength: 1 });
    await fc.assert(fc.asyncProperty(csv(header), fc.boolean(), async (text, skipInvalid) => {
      await allOrNothing(seen, () => s.observations.import({ name: 'values.csv', content: text }, { skipInvalid }), (r, before, after) => {
        expect(after.observations).toBe(before.observations + r.inserted);
        expect(after.indicators).toBe(before.indicators + r.indicatorsCreated.length);
        if (r.inserted + r.updated > 0 || r.indicatorsCreated.length) expect(after.audit_events).toBeGreaterThan(before.audit_events);
      });
    // A sound table and a broken one always run too: random tables rarely name a known area, period
    // and number together, and both sides must be seen whatever the seed and the number of runs.
    }), { numRuns: RUNS, examples: [['indicator,area,period,value\nFZ-OBS,E10000018,2022/23,12.5\n', false], ['indicator,area,period,value\nFZ-OBS,E99999999,someday,lots\n', false]] });
    expectBothSides(seen);
  });

  it('indicator definitions: a correct import or a clear error and nothing written', async () => {
    const seen = tally();
    const header = fc.shuffledSubarray(['code', 'title', 'unit', 'polarity', 'frequency', 'decimal places', 'outcome', 'source', 'definition', 'change tolerance'], { minLength: 1 });
    await fc.assert(fc.asyncProperty(csv(header), async (text) => {
      await allOrNothing(seen, () => s.indicators.importDefinitions({ name: 'indicators.csv', content: text }), (r, before, after) => {
        expect(after.indicators).toBe(before.indicators + r.created.length);
        if (r.created.length + r.updated.length) expect(after.audit_events).toBeGreaterThan(before.audit_events);
      });
    // A sound file and a broken one always run too: random files rarely make a valid definition, and
    // both sides must be seen whatever the seed and the number of runs.
    }), { numRuns: RUNS, examples: [['code,title,unit\nFZ1,Fuzzed indicator,percent\n'], ['code,title,unit\nFZ 2,,furlongs\n']] });
    expectBothSides(seen);
  });

  it('groups files (nearest neighbours): a correct import or a clear error and nothing written', async () => {
    const seen = tally();
    const code = fc.constantFrom(...codes);
    const json = fc.oneof(
      fc.dictionary(code, fc.oneof(fc.array(fc.oneof(code, fc.integer(), fc.constant(null)), { maxLength: 6 }), fc.string(), fc.constant(null))).map((d) => JSON.stringify(d)),
      fc.json(),
      fc.string({ maxLength: 100 }),
    );
    const name = fc.constantFrom('neighbours', 'cipfa', 'bad name', 'all', 'region:x', '');
    await fc.assert(fc.asyncProperty(json, name, fc.boolean(), async (text, groupName, skipInvalid) => {
      await allOrNothing(seen, () => s.groups.import({ name: 'neighbours.json', content: text }, { name: groupName, skipInvalid }), (r) => {
        expect(r.groups).toBeGreaterThan(0);
      });
      const listed = (await s.groups.list()).find((g) => g.name === groupName);
      if (listed) expect(listed.name).toBe(groupName);
    // A sound file and a broken one always run too, so that both sides are seen whatever the seed.
    }), { numRuns: RUNS, examples: [['{"E10000018":["E10000007","E10000019"]}', 'neighbours', false], ['[1,2]', 'neighbours', false]] });
    expectBothSides(seen);
  });

  it('report files: imported into a new plan with every entry it reports, or a clear error and nothing written', async () => {
    const seen = tally();
    const line = fc.oneof(
      fc.constantFrom('# Strong Economy', '## Skills', '# Safe Places', '- We built 120 homes in Melton in 2023/24.', '£4.5m was invested in roads.',
        'We will open the new library by March 2026.', 'Working with the NHS and Charnwood Borough Council.', '', '<p>html</p>', '**Bold**'),
      fc.string({ maxLength: 60 }),
    );
    const text = fc.array(line, { maxLength: 30 }).map((l) => l.join('\n'));
    const name = fc.constantFrom('annual-report-2024.md', 'report.txt', 'report.html', 'report.pdf', 'report.docx', 'report.exe');
    // A workspace's plans may not overlap: each run's new plan covers one year of its own (from 1900,
    // stepping over the years the test workspace's own plan may use), so at most 150 runs.
    let run = 0;
    await fc.assert(fc.asyncProperty(text, name, async (body, file) => {
      const start = 1900 + run + (run >= 110 ? 30 : 0);
      run++;
      const options = { newPlanTitle: `Imported plan ${run}`, newPlanYears: `${start}-${start + 1}`, reportYear: start + 1 };
      await allOrNothing(seen, () => s.imports.run([{ name: file, bytes: new TextEncoder().encode(body) }], options), (r, before, after) => {
        expect(after.plans).toBe(before.plans + 1);
        expect(after.entries).toBe(before.entries + r.totals.entries);
        expect(after.commitments).toBe(before.commitments + r.totals.commitments);
        expect(after.audit_events).toBeGreaterThan(before.audit_events);
      });
    }), { numRuns: Math.min(DB_RUNS, 150) });
    expectBothSides(seen);
  });
});

describe('fuzz: backup files', () => {
  let good: string[];
  beforeAll(async () => {
    await s.observations.import({ name: 'v.csv', content: 'indicator,area,period,value\nASC1,E10000018,2022/23,12.5\nASC1,E07000129,2022/23,3\n' });
    const file = path.join(dir, 'good.backup.gz');
    await s.backup.backup(file);
    good = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  });

  /** A backup with one line changed, removed or repeated; half are re-signed (digest and counts recomputed) so the row rules are what must catch them. */
  const mutated = fc.record({
    at: fc.nat(),
    how: fc.constantFrom('value', 'remove', 'repeat', 'swap', 'raw'),
    column: fc.nat(),
    value: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(null, 'superuser', '-1', '1e999', 'true', '{"a":1}', '\\x00', '2024-13-45 25:00:00+00', 'E99999999'), fc.integer(), fc.constant({})),
    raw: fc.string({ maxLength: 40 }),
    resign: fc.boolean(),
  }).map(({ at, how, column, value, raw, resign }) => {
    const lines = good.slice(0, -1); // without the empty string after the final newline
    const i = 1 + (at % (lines.length - 2));
    if (how === 'remove') lines.splice(i, 1);
    else if (how === 'repeat') lines.splice(i, 0, lines[i]);
    else if (how === 'swap') [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    else if (how === 'raw') lines[i] = raw;
    else if (lines[i].startsWith('[')) {
      const row = JSON.parse(lines[i]) as unknown[];
      row[column % row.length] = value;
      lines[i] = JSON.stringify(row);
    }
    return resign ? resigned(lines) : `${lines.join('\n')}\n`;
  });

  function resigned(lines: string[]): string {
    const body = lines.filter((l) => !l.startsWith('{"end":true'));
    const hash = createHash('sha256');
    const tally: Record<string, number> = {};
    let table = '';
    for (const l of body) {
      hash.update(`${l}\n`);
      if (l.startsWith('{"table"')) {
        try { table = (JSON.parse(l) as { table: string }).table; tally[table] = 0; } catch { /* a broken marker stays broken */ }
      } else if (l.startsWith('[')) tally[table] = (tally[table] ?? 0) + 1;
    }
    const rows = Object.values(tally).reduce((a, b) => a + b, 0);
    return `${[...body, JSON.stringify({ end: true, tables: Object.keys(tally).length, rows, counts: tally, sha256: hash.digest('hex') })].join('\n')}\n`;
  }

  it('checks any damaged or edited backup to a verdict: sound, or refused in one sentence', async () => {
    const file = path.join(dir, 'fuzzed.backup.gz');
    await fc.assert(fc.asyncProperty(mutated, async (text) => {
      fs.writeFileSync(file, zlib.gzipSync(text));
      try {
        await checkBackup(file);
      } catch (e) {
        expectClearError(e);
        expect((e as Error).message).toMatch(/; nothing was restored\.$/);
      }
    }), { numRuns: RUNS });
  });

  it('restores a backup the check passes, and writes nothing from one it refuses', async () => {
    const file = path.join(dir, 'restored.backup.gz');
    let [target, t] = await fresh();
    const seen = tally();
    try {
      await fc.assert(fc.asyncProperty(mutated, async (text) => {
        fs.writeFileSync(file, zlib.gzipSync(text));
        const verdict = await checkBackup(file).then(() => 'sound', (e: Error) => e.message);
        const before = await counts(t);
        try {
          const r = await t.backup.restore(file);
          // A file the check passes restores whole; restore never takes one the check refuses.
          expect(verdict).toBe('sound');
          expect(Object.fromEntries(Object.entries(await counts(t)))).toEqual(r.tables);
          seen.imported++;
          await target.close();
          [target, t] = await fresh();
        } catch (e) {
          expectClearError(e);
          expect(await counts(t)).toEqual(before);
          if (verdict === 'sound') throw new Error(`the check passed a file that restore refused: ${(e as Error).message}`);
          seen.refused++;
        }
      }), { numRuns: DB_RUNS });
      expectBothSides(seen);
    } finally {
      await target.close();
    }
  });
});
