// npm run bench -- benchmarking: the benchmarking engine at national scale, side by side with SQL.
// Generates ~950,000 synthetic values (bench/data.ts), imports them into an embedded database on
// disk through the ordinary bulk import, then, in fresh processes (a real "first call after
// start"), times the compendium for one council cold and warm, for every council of a ~150-member
// group, and the same one-council compendium computed in SQL. Last line: one JSON object of figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { periodOf, previousPeriod, yearEarlier } from '../src/domain/index.js';
import { services } from '../src/services/index.js';
import { openStore } from '../src/store/index.js';
import { compendiumInSql } from '../src/store/queries/compendiumInSql.js';
import { loadBenchmarkCsv, writeBenchmarkCsv } from './data.js';

const AREA = 'E10000018'; // Leicestershire
const GROUP = 'english-upper-tier';
const PERIOD = 'FY2023-24';
const HERE = fileURLToPath(import.meta.url);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await work();
  return [performance.now() - t, result];
}

/** Runs in a fresh process over the imported database: the server's view of the data. */
async function probe(mode: 'cold' | 'full', dataDir: string): Promise<Record<string, number>> {
  const [openMs, store] = await time(() => openStore({ dataDir }));
  const s = services(store, loadConfig({ dataDir }));
  const [coldMs, first] = await time(() => s.performance.compendium({ area: AREA, group: GROUP, period: PERIOD }));
  const figures: Record<string, number> = { openMs, coldMs, rows: first.rows.length };
  if (mode === 'full') {
    const warm: number[] = [];
    for (let i = 0; i < 30; i++) warm.push((await time(() => s.performance.compendium({ area: AREA, group: GROUP, period: PERIOD })))[0]);
    const [groupFirstMs, all] = await time(() => s.performance.compendiumForGroup({ group: GROUP, period: PERIOD }));
    const groupRuns: number[] = [];
    for (let i = 0; i < 3; i++) groupRuns.push((await time(() => s.performance.compendiumForGroup({ group: GROUP, period: PERIOD })))[0]);
    const others: number[] = [];
    for (const c of all.slice(0, 30)) others.push((await time(() => s.performance.compendium({ area: c.area.code, group: GROUP, period: PERIOD })))[0]);
    const [historyColdMs] = await time(() => s.performance.history({ indicator: 'BM001', area: AREA, group: GROUP }));
    const [historyWarmMs] = await time(() => s.performance.history({ indicator: 'BM001', area: AREA, group: GROUP }));

    const p = periodOf(PERIOD);
    const query = {
      area: AREA, members: (await s.groups.resolve(GROUP, null, PERIOD)).memberCodes, periodKey: PERIOD,
      previousKey: previousPeriod(p).key, yearEarlierKey: yearEarlier(p).key, seriesKeys: await s.performance.periods(),
    };
    const sqlRuns: number[] = [];
    let sqlRows = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, r] = await time(() => compendiumInSql(store.db, query));
      sqlRuns.push(ms);
      sqlRows = r.length;
    }
    gc();
    Object.assign(figures, {
      warmMs: median(warm), otherCouncilWarmMs: median(others), groupFirstMs, groupMs: median(groupRuns), groupMembers: all.length,
      historyColdMs, historyWarmMs, sqlMs: median(sqlRuns), sqlRows, rssMb: process.memoryUsage().rss / 1e6,
    });
  }
  await store.close();
  return figures;
}

function runProbe(mode: 'cold' | 'full', dataDir: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', HERE, '--probe', mode, dataDir], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/London' }, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  // --indicators N makes a smaller run (a quick check of the script); the figures are for 250.
  const at = process.argv.indexOf('--indicators');
  const indicators = at >= 0 ? Number(process.argv[at + 1]) : 250;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-bench-'));
  const file = path.join(dir, 'benchmark.csv');
  const dataDir = path.join(dir, 'workspace');
  try {
    const [generateMs, data] = await time(async () => writeBenchmarkCsv(file, { indicators }));
    console.log(`generated ${data.rows.toLocaleString('en-GB')} values (${data.indicators} indicators × ${data.areas} councils × ${data.periods.length} years, ${round(data.bytes / 1e6)} MB) in ${round(generateMs / 1000, 2)} s`);

    const store = await openStore({ dataDir });
    const s = services(store, loadConfig({ dataDir }));
    await s.workspace.init();
    const phases: Record<string, number> = {};
    const t0 = performance.now();
    const [importMs, imported] = await time(() => loadBenchmarkCsv(s, file, { onProgress: (p) => { if (p.done === 0 || !(p.phase in phases)) phases[p.phase] = performance.now() - t0; } }));
    console.log(`imported ${imported.rows.toLocaleString('en-GB')} values in ${round(importMs / 1000, 2)} s (reading ${round(phases.check / 1000, 2)} s, checking to ${round((phases.write ?? importMs) / 1000, 2)} s); RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
    await store.close();

    const full = runProbe('full', dataDir);
    const colds = [full.coldMs, runProbe('cold', dataDir).coldMs, runProbe('cold', dataDir).coldMs];
    console.log(`open workspace ${round(full.openMs)} ms; compendium for ${AREA} against ${GROUP} (${full.rows} indicators): first call ${colds.map((c) => round(c)).join(' / ')} ms, warm ${round(full.warmMs, 2)} ms (another council ${round(full.otherCouncilWarmMs, 2)} ms)`);
    console.log(`every council of ${GROUP} (${full.groupMembers}): first ${round(full.groupFirstMs)} ms, then ${round(full.groupMs)} ms; history ${round(full.historyColdMs)} ms cold, ${round(full.historyWarmMs, 2)} ms warm`);
    console.log(`the same compendium in SQL: ${round(full.sqlMs)} ms (${full.sqlRows} rows): ${round(full.sqlMs / full.warmMs)}× slower than warm, ${round(full.sqlMs / median(colds), 2)}× the first call; RSS with everything loaded ${Math.round(full.rssMb)} MB`);
    console.log(JSON.stringify({
      values: data.rows, indicators: data.indicators, councils: data.areas, periods: data.periods.length,
      importS: round(importMs / 1000, 2), compendiumColdMs: round(median(colds)), compendiumWarmMs: round(full.warmMs, 2),
      otherCouncilWarmMs: round(full.otherCouncilWarmMs, 2), groupMembers: full.groupMembers, groupAllMs: round(full.groupMs),
      groupAllFirstMs: round(full.groupFirstMs), historyColdMs: round(full.historyColdMs), historyWarmMs: round(full.historyWarmMs, 2),
      sqlMs: round(full.sqlMs), sqlToWarmRatio: round(full.sqlMs / full.warmMs), rssMb: Math.round(full.rssMb), openMs: round(full.openMs),
      loadAverage: round(os.loadavg()[0], 2),
    }));
  } finally {
    if (keep) console.error(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const probeAt = process.argv.indexOf('--probe');
if (probeAt >= 0) {
  const figures = await probe(process.argv[probeAt + 1] as 'cold' | 'full', process.argv[probeAt + 2]);
  console.log(JSON.stringify(figures));
} else {
  await main();
}
